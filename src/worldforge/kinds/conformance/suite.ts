/**
 * The conformance suite. For every catalog provider and each of the seven capabilities:
 * advertised → a valid call whose result passes the schema, an invalid request rejected with
 * `invalid_input`, and (for deterministic profiles) two identical calls with identical results;
 * not advertised → the call fails closed with `unsupported_capability`.
 */
import { CAPABILITIES, type Capability } from '../../capabilities/index.ts';
import { digestOf } from '../../digest.ts';
import { isWorldForgeError, type ErrorCode } from '../../errors.ts';
import { EventRecorder } from '../../events.ts';
import { buildEvidenceDocument, statusOfCases } from '../../evidence/suite/document.ts';
import { memoize } from '../../evidence/suite/memo.ts';
import { withSuiteProvider } from '../../evidence/suite/replay.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import type { Provider } from '../../providers/base.ts';
import { CATALOG, PROVIDER_NAMES } from '../../providers/catalog.ts';
import { type RuntimeManifest, triageFor } from '../../providers/runtime-manifest.ts';
import { type ConformanceRequests, conformanceRequests, REQUESTS_SOURCE } from './requests.ts';
import { CONFORMANCE_KIND, type ConformanceCase, type ConformanceEvidence, type RuntimeSummary } from './schema.ts';

export const SUITE_VERSION = '1';

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

/** The part of a runtime manifest the provider page shows, with the triage step for unlisted errors. */
function runtimeSummary(manifest: RuntimeManifest): RuntimeSummary {
  const { id, optional_env_vars, default_model, host_owned_artifacts, artifact_lifetime, smoke_commands, triage, known_limitations } =
    manifest;
  return {
    id,
    optional_env_vars,
    default_model,
    host_owned_artifacts,
    artifact_lifetime,
    smoke_commands,
    triage,
    known_limitations,
    default_triage: triageFor(null, null),
  };
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
  const manifest = CATALOG[name]!.runtime;
  const body = { provider: name, profile, runtime: manifest ? runtimeSummary(manifest) : null, cases };
  return buildEvidenceDocument(CONFORMANCE_KIND, {
    name,
    subject: { provider: name },
    suite_version: SUITE_VERSION,
    inputs: [
      ...CATALOG[name]!.sources,
      ...replayInputs,
      sourceOf(import.meta.url),
      REQUESTS_SOURCE,
      ...Object.values(requests).flatMap((r) => [r.validFixture.path, r.invalidFixture.path]),
      // The default triage step comes from there.
      ...(manifest ? ['src/worldforge/providers/runtime-manifest.ts'] : []),
    ],
    body,
    status: statusOfCases(cases),
    event_count: recorder.count,
    claim_boundary:
      'Shows that the provider honours the WorldForge call contract in this checkout: advertised capabilities return schema-valid results and everything else fails closed. It does not show output quality, physical fidelity, robot safety or upstream availability.',
  });
}

/**
 * The conformance cases of any provider instance (an adapter outside the catalog, e.g. from the
 * installable package's contract check) over the given requests (default: this checkout's fixtures).
 */
export async function conformanceCases(provider: Provider, requests = conformanceRequests()): Promise<ConformanceCase[]> {
  const cases: ConformanceCase[] = [];
  for (const capability of CAPABILITIES) cases.push(...(await casesFor(provider, capability, requests[capability])));
  return cases;
}

/** Runs the suite for one provider (once per process) and returns its evidence document. */
export const conformanceEvidence = memoize(buildConformanceEvidence);

/** One subject per catalog provider: `conformance/<provider>`. */
export const subjects = () => PROVIDER_NAMES.map((name) => ({ name, build: () => conformanceEvidence(name) }));
