/**
 * `worldforge smoke <provider>`: one live call against the real upstream (or whatever the env
 * points at), written as a sanitized run manifest under `.worldforge/runs/<run-id>/`. Without the
 * provider's prerequisite (a credential or an endpoint) the run is a typed skip, not a failure.
 * Everything provider-specific comes from the provider's smoke spec (`ProviderOperations`);
 * `worldforge smoke record` turns a manifest into a live-smoke registry entry (see smoke-record.ts).
 */
import { randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import { summarizeNonMediaResult } from '../src/worldforge/bridge/smoke.ts';
import { closeProvider } from '../src/worldforge/bridge/suite.ts';
import type { Capability } from '../src/worldforge/capabilities/index.ts';
import { digestOf, sha256Tag } from '../src/worldforge/digest.ts';
import { isWorldForgeError } from '../src/worldforge/errors.ts';
import { EventRecorder } from '../src/worldforge/events.ts';
import { type EndpointClass, endpointClassOfUrl, type HostLookup, resolveEndpointClass } from '../src/worldforge/endpoint-class.ts';
import {
  boundedMessage,
  RUN_MANIFEST_LIMITS,
  RUN_MANIFEST_SCHEMA,
  writeRunManifest,
  type RunManifest,
} from '../src/worldforge/manifests.ts';
import { CATALOG, createProvider, operationsOf, SMOKE_PROVIDER_NAMES } from '../src/worldforge/providers/catalog.ts';
import { envValue } from '../src/worldforge/providers/remote.ts';
import { smokeEnvNames, smokeSkip, SmokeUsageError, type SmokeSkip } from '../src/worldforge/providers/smoke-spec.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import type { CaseStatus } from '../src/worldforge/schema/primitives.ts';
import { WORLDFORGE_VERSION } from '../src/worldforge/evidence/suite/repo.ts';
import { recordSmokeRun } from '../src/worldforge/runs/smoke.ts';
import { startRun } from '../src/worldforge/runs/workspace.ts';

/** Providers `worldforge smoke` can call: those that declare a smoke spec, in catalog order. */
export const SMOKE_PROVIDERS: readonly string[] = SMOKE_PROVIDER_NAMES;
export type SmokeProvider = string;

/** The outcome a smoke prints: the registry's vocabulary. */
export type SmokeStatus = CaseStatus | SmokeSkip['status'];

export interface SmokeOptions {
  provider: SmokeProvider;
  capability: Capability;
  /** Environment to read (defaults to process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Folder holding run folders (default `.worldforge/runs`). */
  runsDir: string;
  prompt: string;
  durationSeconds: number;
  /** Input video for transfer. */
  inputVideo?: string;
  /** API origin overriding the env (e.g. a loopback replay server). */
  baseUrl?: string;
  /** Delay between task polls (default: the provider's; tests use 1 ms). */
  pollIntervalMs?: number;
  /** The command as typed, for the manifest. */
  command: string;
  now?: Date;
  /** DNS for classifying a named endpoint (default: the system resolver; tests inject one). */
  lookup?: HostLookup;
}

/**
 * Where a smoke goes, as an endpoint class: the provider's built-in upstream is public; an origin
 * from `--base-url` or the env is classified by its host, and — when a call is made — by the
 * addresses its name resolves to. A skip calls nothing, so it is classified without DNS.
 */
async function endpointOf(origin: string | undefined, calls: boolean, lookup: HostLookup | undefined): Promise<EndpointClass> {
  if (origin === undefined) return 'public';
  return calls ? resolveEndpointClass(origin, lookup) : endpointClassOfUrl(origin);
}

export interface SmokeOutcome {
  status: SmokeStatus;
  provider: string;
  capability: Capability;
  message: string;
  /** Path of the run manifest written, relative to the working directory. */
  run_manifest: string;
}

function runId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

const EXTENSIONS: Record<string, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov' };

export async function runSmoke(options: SmokeOptions): Promise<SmokeOutcome> {
  if (!SMOKE_PROVIDERS.includes(options.provider)) {
    throw new SmokeUsageError(`${options.provider} has no smoke spec; smokable providers: ${SMOKE_PROVIDERS.join(', ')}.`);
  }
  const operations = operationsOf(options.provider);
  const runtime = CATALOG[options.provider]!.runtime!;
  const provider = createProvider(options.provider, { env: options.env });
  const smokeRequest = operations.smoke.requests.find((r) => r.capability === options.capability);
  if (!provider.supports(options.capability) || !smokeRequest) {
    throw new SmokeUsageError(
      `${options.provider} does not advertise ${options.capability}; it offers ${provider.profile.capabilities.join(', ')}.`,
    );
  }
  const now = options.now ?? new Date();
  const id = runId(now);
  const runDir = join(options.runsDir, id);
  const skip = smokeSkip(options.provider, operations, options.env, options.baseUrl);
  const inputs = { prompt: options.prompt, durationSeconds: options.durationSeconds, inputVideo: options.inputVideo };
  // A skip reads no input file: its digest covers the prompt and duration only.
  const request = skip ? { prompt: options.prompt, duration_seconds: options.durationSeconds } : smokeRequest.build(inputs);
  // The run workspace (manifest.json, events.jsonl) that `runs list/show/bundle` read, next to run_manifest.json.
  const workspace = startRun({
    kind: 'smoke',
    command: options.command,
    provider: options.provider,
    capability: options.capability,
    runsDir: options.runsDir,
    id,
    env: smokeEnvNames(operations),
    environment: options.env,
    now,
  });
  const recorder = new EventRecorder();
  const origin = options.baseUrl ?? envValue(options.env, operations.smoke.baseUrlVar);
  const endpoint = await endpointOf(origin, !skip, options.lookup);
  const base: Omit<RunManifest, 'status' | 'result_digest' | 'artifacts' | 'error_code' | 'skip_reason' | 'message' | 'event_count'> = {
    schema: RUN_MANIFEST_SCHEMA,
    run_id: id,
    created_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    worldforge_version: WORLDFORGE_VERSION,
    command: redactText(options.command),
    provider: options.provider,
    capability: options.capability,
    endpoint,
    runtime_manifest: runtime.id,
    input_digest: digestOf(request),
    env_summary: smokeEnvNames(operations).map((name) => ({ name, present: envValue(options.env, name) !== undefined })),
  };
  const finish = (manifest: RunManifest, status: SmokeStatus): SmokeOutcome => {
    const file = writeRunManifest(runDir, manifest);
    recordSmokeRun(workspace, manifest, recorder.events);
    return {
      status,
      provider: options.provider,
      capability: options.capability,
      message: manifest.message,
      run_manifest: relative(process.cwd(), file) || file,
    };
  };
  if (skip) {
    return finish(
      {
        ...base,
        status: 'skipped',
        result_digest: null,
        artifacts: [],
        event_count: 0,
        error_code: null,
        skip_reason: skip.reason,
        message: boundedMessage(skip.message),
      },
      skip.status,
    );
  }
  const live = createProvider(options.provider, {
    env: options.env,
    events: recorder.sink,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.pollIntervalMs !== undefined ? { policy: { pollIntervalMs: options.pollIntervalMs } } : {}),
  });
  try {
    const called = await live.call(options.capability, request);
    // Score and policy (bridge providers) keep a shape summary, never tensors.
    const summary = summarizeNonMediaResult(options.provider, options.capability, called, recorder.events);
    if (summary) {
      writeFileAtomic(join(runDir, summary.path), summary.bytes);
      const artifact = {
        label: 'output',
        path: summary.path,
        sha256: sha256Tag(summary.bytes),
        byte_length: summary.bytes.byteLength,
        content_type: summary.content_type,
      };
      return finish(
        {
          ...base,
          ...(summary.rehearsal ? { endpoint: 'loopback' as const } : {}),
          status: 'passed',
          result_digest: digestOf(called),
          artifacts: [artifact],
          event_count: recorder.count,
          error_code: null,
          skip_reason: null,
          message: summary.message,
        },
        'passed',
      );
    }
    const result = called as { frames: Uint8Array[]; content_type: string };
    const bytes = Buffer.concat(result.frames);
    const path = `artifacts/${options.capability}.${EXTENSIONS[result.content_type] ?? 'bin'}`;
    writeFileAtomic(join(runDir, path), bytes);
    return finish(
      {
        ...base,
        status: 'passed',
        result_digest: digestOf(result),
        artifacts: [
          {
            label: 'output',
            path,
            sha256: sha256Tag(bytes),
            byte_length: bytes.byteLength,
            // Upstream text: bounded like every manifest string (the provider already checked it is a video type).
            content_type: result.content_type.slice(0, RUN_MANIFEST_LIMITS.shortChars),
          },
        ],
        event_count: recorder.count,
        error_code: null,
        skip_reason: null,
        message: `${options.provider} ${options.capability} returned a schema-valid ${result.content_type} clip of ${bytes.byteLength} bytes.`,
      },
      'passed',
    );
  } catch (error) {
    if (!isWorldForgeError(error)) throw error;
    return finish(
      {
        ...base,
        status: 'failed',
        result_digest: null,
        artifacts: [],
        event_count: recorder.count,
        error_code: error.code,
        skip_reason: null,
        message: boundedMessage(redactText(`${error.code}: ${error.message}`)),
      },
      'failed',
    );
  } finally {
    await closeProvider(live);
  }
}
