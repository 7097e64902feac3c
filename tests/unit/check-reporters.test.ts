/**
 * The check's reporters, in-process: errors before warnings everywhere, GitHub workflow commands
 * escaped so no finding text can end its line or forge a property, SARIF that validates against the
 * vendored OASIS 2.1.0 schema, a job summary that starts with the verdict and folds diffs, and
 * rule links that become absolute once WORLDFORGE_SITE_URL is set.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { annotation, annotations, escapeData, escapeProperty } from '../../scripts/check/github.ts';
import { githubSummary, humanReport } from '../../scripts/check/report.ts';
import { sarifLog } from '../../scripts/check/sarif.ts';
import { finding, type CheckReport } from '../../src/worldforge/checks/finding.ts';
import { RULE_IDS } from '../../src/worldforge/checks/rules.ts';
import { SiteUrlError, siteLink, siteUrl } from '../../src/worldforge/site/site-url.ts';

const SCHEMA_PATH = new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url);

/**
 * A validator for the SARIF 2.1.0 schema. The schema is draft-04 (`id`, draft-04 `$schema`); its
 * only draft-04-specific keyword is the top-level `id`, so it compiles as draft-07 with `$id`.
 * Formats are checked with small stand-ins (no ajv-formats dependency): `uri` must parse as an
 * absolute URL, `date-time` as a date.
 */
function sarifValidator() {
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://base.invalid/'));
  ajv.addFormat('date-time', (value: string) => Number.isFinite(Date.parse(value)));
  return ajv.compile({ ...schema, $id: id });
}

const drift = finding('evidence-drift', {
  file: 'evidence/conformance/mock.json',
  line: 13,
  id: 'conformance/mock',
  expected: 'committed file is byte-identical to a fresh regeneration',
  found: '2 lines differ',
  details: '@@ -13 +13 @@\n-  "status": "passed"\n+  "status": "failed"\n``` a fence in the diff',
});
const warning = finding('claim-ref-failed', {
  level: 'warning',
  file: 'content/claims/a,b:c.yaml',
  line: 4,
  id: 'gap',
  expected: 'passed',
  found: 'skipped\r\n::error file=x::forged 100%',
});
const noLine = finding('evidence-index', { file: 'evidence/index.json', id: 'conformance/mock.json', expected: 'a', found: 'b' });
/** Warnings sorted before errors, as the check's file order can put them. */
const report: CheckReport = { ok: false, elapsed_ms: 1234, findings: [warning, drift, noLine] };

describe('errors first', () => {
  it('in the human report, annotations, the job summary and SARIF', () => {
    const human = humanReport(report);
    expect(human.indexOf('✖ evidence-drift')).toBeLessThan(human.indexOf('⚠ claim-ref-failed'));
    expect(human.indexOf('✖ evidence-index')).toBeLessThan(human.indexOf('⚠ claim-ref-failed'));
    expect(
      annotations(report.findings)
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['::error', '::error', '::warning']);
    const summary = githubSummary(report);
    expect(summary.indexOf('| error |')).toBeLessThan(summary.indexOf('| warning |'));
    expect(sarifLog(report, { version: '0.0.0', site: null }).runs[0]!.results.map((r) => r.level)).toEqual(['error', 'error', 'warning']);
  });
});

describe('GitHub workflow commands', () => {
  it('escape %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('carry file, line and title=<rule>; a finding without a line names only the file', () => {
    expect(annotation(drift)).toMatch(
      /^::error file=evidence\/conformance\/mock\.json,line=13,title=evidence-drift::\[conformance\/mock\] 2 lines differ/,
    );
    expect(annotation(noLine)).toMatch(/^::error file=evidence\/index\.json,title=evidence-index::/);
  });

  it('keep a hostile finding on one line with its properties intact', () => {
    const line = annotation(warning);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^::warning file=content\/claims\/a%2Cb%3Ac\.yaml,line=4,title=claim-ref-failed::/);
    expect(line).toContain('skipped%0D%0A::error file=x::forged 100%25');
  });
});

