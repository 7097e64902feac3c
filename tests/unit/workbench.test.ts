/**
 * The workbench: the flow (pure) over hand-built facts, the Markdown body as a snapshot, and the
 * real repository's mock, runway, a deferred candidate and a fresh scaffold (in a repo copy).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PROMOTION_REQUIREMENTS } from '../../src/worldforge/promotion/requirements.ts';
import { PROMOTION_RULES } from '../../src/worldforge/records/rubric.ts';
import type { WorkbenchFacts } from '../../src/worldforge/workbench/facts.ts';
import { gatherFacts } from '../../src/worldforge/workbench/facts.ts';
import { buildReport, earnedLevel, evaluateRequirements, PROBES } from '../../src/worldforge/workbench/flow.ts';
import { renderMarkdown, renderText } from '../../src/worldforge/workbench/render.ts';
import { scaffoldProvider } from '../../scripts/scaffold-cli.ts';
import { workbench } from '../../scripts/workbench-cli.ts';
import { copyRepo, REPO } from '../helpers/repo-copy.ts';

/** A remote provider at experimental with everything for beta except a public live smoke. */
const remoteFacts = (over: Partial<WorkbenchFacts> = {}): WorkbenchFacts => ({
  subject: 'acme',
  source: 'catalog',
  maturity: 'experimental',
  runtimeOwnership: 'remote-api',
  advertised: ['generate'],
  capabilities: ['generate'],
  runtime: { status: 'manifest', id: 'acme:schema-1', triageCodes: ['auth_failed'], smokeCommands: 1 },
  smokeSpec: true,
  conformance: {
    path: 'evidence/conformance/acme.json',
    status: 'passed',
    cases: [
      { id: 'generate/call', capability: 'generate', kind: 'call', advertised: true, status: 'passed' },
      { id: 'score/fails-closed', capability: 'score', kind: 'fails-closed', advertised: false, status: 'passed' },
    ],
    profileDrift: false,
  },
  exchanges: [{ path: 'fixtures/providers/acme/auth-failed.json', error: 'auth_failed' }],
  placeholders: [],
  capabilityFixtures: [{ capability: 'generate', valid: 1, invalid: 1 }],
  liveSmoke: [{ path: 'content/live-smoke/acme-generate.json', capability: 'generate', status: 'passed', endpoint: 'loopback' }],
  designRecords: [],
  candidate: null,
  readmeListed: true,
  docsStub: null,
  releaseGatedClaims: [],
  checkoutTestedClaims: [],
  redaction: { scanned: ['evidence/conformance/acme.json'], hits: [] },
  ...over,
});

const statusOf = (facts: WorkbenchFacts, id: string) => evaluateRequirements(facts).find((r) => r.requirement.id === id)!.status;

describe('workbench flow', () => {
  it('has a probe for every promotion requirement, and the promotion page lists the same requirements', () => {
    expect(Object.keys(PROBES).sort()).toEqual(PROMOTION_REQUIREMENTS.map((r) => r.id).sort());
    for (const r of PROMOTION_REQUIREMENTS) expect(PROMOTION_RULES[r.level].requires).toContain(r.text);
  });

  it('does not count a rehearsal as a live smoke, and names it as the missing beta evidence', () => {
    const report = buildReport(remoteFacts());
    expect(report.next).toBe('beta');
    expect(report.missing.map((r) => r.requirement.id)).toEqual(['live-smoke-run']);
    expect(report.missing[0]!.detail).toContain('loopback rehearsal');
    const live = remoteFacts({
      liveSmoke: [{ path: 'content/live-smoke/acme-generate.json', capability: 'generate', status: 'passed', endpoint: 'public' }],
    });
    expect(buildReport(live).missing).toEqual([]);
    expect(buildReport(live).earned).toBe('beta');
  });

  it('treats an incomplete stub as a missing runtime manifest and placeholders as missing fixtures', () => {
    const facts = remoteFacts({
      runtime: { status: 'stub', path: 'content/scaffolds/acme/runtime-manifest.stub.json', missing: ['triage'] },
    });
    expect(statusOf(facts, 'runtime-manifest')).toBe('missing');
    const report = buildReport({ ...facts, placeholders: ['fixtures/scaffolds/acme/generate-success.placeholder.json'] });
    expect(report.steps.find((s) => s.id === 'fixtures')!.ok).toBe(false);
  });

  it('reports drift when the profile declares more than its evidence earns', () => {
    const report = buildReport(remoteFacts({ maturity: 'beta' }));
    expect(report.earned).toBe('experimental');
    expect(report.steps.find((s) => s.id === 'drift')!.lines.join('\n')).toContain('declares beta but the evidence earns experimental');
  });

  it('reports redaction hits by file and kind only', () => {
    const report = buildReport(
      remoteFacts({
        redaction: {
          scanned: ['content/live-smoke/acme-generate.json'],
          hits: [{ file: 'content/live-smoke/acme-generate.json', kind: 'signed-url' }],
        },
      }),
    );
    const step = report.steps.find((s) => s.id === 'redaction')!;
    expect(step.ok).toBe(false);
    expect(step.lines).toEqual(['✗ content/live-smoke/acme-generate.json: signed-url']);
  });

  it('stops the earned level at the first level with a missing requirement', () => {
    const results = evaluateRequirements(remoteFacts({ exchanges: [] }));
    expect(earnedLevel(results)).toBe('scaffold');
  });

  it('prints a pull-request body with validation commands and repository-relative artifacts', () => {
    expect(renderMarkdown(buildReport(remoteFacts()))).toMatchSnapshot();
  });
});

