/**
 * `worldforge smoke runway|cosmos`: one live call against the real upstream (or whatever the env
 * points at), written as a sanitized run manifest under `.worldforge/runs/<run-id>/`. Without
 * credentials or an endpoint the run is a typed skip, not a failure. `worldforge smoke record`
 * turns a manifest into a live-smoke registry entry (see record.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../src/worldforge/atomic.ts';
import type { Capability } from '../src/worldforge/capabilities/index.ts';
import { digestOf, sha256Tag } from '../src/worldforge/digest.ts';
import { isWorldForgeError } from '../src/worldforge/errors.ts';
import { EventRecorder } from '../src/worldforge/events.ts';
import type { SkipReason } from '../src/worldforge/evidence/envelope.ts';
import { writeRunManifest, type RunManifest } from '../src/worldforge/manifests.ts';
import { CATALOG, createProvider } from '../src/worldforge/providers/catalog.ts';
import { isLocalTarget } from '../src/worldforge/providers/http.ts';
import { envValue } from '../src/worldforge/providers/remote.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import { WORLDFORGE_VERSION } from '../generators/repo.ts';

export const SMOKE_PROVIDERS = ['runway', 'cosmos'] as const;
export type SmokeProvider = (typeof SMOKE_PROVIDERS)[number];

/** The outcome a smoke prints: the registry's vocabulary. */
export type SmokeStatus = 'passed' | 'failed' | 'skipped_missing_credentials' | 'skipped_missing_runtime';

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
}

export interface SmokeOutcome {
  status: SmokeStatus;
  provider: string;
  capability: Capability;
  message: string;
  /** Path of the run manifest written, relative to the working directory. */
  run_manifest: string;
}

/** A usage problem (wrong capability, missing input file): exit 2, nothing written. */
export class SmokeUsageError extends Error {}

const ENV_NAMES: Record<SmokeProvider, string[]> = {
  runway: ['RUNWAYML_API_SECRET', 'RUNWAY_API_SECRET', 'RUNWAYML_BASE_URL'],
  cosmos: ['COSMOS_BASE_URL', 'NVIDIA_API_KEY'],
};

/** Why the provider cannot run from this environment, or null when it can. */
function missingConfiguration(options: SmokeOptions): { reason: SkipReason; status: SmokeStatus; message: string } | null {
  const { env, provider } = options;
  if (provider === 'runway' && !envValue(env, 'RUNWAYML_API_SECRET', 'RUNWAY_API_SECRET')) {
    return {
      reason: 'missing_credentials',
      status: 'skipped_missing_credentials',
      message:
        'runway was not called: RUNWAYML_API_SECRET (or the legacy RUNWAY_API_SECRET) is not set. Export the key and re-run; to rehearse offline, point RUNWAYML_BASE_URL at `npx worldforge smoke replay fixtures/providers/runway/generate-success.json` with any key.',
    };
  }
  if (provider === 'cosmos' && !options.baseUrl && !envValue(env, 'COSMOS_BASE_URL')) {
    return {
      reason: 'missing_runtime',
      status: 'skipped_missing_runtime',
      message: 'cosmos was not called: COSMOS_BASE_URL is not set. Point it at a running Cosmos NIM (origin without /v1) and re-run.',
    };
  }
  return null;
}

function runId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

const EXTENSIONS: Record<string, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov' };

function buildRequest(options: SmokeOptions): unknown {
  if (options.capability === 'generate') return { prompt: options.prompt, duration_seconds: options.durationSeconds };
  if (!options.inputVideo) throw new SmokeUsageError('transfer needs --input-video <file.mp4> (the clip to re-render).');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(options.inputVideo));
  } catch {
    throw new SmokeUsageError(`--input-video: cannot read ${redactText(options.inputVideo)}.`);
  }
  return {
    clip: {
      frames: [bytes],
      fps: 24,
      resolution: { width: 1280, height: 720 },
      duration_seconds: options.durationSeconds,
      content_type: 'video/mp4',
    },
    width: 1280,
    height: 720,
    fps: 24,
    prompt: options.prompt,
  };
}

export async function runSmoke(options: SmokeOptions): Promise<SmokeOutcome> {
  const entry = CATALOG[options.provider]!;
  const runtime = entry.runtime!;
  const provider = createProvider(options.provider, { env: options.env });
  if (!provider.supports(options.capability)) {
    throw new SmokeUsageError(
      `${options.provider} does not advertise ${options.capability}; it offers ${provider.profile.capabilities.join(', ')}.`,
    );
  }
  const now = options.now ?? new Date();
  const id = runId(now);
  const runDir = join(options.runsDir, id);
  const skip = missingConfiguration(options);
  const request = skip ? { prompt: options.prompt, duration_seconds: options.durationSeconds } : buildRequest(options);
  const origin = options.baseUrl ?? envValue(options.env, options.provider === 'runway' ? 'RUNWAYML_BASE_URL' : 'COSMOS_BASE_URL');
  const endpoint: RunManifest['endpoint'] = origin === undefined ? 'default' : isLocalTarget(origin) ? 'local' : 'custom';
  const base: Omit<RunManifest, 'status' | 'result_digest' | 'artifacts' | 'error_code' | 'skip_reason' | 'message' | 'event_count'> = {
    schema: 'worldforge.run-manifest@1',
    run_id: id,
    created_at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    worldforge_version: WORLDFORGE_VERSION,
    command: redactText(options.command),
    provider: options.provider,
    capability: options.capability,
    endpoint,
    runtime_manifest: runtime.id,
    input_digest: digestOf(request),
    env_summary: ENV_NAMES[options.provider].map((name) => ({ name, present: envValue(options.env, name) !== undefined })),
  };
  const finish = (manifest: RunManifest, status: SmokeStatus): SmokeOutcome => {
    const file = writeRunManifest(runDir, manifest);
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
        message: skip.message,
      },
      skip.status,
    );
  }
  const recorder = new EventRecorder();
  const live = createProvider(options.provider, {
    env: options.env,
    events: recorder.sink,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.pollIntervalMs !== undefined ? { policy: { pollIntervalMs: options.pollIntervalMs } } : {}),
  });
  try {
    const result = (await live.call(options.capability, request)) as { frames: Uint8Array[]; content_type: string };
    const bytes = Buffer.concat(result.frames);
    const path = `artifacts/${options.capability}.${EXTENSIONS[result.content_type] ?? 'bin'}`;
    writeFileAtomic(join(runDir, path), bytes);
    return finish(
      {
        ...base,
        status: 'passed',
        result_digest: digestOf(result),
        artifacts: [{ label: 'output', path, sha256: sha256Tag(bytes), byte_length: bytes.byteLength, content_type: result.content_type }],
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
        message: redactText(`${error.code}: ${error.message}`),
      },
      'failed',
    );
  }
}
