/**
 * HTTP plumbing shared by the remote media adapters (runway, cosmos): a request policy with
 * bounded attempts, retries for reads only, mapping of statuses to typed errors, and a guarded
 * artifact download (URL safety, content type, size cap, 403/404 → `artifact_expired`).
 *
 * Every message names the operation and the URL PATH only — never the origin (tests use a random
 * loopback port that must not reach evidence), never a query string, never a header value.
 */
import { ProviderError, type ProviderErrorCode } from '../errors.ts';
import { hasUserInfo, redactUpstreamText } from '../redaction.ts';

export interface RequestPolicy {
  /** Timeout of one HTTP attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts for reads (health, poll, download). Creates are never retried: a retried POST can start a second paid task. */
  readAttempts: number;
  /** First retry delay; doubles per attempt unless the server sends `retry-after-ms`. */
  backoffMs: number;
  /** Delay between task polls. */
  pollIntervalMs: number;
  /** Polls before a task that never reaches a terminal status fails with `upstream_timeout`. */
  maxPolls: number;
  /** Largest artifact accepted, in bytes. */
  maxArtifactBytes: number;
}

/** Defaults for live calls (upstream's numbers: 3 read attempts, 0.25 s backoff, 6 s × 60 polls, 1 GiB). */
export const REMOTE_DEFAULTS: RequestPolicy = {
  timeoutMs: 120_000,
  readAttempts: 3,
  backoffMs: 250,
  pollIntervalMs: 6_000,
  maxPolls: 60,
  maxArtifactBytes: 1024 ** 3,
};

/** Longest upstream text (a status, a failure detail, a content type) a message quotes, in characters. */
export const QUOTED_TEXT_MAX = 200;
/** How much of an upstream text `upstreamText` reads. */
/**
 * Upstream text as messages may quote it, on one line: control characters and line separators
 * (newlines that would forge log lines or CI workflow commands) become spaces, then the one
 * redaction helper for untrusted upstream strings (`redactUpstreamText`: secrets redacted, length
 * capped before and after redacting) shortens it to `max` characters.
 */
export function upstreamText(text: string, max = QUOTED_TEXT_MAX): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return redactUpstreamText(flat, { max });
}

/**
 * The wait a server asks for before the next attempt, in milliseconds: `retry-after-ms`, else
 * `Retry-After` as seconds or as an HTTP date; null when there is no usable hint.
 */
