/**
 * Every claims rule, each with its own small fixture tree (a temp folder holding content/claims),
 * checked against the committed evidence unless a case needs otherwise.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { readCommittedEvidence } from '../../generators/run.ts';
import { loadClaims, loadKnownGaps } from '../../src/worldforge/claims/load.ts';
import { loadRecords } from '../../src/worldforge/records/load.ts';
import { repoRefSources } from '../../src/worldforge/claims/sources.ts';
import type { RecordResolver } from '../../src/worldforge/claims/refs.ts';
import { checkReportSchema, type Finding } from '../../src/worldforge/checks/finding.ts';
import { catalogProfiles } from '../../src/worldforge/providers/catalog.ts';
import { runRules } from '../../scripts/check.ts';
import type { CheckContext, Rule } from '../../scripts/check/context.ts';
import * as claimRules from '../../scripts/check/claim-rules.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

const row = (id: string, extra: string) =>
  `  - id: ${id}\n    statement: A statement long enough to pass.\n    boundary: What it does not show.\n${extra}`;
const NON_CLAIMS = ['physical-fidelity', 'robot-safety', 'upstream-sla', 'service-persistence']
  .map((n) => row(`non-claim-${n}`, '    area: non-claim\n    class: unsupported\n    routing: Ask somebody who owns it.\n'))
  .join('');

interface TreeOptions {
  claims: string;
  gaps?: string;
  readme?: string;
  evidence?: Map<string, string>;
  records?: Record<string, RecordResolver>;
}

/** A fixture tree: content/claims/test.yaml (+ non-claims, known gaps) in a temp folder. */
function context({ claims, gaps, readme, evidence, records }: TreeOptions): CheckContext {
  const root = mkdtempSync(join(tmpdir(), 'wf-claims-'));
  trees.push(root);
  mkdirSync(join(root, 'content/claims'), { recursive: true });
  writeFileSync(join(root, 'content/claims/test.yaml'), `claims:\n${claims}`);
  writeFileSync(join(root, 'content/claims/zz-non-claims.yaml'), `claims:\n${NON_CLAIMS}`);
  if (gaps) writeFileSync(join(root, 'content/claims/known-gaps.yaml'), `gaps:\n${gaps}`);
  const committed = evidence ?? readCommittedEvidence();
  const text = readme ?? '<!-- worldforge:claims:start -->\n<!-- worldforge:claims:end -->\n';
  return {
    committed,
    fresh: committed,
    inputProblems: [],
    currentDigest: () => null,
    profiles: catalogProfiles(),
    readme: text,
    claims: loadClaims(root),
    gaps: loadKnownGaps(root),
    prose: [{ file: 'README.md', text }],
    refSources: { evidence: committed, records: records ?? {} },
    records: loadRecords(root),
    content: new Map(),
    dist: null,
    repoFile: (path) => join(root, path),
  };
}

const run = (ctx: CheckContext, ...rules: Rule[]) => runRules(ctx, rules);
const brief = (findings: Finding[]) => findings.map((f) => `${f.level} ${f.rule} ${f.file}:${f.line ?? '-'} [${f.id}]`);
const mockEmbed = row('embed-ok', '    area: capability\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n');

