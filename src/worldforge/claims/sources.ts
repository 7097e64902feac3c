/**
 * What claim refs resolve against in a repository: its committed evidence folder and its authored
 * records (design and selection records). One function, used by the check and by the site, so
 * both resolve refs identically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEvidenceDir } from '../evidence/read.ts';
import { LIVE_SMOKE_DIR, liveSmokeEntrySchema, liveSmokeFileName } from '../live-smoke.ts';
import { loadRecords, type RecordSet } from '../records/load.ts';
import type { RecordResolver, RefSources, Resolution } from './refs.ts';

const missing = (source: string, detail: string): Resolution => ({
  found: false,
  status: null,
  source,
  checkoutSafe: false,
  deferral: null,
  detail,
});

/** A record with an optional blocker and revisit trigger, as claims see it. */
interface DecisionLike {
  decision: string;
  blocker?: string | undefined;
  revisit_trigger?: string | undefined;
}

function recorded(source: string, label: string, decision: DecisionLike): Resolution {
  return {
    found: true,
    status: 'recorded',
    source,
    checkoutSafe: false,
    deferral: { blocker: Boolean(decision.blocker), revisitTrigger: Boolean(decision.revisit_trigger) },
    detail: `${label}: decision ${decision.decision}${decision.blocker ? ', with blocker' : ''}${decision.revisit_trigger ? ' and revisit trigger' : ''}`,
  };
}

function recordResolvers(records: RecordSet): Record<string, RecordResolver> {
  return {
    'design-records': (subject, fragment) => {
      const record = records.design.find((r) => r.data.id === subject);
      if (!record) return missing(`content/design-records/${subject}.md`, `no design record '${subject}'`);
      if (fragment !== null) return missing(record.path, `design records have no sub-entries ('#${fragment}')`);
      return recorded(record.path, `design record ${subject}`, record.data);
    },
    'selection-records': (subject, fragment) => {
      const record = records.selection.find((r) => r.data.id === subject);
      if (!record) return missing(`content/selection-records/${subject}.md`, `no selection record '${subject}'`);
      if (fragment === null) {
        return {
          found: true,
          status: 'recorded',
          source: record.path,
          checkoutSafe: false,
          deferral: null,
          detail: `selection record ${subject}`,
        };
      }
      const candidate = record.data.candidates.find((c) => c.id === fragment);
      if (!candidate) return missing(record.path, `selection record ${subject} has no candidate '${fragment}'`);
      return recorded(record.path, `candidate ${subject}#${fragment}`, candidate);
    },
  };
}

/**
 * `live-smoke/<provider>#<capability>`: the registry entry. Only `passed` counts as passed; a
 * failed run is `failed`, and every skip or not-run status is `skipped`.
 */
function liveSmokeResolver(root: string): RecordResolver {
  return (provider, capability) => {
    const file = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability ?? '')}`;
    if (capability === null) return missing(file, 'live-smoke refs name a capability: live-smoke/<provider>#<capability>');
    const path = join(root, file);
    if (!existsSync(path)) return missing(file, `no live-smoke entry ${file}`);
    const parsed = liveSmokeEntrySchema().safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) return missing(file, `${file} is not a valid live-smoke entry`);
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
  };
}

export function repoRefSources(
  root: string,
  evidence: ReadonlyMap<string, string> = readEvidenceDir(join(root, 'evidence')),
  records: RecordSet = loadRecords(root),
): RefSources {
  return { evidence, records: { ...recordResolvers(records), 'live-smoke': liveSmokeResolver(root) } };
}
