/**
 * The conformance suite. For every catalog provider and each of the seven capabilities:
 * advertised → a valid call whose result passes the schema, an invalid request rejected with
 * `invalid_input`, and (for deterministic profiles) two identical calls with identical results;
 * not advertised → the call fails closed with `unsupported_capability`.
 */
import { CAPABILITIES, type Capability } from '../src/worldforge/capabilities/index.ts';
import { canonicalJson, digestOf, sha256Tag } from '../src/worldforge/digest.ts';
import { isWorldForgeError, type ErrorCode } from '../src/worldforge/errors.ts';
import { EventRecorder } from '../src/worldforge/events.ts';
import { CATALOG, PROVIDER_NAMES } from '../src/worldforge/providers/catalog.ts';
import type { Provider } from '../src/worldforge/providers/base.ts';
import { CONFORMANCE_SCHEMA, type ConformanceCase, type ConformanceEvidence } from '../src/worldforge/evidence/index.ts';
import { conformanceRequests, type ConformanceRequests } from './conformance-requests.ts';
import { withSuiteProvider } from './harness.ts';
import { memoize } from './memo.ts';
import { WORLDFORGE_VERSION, inputDigests } from './repo.ts';

export const SUITE = 'conformance';
export const SUITE_VERSION = '1';
const GENERATOR_SOURCE = 'generators/conformance.ts';

type Outcome = { ok: true; digest: string } | { ok: false; code: ErrorCode | 'untyped'; message: string };

async function attempt(provider: Provider, capability: Capability, request: unknown): Promise<Outcome> {
  try {
    return { ok: true, digest: digestOf(await provider.call(capability, request)) };
  } catch (error) {
    if (isWorldForgeError(error)) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'untyped', message: String(error) };
  }
}

const describe = (o: Outcome) => (o.ok ? `result validated (${o.digest.slice(0, 19)}…)` : `error ${o.code}: ${o.message}`);

function makeCase(
  capability: Capability,
  kind: ConformanceCase['kind'],
  advertised: boolean,
  expected: string,
  outcome: Outcome,
  passed: boolean,
  observed = describe(outcome),
): ConformanceCase {
  return {
    id: `${capability}/${kind}`,
    capability,
    kind,
    advertised,
    expected,
    observed,
    status: passed ? 'passed' : 'failed',
    error_code: outcome.ok || outcome.code === 'untyped' ? null : outcome.code,
    result_digest: outcome.ok ? outcome.digest : null,
  };
}

async function casesFor(provider: Provider, capability: Capability, requests: ConformanceRequests): Promise<ConformanceCase[]> {
  if (!provider.supports(capability)) {
    const outcome = await attempt(provider, capability, requests.valid);
    return [
      makeCase(
        capability,
        'fails-closed',
        false,
        'throws unsupported_capability; never returns data',
        outcome,
        !outcome.ok && outcome.code === 'unsupported_capability',
      ),
    ];
  }
  const first = await attempt(provider, capability, requests.valid);
  const cases = [
    makeCase(capability, 'call', true, `${requests.validFixture.id} returns a result that passes the result schema`, first, first.ok),
  ];
  if (provider.profile.deterministic) {
    const second = await attempt(provider, capability, requests.valid);
    const same = first.ok && second.ok && first.digest === second.digest;
    cases.push(
      makeCase(
        capability,
        'deterministic',
        true,
        'two identical calls return identical results',
        second,
        same,
        same ? 'identical result digests' : `first: ${describe(first)}; second: ${describe(second)}`,
      ),
    );
  }
  const invalid = await attempt(provider, capability, requests.invalid);
  cases.push(
    makeCase(
      capability,
      'rejects-invalid',
      true,
      `throws invalid_input for ${requests.invalidFixture.id}`,
      invalid,
      !invalid.ok && invalid.code === 'invalid_input',
    ),
  );
  return cases;
}

async function buildConformanceEvidence(name: string): Promise<ConformanceEvidence> {
  const recorder = new EventRecorder();
  const requests = conformanceRequests();
  // Remote providers run against a loopback replay of their recorded success exchanges.
  const { value: run, inputs: replayInputs } = await withSuiteProvider(name, recorder.sink, async (provider) => {
    const cases: ConformanceCase[] = [];
    for (const capability of CAPABILITIES) cases.push(...(await casesFor(provider, capability, requests[capability])));
    return { cases, profile: provider.profile };
  });
  const { cases, profile } = run;
  const body = { provider: name, profile, cases };
  return {
    schema: CONFORMANCE_SCHEMA,
    suite: SUITE,
    suite_version: SUITE_VERSION,
    subject: { provider: name },
    command: `npx worldforge evidence generate --only conformance/${name}`,
    worldforge_version: WORLDFORGE_VERSION,
    inputs: inputDigests([
      ...CATALOG[name]!.sources,
      ...replayInputs,
      GENERATOR_SOURCE,
      'generators/conformance-requests.ts',
      ...Object.values(requests).flatMap((r) => [r.validFixture.path, r.invalidFixture.path]),
    ]),
    result_digest: sha256Tag(canonicalJson(body)),
    event_count: recorder.count,
    runtime_manifest: null,
    budget: null,
    claim_boundary:
      'Shows that the provider honours the WorldForge call contract in this checkout: advertised capabilities return schema-valid results and everything else fails closed. It does not show output quality, physical fidelity, robot safety or upstream availability.',
    status: cases.every((c) => c.status === 'passed') ? 'passed' : 'failed',
    skip_reason: null,
    body,
  };
}

/** Runs the suite for one provider (once per process) and returns its evidence document. */
export const conformanceEvidence = memoize(buildConformanceEvidence);

export const conformanceSubjects = () =>
  PROVIDER_NAMES.map((name) => ({ id: `conformance/${name}`, build: () => conformanceEvidence(name) }));
