/** live-smoke-endpoint: a passed or failed live-smoke entry names the endpoint class of the run manifest it cites. */
import { isRehearsal, needsRunManifest } from '../../live-smoke.ts';
import { runManifestSchema } from '../../manifests.ts';
import { defineRule } from '../define-rule.ts';
import { liveSmokeEntries, parseJson } from '../documents.ts';
import type { FindingDraft } from '../finding.ts';

export default defineRule({
  id: 'live-smoke-endpoint',
  title: 'A live-smoke entry says where its run went',
  why: 'Only a run against the public upstream is live evidence; a run against a loopback or private endpoint (a replay server, a self-hosted runtime) is a rehearsal and backs no claim. The entry carries the endpoint class of its run so pages and claims can tell them apart, and it must be the class the cited run manifest recorded: an entry that calls a replay run public would pass a rehearsal off as live evidence.',
  fix: 'Record the entry from its run manifest (`npx worldforge smoke record <run_manifest.json>`, with `--allow-local` for a rehearsal); never edit the endpoint by hand.',
  scope: ['content'],
  check: ({ content }): FindingDraft[] =>
    liveSmokeEntries(content).flatMap(({ file, entry }) => {
      if (!needsRunManifest(entry.status) || !entry.artifact_path) return [];
      const text = content.get(entry.artifact_path);
      const json = text === undefined ? null : parseJson(text);
      const parsed = json?.ok ? runManifestSchema().safeParse(json.value) : null;
      // A missing or invalid manifest is run-manifest-unsafe's finding.
      if (!parsed?.success || parsed.data.endpoint === entry.endpoint) return [];
      const shown = isRehearsal(entry) ? 'a rehearsal' : 'live evidence';
      return [
        {
          file,
          id: `${entry.provider}#${entry.capability}`,
          expected: `endpoint ${parsed.data.endpoint}, as ${entry.artifact_path} recorded`,
          found: `endpoint ${entry.endpoint} (the entry reads as ${shown})`,
        },
      ];
    }),
});
