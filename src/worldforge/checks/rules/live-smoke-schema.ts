/** live-smoke-schema: live-smoke entries validate, live in `<provider>-<capability>.json` and are unique. */
import { LIVE_SMOKE_DIR, liveSmokeEntrySchema, liveSmokeFileName } from '../../live-smoke.ts';
import { zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { isLiveSmokeEntryFile } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'live-smoke-schema',
  title: 'Live-smoke entries are well formed and unique',
  why: 'content/live-smoke/ says which remote providers were smoked against their real upstream and how it went. An entry must validate (passed and failed need a run manifest, skips need a reason), live in <provider>-<capability>.json, and be the only one for its provider and capability, or the /live-smoke/ page would contradict itself.',
  fix: 'Fix the named field; for passed or failed runs, regenerate the entry with `npx worldforge smoke record <run_manifest.json>`.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] => {
    const findings: FindingDraft[] = [];
    const seen = new Map<string, string>();
    for (const [file, text] of content) {
      if (!isLiveSmokeEntryFile(file)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        findings.push({
          file,
          id: file,
          expected: 'a JSON live-smoke entry',
          found: `not JSON (${(error as Error).message.split('\n')[0]})`,
        });
        continue;
      }
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
