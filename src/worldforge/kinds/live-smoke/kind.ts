/**
 * The live-smoke registry (`content/live-smoke/<provider>-<capability>.json`): whether a remote
 * capability was run against its real upstream. Run manifests in `runs/` are not entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIVE_SMOKE_DIR, liveSmokeEntrySchema, liveSmokeFileName } from '../../live-smoke.ts';
import { liveSmokePath } from '../../site/routes.ts';
import { defineAuthoredKind } from '../define.ts';
import { unresolved } from '../resolution.ts';

export const kind = defineAuthoredKind({
  id: 'live-smoke',
  classes: ['prepared-host-smoke-tested'],
  route: (provider, capability) => liveSmokePath(provider, capability),
  /**
   * `live-smoke/<provider>#<capability>`: the registry entry. Only `passed` counts as passed; a
   * failed run is `failed`, and every skip or not-run status is `skipped`.
   */
  resolver:
    ({ root }) =>
    (provider, capability) => {
      const file = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability ?? '')}`;
      if (capability === null) return unresolved(file, 'live-smoke refs name a capability: live-smoke/<provider>#<capability>');
      const path = join(root, file);
      if (!existsSync(path)) return unresolved(file, `no live-smoke entry ${file}`);
      const parsed = liveSmokeEntrySchema().safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) return unresolved(file, `${file} is not a valid live-smoke entry`);
      const entry = parsed.data;
      const status = entry.status === 'passed' ? 'passed' : entry.status === 'failed' ? 'failed' : 'skipped';
      return {
        found: true,
        status,
        source: file,
        checkoutSafe: false,
        deferral: null,
        detail: `${file}: ${entry.status} on ${entry.date}`,
        date: entry.date,
      };
    },
  collection: { name: 'liveSmoke', base: `./${LIVE_SMOKE_DIR}`, pattern: '*.json', schema: liveSmokeEntrySchema },
});
