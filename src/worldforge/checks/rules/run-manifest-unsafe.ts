/** run-manifest-unsafe: run manifests validate and pass the redaction rules, and each passed or failed live-smoke entry cites an intact one. */
import { LIVE_SMOKE_RUNS_DIR, needsRunManifest } from '../../live-smoke.ts';
import { runManifestSchema } from '../../manifests.ts';
import { zodIssues } from '../../validation.ts';
import { defineRule } from '../define-rule.ts';
import { liveSmokeEntries, parseJson } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

/** Problems of one run manifest file: JSON, schema and the redaction rules the schema applies. */
function manifestFindings(file: string, text: string, id: string): FindingDraft[] {
  const json = parseJson(text);
  if (!json.ok) return [{ file, id, expected: 'a JSON run manifest', found: 'not JSON' }];
  const parsed = runManifestSchema().safeParse(json.value);
  if (parsed.success) return [];
  return zodIssues(parsed.error, json.value).map((issue) => ({
    file,
    id: `${id} → ${issue.path}`,
    expected: 'a valid, sanitized run manifest',
    found: issue.message,
  }));
}

export default defineRule({
  id: 'run-manifest-unsafe',
  title: 'Cited run manifests are intact and sanitized',
  why: 'A passed or failed live-smoke entry cites a run manifest by path and sha256. The manifest must exist, match its digest, describe the same provider, capability and status, and pass the redaction rules. Unsafe manifests are rejected, never rewritten: a rewrite would hide the bug that produced the leak.',
  fix: 'Re-run the smoke and `npx worldforge smoke record` the new manifest; never edit manifests by hand.',
  scope: ['content', 'repo'],
  check: ({ content, repo }): FindingDraft[] => {
    const findings = [...content]
      .filter(([path]) => path.startsWith(`${LIVE_SMOKE_RUNS_DIR}/`) && path.endsWith('.json'))
      .flatMap(([file, text]) => manifestFindings(file, text, file));
    for (const { file, entry } of liveSmokeEntries(content)) {
      if (!needsRunManifest(entry.status) || !entry.artifact_path) continue;
      const id = `${entry.provider}#${entry.capability}`;
      const text = content.get(entry.artifact_path);
      if (text === undefined) {
        findings.push({ file, id, expected: `the run manifest ${entry.artifact_path}`, found: 'file missing' });
        continue;
      }
      const digest = repo.digest(entry.artifact_path);
      if (digest !== entry.artifact_sha256) {
        findings.push({
          file,
          id,
          expected: `${entry.artifact_path} to digest to ${entry.artifact_sha256}`,
          found: digest ?? 'file missing',
        });
      }
      const json = parseJson(text);
      const manifest = json.ok ? runManifestSchema().safeParse(json.value) : null; // unreadable: reported above
      if (
        manifest?.success &&
        (manifest.data.provider !== entry.provider ||
          manifest.data.capability !== entry.capability ||
          manifest.data.status !== entry.status)
      ) {
        findings.push({
          file,
          id,
          expected: `a ${entry.status} run of ${entry.provider}/${entry.capability}`,
          found: `${entry.artifact_path} is a ${manifest.data.status} run of ${manifest.data.provider}/${manifest.data.capability}`,
        });
      }
    }
    return findings;
  },
});
