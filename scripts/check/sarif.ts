/**
 * The check report as SARIF 2.1.0 (`npx worldforge check --format sarif`, or `--sarif <file>`),
 * for GitHub code scanning (`github/codeql-action/upload-sarif`): one run whose tool lists every
 * registered rule (title, why, fix, page) and one result per finding, errors first, located by
 * repository-relative file and line. Rule pages become `helpUri` only when a site URL is
 * configured: SARIF wants absolute URIs. tests/unit/check-reporters.test.ts validates the output
 * against the OASIS schema.
 */
import type { CheckReport, Finding } from '../../src/worldforge/checks/finding.ts';
import { RULE_IDS, RULES, ruleDocsPath } from '../../src/worldforge/checks/rules.ts';
import { siteLink } from '../../src/worldforge/site/site-url.ts';
import { errorsFirst } from './report.ts';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The parts of a SARIF 2.1.0 log this reporter writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri?: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          helpUri?: string;
          defaultConfiguration: { level: 'error' };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: 'error' | 'warning';
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
      }[];
      partialFingerprints: { 'worldforgeFinding/v1': string };
    }[];
    columnKind: 'unicodeCodePoints';
  }[];
}

/** `PascalCase` of a rule id, SARIF's suggested form for `rule.name`. */
const ruleName = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());

/** A repository-relative path as a SARIF URI reference (each segment percent-encoded). */
const fileUri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

function result(f: Finding, index: Map<string, number>): SarifLog['runs'][number]['results'][number] {
  return {
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: f.level,
    message: { text: `[${f.id}] ${f.found} (expected: ${f.expected}). Fix: ${f.fix}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(f.file) }, ...(f.line ? { region: { startLine: f.line } } : {}) } }],
    // Stable across runs and unrelated edits: the rule, file and subject, never the line.
    partialFingerprints: { 'worldforgeFinding/v1': `${f.rule}:${f.file}:${f.id}` },
  };
}

/** The SARIF log of a check report. `version` is the WorldForge version; `site` makes rule pages absolute. */
export function sarifLog(report: CheckReport, options: { version: string; site: string | null }): SarifLog {
  const { site } = options;
  const index = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'worldforge-check',
            version: options.version,
            ...(site ? { informationUri: site } : {}),
            rules: RULE_IDS.map((id) => ({
              id,
              name: ruleName(id),
              shortDescription: { text: RULES[id].title },
              fullDescription: { text: RULES[id].why },
              help: { text: RULES[id].fix },
              ...(site ? { helpUri: siteLink(ruleDocsPath(id), site) } : {}),
              defaultConfiguration: { level: 'error' as const },
            })),
          },
        },
        results: errorsFirst(report.findings).map((f) => result(f, index)),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}
