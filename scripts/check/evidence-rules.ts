/** Rules about the evidence/ folder itself: schema, drift, missing and orphaned files, index digests. */
import { createTwoFilesPatch } from 'diff';
import { sha256Tag } from '../../src/worldforge/digest.ts';
import { EVIDENCE_KINDS, evidenceIndexSchema, evidenceKindOf, evidenceSchemaOf } from '../../src/worldforge/evidence/index.ts';
import { formatIssues, zodIssues } from '../../src/worldforge/validation.ts';
import { INDEX_PATH } from '../../generators/run.ts';
import { finding, type Rule } from './context.ts';

const MAX_DIFF_LINES = 60;
const evidenceFile = (path: string) => `evidence/${path}`;
const subjectOf = (path: string) => path.replace(/\.json$/, '');

/** Parses JSON, turning a syntax error into a finding-friendly message. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
}

function unifiedDiff(path: string, committed: string, fresh: string): string {
  const patch = createTwoFilesPatch(`committed/${path}`, `regenerated/${path}`, committed, fresh, '', '', { context: 2 });
  const lines = patch.split('\n').slice(2); // drop the "====" banner
  return lines.length > MAX_DIFF_LINES
    ? [...lines.slice(0, MAX_DIFF_LINES), `… ${lines.length - MAX_DIFF_LINES} more diff lines`].join('\n')
    : lines.join('\n').trimEnd();
}

export const evidenceSchemaRule: Rule = {
  id: 'evidence-schema',
  check: ({ committed }) =>
    [...committed].flatMap(([path, text]) => {
      const kind = evidenceKindOf(path);
      const schema = kind ? evidenceSchemaOf(kind) : path === INDEX_PATH ? evidenceIndexSchema() : null;
      if (!schema) return [];
      const parsed = parseJson(text);
      if (!parsed.ok) {
        return [
          finding('evidence-schema', { file: evidenceFile(path), id: subjectOf(path), expected: 'valid JSON', found: parsed.message }),
        ];
      }
      const result = schema.safeParse(parsed.value);
      if (result.success) return [];
      return zodIssues(result.error, parsed.value).map((issue) =>
        finding('evidence-schema', {
          file: evidenceFile(path),
          id: `${subjectOf(path)} → ${issue.path}`,
          expected: `field ${issue.path} valid for ${kind ? EVIDENCE_KINDS[kind].schemaName : 'the index schema'}`,
          found: issue.message,
          details: formatIssues([issue]),
        }),
      );
    }),
};

export const evidenceDriftRule: Rule = {
  id: 'evidence-drift',
  check: ({ committed, fresh }) =>
    [...(fresh ?? [])].flatMap(([path, text]) => {
      const before = committed.get(path);
      if (before === undefined || before === text) return [];
      const changed = unifiedDiff(path, before, text);
      const count = changed.split('\n').filter((l) => /^[+-](?![+-])/.test(l)).length;
      return [
        finding('evidence-drift', {
          file: evidenceFile(path),
          id: subjectOf(path),
          expected: 'committed file is byte-identical to a fresh regeneration',
          found: `${count} line${count === 1 ? '' : 's'} differ`,
          details: changed,
        }),
      ];
    }),
};

export const evidenceMissingRule: Rule = {
  id: 'evidence-missing',
  check: ({ committed, fresh }) =>
    [...(fresh?.keys() ?? [])]
      .filter((path) => !committed.has(path))
      .map((path) =>
        finding('evidence-missing', { file: evidenceFile(path), id: subjectOf(path), expected: 'file committed', found: 'no such file' }),
      ),
};

export const evidenceUnexpectedRule: Rule = {
  id: 'evidence-unexpected',
  check: ({ committed, fresh }) =>
    [...committed.keys()]
      .filter((path) => fresh !== null && !fresh.has(path))
      .map((path) =>
        finding('evidence-unexpected', {
          file: evidenceFile(path),
          id: subjectOf(path),
          expected: 'every file under evidence/ is produced by a suite',
          found: 'no suite produces this file',
        }),
      ),
};

export const evidenceIndexRule: Rule = {
  id: 'evidence-index',
  check: ({ committed }) => {
    const text = committed.get(INDEX_PATH);
    if (text === undefined) return [];
    const parsed = parseJson(text);
    if (!parsed.ok) return [];
    const index = evidenceIndexSchema().safeParse(parsed.value);
    if (!index.success) return []; // reported by evidence-schema
    const listed = new Set(index.data.files.map((f) => f.path));
    const problems = index.data.files.flatMap((entry) => {
      const content = committed.get(entry.path);
      const actual = content === undefined ? 'file missing' : sha256Tag(content);
      return actual === entry.sha256
        ? []
        : [finding('evidence-index', { file: evidenceFile(INDEX_PATH), id: entry.path, expected: entry.sha256, found: actual })];
    });
    const unlisted = [...committed.keys()]
      .filter((path) => path !== INDEX_PATH && !listed.has(path))
      .map((path) =>
        finding('evidence-index', { file: evidenceFile(INDEX_PATH), id: path, expected: 'listed in index.json', found: 'not listed' }),
      );
    return [...problems, ...unlisted];
  },
};

export const evidenceStaleRule: Rule = {
  id: 'evidence-stale',
  check: ({ committed, currentDigest }) =>
    [...committed].flatMap(([path, text]) => {
      if (!evidenceKindOf(path)) return [];
      const parsed = parseJson(text);
      if (!parsed.ok) return [];
      const inputs = (parsed.value as { inputs?: unknown }).inputs;
      if (!Array.isArray(inputs)) return [];
      return inputs.flatMap((input: { path?: unknown; sha256?: unknown }) => {
        if (typeof input?.path !== 'string') return [];
        const now = currentDigest(input.path);
        return now === input.sha256
          ? []
          : [
              finding('evidence-stale', {
                file: evidenceFile(path),
                id: input.path,
                expected: `${input.path} unchanged (${String(input.sha256).slice(0, 19)}…)`,
                found: now === null ? `${input.path} no longer exists` : `${input.path} changed (${now.slice(0, 19)}…)`,
              }),
            ];
      });
    }),
};