describe('workbench on this repository', () => {
  it('mock: stable with nothing missing to hold it, checkout-safe requirements not applicable', () => {
    const report = buildReport(gatherFacts(REPO, 'mock'));
    expect(report).toMatchObject({ status: 'stable', earned: 'stable', next: null, missing: [] });
    expect(report.requirements.find((r) => r.requirement.id === 'live-smoke-run')!.status).toBe('n/a');
  });

  it('runway: names the live-smoke run as missing for its next status', () => {
    const report = buildReport(gatherFacts(REPO, 'runway'));
    expect(report.next).not.toBeNull();
    expect(report.missing.map((r) => r.requirement.id)).toContain('live-smoke-run');
  });

  it('a deferred candidate: names the scaffold evidence and quotes its blocker', () => {
    const facts = gatherFacts(REPO, 'spatial-scene');
    const report = buildReport(facts);
    expect(report).toMatchObject({ source: 'candidate', status: 'candidate', next: 'scaffold' });
    expect(report.missing.map((r) => r.requirement.id)).toEqual(['profile-advertises-nothing', 'fails-closed-evidence']);
    expect(renderText(report)).toContain('blocker: No runtime is selected');
    expect(report.validationCommands[0]).toBe('npx worldforge scaffold provider spatial-scene --capability generate');
  });

  it('an unknown subject exits 2 with a hint; --markdown never mentions host paths', async () => {
    const err: string[] = [];
    expect(
      await workbench(
        REPO,
        'no-such-thing',
        {},
        () => {},
        (t) => err.push(t),
      ),
    ).toBe(2);
    expect(err.join('')).toContain('hint: npx worldforge scaffold provider no-such-thing');
    const out: string[] = [];
    await workbench(
      REPO,
      'runway',
      { markdown: true },
      (t) => out.push(t),
      () => {},
    );
    expect(out.join('')).not.toContain(REPO);
  });

  const copy = copyRepo();
  afterAll(() => copy.remove());
  it('a fresh scaffold: reads its stub and placeholders, names catalog registration as missing', () => {
    expect(
      scaffoldProvider(
        copy.root,
        'demo',
        { capability: ['score'], envVar: [] },
        () => {},
        () => {},
      ),
    ).toBe(0);
    const report = buildReport(gatherFacts(copy.root, 'demo'));
    expect(report).toMatchObject({ source: 'scaffold', status: 'scaffold', next: 'experimental' });
    expect(report.missing.map((r) => r.requirement.id)).toEqual([
      'fails-closed-evidence',
      'reservation-record',
      'exercised-offline',
      'typed-failure-modes',
      'smoke-path',
    ]);
    expect(report.steps.find((s) => s.id === 'runtime')!.lines[0]).toContain('incomplete stub');
    expect(report.artifacts).toContain('content/scaffolds/demo/runtime-manifest.stub.json');
  });
});
