/**
 * The narrow port the runway adapter talks through, backed by the official `@runwayml/sdk`
 * (`RunwayML`): create a task (`imageToVideo` / `textToVideo` / `videoToVideo.create`), retrieve a
 * task (`tasks.retrieve`), retrieve the organization (`organization.retrieve`, the health read).
 * The port is narrower than the SDK on purpose:
 *
 * - Creates are sent with `maxRetries: 0`. The SDK retries 408/409/429/5xx and connection errors
 *   for every method, POST included, without an idempotency key: a retried create could start a
 *   second paid task. The client's default is 0 retries too, so a new call site is safe by default.
 * - The adapter owns the polling loop on `retrieveTask` (the policy's poll interval and budget;
 *   1 ms in replays). `waitForTaskOutput()` is never used: it polls every 6 s ± 1.5 s with no way to
 *   shorten it, and `create(...).waitForTaskOutput()` turns a failed create into an unhandled
 *   rejection that crashes Node. Every create is awaited on its own.
 * - Reads use the SDK's retries, bounded by the policy: `readAttempts - 1` retries. The SDK picks
 *   the delay (0.5 s doubling, with jitter, unless the server sends `retry-after-ms` or
 *   `retry-after`), so `policy.backoffMs` does not apply to these reads. The SDK obeys a server's
 *   hint without limit (a 600 s `Retry-After` sleeps 600 s, and its sleep ignores abort signals), so
 *   the transport rewrites every hint to `retry-after-ms` capped like http.ts's reads (`retryWaitMs`).
 * - `policy.timeoutMs` bounds each attempt, headers and body (the SDK's own timer stops at the
 *   headers, so the transport adds a signal that also covers the body).
 * - SDK errors become the typed WorldForge errors, with the codes and messages the former fetch
 *   implementation produced (401/403 → auth_failed; a read still failing after its retries →
 *   retry_exhausted, which now also covers 409 and every 5xx, as the SDK retries those; a task 404 →
 *   provider_error). Messages name `METHOD /path` only: never the origin, a query, a header or the
 *   SDK's own message (which quotes the response body).
 * - Nothing comes from the environment: key, base URL and API version are passed explicitly,
 *   logging is off (RUNWAYML_LOG=debug would print response bodies, signed output URLs included, to
 *   stdout), and headers the SDK reads from RUNWAYML_CUSTOM_HEADERS are removed.
 * - Redirects are not followed: a 3xx is a typed provider_error, as in http.ts.
 *
 * Bodies are read raw (`asResponse()`) and parsed here, so a body that is not JSON is
 * `malformed_response` whatever its content type. The SDK has no artifact download; runway.ts
 * downloads outputs with http.ts's guarded `downloadArtifact`, which never sends the API key.
 */
import RunwayML, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  RunwayMLError,
  type APIPromise,
  type ClientOptions,
} from '@runwayml/sdk';
import { ProviderError } from '../errors.ts';
import { describeTarget, jsonBody, retryHintMs, retryWaitMs, statusError, upstreamText, type RequestPolicy } from './http.ts';
import { joinUrl } from './remote.ts';

export const RUNWAY_DEFAULT_BASE_URL = 'https://api.dev.runwayml.com';
export const RUNWAY_API_VERSION = '2024-11-06';

type CreateParams<R extends 'imageToVideo' | 'textToVideo' | 'videoToVideo'> = Parameters<RunwayML[R]['create']>[0];

export type RunwayEndpoint = 'image_to_video' | 'text_to_video' | 'video_to_video';

export interface RunwayClient {
  /** POST /v1/<endpoint>; resolves to the created task's raw JSON. One attempt only. */
  createTask(endpoint: RunwayEndpoint, body: Record<string, unknown>): Promise<unknown>;
  /** GET /v1/tasks/:id; raw JSON. Retried on 408/409/429/5xx and connection errors. */
  retrieveTask(id: string): Promise<unknown>;
  /** GET /v1/organization; raw JSON. Retried like retrieveTask. */
  retrieveOrganization(): Promise<unknown>;
}

const NOT_RETRIED = '(not retried: a repeated create could start a second task)';

/** Whether the SDK retried a failed status (its `shouldRetry`: `x-should-retry` first, then 408/409/429/5xx). */
function retriedBySdk(error: APIError): boolean {
  const hint = error.headers?.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  const status = error.status ?? 0;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Anything the SDK threw that is not a response or connection error (e.g. an unusable path parameter). */
function unexpected(error: unknown, target: string): ProviderError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderError('provider_error', `${target} could not be sent: ${upstreamText(detail)}`);
}

function createFailure(error: unknown, target: string, policy: RequestPolicy): unknown {
  if (error instanceof ProviderError) return error;
  // APIConnectionTimeoutError extends APIConnectionError extends APIError (with no status): order matters.
  if (error instanceof APIConnectionTimeoutError)
    return new ProviderError('upstream_timeout', `${target} timed out after ${policy.timeoutMs} ms ${NOT_RETRIED}.`);
  if (error instanceof APIConnectionError) return new ProviderError('provider_error', `${target} connection failed ${NOT_RETRIED}.`);
  if (error instanceof APIError && error.status !== undefined) return statusError(target, error.status);
  return unexpected(error, target);
}

