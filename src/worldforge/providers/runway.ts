/**
 * `runway`: media generation (text/image → video) and transfer (video → video) through the Runway
 * API. A call creates a task (one attempt: a retried create could start a second paid task), polls
 * it to SUCCEEDED / FAILED / CANCELLED with a bounded number of polls, then downloads the first
 * output artifact with URL, content-type and size checks. Output URLs are signed and short-lived;
 * they never leave this module (results carry the task id and the bytes, not the URL).
 */
import { z } from 'zod';
import type { CapabilityRequest, CapabilityResult } from '../capabilities/index.ts';
import { ProviderError } from '../errors.ts';
import { Provider, type CapabilityHandlers } from './base.ts';
import { downloadArtifact, sleep, upstreamText, type RequestPolicy } from './http.ts';
import { envNamesFor, envVarPhrase, requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { envValue, localArtifactsAllowed, resolvePolicy, type RemoteProviderOptions } from './remote.ts';
import { RUNWAY_DEFAULT_BASE_URL, createRunwaySdkClient, type RunwayClient, type RunwayEndpoint } from './runway-client.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';
import { SMOKE_REQUESTS, recordedExchangePath, smokeCommand } from './smoke-spec.ts';

const NAME = 'runway';
const API_KEY = 'RUNWAYML_API_SECRET';
const BASE_URL = 'RUNWAYML_BASE_URL';
const ALLOW_LOCAL_ARTIFACTS = 'RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS';

/** The env vars runway reads and how it is smoked; the profile and runtime manifest derive from it. */
export const runwayOperations = {
  env: [
    {
      name: API_KEY,
      role: 'required',
      secret: true,
      purpose: 'Runway API key, sent as the bearer token to the API (never to artifact hosts).',
    },
    {
      name: 'RUNWAY_API_SECRET',
      role: 'optional',
      secret: true,
      purpose: 'Legacy name of the API key, read when the required one is unset.',
      alias_of: API_KEY,
    },
    {
      name: BASE_URL,
      role: 'optional',
      secret: false,
      purpose: `API origin (default ${RUNWAY_DEFAULT_BASE_URL}); point it at a loopback replay server for offline runs.`,
    },
    {
      name: ALLOW_LOCAL_ARTIFACTS,
      role: 'optional',
      secret: false,
      purpose: 'Set to 1 to fetch artifacts from loopback or private addresses (automatic when the base URL itself is local).',
    },
    {
      name: 'RUNWAYML_LOG',
      role: 'ignored',
      secret: false,
      purpose:
        'Read by @runwayml/sdk itself; the adapter turns SDK logging off, as debug logs would print response bodies and signed URLs.',
    },
    {
      name: 'RUNWAYML_CUSTOM_HEADERS',
      role: 'ignored',
      secret: true,
      purpose: 'Read by @runwayml/sdk itself; the adapter removes the headers it would add to every request.',
    },
  ],
  smoke: {
    requires: 'credentials',
    credentialVar: API_KEY,
    baseUrlVar: BASE_URL,
    remedy: `Export the key and re-run; to rehearse offline, point ${BASE_URL} at \`npx worldforge smoke replay ${recordedExchangePath(NAME, 'generate-success')}\` with any key.`,
    requests: [SMOKE_REQUESTS.generate, SMOKE_REQUESTS.transfer],
  },
} satisfies ProviderOperations;

/** The message of a call that has no key to send. */
export const RUNWAY_MISSING_KEY = `runway needs an API key: set ${envVarPhrase(runwayOperations, API_KEY)}.`;

export const runwayProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['generate', 'transfer'],
  maturity: 'experimental',
  runtime_ownership: 'remote-api',
  deterministic: false,
  required_env_vars: requiredEnvVars(runwayOperations),
  description: 'Runway API video generation and video-to-video transfer; the host owns the API key and keeps downloaded artifacts.',
};

const smoke = (options?: { json?: boolean }) => smokeCommand(NAME, runwayOperations.smoke, 'generate', options);
const smokeJson = smoke({ json: true });

