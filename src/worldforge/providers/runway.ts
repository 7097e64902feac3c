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
import { redactText } from '../redaction.ts';
import { Provider, type CapabilityHandlers } from './base.ts';
import { downloadArtifact, sleep, type RequestPolicy } from './http.ts';
import type { ProviderProfile } from './profile.ts';
import { envValue, localArtifactsAllowed, resolvePolicy, type RemoteProviderOptions } from './remote.ts';
import { RUNWAY_DEFAULT_BASE_URL, createRunwaySdkClient, type RunwayClient, type RunwayEndpoint } from './runway-client.ts';
import type { RuntimeManifest } from './runtime-manifest.ts';

export const runwayProfile: ProviderProfile = {
  name: 'runway',
  capabilities: ['generate', 'transfer'],
  maturity: 'experimental',
  runtime_ownership: 'remote-api',
  deterministic: false,
  required_env_vars: ['RUNWAYML_API_SECRET'],
  description: 'Runway API video generation and video-to-video transfer; the host owns the API key and keeps downloaded artifacts.',
};

export const runwayRuntimeManifest: RuntimeManifest = {
  id: 'runway:schema-1',
  provider: 'runway',
  optional_env_vars: [
    { name: 'RUNWAY_API_SECRET', purpose: 'Legacy name of the API key, read when the required one is unset.' },
    {
      name: 'RUNWAYML_BASE_URL',
      purpose: 'API origin (default https://api.dev.runwayml.com); point it at a loopback replay server for offline runs.',
    },
    {
      name: 'RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS',
      purpose: 'Set to 1 to fetch artifacts from loopback or private addresses (automatic when the base URL itself is local).',
    },
  ],
  env_aliases: { RUNWAY_API_SECRET: 'RUNWAYML_API_SECRET' },
  default_model: 'gen4.5',
  host_owned_artifacts: ['the API key and its organization credits', 'downloaded video files under .worldforge/runs/<run-id>/artifacts/'],
  artifact_lifetime:
    'Runway returns task outputs as signed URLs that expire (assume minutes to hours, never days). The adapter downloads the first output immediately after the task succeeds; WorldForge keeps only the bytes and their digest, never the URL. A 403 or 404 on download is reported as artifact_expired, and the only remedy is a new task.',
  smoke_commands: [
    { capability: 'generate', command: 'npx worldforge smoke runway --capability generate' },
    { capability: 'transfer', command: 'npx worldforge smoke runway --capability transfer --input-video clip.mp4' },
  ],
  triage: [
    {
      error_code: 'provider_not_configured',
      command: 'npx worldforge smoke runway --capability generate',
      note: 'Prints which env var is missing; set the API key in the shell that runs WorldForge.',
    },
    {
      error_code: 'auth_failed',
      command: 'npx worldforge smoke runway --capability generate',
      note: 'The key was refused: check it is current and belongs to an organization with API access.',
    },
    {
      error_code: 'task_failed',
      command: 'npx worldforge smoke runway --capability generate --json',
      note: 'Read failure and failureCode in the error; content moderation and invalid inputs are the usual causes.',
    },
    {
      error_code: 'upstream_timeout',
      command: 'npx worldforge smoke runway --capability generate --json',
      note: 'The task did not finish within the poll budget; re-run later or check the Runway status page.',
    },
    {
      error_code: 'retry_exhausted',
      command: 'npx worldforge smoke runway --capability generate --json',
      note: 'Every read attempt got 429/5xx or no connection: check rate limits and network, then re-run.',
    },
    {
      error_code: 'malformed_response',
      command: 'npx worldforge evidence generate --only exchanges/runway',
      note: 'The API answered with an undocumented shape: compare it with fixtures/providers/runway/ and update the adapter.',
    },
    {
      error_code: 'artifact_expired',
      command: 'npx worldforge smoke runway --capability generate',
      note: 'The signed output URL expired before download: create a new task and download promptly.',
    },
    {
      error_code: 'unsupported_media_type',
      command: 'npx worldforge smoke runway --capability generate --json',
      note: 'The artifact was not video/*: the URL may point at an error page; re-run the task.',
    },
    {
      error_code: 'artifact_too_large',
      command: 'npx worldforge smoke runway --capability generate --json',
      note: 'The artifact exceeds the size cap; shorten the duration.',
    },
    {
      error_code: 'unsafe_artifact_url',
      command: 'npx worldforge smoke runway --capability generate --json',
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

const taskCreatedSchema = z.looseObject({ id: z.string().min(1) });
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
    const apiKey = this.#options.apiKey ?? envValue(env, 'RUNWAYML_API_SECRET', 'RUNWAY_API_SECRET');
    const baseUrl = this.#options.baseUrl ?? envValue(env, 'RUNWAYML_BASE_URL') ?? RUNWAY_DEFAULT_BASE_URL;
    const policy = resolvePolicy(this.#options.policy);
    if (!this.#options.client && !apiKey) {
      throw new ProviderError(
        'provider_not_configured',
        'runway needs an API key: set RUNWAYML_API_SECRET (or the legacy RUNWAY_API_SECRET).',
      );
    }
    const client = this.#options.client ?? createRunwaySdkClient({ apiKey: apiKey!, baseUrl, policy });
    return { client, policy, allowLocal: localArtifactsAllowed(this.#options, baseUrl, 'RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS') };
  }

  /** Creates a task, polls it to a terminal status and downloads its first output. */
  async #run(endpoint: RunwayEndpoint, body: Record<string, unknown>) {
    const { client, policy, allowLocal } = this.#config();
    const created = taskCreatedSchema.safeParse(await client.createTask(endpoint, body));
    if (!created.success) throw new ProviderError('malformed_response', `POST /v1/${endpoint} answered without a task id.`);
    const id = created.data.id;
    for (let poll = 1; poll <= policy.maxPolls; poll += 1) {
      await sleep(policy.pollIntervalMs);
      const parsed = taskSchema.safeParse(await client.retrieveTask(id));
      if (!parsed.success) throw new ProviderError('malformed_response', `GET /v1/tasks/${id} answered without a status.`);
      const task = parsed.data;
      if (task.id !== undefined && task.id !== id) {
        throw new ProviderError('malformed_response', `GET /v1/tasks/${id} answered for a different task.`);
      }
      const status = task.status.toUpperCase();
      if (PENDING.has(status)) continue;
      if (status === 'FAILED' || status === 'CANCELLED') {
        const detail = redactText(task.failure ?? task.error ?? 'no detail');
        throw new ProviderError(
          'task_failed',
          `Runway task ${id} ${status}: ${detail}${task.failureCode ? ` (failureCode ${redactText(task.failureCode)})` : ''}.`,
        );
      }
      if (status !== 'SUCCEEDED')
        throw new ProviderError('malformed_response', `Runway task ${id} has unknown status '${redactText(status)}'.`);
      const url = task.output?.[0];
      if (!url) throw new ProviderError('malformed_response', `Runway task ${id} SUCCEEDED without an output URL.`);
      const artifact = await downloadArtifact(url, policy, { allowLocal });
      return { id, artifact };
    }
    throw new ProviderError('upstream_timeout', `Runway task ${id} did not finish within ${policy.maxPolls} polls.`);
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
