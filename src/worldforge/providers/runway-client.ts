/**
 * The narrow port the runway adapter talks through: create a task (never retried), retrieve a
 * task (a read: retried), retrieve the organization (health). Its method names follow the
 * official `@runwayml/sdk` resources (`imageToVideo.create`, `tasks.retrieve`, …) so the SDK can be
 * plugged in behind it; this file implements it over Node's fetch with the same headers, base URL
 * default and version header the SDK uses.
 */
import { ProviderError } from '../errors.ts';
import { describeTarget, expectOk, jsonBody, readWithRetry, sendOnce, type RequestPolicy } from './http.ts';
import { joinUrl } from './remote.ts';

export const RUNWAY_DEFAULT_BASE_URL = 'https://api.dev.runwayml.com';
export const RUNWAY_API_VERSION = '2024-11-06';

export type RunwayEndpoint = 'image_to_video' | 'text_to_video' | 'video_to_video';

export interface RunwayClient {
  /** POST /v1/<endpoint>; resolves to the created task's raw JSON. One attempt only. */
  createTask(endpoint: RunwayEndpoint, body: Record<string, unknown>): Promise<unknown>;
  /** GET /v1/tasks/:id; raw JSON. Retried on 408/429/5xx and connection errors. */
  retrieveTask(id: string): Promise<unknown>;
  /** GET /v1/organization; raw JSON. */
  retrieveOrganization(): Promise<unknown>;
}

export function createRunwayHttpClient(options: { apiKey: string; baseUrl: string; policy: RequestPolicy }): RunwayClient {
  const headers = {
    authorization: `Bearer ${options.apiKey}`,
    'x-runway-version': RUNWAY_API_VERSION,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const read = async (path: string) => {
    const url = joinUrl(options.baseUrl, path);
    const target = describeTarget('GET', url);
    const response = await readWithRetry('GET', url, { headers }, options.policy);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ProviderError('provider_error', `${target} answered HTTP 404: the task is unknown upstream (deleted, or created under another key).`);
    }
    await expectOk(response, target);
    return jsonBody(response, target);
  };
  return {
    async createTask(endpoint, body) {
      const url = joinUrl(options.baseUrl, `/v1/${endpoint}`);
      const target = describeTarget('POST', url);
      const response = await sendOnce('POST', url, { headers, body: JSON.stringify(body) }, options.policy);
      await expectOk(response, target);
      return jsonBody(response, target);
    },
    retrieveTask: (id) => read(`/v1/tasks/${encodeURIComponent(id)}`),
    retrieveOrganization: () => read('/v1/organization'),
  };
}