export const runwayRuntimeManifest: RuntimeManifest = {
  id: 'runway:schema-1',
  ...operationalFields(NAME, runwayOperations),
  default_model: 'gen4.5',
  host_owned_artifacts: ['the API key and its organization credits', 'downloaded video files under .worldforge/runs/<run-id>/artifacts/'],
  artifact_lifetime:
    'Runway returns task outputs as signed URLs that expire (assume minutes to hours, never days). The adapter downloads the first output immediately after the task succeeds; WorldForge keeps only the bytes and their digest, never the URL. A 403 or 404 on download is reported as artifact_expired, and the only remedy is a new task.',
  triage: [
    {
      error_code: 'provider_not_configured',
      command: smoke(),
      note: 'Prints which env var is missing; set the API key in the shell that runs WorldForge.',
    },
    {
      error_code: 'auth_failed',
      command: smoke(),
      note: 'The key was refused: check it is current and belongs to an organization with API access.',
    },
    {
      error_code: 'task_failed',
      command: smokeJson,
      note: 'Read failure and failureCode in the error; content moderation and invalid inputs are the usual causes.',
    },
    {
      error_code: 'upstream_timeout',
      command: smokeJson,
      note: 'The task did not finish within the poll budget; re-run later or check the Runway status page.',
    },
    {
      error_code: 'retry_exhausted',
      command: smokeJson,
      note: 'Every read attempt got 429/5xx or no connection: check rate limits and network, then re-run.',
    },
    {
      error_code: 'malformed_response',
      command: 'npx worldforge evidence generate --only exchanges/runway',
      note: 'The API answered with an undocumented shape: compare it with fixtures/providers/runway/ and update the adapter.',
    },
    {
      error_code: 'artifact_expired',
      command: smoke(),
      note: 'The signed output URL expired before download: create a new task and download promptly.',
    },
    {
      error_code: 'unsupported_media_type',
      command: smokeJson,
      note: 'The artifact was not video/*: the URL may point at an error page; re-run the task.',
    },
    {
      error_code: 'artifact_too_large',
      command: smokeJson,
      note: 'The artifact exceeds the size cap; shorten the duration.',
    },
    {
      error_code: 'unsafe_artifact_url',
      command: smokeJson,
      note: 'The output URL had credentials or a local target; local targets need RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS=1.',
    },
  ],
  known_limitations: [
    'fps of the returned clip is assumed to be 24 (Runway does not report it); the clip is one encoded container, not decoded frames.',
    'Ratios are sent as given; Runway accepts only the pixel sizes each model documents.',
    'transfer sends the input clip inline as a data URI, which Runway caps in size; large clips need a hosted URL (not supported yet).',
  ],
};

/** Runway does not report the frame rate of its outputs; its current models render 24 fps. */
const RUNWAY_OUTPUT_FPS = 24;
const DEFAULT_RATIO = '1280:720';
const TRANSFER_DEFAULT_PROMPT = 'Re-render the input video, keeping its motion and composition.';

/**
 * What a task id may look like (Runway's are UUIDs). The id comes from upstream and goes into a
 * request path, messages, events and run manifests, so anything else is a malformed answer.
 */
const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const taskCreatedSchema = z.looseObject({ id: z.string().regex(TASK_ID) });
const taskSchema = z.looseObject({
  id: z.string().optional(),
  status: z.string().min(1),
  output: z.array(z.string()).optional(),
  failure: z.string().optional(),
  failureCode: z.string().optional(),
  error: z.string().optional(),
});

const PENDING = new Set(['PENDING', 'THROTTLED', 'RUNNING']);

export interface RunwayOptions extends RemoteProviderOptions {
  /** A client to use instead of the built-in one backed by @runwayml/sdk (e.g. a test double). */
  client?: RunwayClient;
}

export class RunwayProvider extends Provider {
  readonly profile = runwayProfile;
  readonly #options: RunwayOptions;

  constructor(options: RunwayOptions = {}) {
    super(options);
    this.#options = options;
  }

