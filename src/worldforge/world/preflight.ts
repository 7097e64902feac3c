/**
 * `world preflight`: read-only checks of local state before an operator trusts it — the world
 * state dir and its world files (file-safe and traversal-shaped ids, corrupted JSON, incoherent
 * bounding boxes and history) and the run workspaces (invalid manifests, stale `running` runs,
 * retention pressure, unsafe artifact paths). Every finding has a stable check id. The report
 * names files relative to the folders it was given (`<state-dir>/…`, `<runs-dir>/…`), quotes no
 * file content, and is scanned before it is returned, so it is safe to attach to an issue.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets, redactText } from '../redaction.ts';
import { RUN_ID_PATTERN, WORKSPACE_MANIFEST_FILE } from '../runs/layout.ts';
import { readWorkspaceManifest, WorkspaceManifestError } from '../runs/manifest.ts';
import { zodIssues } from '../validation.ts';
import { WORLD_ID_PATTERN, worldSchema } from './schema.ts';
import { strictJsonValue } from '../strict-json.ts';

export const PREFLIGHT_SCHEMA = 'worldforge.world-preflight@1';

/** Every check id, with its severity: errors fail the preflight, warnings do not. */
export const PREFLIGHT_CHECKS = {
  'state-dir-missing': 'warning',
  'state-dir-invalid': 'error',
  'unsafe-world-file-id': 'error',
  'traversal-shaped-id': 'error',
  'world-id-mismatch': 'warning',
  'corrupted-world-json': 'error',
  'bbox-incoherent': 'error',
  'history-incoherent': 'error',
  'runs-dir-invalid': 'error',
  'invalid-run-manifest': 'error',
  'stale-run-workspace': 'warning',
  'retention-pressure': 'warning',
  'unsafe-artifact-path': 'error',
} as const;
export type PreflightCheckId = keyof typeof PREFLIGHT_CHECKS;

export interface PreflightFinding {
  check: PreflightCheckId;
  severity: 'error' | 'warning';
  /** `<state-dir>/<file>` or `<runs-dir>/<run-id>[/<file>]`. */
  subject: string;
  message: string;
  /** True when `world recover` moves the subject into quarantine. */
  quarantine: boolean;
}

export interface PreflightReport {
  schema: typeof PREFLIGHT_SCHEMA;
  status: 'passed' | 'warning' | 'failed';
  /** The report quotes no content and names no host path; verified by a secret scan. */
  safe_to_attach: boolean;
  state_dir: '<state-dir>';
  runs_dir: '<runs-dir>';
  retention_keep: number;
  stale_after_hours: number;
  diagnostic_command: string;
  recovery_policy: string;
  counts: { worlds: number; runs: number; errors: number; warnings: number };
  findings: PreflightFinding[];
}

export interface PreflightOptions {
  stateDir: string;
  runsDir: string;
  /** Runs to keep before retention pressure is reported (default 20). */
  retentionKeep?: number;
  /** A `running` run older than this is stale (default 24 h). */
  staleAfterHours?: number;
  now?: Date;
}

export const RECOVERY_POLICY =
  'world recover writes this report to the quarantine folder first, then MOVES each subject marked quarantine there; nothing is deleted, and local JSON stays authoritative.';

const STATE = '<state-dir>';
const RUNS = '<runs-dir>';
/** A name that tries to leave its folder or hide: `..`, separators, encoded dots or a leading dot. */
const TRAVERSAL = /(\.\.|[/\\]|%2e|%2f|%5c|^\.)/i;
const label = (name: string) => name.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);

function finding(check: PreflightCheckId, subject: string, message: string, quarantine = false): PreflightFinding {
  return { check, severity: PREFLIGHT_CHECKS[check], subject: redactText(subject), message: redactText(message), quarantine };
}

type Point = { x: number; y: number; z: number };
const isPoint = (p: unknown): p is Point =>
  typeof p === 'object' && p !== null && ['x', 'y', 'z'].every((k) => typeof (p as Record<string, unknown>)[k] === 'number');

/** Bounding boxes whose min exceeds max, or that do not contain their object's position. */
function bboxProblems(objects: unknown): string[] {
  if (!Array.isArray(objects)) return [];
  return objects.flatMap((o, i) => {
    const { bbox, position } = (o ?? {}) as { bbox?: { min?: unknown; max?: unknown } | null; position?: unknown };
    if (!bbox || !isPoint(bbox.min) || !isPoint(bbox.max)) return [];
    const { min, max } = bbox;
    const axes = (['x', 'y', 'z'] as const).filter((a) => min[a] > max[a]);
    if (axes.length) return [`objects.${i}.bbox: min > max on ${axes.join(', ')}`];
    if (isPoint(position) && (['x', 'y', 'z'] as const).some((a) => position[a] < min[a] || position[a] > max[a]))
      return [`objects.${i}: position lies outside its bbox`];
    return [];
  });
}

/** History that does not tell a coherent story: steps going back, beyond the world's step, no `created` first. */
function historyProblems(world: Record<string, unknown>): string[] {
  const history = world.history;
  if (!Array.isArray(history)) return [];
  const steps = history.map((h) => (h as { step?: unknown })?.step);
  const problems: string[] = [];
  if (history.length && (history[0] as { kind?: unknown })?.kind !== 'created')
    problems.push('history.0: the first entry is not `created`');
  steps.forEach((s, i) => {
    if (typeof s !== 'number') return;
    if (i > 0 && typeof steps[i - 1] === 'number' && s < (steps[i - 1] as number)) problems.push(`history.${i}: step goes back`);
    if (typeof world.step === 'number' && s > world.step) problems.push(`history.${i}: step is beyond the world's step`);
  });
  return problems;
}

