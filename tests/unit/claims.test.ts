/**
 * The claims rules together: over the real claims of this repository, and through the CLI (exit
 * code, file:line, the exported report schema, the job summary). Each rule has its own test beside
 * it (src/worldforge/checks/rules/<rule-id>.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { readCommittedEvidence } from '../../generators/run.ts';
import { checkReportSchema } from '../../src/worldforge/checks/finding.ts';
import { rulesReading } from '../../src/worldforge/checks/runner.ts';
import { loadClaims, loadKnownGaps } from '../../src/worldforge/claims/load.ts';
import { repoRefSources } from '../../src/worldforge/claims/sources.ts';
import { catalogProfiles } from '../../src/worldforge/providers/catalog.ts';
import { runRules } from '../../scripts/check.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

describe('claims rules', () => {
  it('pass on the real claims of this repository (accepted known gaps aside)', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const data = {
      claims: loadClaims(REPO),
      gaps: loadKnownGaps(REPO),
      readme,
      prose: [{ file: 'README.md', text: readme }],
      profiles: catalogProfiles(),
      refs: repoRefSources(REPO, readCommittedEvidence()),
      today: new Date(),
    };
    const rules = rulesReading(['claims', 'gaps', 'readme', 'prose', 'profiles', 'refs', 'today', 'findings']);
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['claim-class-backing', 'claim-coverage', 'claim-schema', 'known-gap-stale']),
    );
    const findings = runRules(data, rules);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0); // the known gaps, as warnings
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
