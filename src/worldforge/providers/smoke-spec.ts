/**
 * Smoke specs: how `worldforge smoke <provider>` makes one live call to a provider that is not
 * checkout-safe. A provider's module declares its spec (inside its `ProviderOperations`); the smoke
 * CLI only loops over the specs, so subcommands, capability choices, help, skips and the run
 * manifest's env summary all come from here.
 */
import { readFileSync } from 'node:fs';
import type { Capability } from '../capabilities/index.ts';
import type { LiveSmokeStatus } from '../live-smoke.ts';
import { redactText } from '../redaction.ts';
import { exchangeFilePath } from '../replay/exchange.ts';
import type { SkipReason } from '../schema/primitives.ts';
import { envNamesFor, envVarPhrase, type ProviderOperations } from './operations.ts';
import { envValue } from './remote.ts';

/** A usage problem while preparing a smoke (wrong capability, missing input file): exit 2, nothing written. */
export class SmokeUsageError extends Error {}

/** What the user passed to `worldforge smoke <provider>`, as request builders see it. */
export interface SmokeInputs {
  prompt: string;
  durationSeconds: number;
  /** Path of the input clip (`--input-video`). */
  inputVideo?: string;
}

/** One smokable capability and how its request is built from the CLI inputs. */
export interface SmokeRequest {
  capability: Capability;
  /** Needs `--input-video`; the smoke command shown for it names a placeholder clip. */
  needsInputVideo: boolean;
  /** The capability request to send. Throws `SmokeUsageError` on unusable inputs. */
  build(inputs: SmokeInputs): unknown;
}

/** The shape of the clip a transfer smoke sends: one encoded 720p container. */
const SMOKE_CLIP = { fps: 24, width: 1280, height: 720, contentType: 'video/mp4' } as const;

/** Request builders shared by the specs, one per capability that can be smoked today. */
export const SMOKE_REQUESTS = {
  generate: {
    capability: 'generate',
    needsInputVideo: false,
    build: ({ prompt, durationSeconds }) => ({ prompt, duration_seconds: durationSeconds }),
  },
  transfer: {
    capability: 'transfer',
    needsInputVideo: true,
    build: ({ prompt, durationSeconds, inputVideo }) => {
      if (!inputVideo) throw new SmokeUsageError('transfer needs --input-video <file.mp4> (the clip to re-render).');
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(inputVideo));
      } catch {
        throw new SmokeUsageError(`--input-video: cannot read ${redactText(inputVideo)}.`);
      }
      const { fps, width, height, contentType } = SMOKE_CLIP;
      return {
        clip: { frames: [bytes], fps, resolution: { width, height }, duration_seconds: durationSeconds, content_type: contentType },
        width,
        height,
        fps,
        prompt,
      };
    },
  },
} as const satisfies Record<string, SmokeRequest>;

/** What a smoke cannot run without: the typed skip it yields, and how help text names it. */
export const SMOKE_PREREQUISITES = {
  credentials: { reason: 'missing_credentials', label: 'credentials' },
  endpoint: { reason: 'missing_runtime', label: 'an endpoint' },
} as const satisfies Record<string, { reason: SkipReason; label: string }>;
export type SmokePrerequisite = keyof typeof SMOKE_PREREQUISITES;

interface SmokeSpecBase {
  /** Env var holding the API origin (without `/v1`); `--base-url` overrides it. */
  baseUrlVar: string;
  /** What to do when the prerequisite is missing: the sentence after "<variable> is not set." */
  remedy: string;
  /** Smokable capabilities in CLI order (the first is the default); exactly the advertised ones. */
  requests: readonly SmokeRequest[];
}

/**
 * A provider's smoke: without its credential (read with its aliases) or, for `endpoint`, without an
 * origin from `--base-url` or `baseUrlVar`, the run is a typed skip instead of a call.
 */
export type SmokeSpec = SmokeSpecBase &
  ({ requires: 'credentials'; credentialVar: string } | { requires: 'endpoint'; credentialVar?: string });

type SmokeSkipReason = (typeof SMOKE_PREREQUISITES)[SmokePrerequisite]['reason'];

/** The typed skip of a smoke whose prerequisite is missing: the live-smoke status and envelope reason. */
export interface SmokeSkip {
  reason: SmokeSkipReason;
  status: `skipped_${SmokeSkipReason}` & LiveSmokeStatus;
  message: string;
}

/** The variable whose absence skips the smoke. */
const prerequisiteVar = (spec: SmokeSpec) => (spec.requires === 'credentials' ? spec.credentialVar : spec.baseUrlVar);

/** The skip a smoke yields when its prerequisite is missing (whatever the environment holds). */
export function smokeSkipOf(provider: string, operations: ProviderOperations): SmokeSkip {
  const { smoke } = operations;
  const reason = SMOKE_PREREQUISITES[smoke.requires].reason;
  return {
    reason,
    status: `skipped_${reason}` as const,
    message: `${provider} was not called: ${envVarPhrase(operations, prerequisiteVar(smoke))} is not set. ${smoke.remedy}`,
  };
}

/** Why the smoke cannot run from this environment (a typed skip), or null when it can. */
export function smokeSkip(
  provider: string,
  operations: ProviderOperations,
  env: Readonly<Record<string, string | undefined>>,
  baseUrl?: string,
): SmokeSkip | null {
  const { smoke } = operations;
  if (smoke.requires === 'endpoint' && baseUrl) return null;
  return envValue(env, ...envNamesFor(operations, prerequisiteVar(smoke))) ? null : smokeSkipOf(provider, operations);
}

/** Env vars a smoke reports in its run manifest (names and presence only), in declaration order. */
export function smokeEnvNames(operations: ProviderOperations): string[] {
  const { smoke } = operations;
  const read = new Set([...(smoke.credentialVar ? envNamesFor(operations, smoke.credentialVar) : []), smoke.baseUrlVar]);
  return operations.env.map((v) => v.name).filter((name) => read.has(name));
}

/**
 * The command that smokes one capability, as docs, pages and triage show it: `--capability` only
 * when the provider offers a choice, a placeholder clip when the request needs one.
 */
export function smokeCommand(provider: string, spec: SmokeSpec, capability: Capability, options: { json?: boolean } = {}): string {
  const request = spec.requests.find((r) => r.capability === capability);
  if (!request) throw new Error(`${provider} does not smoke ${capability}.`);
  return [
    `npx worldforge smoke ${provider}`,
    ...(spec.requests.length > 1 ? [`--capability ${capability}`] : []),
    ...(request.needsInputVideo ? ['--input-video clip.mp4'] : []),
    ...(options.json ? ['--json'] : []),
  ].join(' ');
}

/** The runtime manifest's `smoke_commands`: one per smokable capability. */
export function smokeCommands(provider: string, spec: SmokeSpec): { capability: Capability; command: string }[] {
  return spec.requests.map(({ capability }) => ({ capability, command: smokeCommand(provider, spec, capability) }));
}

/**
 * Path of a recorded exchange, the folder `loadExchanges` reads (`fixtures/providers/<provider>/`);
 * remedies cite one for an offline rehearsal with `npx worldforge smoke replay`.
 */
export const recordedExchangePath = (provider: string, file: string) => exchangeFilePath(provider, `${file}.json`);