describe('claims rules', () => {
  it('claim-ref-unknown: a ref to a missing evidence id, at the line of the ref', () => {
    const ctx = context({
      claims: row(
        'x',
        '    area: workflow\n    class: checkout-tested\n    evidence:\n      - conformance/mock#embed\n      - fixtures/nope\n',
      ),
    });
    expect(brief(run(ctx, claimRules.claimRefRule))).toEqual(['error claim-ref-unknown content/claims/test.yaml:9 [x]']);
    expect(run(ctx, claimRules.claimRefRule)[0]!.found).toBe('no evidence file evidence/fixtures/nope.json');
  });

  it('claim-ref-failed: a claim whose evidence failed', () => {
    const evidence = new Map(readCommittedEvidence());
    const doc = JSON.parse(evidence.get('conformance/mock.json')!);
    doc.body.cases.find((c: { id: string }) => c.id === 'embed/call').status = 'failed';
    evidence.set('conformance/mock.json', JSON.stringify(doc));
    const ctx = context({ claims: mockEmbed, evidence });
    expect(brief(run(ctx, claimRules.claimRefRule))).toEqual(['error claim-ref-failed content/claims/test.yaml:8 [embed-ok]']);
  });

  it('claim-class-backing: a checkout-tested claim citing only a deferred record', () => {
    const records = {
      'design-records': (): ReturnType<RecordResolver> => ({
        found: true,
        status: 'recorded',
        source: 'content/design-records/genie.md',
        checkoutSafe: false,
        deferral: { blocker: true, revisitTrigger: true },
        detail: 'deferred',
      }),
    };
    const ctx = context({
      claims: row('only-record', '    area: provider\n    class: checkout-tested\n    evidence:\n      - design-records/genie\n'),
      records,
    });
    expect(brief(run(ctx, claimRules.claimBackingRule))).toEqual(['error claim-class-backing content/claims/test.yaml:6 [only-record]']);
    const deferred = context({
      claims: row(
        'deferred-ok',
        '    area: provider\n    class: deferred\n    blocker: No automation API exists yet.\n    evidence:\n      - design-records/genie\n',
      ),
      records,
    });
    expect(run(deferred, claimRules.claimBackingRule)).toEqual([]);
  });

  it('claim-reference-unknown: a README :claim[x] with unknown x, at its line', () => {
    const readme = '# Title\n\nSome text :claim[embed-ok] and :claim[nope].\n';
    const ctx = context({ claims: mockEmbed, readme });
    expect(brief(run(ctx, claimRules.proseReferenceRule))).toEqual(['error claim-reference-unknown README.md:3 [nope]']);
  });

  it('counts frontmatter lines when reporting docs references', () => {
    const ctx = context({ claims: mockEmbed });
    ctx.prose = [{ file: 'src/content/docs/x.md', text: '---\ntitle: X\n---\n\nSee :claim[ghost].\n' }];
    expect(brief(run(ctx, claimRules.proseReferenceRule))).toEqual(['error claim-reference-unknown src/content/docs/x.md:5 [ghost]']);
  });

  it('claim-coverage: an advertised provider capability with no claim row', () => {
    const ctx = context({ claims: mockEmbed });
    const missing = run(ctx, claimRules.claimCoverageRule).map((f) => f.id);
    expect(missing).toEqual([
      'cosmos#generate',
      'mock#generate',
      'mock#predict',
      'mock#reason',
      'mock#transfer',
      'runway#generate',
      'runway#transfer',
    ]);
  });

  it('known-gap-stale: an allow-list entry that is no longer needed; a needed one downgrades to a warning', () => {
    const gaps =
      '  - rule: claim-coverage\n    id: mock#predict\n    reason: Accepted while testing.\n  - rule: claim-coverage\n    id: mock#embed\n    reason: "Not needed: embed has a row."\n';
    const findings = run(context({ claims: mockEmbed, gaps }), claimRules.claimCoverageRule);
    expect(brief(findings).filter((f) => f.includes('mock#predict') || f.includes('stale'))).toEqual([
      'warning claim-coverage content/claims/capabilities.yaml:- [mock#predict]',
      'error known-gap-stale content/claims/known-gaps.yaml:5 [claim-coverage:mock#embed]',
    ]);
  });

  it('claim-schema, claim-duplicate and claim-non-claims report file:line', () => {
    const ctx = context({ claims: `${mockEmbed}${mockEmbed}  - id: Bad Id\n    statement: short\n` });
    expect(brief(run(ctx, claimRules.claimSchemaRule))).toEqual([
      'error claim-schema content/claims/test.yaml:16 [claims.2.area]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.boundary]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.class]',
      'error claim-schema content/claims/test.yaml:16 [claims.2.id]',
      'error claim-schema content/claims/test.yaml:17 [claims.2.statement]',
    ]);
    const dup = context({ claims: `${mockEmbed}${mockEmbed}` });
    expect(brief(run(dup, claimRules.claimDuplicateRule))).toEqual(['error claim-duplicate content/claims/test.yaml:9 [embed-ok]']);
    const noNon = context({ claims: mockEmbed });
    noNon.claims.claims = noNon.claims.claims.filter((c) => c.value.id !== 'non-claim-robot-safety');
    expect(brief(run(noNon, claimRules.nonClaimsRule))).toEqual([
      'error claim-non-claims content/claims/non-claims.yaml:- [non-claim-robot-safety]',
    ]);
  });

  it('claim-smoke-stale: warns when a prepared-host claim cites a passed smoke older than 90 days', () => {
    const smoke = (date: string) => ({
      'live-smoke': (): ReturnType<RecordResolver> => ({
        found: true,
        status: 'passed',
        source: 'content/live-smoke/x.json',
        checkoutSafe: false,
        deferral: null,
        detail: 'passed',
        date,
      }),
    });
    const claims = row(
      'live',
      '    area: workflow\n    class: prepared-host-smoke-tested\n    evidence:\n      - live-smoke/runway#generate\n',
    );
    const today = new Date('2026-11-26T12:00:00Z');
    expect(brief(run(context({ claims, records: smoke('2026-06-01') }), claimRules.smokeStaleRule(today)))).toEqual([
      'warning claim-smoke-stale content/claims/test.yaml:8 [live]',
    ]);
    expect(run(context({ claims, records: smoke('2026-10-01') }), claimRules.smokeStaleRule(today))).toEqual([]);
  });

  it('readme-claims-list: every statement in the marked list cites a claim', () => {
    const readme =
      '# T\n\n<!-- worldforge:claims:start -->\n- Cited :claim[embed-ok].\n- Not cited at all.\n<!-- worldforge:claims:end -->\n';
    expect(brief(run(context({ claims: mockEmbed, readme }), claimRules.readmeClaimsListRule))).toEqual([
      'error readme-claims-list README.md:5 [- Not cited at all.]',
    ]);
    expect(brief(run(context({ claims: mockEmbed, readme: '# T\n' }), claimRules.readmeClaimsListRule))).toEqual([
      'error readme-claims-list README.md:- [claims-list]',
    ]);
  });

  it('passes on the real claims of this repository', () => {
    const findings = run(
      {
        ...context({ claims: mockEmbed }),
        claims: loadClaims(REPO),
        gaps: loadKnownGaps(REPO),
        readme: readFileSync(join(REPO, 'README.md'), 'utf8'),
        refSources: repoRefSources(REPO),
      },
      ...Object.values(claimRules).filter((v): v is Rule => typeof v === 'object' && 'check' in v),
    );
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('claims through the CLI', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.remove());

  it('exits 1 with rule and file:line for an unknown README claim, and --json validates against the exported schema', () => {
    repo = copyRepo();
    repo.write('README.md', `${repo.read('README.md')}\nAlso :claim[made-up-claim].\n`);
    const human = repo.cli('check');
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✖ claim-reference-unknown +README\.md:\d+ +\[made-up-claim\]/);
    const json = repo.cli('check', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(repo.read('evidence/schemas/check-report.schema.json')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(
      checkReportSchema()
        .parse(report)
        .findings.some((f) => f.rule === 'claim-reference-unknown'),
    ).toBe(true);
  });

  it('writes a GitHub Actions job summary when GITHUB_STEP_SUMMARY is set', () => {
    repo = copyRepo();
    const summary = join(repo.root, 'summary.md');
    repo.write('README.md', `${repo.read('README.md')}\n:claim[nope]\n`);
    const result = repo.cli('check', '--github-summary', summary);
    expect(result.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| error \| `claim-reference-unknown` \| README\.md:\d+ \| nope \|/);
  });
});