  #config(): { client: RunwayClient; policy: RequestPolicy; allowLocal: boolean } {
    const env = this.#options.env ?? process.env;
    const apiKey = this.#options.apiKey ?? envValue(env, ...envNamesFor(runwayOperations, API_KEY));
    const baseUrl = this.#options.baseUrl ?? envValue(env, BASE_URL) ?? RUNWAY_DEFAULT_BASE_URL;
    const policy = resolvePolicy(this.#options.policy);
    if (!this.#options.client && !apiKey?.trim()) throw new ProviderError('provider_not_configured', RUNWAY_MISSING_KEY);
    const client = this.#options.client ?? createRunwaySdkClient({ apiKey: apiKey!, baseUrl, policy });
    return { client, policy, allowLocal: localArtifactsAllowed(this.#options, baseUrl, ALLOW_LOCAL_ARTIFACTS) };
  }

  /** Creates a task, polls it to a terminal status and downloads its first output. */
  async #run(endpoint: RunwayEndpoint, body: Record<string, unknown>) {
    const { client, policy, allowLocal } = this.#config();
    const created = taskCreatedSchema.safeParse(await client.createTask(endpoint, body));
    if (!created.success)
      throw new ProviderError(
        'malformed_response',
        `POST /v1/${endpoint} answered without a task id (an identifier of at most 128 characters).`,
      );
    const id = created.data.id;
    // Even a well-formed id is upstream text: it reaches messages and metadata only redacted.
    const shown = upstreamText(id);
    for (let poll = 1; poll <= policy.maxPolls; poll += 1) {
      await sleep(policy.pollIntervalMs);
      const parsed = taskSchema.safeParse(await client.retrieveTask(id));
      if (!parsed.success) throw new ProviderError('malformed_response', `GET /v1/tasks/${shown} answered without a status.`);
      const task = parsed.data;
      if (task.id !== undefined && task.id !== id) {
        throw new ProviderError('malformed_response', `GET /v1/tasks/${shown} answered for a different task.`);
      }
      const status = task.status.toUpperCase();
      if (PENDING.has(status)) continue;
      if (status === 'FAILED' || status === 'CANCELLED') {
        const detail = upstreamText(task.failure ?? task.error ?? 'no detail');
        throw new ProviderError(
          'task_failed',
          `Runway task ${shown} ${status}: ${detail}${task.failureCode ? ` (failureCode ${upstreamText(task.failureCode, 80)})` : ''}.`,
        );
      }
      if (status !== 'SUCCEEDED')
        throw new ProviderError('malformed_response', `Runway task ${shown} has unknown status '${upstreamText(status, 80)}'.`);
      const url = task.output?.[0];
      if (!url) throw new ProviderError('malformed_response', `Runway task ${shown} SUCCEEDED without an output URL.`);
      const artifact = await downloadArtifact(url, policy, { allowLocal });
      return { id: shown, artifact };
    }
    throw new ProviderError('upstream_timeout', `Runway task ${shown} did not finish within ${policy.maxPolls} polls.`);
  }

  protected readonly handlers: CapabilityHandlers = {
    generate: async (request: CapabilityRequest<'generate'>): Promise<CapabilityResult<'generate'>> => {
      const { options } = request;
      const ratio = options.ratio ?? DEFAULT_RATIO;
      const [width, height] = ratio.split(':').map(Number) as [number, number];
      const duration = Math.min(10, Math.max(2, Math.round(request.duration_seconds)));
      const endpoint: RunwayEndpoint = options.image ? 'image_to_video' : 'text_to_video';
      const model = options.model ?? runwayRuntimeManifest.default_model;
      const body = {
        ...options.extras,
        model,
        promptText: request.prompt,
        ratio,
        duration,
        ...(options.image ? { promptImage: options.image } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      };
      const { id, artifact } = await this.#run(endpoint, body);
      return {
        frames: [artifact.bytes],
        fps: RUNWAY_OUTPUT_FPS,
        resolution: { width, height },
        duration_seconds: duration,
        content_type: artifact.contentType,
        metadata: { provider: this.name, model, mode: endpoint, task_id: id },
      };
    },
    transfer: async (request: CapabilityRequest<'transfer'>): Promise<CapabilityResult<'transfer'>> => {
      const { clip, options } = request;
      const bytes = Buffer.concat(clip.frames);
      const model = options.model ?? 'gen4_aleph';
      const body = {
        ...options.extras,
        model,
        promptText: request.prompt.trim() || TRANSFER_DEFAULT_PROMPT,
        videoUri: `data:${clip.content_type};base64,${bytes.toString('base64')}`,
        ratio: `${request.width}:${request.height}`,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      };
      const { id, artifact } = await this.#run('video_to_video', body);
      return {
        frames: [artifact.bytes],
        fps: RUNWAY_OUTPUT_FPS,
        resolution: { width: request.width, height: request.height },
        duration_seconds: clip.duration_seconds,
        content_type: artifact.contentType,
        metadata: { provider: this.name, model, mode: 'video_to_video', task_id: id, source_frame_count: clip.frames.length },
      };
    },
  };
}