function readFailure(error: unknown, target: string, policy: RequestPolicy, attempts: number, notFound: string | undefined): unknown {
  if (error instanceof ProviderError) return error;
  const exhausted = (last: string) => new ProviderError('retry_exhausted', `${target} failed on all ${attempts} attempts (last: ${last}).`);
  if (error instanceof APIConnectionTimeoutError) return exhausted(`timed out after ${policy.timeoutMs} ms`);
  if (error instanceof APIConnectionError) return exhausted('connection failed');
  if (error instanceof APIError && error.status !== undefined) {
    if (error.status === 404 && notFound) return new ProviderError('provider_error', `${target} answered HTTP 404: ${notFound}`);
    if (retriedBySdk(error)) return exhausted(`HTTP ${error.status}`);
    return statusError(target, error.status);
  }
  return unexpected(error, target);
}

/** The JSON body of a 2xx response; the body counts against the attempt's timeout. */
async function readJson(response: Response, target: string, policy: RequestPolicy, suffix: string): Promise<unknown> {
  try {
    return await jsonBody(response, target);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new ProviderError('upstream_timeout', `${target} timed out after ${policy.timeoutMs} ms${suffix}.`);
    }
    throw new ProviderError('provider_error', `${target} connection failed while sending the body${suffix}.`);
  }
}

/**
 * Headers the SDK would add from RUNWAYML_CUSTOM_HEADERS (it reads `process.env` itself), mapped
 * to null so the SDK drops them; Authorization and X-Runway-Version are pinned to WorldForge's values.
 */
function dropShellHeaders(apiKey: string): Record<string, string | null> {
  const pinned: Record<string, string> = { authorization: `Bearer ${apiKey}`, 'x-runway-version': RUNWAY_API_VERSION };
  const headers: Record<string, string | null> = {};
  for (const line of (process.env.RUNWAYML_CUSTOM_HEADERS ?? '').split('\n')) {
    const colon = line.indexOf(':');
    const name = colon >= 0 ? line.slice(0, colon).trim() : '';
    if (name) headers[name] = pinned[name.toLowerCase()] ?? null;
  }
  return headers;
}

/**
 * The response with its retry hint (`retry-after-ms` or `Retry-After`) replaced by one
 * `retry-after-ms` no longer than `retryWaitMs` allows, so the SDK's retry sleep stays within the
 * policy; an unusable hint is dropped. Responses without a hint are returned as they are.
 */
function capRetryHint(response: Response, policy: RequestPolicy): Response {
  if (!response.headers.has('retry-after') && !response.headers.has('retry-after-ms')) return response;
  const hint = retryHintMs(response.headers);
  const headers = new Headers(response.headers);
  headers.delete('retry-after');
  headers.delete('retry-after-ms');
  // An unusable hint is dropped: the SDK then uses its own short backoff.
  if (hint !== null) headers.set('retry-after-ms', String(retryWaitMs(hint, 0, policy)));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function createRunwaySdkClient(options: { apiKey: string; baseUrl: string; policy: RequestPolicy }): RunwayClient {
  const { apiKey, policy } = options;
  if (!apiKey.trim()) throw new ProviderError('provider_not_configured', 'runway needs an API key: the client was given a blank one.');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const readRetries = Math.max(0, Math.floor(policy.readAttempts) - 1);
  // Each attempt is bounded end to end (headers and body) and never follows a redirect.
  const transport: ClientOptions['fetch'] = async (url, init) => {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
    return capRetryHint(response, policy);
  };
  let sdk: RunwayML;
  try {
    sdk = new RunwayML({
      apiKey,
      baseURL: baseUrl,
      runwayVersion: RUNWAY_API_VERSION,
      timeout: policy.timeoutMs,
      maxRetries: 0,
      logLevel: 'off',
      defaultHeaders: dropShellHeaders(apiKey),
      fetch: transport,
    });
  } catch (error) {
    if (error instanceof RunwayMLError)
      throw new ProviderError('provider_not_configured', `runway could not build its API client: ${upstreamText(error.message)}`);
    throw error;
  }

  const read = async (path: string, send: () => APIPromise<unknown>, notFound?: string) => {
    const target = describeTarget('GET', joinUrl(baseUrl, path));
    let response: Response;
    try {
      response = await send().asResponse();
    } catch (error) {
      throw readFailure(error, target, policy, readRetries + 1, notFound);
    }
    return readJson(response, target, policy, '');
  };

  return {
    async createTask(endpoint, body) {
      const target = describeTarget('POST', joinUrl(baseUrl, `/v1/${endpoint}`));
      const once = { maxRetries: 0 };
      let response: Response;
      try {
        // The port takes the adapter's body as is (it may carry caller extras); Runway validates it.
        const promise =
          endpoint === 'image_to_video'
            ? sdk.imageToVideo.create(body as unknown as CreateParams<'imageToVideo'>, once)
            : endpoint === 'text_to_video'
              ? sdk.textToVideo.create(body as unknown as CreateParams<'textToVideo'>, once)
              : sdk.videoToVideo.create(body as unknown as CreateParams<'videoToVideo'>, once);
        response = await promise.asResponse();
      } catch (error) {
        throw createFailure(error, target, policy);
      }
      return readJson(response, target, policy, ` ${NOT_RETRIED}`);
    },
    retrieveTask: (id) =>
      read(
        `/v1/tasks/${encodeURIComponent(id)}`,
        () => sdk.tasks.retrieve(id, { maxRetries: readRetries }),
        'the task is unknown upstream (deleted, or created under another key).',
      ),
    retrieveOrganization: () => read('/v1/organization', () => sdk.organization.retrieve({ maxRetries: readRetries })),
  };
}