describe('SARIF 2.1.0', () => {
  const validate = sarifValidator();

  it('validates against the OASIS schema, without and with a site URL', () => {
    for (const site of [null, 'https://example.github.io/worldforge/']) {
      const log = sarifLog(report, { version: '0.1.0', site });
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('lists every rule once and locates each result by file, line and rule index', () => {
    const log = sarifLog(report, { version: '0.1.0', site: 'https://example.github.io/worldforge/' });
    const { driver } = log.runs[0]!.tool;
    expect(driver.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(driver.rules.find((r) => r.id === 'evidence-drift')?.helpUri).toBe('https://example.github.io/worldforge/rules/evidence-drift/');
    const [first] = log.runs[0]!.results;
    expect(driver.rules[first!.ruleIndex]!.id).toBe(first!.ruleId);
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'evidence/conformance/mock.json' },
      region: { startLine: 13 },
    });
    expect(sarifLog(report, { version: '0.1.0', site: null }).runs[0]!.tool.driver.rules[0]).not.toHaveProperty('helpUri');
  });
});

describe('job summary', () => {
  it('starts with the verdict, lists the fix commands of the errors and folds each diff', () => {
    const summary = githubSummary(report);
    expect(summary.split('\n')[0]).toMatch(/^### ❌ worldforge check failed: 2 error\(s\), 1 warning\(s\)/);
    expect(summary).toContain('**To fix the errors:**');
    expect(summary).toContain('- Run `npm run evidence`');
    expect(summary).toMatch(
      /<details>\n<summary>error: <code>evidence-drift<\/code> evidence\/conformance\/mock\.json:13<\/summary>\n\n````diff\n@@ -13/,
    );
    expect(summary).not.toMatch(/\| skipped\r?\n/);
    expect(githubSummary({ ok: true, elapsed_ms: 5, findings: [] })).toMatch(/^### ✅ worldforge check passed/);
  });

  it('stays far below the 1 MiB limit of GitHub job summaries however many findings there are', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({ ...drift, id: `conformance/m${i}`, details: 'x'.repeat(6_000) }));
    const summary = githubSummary({ ok: false, elapsed_ms: 1, findings: many });
    expect(summary).toContain('| … | 1500 more finding(s) | see the job log |');
    expect(summary.split('\n').filter((l) => l.startsWith('| error |'))).toHaveLength(500);
    expect(Buffer.byteLength(summary)).toBeLessThan(512 * 1024);
  });

  it('links rules root-relative without a site URL and absolute with one', () => {
    expect(githubSummary(report)).toMatch(/\| `evidence-drift` \|.*\| \[rule\]\(\/rules\/evidence-drift\/\) \|\n/);
    expect(githubSummary(report, 'https://example.org/wf/')).toContain('| [rule](https://example.org/wf/rules/evidence-drift/) |');
  });
});

describe('site URL', () => {
  it('reads WORLDFORGE_SITE_URL once, normalises the trailing slash and keeps the base path', () => {
    expect(siteUrl({})).toBeNull();
    expect(siteUrl({ WORLDFORGE_SITE_URL: '  ' })).toBeNull();
    expect(siteUrl({ WORLDFORGE_SITE_URL: 'https://example.github.io/worldforge' })).toBe('https://example.github.io/worldforge/');
    expect(siteLink('/rules/x/', 'https://example.github.io/worldforge/')).toBe('https://example.github.io/worldforge/rules/x/');
    expect(siteLink('/rules/x/', null)).toBe('/rules/x/');
  });

  it('refuses values that are not plain http(s) URLs', () => {
    for (const value of ['example.org', 'ftp://example.org/', 'https://u:p@example.org/', 'https://example.org/?token=abc'])
      expect(() => siteUrl({ WORLDFORGE_SITE_URL: value }), value).toThrow(SiteUrlError);
  });
});
