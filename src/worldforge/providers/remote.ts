/**
 * Options shared by the remote media adapters. Configuration comes from explicit options first,
 * then from the environment (blank values count as unset). Suites and tests always pass explicit
 * options, so evidence never depends on a developer's shell.
 */
import type { EventSink } from '../events.ts';
import { REMOTE_DEFAULTS, isLocalTarget, type RequestPolicy } from './http.ts';

export interface RemoteProviderOptions {
  events?: EventSink;
  /** API base URL (origin, without `/v1`). */
  baseUrl?: string;
  /** API key or bearer token. */
  apiKey?: string;
  /** Overrides of the request policy (tests use a 1 ms poll interval). */
  policy?: Partial<RequestPolicy>;
  /** Environment to read when an option is absent; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Fetch artifacts from loopback/private addresses. Defaults to true only when the API itself is
   * on such an address (a local replay or self-hosted endpoint), else to the provider's opt-in env var.
   */
  allowLocalArtifacts?: boolean;
}

/** First non-blank value among `names` in `env`. */
export function envValue(env: Readonly<Record<string, string | undefined>>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

export function resolvePolicy(policy: Partial<RequestPolicy> | undefined): RequestPolicy {
  return { ...REMOTE_DEFAULTS, ...policy };
}

/** Whether artifacts on local addresses may be fetched (see `allowLocalArtifacts`). */
export function localArtifactsAllowed(options: RemoteProviderOptions, baseUrl: string | undefined, optInEnv: string): boolean {
  if (options.allowLocalArtifacts !== undefined) return options.allowLocalArtifacts;
  if (baseUrl && isLocalTarget(baseUrl)) return true;
  return /^(1|true|yes)$/i.test(envValue(options.env ?? process.env, optInEnv) ?? '');
}

/** `origin + path`, tolerating a trailing slash on the origin. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;
