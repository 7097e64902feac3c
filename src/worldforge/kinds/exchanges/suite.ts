/**
 * The provider-exchange suite: every recorded exchange of every remote provider is replayed on
 * loopback through the real adapter, and the outcome is compared with the exchange's expectation
 * (a schema-valid result, or the typed error of its failure mode).
 */
import { digestOf } from '../../digest.ts';
import { isWorldForgeError } from '../../errors.ts';
import { EventRecorder } from '../../events.ts';
import { buildEvidenceDocument, statusOfCases } from '../../evidence/suite/document.ts';
import { memoize } from '../../evidence/suite/memo.ts';
import { exchangesOf, HARNESS_SOURCES, replayProvider, withReplay } from '../../evidence/suite/replay.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import { decodeRequest } from '../../fixtures/schema.ts';
import { CATALOG, PROVIDER_NAMES } from '../../providers/catalog.ts';
import { redactText } from '../../redaction.ts';
import type { Exchange } from '../../replay/exchange.ts';
import { EXCHANGES_KIND, type ExchangeCase, type ExchangesEvidence } from './schema.ts';

export const SUITE_VERSION = '1';

/** Replays one exchange and returns its case. */
export async function replayExchange(exchange: Exchange & { path: string }, recorder: EventRecorder): Promise<ExchangeCase> {
  return withReplay(exchange.interactions, async (server) => {
    const provider = replayProvider(exchange.provider, server, recorder.sink);
    const expected = exchange.expect.ok ? 'ok' : `error ${exchange.expect.error}`;
    let observed: string;
    let errorCode: ExchangeCase['error_code'] = null;
    let resultDigest: string | null = null;
    let passed: boolean;
    try {
      const result = await provider.call(exchange.capability, decodeRequest(exchange.request));
      resultDigest = digestOf(result);
      const clip = result as { content_type: string; frames: Uint8Array[] };
      observed = `result valid: ${clip.content_type}, ${clip.frames.reduce((n, f) => n + f.byteLength, 0)} bytes`;
      passed = exchange.expect.ok;
    } catch (error) {
      if (!isWorldForgeError(error)) throw error;
      errorCode = error.code;
      observed = `error ${error.code}: ${error.message}`;
      passed = !exchange.expect.ok && exchange.expect.error === error.code;
    }
    const api = server.seen.filter((r) => r.path.startsWith('/v1/'));
    const downloads = server.seen.filter((r) => !r.path.startsWith('/v1/'));
    const authenticated = api.length > 0 && api.every((r) => r.bearer);
    // The API key is for the API: an artifact host (often a third-party CDN) must never receive it.
    const artifactCredentialsSent = downloads.some((r) => r.bearer);
    if (!authenticated || artifactCredentialsSent) {
      observed += !authenticated ? '; an API request went out without the bearer key' : '; the API key was sent to the artifact host';
      passed = false;
    }
    if (server.misses.length) {
      observed += `; unrecorded requests: ${server.misses.join(', ')}`;
      passed = false;
    }
    return {
      exchange_id: exchange.id,
      exchange_path: exchange.path,
      capability: exchange.capability,
      failure_mode: exchange.failure_mode,
      description: exchange.description,
      expected,
      observed: redactText(observed),
      status: passed ? 'passed' : 'failed',
      error_code: errorCode,
      result_digest: resultDigest,
      requests: server.seen.map((r) => `${r.method} ${r.path}`),
      authenticated,
      key_sent_to_artifact_host: artifactCredentialsSent,
    };
  });
}

async function buildExchangesEvidence(name: string): Promise<ExchangesEvidence> {
  const entry = CATALOG[name]!;
  const recorder = new EventRecorder();
  const exchanges = exchangesOf(name);
  const cases: ExchangeCase[] = [];
  for (const exchange of exchanges) cases.push(await replayExchange(exchange, recorder));
  const body = { provider: name, runtime_manifest: entry.runtime!.id, cases };
  return buildEvidenceDocument(EXCHANGES_KIND, {
    name,
    subject: { provider: name },
    suite_version: SUITE_VERSION,
    inputs: [sourceOf(import.meta.url), ...HARNESS_SOURCES, ...entry.sources, ...exchanges.map((e) => e.path)],
    body,
    status: statusOfCases(cases),
    event_count: recorder.count,
    claim_boundary:
      'Shows how the adapter handles recorded upstream exchanges (success and each failure mode) replayed on loopback in this checkout. It does not show that the live upstream still answers this way, nor anything about output quality, availability or cost.',
  });
}

export const exchangesEvidence = memoize(buildExchangesEvidence);

/** Providers with recorded exchanges (the remote ones). */
export const exchangeProviders = () => PROVIDER_NAMES.filter((name) => CATALOG[name]!.replay);

/** One subject per remote provider: `exchanges/<provider>`. */
export const subjects = () => exchangeProviders().map((name) => ({ name, build: () => exchangesEvidence(name) }));