export function retryHintMs(headers: Headers, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get('retry-after')?.trim();
  if (!after) return null;
  if (/^\d+(\.\d+)?$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * How long a read waits before its next attempt: the server's hint, else `fallback`, and never
 * longer than one attempt may take (`policy.timeoutMs`). A hint is advice, not a command: a 600 s
 * `Retry-After` must not keep a call with a 2 s timeout pending for ten minutes. So a read ends
 * within `readAttempts × timeoutMs` of attempts plus `(readAttempts − 1) × timeoutMs` of waits.
 */
export function retryWaitMs(hint: number | null, fallback: number, policy: Pick<RequestPolicy, 'timeoutMs'>): number {
  return Math.max(0, Math.min(hint ?? fallback, policy.timeoutMs));
}

/** Statuses worth another attempt on a read. */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** `METHOD /path` of a URL: what messages may say about a request. */
export function describeTarget(method: string, url: string): string {
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return `${method} (unparseable URL)`;
  }
}

/** The typed error for a non-2xx status that is not retried. */
export function statusError(target: string, status: number): ProviderError {
  if (status === 401 || status === 403) {
    return new ProviderError(
      'auth_failed',
      `${target} answered HTTP ${status}: the upstream refused the credentials. Check the API key and its organization.`,
    );
  }
  if (status >= 300 && status < 400)
    return new ProviderError('provider_error', `${target} answered HTTP ${status} (a redirect, which is not followed).`);
  return new ProviderError('provider_error', `${target} answered HTTP ${status}.`);
}

class TransportError extends Error {
  constructor(
    readonly timedOut: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** One HTTP attempt with a timeout. Transport failures become `TransportError`s. */
async function attempt(url: string, init: RequestInit, policy: RequestPolicy): Promise<Response> {
  try {
    // Redirects are not followed: a redirect could lead a download to a local or credentialed
    // target the URL checks never saw. A 3xx surfaces as a typed provider_error instead.
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(policy.timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return Promise.reject(new TransportError(timedOut, timedOut ? `timed out after ${policy.timeoutMs} ms` : 'connection failed'));
  }
}

/** A non-retried request (task creation, inference): one attempt, typed errors. */
export async function sendOnce(method: string, url: string, init: RequestInit, policy: RequestPolicy): Promise<Response> {
  const target = describeTarget(method, url);
  try {
    return await attempt(url, { ...init, method }, policy);
  } catch (error) {
    if (error instanceof TransportError) {
      throw new ProviderError(
        error.timedOut ? 'upstream_timeout' : 'provider_error',
        `${target} ${error.message} (not retried: a repeated create could start a second task).`,
      );
    }
    throw error;
  }
}

/**
 * A read with bounded retries: retryable statuses and transport errors are retried up to
 * `readAttempts` times, honouring `retry-after-ms` / `Retry-After` up to the policy's timeout
 * (`retryWaitMs`); exhaustion is `retry_exhausted`. Any other status is returned to the caller.
 */
export async function readWithRetry(method: string, url: string, init: RequestInit, policy: RequestPolicy): Promise<Response> {
  const target = describeTarget(method, url);
  let last = '';
  for (let n = 0; n < policy.readAttempts; n += 1) {
    let wait = retryWaitMs(null, policy.backoffMs * 2 ** n, policy);
    try {
      const response = await attempt(url, { ...init, method }, policy);
      if (!RETRYABLE.has(response.status)) return response;
      last = `HTTP ${response.status}`;
      wait = retryWaitMs(retryHintMs(response.headers), policy.backoffMs * 2 ** n, policy);
      await response.body?.cancel();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      last = error.message;
    }
    if (n + 1 < policy.readAttempts) await sleep(wait);
  }
  throw new ProviderError('retry_exhausted', `${target} failed on all ${policy.readAttempts} attempts (last: ${last}).`);
}

/** A cap on a response body: its size and the error code of a body over it. */
export interface BodyLimit {
  maxBytes: number;
  /** `artifact_too_large` when the body carries media, `malformed_response` for a status answer. */
  code: ProviderErrorCode;
}

/**
 * Reads a body as text, refusing more than `limit.maxBytes` (checked against Content-Length
 * first, then while streaming): an upstream must not be able to exhaust memory.
 */
export async function boundedText(response: Response, target: string, limit: BodyLimit): Promise<string> {
  const { maxBytes } = limit;
  const tooLarge = (what: string) => new ProviderError(limit.code, `${target} ${what}; the cap is ${maxBytes} bytes.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`declares a ${declared}-byte body`);
  }
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge('sent a larger body');
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** Parses a JSON body (within `limit`, when given); anything else is `malformed_response`. */
export async function jsonBody(response: Response, target: string, limit?: BodyLimit): Promise<unknown> {
  const text = limit ? await boundedText(response, target, limit) : await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError('malformed_response', `${target} answered HTTP ${response.status} with a body that is not JSON.`);
  }
}

/** Throws the typed error for a non-2xx response. */
export async function expectOk(response: Response, target: string): Promise<void> {
  if (response.ok) return;
  await response.body?.cancel();
  throw statusError(target, response.status);
}

const LOCAL_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|\[::1?\]|\[f[cd][0-9a-f:]*\]|\[fe80:[0-9a-f:]*\])$/i;

/** True when the URL's host is loopback, private or link-local (by literal address; no DNS). */
export function isLocalTarget(url: string): boolean {
  try {
    return LOCAL_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Content types accepted for a video artifact. */
export function isVideoContentType(contentType: string): boolean {
  return /^video\/[a-z0-9.+-]+$/i.test(contentType) || contentType === 'application/octet-stream';
}

export interface Artifact {
  bytes: Uint8Array<ArrayBuffer>;
  /** Media type without parameters. */
  contentType: string;
}

function throwUnsafe(reason: string): never {
  throw new ProviderError('unsafe_artifact_url' satisfies ProviderErrorCode, `The artifact URL was not fetched: ${reason}.`);
}

/**
 * Downloads a generated artifact. Refuses unsafe URLs; 403/404 mean the (usually signed) URL
 * expired or the upstream did not retain the artifact; the content type must be a video type;
 * the size is checked against Content-Length first and again while streaming.
 */
export async function downloadArtifact(url: string, policy: RequestPolicy, options: { allowLocal: boolean }): Promise<Artifact> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throwUnsafe('it is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throwUnsafe(`scheme ${parsed.protocol} is not http(s)`);
  if (hasUserInfo(url)) throwUnsafe('it carries credentials (userinfo)');
  if (!options.allowLocal && isLocalTarget(url)) throwUnsafe('it points at a loopback, private or link-local address');
  const target = describeTarget('GET', url);
  const response = await readWithRetry('GET', url, {}, policy);
  if (response.status === 403 || response.status === 404) {
    await response.body?.cancel();
    throw new ProviderError(
      'artifact_expired',
      `${target} answered HTTP ${response.status}: the artifact URL expired or the upstream no longer holds it. Signed artifact URLs are short-lived; re-run the task and download promptly.`,
    );
  }
  await expectOk(response, target);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!isVideoContentType(contentType)) {
    await response.body?.cancel();
    throw new ProviderError(
      'unsupported_media_type',
      `${target} returned content type '${upstreamText(contentType, 80) || '(none)'}'; expected video/* or application/octet-stream.`,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > policy.maxArtifactBytes) {
    await response.body?.cancel();
    throw new ProviderError('artifact_too_large', `${target} declares ${declared} bytes; the cap is ${policy.maxArtifactBytes}.`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > policy.maxArtifactBytes)
      throw new ProviderError('artifact_too_large', `${target} sent more than the ${policy.maxArtifactBytes}-byte cap.`);
    chunks.push(chunk);
  }
  if (size === 0) throw new ProviderError('malformed_response', `${target} returned an empty artifact.`);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, contentType };
}
