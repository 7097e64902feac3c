/** live-smoke-date: live-smoke entries and run manifests are not dated in the future, and an entry carries the date of the run it cites. */
import { LIVE_SMOKE_RUNS_DIR, needsRunManifest } from '../../live-smoke.ts';
import { runManifestSchema } from '../../manifests.ts';
import { defineRule } from '../define-rule.ts';
import { liveSmokeEntries, parseJson } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

/** The check's own date as `YYYY-MM-DD` (UTC), the day authored dates are compared with. */
const isoDay = (today: Date) => today.toISOString().slice(0, 10);

/** Valid run manifests under content/live-smoke/runs/, by path (run-manifest-unsafe reports the others). */
function runManifests(content: ReadonlyMap<string, string>) {
  return [...content].flatMap(([file, text]) => {
    if (!file.startsWith(`${LIVE_SMOKE_RUNS_DIR}/`) || !file.endsWith('.json')) return [];
    const json = parseJson(text);
    const parsed = json.ok ? runManifestSchema().safeParse(json.value) : null;
    return parsed?.success ? [{ file, manifest: parsed.data }] : [];
  });
}

export default defineRule({
  id: 'live-smoke-date',
  title: 'Live-smoke dates are facts',
  why: 'A live-smoke entry’s date says when the upstream last answered; prepared-host claims go stale by it. A date in the future would keep a claim fresh forever, and an entry dated differently from the run manifest it cites describes a run that did not happen then. Dates are compared with the check’s own date (UTC), never with file or git times.',
  fix: 'Record the entry from its run manifest (`npx worldforge smoke record <run_manifest.json>`), which copies the run’s date; never edit dates by hand.',
  scope: ['content', 'today'],
  check: ({ content, today }): FindingDraft[] => {
    const day = isoDay(today);
    const manifests = runManifests(content);
    const findings: FindingDraft[] = manifests
      .filter(({ manifest }) => manifest.created_at.slice(0, 10) > day)
      .map(({ file, manifest }) => ({
        file,
        id: manifest.run_id,
        expected: `a run that started on or before the check’s date (${day})`,
        found: `created_at ${manifest.created_at} is in the future`,
      }));
    const byPath = new Map(manifests.map(({ file, manifest }) => [file, manifest]));
    for (const { file, entry } of liveSmokeEntries(content)) {
      const id = `${entry.provider}#${entry.capability}`;
      if (entry.date > day) {
        findings.push({ file, id, expected: `a date on or before the check’s date (${day})`, found: `dated ${entry.date}, in the future` });
        continue;
      }
      const manifest = needsRunManifest(entry.status) && entry.artifact_path ? byPath.get(entry.artifact_path) : undefined;
      if (manifest && manifest.created_at.slice(0, 10) !== entry.date) {
        findings.push({
          file,
          id,
          expected: `the date of the run it cites (${manifest.created_at.slice(0, 10)}, ${entry.artifact_path})`,
          found: `dated ${entry.date}`,
        });
      }
    }
    return findings;
  },
});
