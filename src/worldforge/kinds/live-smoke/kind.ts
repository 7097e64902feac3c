/**
 * The live-smoke registry (`content/live-smoke/<provider>-<capability>.json`): whether a remote
 * capability was run against its real upstream. Run manifests in `runs/` are not entries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonInput } from '../../json-input.ts';
import { isRehearsal, LIVE_SMOKE_DIR, liveSmokeEntrySchema, liveSmokeFileName, liveSmokePathProblem } from '../../live-smoke.ts';
import { capabilitySchema, providerIdSchema } from '../../schema/primitives.ts';
import { liveSmokePath } from '../../site/routes.ts';
import { defineAuthoredKind } from '../define.ts';
import { unresolved } from '../resolution.ts';
import type { Resolution } from '../../claims/refs.ts';

/**
 * Resolves `live-smoke/<provider>#<capability>` to its registry entry. The ref's parts are
 * validated as a provider id and a capability before they become a file name, and the file is read
 * only inside content/live-smoke/ and never through a symlink, so no ref (`live-smoke/x#/../../…`)
 * reads anything else. Only a `passed` run against a public endpoint counts as passed: a failed
 * run is `failed`, and every skip, not-run status and rehearsal (a run against a loopback or
 * private endpoint) is `skipped`, with a detail saying which.
 */
export function resolveLiveSmoke(root: string, provider: string, capability: string | null): Resolution {
  const display = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability ?? '')}`;
  if (capability === null) return unresolved(display, 'live-smoke refs name a capability: live-smoke/<provider>#<capability>');
  if (!providerIdSchema().safeParse(provider).success || !capabilitySchema().safeParse(capability).success) {
    return unresolved(LIVE_SMOKE_DIR, `live-smoke refs are live-smoke/<provider id>#<capability>; '${provider}#${capability}' is not`);
  }
  const file = display;
  const refused = liveSmokePathProblem(root, file);
  if (refused) return unresolved(file, refused);
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unresolved(file, code === 'ENOENT' ? `no live-smoke entry ${file}` : `${file} cannot be read (${code ?? 'error'})`);
  }
  const json = parseJsonInput(text);
  if (!json.ok) return unresolved(file, `${file} is not a valid live-smoke entry (${json.problem.path}: ${json.problem.message})`);
  const parsed = liveSmokeEntrySchema().safeParse(json.value);
  if (!parsed.success) return unresolved(file, `${file} is not a valid live-smoke entry`);
  const entry = parsed.data;
  const base = { found: true, source: file, checkoutSafe: false, deferral: null, date: entry.date } as const;
  if (isRehearsal(entry)) {
    return {
      ...base,
      status: 'skipped',
      detail: `${file}: a rehearsal (${entry.status} against a ${entry.endpoint} endpoint on ${entry.date}), not a live run against the public upstream`,
    };
  }
  const status = entry.status === 'passed' ? 'passed' : entry.status === 'failed' ? 'failed' : 'skipped';
  return { ...base, status, detail: `${file}: ${entry.status} on ${entry.date}` };
}

export const kind = defineAuthoredKind({
  id: 'live-smoke',
  classes: ['prepared-host-smoke-tested'],
  route: (provider, capability) => liveSmokePath(provider, capability),
  resolver:
    ({ root }) =>
    (provider, capability) =>
      resolveLiveSmoke(root, provider, capability),
  collection: { name: 'liveSmoke', base: `./${LIVE_SMOKE_DIR}`, pattern: '*.json', schema: liveSmokeEntrySchema },
});