function checkWorldFile(stateDir: string, name: string): PreflightFinding[] {
  const stem = name.slice(0, -'.json'.length);
  const subject = `${STATE}/${label(name)}`;
  if (TRAVERSAL.test(stem))
    return [finding('traversal-shaped-id', subject, 'the file name is traversal-shaped; no command will load it', true)];
  if (!WORLD_ID_PATTERN.test(stem)) return [finding('unsafe-world-file-id', subject, 'the file name is not a file-safe world id', true)];
  let raw: unknown;
  try {
    raw = strictJsonValue(readFileSync(join(stateDir, name), 'utf8'), subject);
  } catch {
    // The report names the failure class only (a world file is operator data).
    return [
      finding(
        'corrupted-world-json',
        subject,
        'not valid JSON (or refused by the strict reader: duplicate keys, a BOM, deep nesting)',
        true,
      ),
    ];
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [finding('corrupted-world-json', subject, 'not a JSON object', true)];
  const world = raw as Record<string, unknown>;
  const found: PreflightFinding[] = [];
  if (typeof world.id === 'string' && TRAVERSAL.test(world.id))
    found.push(finding('traversal-shaped-id', subject, 'the world id inside the file is traversal-shaped', true));
  else if (typeof world.id === 'string' && world.id !== stem)
    found.push(finding('world-id-mismatch', subject, 'the world id inside the file differs from its file name'));
  const bbox = bboxProblems(world.objects);
  if (bbox.length) found.push(finding('bbox-incoherent', subject, bbox.join('; '), true));
  const history = historyProblems(world);
  if (history.length) found.push(finding('history-incoherent', subject, history.join('; '), true));
  const parsed = worldSchema().safeParse(raw);
  if (!parsed.success) {
    const other = zodIssues(parsed.error, raw).filter((i) => !/^objects\.\d+\.bbox/.test(i.path) && i.path !== 'id');
    if (other.length)
      found.push(
        finding(
          'corrupted-world-json',
          subject,
          other
            .slice(0, 3)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; '),
          true,
        ),
      );
  }
  return found;
}

function checkStateDir(stateDir: string): { findings: PreflightFinding[]; worlds: number } {
  if (!existsSync(stateDir))
    return { findings: [finding('state-dir-missing', STATE, 'the state dir does not exist (no worlds yet)')], worlds: 0 };
  if (!statSync(stateDir).isDirectory())
    return { findings: [finding('state-dir-invalid', STATE, 'the state dir is not a directory')], worlds: 0 };
  const names = readdirSync(stateDir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  return { findings: names.flatMap((n) => checkWorldFile(stateDir, n)), worlds: names.length };
}

/** Symlinks anywhere in a run folder: an artifact path that could point anywhere on the host. */
function unsafeRunPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isSymbolicLink())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    );
}

function checkRunsDir(runsDir: string, keep: number, staleMs: number, now: Date): { findings: PreflightFinding[]; runs: number } {
  if (!existsSync(runsDir)) return { findings: [], runs: 0 };
  if (!statSync(runsDir).isDirectory())
    return { findings: [finding('runs-dir-invalid', RUNS, 'the runs dir is not a directory')], runs: 0 };
  const found: PreflightFinding[] = [];
  const folders = readdirSync(runsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && RUN_ID_PATTERN.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const id of folders) {
    const dir = join(runsDir, id);
    const subject = `${RUNS}/${id}`;
    for (const path of unsafeRunPaths(dir))
      found.push(
        finding(
          'unsafe-artifact-path',
          `${subject}/${label(path)}`,
          'a symbolic link inside a run workspace; bundles and rerun refuse it',
          true,
        ),
      );
    const file = join(dir, WORKSPACE_MANIFEST_FILE);
    if (!existsSync(file)) continue;
    try {
      const manifest = readWorkspaceManifest(file);
      const age = now.getTime() - Date.parse(manifest.created_at);
      if (manifest.status === 'running' && age > staleMs)
        found.push(
          finding('stale-run-workspace', subject, `still 'running' ${Math.round(age / 3_600_000)} h after it started (the process died)`),
        );
    } catch (error) {
      if (!(error instanceof WorkspaceManifestError)) throw error;
      found.push(
        finding(
          'invalid-run-manifest',
          subject,
          error.problems
            .slice(0, 3)
            .map((p) => p.path)
            .join(', ') + ': invalid manifest',
          true,
        ),
      );
    }
  }
  if (folders.length > keep)
    found.push(
      finding(
        'retention-pressure',
        RUNS,
        `${folders.length} run workspaces, more than the ${keep} to keep; bundle what matters, then archive the oldest`,
      ),
    );
  return { findings: found, runs: folders.length };
}

/** Runs every check; reads only. */
export function preflight(options: PreflightOptions): PreflightReport {
  const keep = options.retentionKeep ?? 20;
  const staleHours = options.staleAfterHours ?? 24;
  const state = checkStateDir(options.stateDir);
  const runs = checkRunsDir(options.runsDir, keep, staleHours * 3_600_000, options.now ?? new Date());
  const findings = [...state.findings, ...runs.findings];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const report: PreflightReport = {
    schema: PREFLIGHT_SCHEMA,
    status: errors ? 'failed' : warnings ? 'warning' : 'passed',
    safe_to_attach: true,
    state_dir: STATE,
    runs_dir: RUNS,
    retention_keep: keep,
    stale_after_hours: staleHours,
    diagnostic_command: 'npx worldforge world preflight --state-dir <state-dir> --runs-dir <runs-dir> --json',
    recovery_policy: RECOVERY_POLICY,
    counts: { worlds: state.worlds, runs: runs.runs, errors, warnings },
    findings,
  };
  report.safe_to_attach = findSecrets(JSON.stringify(report)).length === 0;
  return report;
}
