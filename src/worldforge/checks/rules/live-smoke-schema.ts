/** live-smoke-schema: live-smoke entries validate, live in `<provider>-<capability>.json` and are unique. */
import { parseJsonInput } from '../../json-input.ts';
import { LIVE_SMOKE_DIR, liveSmokeEntrySchema, liveSmokeFileName } from '../../live-smoke.ts';
import { zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { isLiveSmokeEntryFile } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'live-smoke-schema',
  title: 'Live-smoke entries are well formed and unique',
  why: 'content/live-smoke/ says which remote providers were smoked against their real upstream and how it went. An entry must be strict JSON (no duplicate keys) and validate (passed and failed need a run manifest and the endpoint class of their run, skips need a reason; text fields are size-capped), live in <provider>-<capability>.json, and be the only one for its provider and capability, or the /live-smoke/ page would contradict itself.',
  fix: 'Fix the named field; for passed or failed runs, regenerate the entry with `npx worldforge smoke record <run_manifest.json>`.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] => {
    const findings: FindingDraft[] = [];
    const seen = new Map<string, string>();
    for (const [file, text] of content) {
      if (!isLiveSmokeEntryFile(file)) continue;
      // Strict JSON: a duplicate key would show a reviewer one value and give the check another.
      const json = parseJsonInput(text);
      if (!json.ok) {
        const where = json.problem.path === '(root)' ? '' : `${json.problem.path}: `;
        findings.push({ file, id: file, expected: 'a JSON live-smoke entry', found: `${where}${json.problem.message}` });
        continue;
      }
      const raw = json.value;
      const parsed = liveSmokeEntrySchema().safeParse(raw);
      if (!parsed.success) {
        for (const issue of zodIssues(parsed.error, raw)) {
          findings.push({ file, id: `${file} → ${issue.path}`, expected: 'a valid live-smoke entry', found: issue.message });
        }
        continue;
      }
      const { provider, capability } = parsed.data;
      const wanted = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability)}`;
      if (file !== wanted) {
        findings.push({ file, id: `${provider}#${capability}`, expected: `the entry to live in ${wanted}`, found: file });
      }
      const key = `${provider}#${capability}`;
      const other = seen.get(key);
      if (other) findings.push({ file, id: key, expected: '(provider, capability) to be unique', found: `also in ${other}` });
      seen.set(key, file);
    }
    return findings;
  },
});
