/** source-secret-scan: no secret in the sources the site is built from (src/content/docs/ prose, fixtures/), except the planted fakes the allow list names exactly. Runs before the build, so a leak never reaches dist/. */
import { type LineHit, scanFileText } from '../../redaction.ts';
import { zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { parseJson } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';
import { type Allowance, allowListSchema, PLANTED_SECRETS_ALLOW_LIST } from '../planted-secrets.ts';
import { secretFinding } from '../secret-findings.ts';

const ALLOW_FIX = `Plant only fake values, then set the file's counts in ${PLANTED_SECRETS_ALLOW_LIST} to what the scan finds (the finding says how many).`;

/** The allow list's entries, or the findings that make it unusable (then nothing is allowed: fail closed). */
function readAllowList(text: string | undefined): { allowed: Allowance[]; problems: FindingDraft[] } {
  const file = PLANTED_SECRETS_ALLOW_LIST;
  if (text === undefined) return { allowed: [], problems: [] };
  const json = parseJson(text);
  if (!json.ok) return { allowed: [], problems: [{ file, id: file, expected: 'a JSON allow list', found: json.message }] };
  const parsed = allowListSchema().safeParse(json.value);
  if (!parsed.success) {
    const problems = zodIssues(parsed.error, json.value).map((issue) => ({
      file,
      id: `${file} → ${issue.path}`,
      expected: 'a valid planted-secret allow list',
      found: issue.message,
    }));
    return { allowed: [], problems };
  }
  return { allowed: parsed.data.allowed, problems: [] };
}

/** Lines per kind in a file's hits. */
function countKinds(hits: readonly LineHit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) for (const kind of hit.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Findings of one allowed file: hits beyond its allowance, and allowances larger than its hits. */
function allowedFileFindings(file: string, hits: readonly LineHit[], allowance: Allowance): FindingDraft[] {
  const counts = countKinds(hits);
  const findings: FindingDraft[] = [];
  for (const [kind, count] of counts) {
    const allowed = kind === 'unscanned' ? 0 : (allowance.kinds[kind] ?? 0);
    if (count <= allowed) continue;
    // More than planted: every line of that kind is reported, since which one is new is unknown.
    for (const hit of hits.filter((h) => h.kinds.includes(kind as LineHit['kinds'][number]))) {
      findings.push({
        ...secretFinding(file, hit),
        expected: `at most ${allowed} planted ${kind} line(s), as ${PLANTED_SECRETS_ALLOW_LIST} allows`,
        fix: ALLOW_FIX,
      });
    }
  }
  for (const [kind, allowed] of Object.entries(allowance.kinds)) {
    const count = counts.get(kind) ?? 0;
    if (count < allowed) {
      findings.push({
        file: PLANTED_SECRETS_ALLOW_LIST,
        id: `${file}#${kind}`,
        expected: `the allowance to equal the ${kind} lines ${file} holds`,
        found: `${allowed} allowed, ${count} found: lower the count (the list only shrinks)`,
        fix: ALLOW_FIX,
      });
    }
  }
  return findings;
}

export default defineRule({
  id: 'source-secret-scan',
  title: 'No secrets in the prose and fixtures the site is built from',
  why: `\`npm run build\` runs \`worldforge check --no-dist\` before \`astro build\`, and this rule scans every file under \`src/content/docs/\` and \`fixtures/\` with the same detectors and secretlint rules as \`secret-scan\`, so a secret in a prose page stops the build before \`dist/\` is written, and the finding names the source file and line rather than built HTML. Test fixtures plant fake secrets on purpose; \`${PLANTED_SECRETS_ALLOW_LIST}\` names each such fixture with the exact number of lines per kind, as a ratchet. Prose can never be allowed.`,
  fix: 'Remove the value at the named line (prose shows placeholders, never a real-looking secret). For a test fixture that must plant a fake, add it to the allow list with its exact count.',
  scope: ['sources', 'credentials'],
  check: ({ sources, credentials }): FindingDraft[] => {
    const { allowed, problems } = readAllowList(sources.get(PLANTED_SECRETS_ALLOW_LIST));
    const allowances = new Map(allowed.map((a) => [a.file, a]));
    const findings = [...problems];
    for (const [file, text] of sources) {
      const hits = scanFileText(text, credentials);
      const allowance = allowances.get(file);
      if (allowance) findings.push(...allowedFileFindings(file, hits, allowance));
      else findings.push(...hits.map((hit) => secretFinding(file, hit)));
    }
    for (const file of allowances.keys()) {
      if (!sources.has(file)) {
        findings.push({
          file: PLANTED_SECRETS_ALLOW_LIST,
          id: file,
          expected: 'every allowed file to exist',
          found: `${file} is gone: remove its entry`,
        });
      }
    }
    return findings;
  },
});
