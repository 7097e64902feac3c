/**
 * The fixture suite: every fixture of the corpus goes through its capability's request
 * validation and through every catalog provider advertising that capability. Each step is
 * compared with the fixture's expectation; a case passes only when all of them match.
 */
import { CAPABILITIES, capabilityContracts, type Capability } from '../src/worldforge/capabilities/index.ts';
import { canonicalJson, digestOf, sha256Tag, summarizeForEvidence } from '../src/worldforge/digest.ts';
import { isWorldForgeError } from '../src/worldforge/errors.ts';
import { EventRecorder } from '../src/worldforge/events.ts';
import { FIXTURES_SCHEMA, type FixtureCase, type FixturesEvidence } from '../src/worldforge/evidence/fixtures.ts';
import { constraintViolation } from '../src/worldforge/fixtures/constraints.ts';
import { fixturesFor, loadCorpus, type LoadedFixture } from '../src/worldforge/fixtures/load.ts';
import { decodeRequest } from '../src/worldforge/fixtures/schema.ts';
import { CATALOG, createProvider, PROVIDER_NAMES } from '../src/worldforge/providers/catalog.ts';
import type { Provider } from '../src/worldforge/providers/base.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import { formatIssues, zodIssues } from '../src/worldforge/validation.ts';
import { once } from '../src/worldforge/once.ts';
import { withSuiteProviders } from './harness.ts';
import { memoize } from './memo.ts';
import { inputDigests, REPO_ROOT, WORLDFORGE_VERSION } from './repo.ts';

export const SUITE = 'fixtures';
export const SUITE_VERSION = '1';
const GENERATOR_SOURCE = 'generators/fixtures.ts';

type Check = FixtureCase['checks'][number];

/** A one-line, byte-free summary of a request: top-level keys with short value previews. */
export function summarizeInput(request: unknown): string {
  const preview = (v: unknown): string => {
    const json = redactText(JSON.stringify(summarizeForEvidence(v)) ?? String(v));
    return json.length > 60 ? `${json.slice(0, 57)}…` : json;
  };
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return preview(request);
  return (
    Object.entries(request)
      .map(([k, v]) => `${k}=${preview(v)}`)
      .join('; ') || '{}'
  );
}

function validationCheck(fixture: LoadedFixture, request: unknown): Check {
  const parsed = capabilityContracts[fixture.capability].request.safeParse(request);
  const observed = parsed.success
    ? 'accepted'
    : `rejected: invalid_input (${formatIssues(zodIssues(parsed.error, request)).replaceAll('\n', '; ')})`;
  const passed = fixture.expect.ok ? parsed.success : !parsed.success && fixture.expect.error === 'invalid_input';
  return {
    target: 'request-validation',
    observed,
    status: passed ? 'passed' : 'failed',
    error_code: parsed.success ? null : 'invalid_input',
    result_digest: null,
  };
}

async function providerCheck(provider: Provider, fixture: LoadedFixture, request: unknown): Promise<Check> {
  const target = `provider:${provider.name}`;
  try {
    const result = await provider.call(fixture.capability, request);
    const digest = digestOf(result);
    if (!fixture.expect.ok) {
      return {
        target,
        observed: `returned a result; expected error ${fixture.expect.error}`,
        status: 'failed',
        error_code: null,
        result_digest: digest,
      };
    }
    const summary = summarizeForEvidence(result);
    // A constraint scoped to some providers (e.g. "honours fps") binds only those.
    const constraints = fixture.expect.constraints.filter((c) => !c.providers || c.providers.includes(provider.name));
    const violations = constraints.map((c) => constraintViolation(summary, c)).filter((v) => v !== null);
    const count = constraints.length;
    return {
      target,
      observed: violations.length
        ? `result valid but ${violations.join('; ')}`
        : `result valid; ${count === 1 ? '1 constraint holds' : `${count} constraints hold`}`,
      status: violations.length ? 'failed' : 'passed',
      error_code: null,
      result_digest: digest,
    };
  } catch (error) {
    if (!isWorldForgeError(error)) throw error;
    const passed = !fixture.expect.ok && error.code === fixture.expect.error;
    return {
      target,
      observed: `error ${error.code}: ${error.message}`,
      status: passed ? 'passed' : 'failed',
      error_code: error.code,
      result_digest: null,
    };
  }
}

export async function fixtureCase(fixture: LoadedFixture, providers: readonly Provider[]): Promise<FixtureCase> {
  const request = decodeRequest(fixture.request);
  const checks = [validationCheck(fixture, request)];
  for (const provider of providers) checks.push(await providerCheck(provider, fixture, request));
  return {
    fixture_id: fixture.id,
    fixture_path: fixture.path,
    description: fixture.description,
    origin: fixture.origin,
    expected: fixture.expect.ok ? 'ok' : `error ${fixture.expect.error}`,
    input_summary: summarizeInput(request),
    checks,
    status: checks.every((c) => c.status === 'passed') ? 'passed' : 'failed',
  };
}

/** The corpus, read once per process (every capability and the conformance suite share it). */
export const repoCorpus = once(() => loadCorpus(REPO_ROOT));

async function buildFixturesEvidence(capability: Capability): Promise<FixturesEvidence> {
  const corpus = repoCorpus();
  const recorder = new EventRecorder();
  const names = PROVIDER_NAMES.filter((name) => createProvider(name).supports(capability));
  const fixtures = fixturesFor(corpus, capability);
  // Remote providers answer from a loopback replay of their recorded success exchanges.
  const { value: cases, inputs: replayInputs } = await withSuiteProviders(names, recorder.sink, async (providers) => {
    const built: FixtureCase[] = [];
    for (const fixture of fixtures) built.push(await fixtureCase(fixture, providers));
    return built;
  });
  const body = { capability, providers: names, cases };
  return {
    schema: FIXTURES_SCHEMA,
    suite: SUITE,
    suite_version: SUITE_VERSION,
    subject: { capability },
    command: `npx worldforge evidence generate --only fixtures/${capability}`,
    worldforge_version: WORLDFORGE_VERSION,
    inputs: inputDigests([GENERATOR_SOURCE, ...fixtures.map((f) => f.path), ...names.flatMap((n) => CATALOG[n]!.sources), ...replayInputs]),
    result_digest: sha256Tag(canonicalJson(body)),
    event_count: recorder.count,
    runtime_manifest: null,
    budget: null,
    claim_boundary:
      'Shows how request validation and each advertising catalog provider in this checkout handle the shared fixture corpus. It does not show output quality, physical fidelity or behaviour on inputs outside the corpus.',
    status: cases.length > 0 && cases.every((c) => c.status === 'passed') ? 'passed' : 'failed',
    skip_reason: null,
    body,
  };
}

/** The fixture evidence of one capability (built once per process). */
export const fixturesEvidence = memoize(buildFixturesEvidence);

export const fixtureSubjects = () =>
  CAPABILITIES.map((capability) => ({ id: `fixtures/${capability}`, build: () => fixturesEvidence(capability) }));
