/**
 * `startRun()`: the one way a command records a run. It creates `.worldforge/runs/<run-id>/` with
 * a `running` manifest, hands out writers for inputs, results, reports, artifacts and events —
 * every text and JSON write redacted first, every file written atomically — and `finish()` records
 * the final status. Ctrl-C (SIGINT) while runs are open records them `cancelled`, each with a valid
 * manifest, then exits 130.
 *
 * Artifacts are bytes (clips, tensors) that cannot be rewritten: they are written as given, listed
 * with their digest, and never leave the machine in a bundle (bundles mark them local-only).
 */
import { appendFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import type { Capability } from '../capabilities/index.ts';
import { canonicalJson, sha256Tag } from '../digest.ts';
import { WORLDFORGE_VERSION } from '../evidence/suite/repo.ts';
import { redactText } from '../redaction.ts';
import { EVENTS_FILE, isoSeconds, LAYOUT, newRunId, runsDirOf, SAFE_FILE_NAME, WORKSPACE_MANIFEST_FILE } from './layout.ts';
import {
  type FileRole,
  type FinalStatus,
  parseWorkspaceManifest,
  type RunKind,
  type RunSummary,
  WORKSPACE_MANIFEST_SCHEMA,
  type WorkspaceManifest,
} from './manifest.ts';
import { sanitizeJson } from './sanitize.ts';
import { confinedPath, isInside } from '../evidence/confine.ts';
import { makeFolders } from '../make-folders.mjs';

export interface StartRunOptions {
  kind: RunKind;
  /** The command as a user would retype it (`npx worldforge eval run --suite physics`). Redacted. */
  command: string;
  provider?: string;
  capability?: string;
  /** Operation within the kind: evaluation suite, benchmark preset, drill id. */
  operation?: string;
  /** Project root holding `.worldforge/runs` (default: the working directory). */
  root?: string;
  /** Names of the env vars the command reads; the manifest records their presence only. */
  env?: readonly string[];
  /** Runs folder, overriding `<root>/.worldforge/runs` (e.g. `smoke --runs-dir`). */
  runsDir?: string;
  /** Use this run id instead of a new one (a command that already named its run folder). */
  id?: string;
  /** Environment read for presence (default: process.env). */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Start time (default: now). */
  now?: Date;
}

export interface RunWorkspace {
  /** The run id, also the folder name. */
  readonly id: string;
  /** Absolute path of the run folder. */
  readonly dir: string;
  /** Writes `inputs/<name>` (text redacted, JSON sanitized, canonical); returns the run-relative path. */
  writeInput(name: string, data: unknown): string;
  /** Writes `results/<name>`. */
  writeResult(name: string, data: unknown): string;
  /** Writes `reports/<name>` (Markdown/CSV text, or JSON data). */
  writeReport(name: string, data: unknown): string;
  /** Writes `artifacts/<name>` byte for byte (local-only in bundles). */
  writeArtifact(name: string, bytes: Uint8Array): string;
  /** Appends one sanitized event to events.jsonl. */
  appendEvent(event: Record<string, unknown>): void;
  /** Records the final status (and summary); returns the final manifest. Once only. */
  finish(status: FinalStatus, summary?: RunSummary): WorkspaceManifest;
  /** The manifest as it stands. */
  manifest(): WorkspaceManifest;
}

/**
 * Runs still open in this process, cancelled together on SIGINT. The handler is installed only
 * while a run is open, so commands that handle Ctrl-C themselves (`smoke replay`) are unaffected.
 */
const open = new Set<Workspace>();
let sigintInstalled = false;

function onSigint(): void {
  for (const run of [...open]) run.cancel();
  process.stderr.write('\nworldforge: interrupted; open runs recorded as cancelled.\n');
  process.exit(130);
}

const envPresent = (value: string | undefined) => value !== undefined && value.trim() !== '';

class Workspace implements RunWorkspace {
  readonly id: string;
  readonly dir: string;
  private state: WorkspaceManifest;

  constructor(options: StartRunOptions) {
    const now = options.now ?? new Date();
    this.id = options.id ?? newRunId(now);
    this.dir = join(options.runsDir ?? runsDirOf(options.root), this.id);
    // A run folder reached through a symlink would write wherever the link points: refused.
    const base = resolve(options.root ?? process.cwd());
    if (isInside(base, this.dir)) {
      const confined = confinedPath(base, relative(base, resolve(this.dir)));
      if (!confined.ok)
        throw new Error(`the run folder ${relative(base, resolve(this.dir))} ${confined.reason}; remove the link and re-run`);
    }
    const environment = options.environment ?? process.env;
    this.state = {
      schema: WORKSPACE_MANIFEST_SCHEMA,
      run_id: this.id,
      kind: options.kind,
      command: redactText(options.command),
      status: 'running',
      created_at: isoSeconds(now),
      finished_at: null,
      worldforge_version: WORLDFORGE_VERSION,
      provider: options.provider ?? null,
      capability: (options.capability as Capability | undefined) ?? null,
      operation: options.operation ?? null,
      env_summary: [...new Set(options.env ?? [])].sort().map((name) => ({ name, present: envPresent(environment[name]) })),
      event_count: 0,
      files: [],
      layout: { ...LAYOUT, events: EVENTS_FILE },
      summary: null,
    };
    for (const folder of Object.values(LAYOUT)) makeFolders(join(this.dir, folder));
    writeFileAtomic(join(this.dir, EVENTS_FILE), '');
    this.save();
  }

  private save(): void {
    const file = join(this.dir, WORKSPACE_MANIFEST_FILE);
    this.state = parseWorkspaceManifest(this.state, file);
    writeFileAtomic(file, canonicalJson(this.state));
  }

  private assertOpen(): void {
    if (this.state.status !== 'running') throw new Error(`run ${this.id} is already ${this.state.status}`);
  }

  private write(role: FileRole, name: string, content: string | Uint8Array): string {
    this.assertOpen();
    if (!SAFE_FILE_NAME.test(name) || name.includes('..')) {
      throw new Error(`run file name '${name}' must be letters, digits, '.', '_' or '-' (no folders)`);
    }
    const folder = LAYOUT[`${role}s` as keyof typeof LAYOUT];
    const path = `${folder}/${name}`;
    const confined = confinedPath(this.dir, path);
    if (!confined.ok) throw new Error(`run file ${path} ${confined.reason}; it was not written`);
    writeFileAtomic(confined.path, content);
    const entry = { path, role, sha256: sha256Tag(content), size_bytes: Buffer.byteLength(content) };
    this.state = {
      ...this.state,
      files: [...this.state.files.filter((f) => f.path !== path), entry].sort((a, b) => a.path.localeCompare(b.path)),
    };
    this.save();
    return path;
  }

  /** Text is redacted; anything else is sanitized and written as canonical JSON. */
  private render(data: unknown): string {
    return typeof data === 'string' ? redactText(data) : canonicalJson(sanitizeJson(data));
  }

  writeInput(name: string, data: unknown): string {
    return this.write('input', name, this.render(data));
  }

  writeResult(name: string, data: unknown): string {
    return this.write('result', name, this.render(data));
  }

  writeReport(name: string, data: unknown): string {
    return this.write('report', name, this.render(data));
  }

  writeArtifact(name: string, bytes: Uint8Array): string {
    return this.write('artifact', name, bytes);
  }

  appendEvent(event: Record<string, unknown>): void {
    this.assertOpen();
    appendFileSync(join(this.dir, EVENTS_FILE), `${JSON.stringify(sanitizeJson(event))}\n`);
    this.state = { ...this.state, event_count: this.state.event_count + 1 };
  }

  finish(status: FinalStatus, summary: RunSummary = {}): WorkspaceManifest {
    this.assertOpen();
    this.state = { ...this.state, status, finished_at: isoSeconds(new Date()), summary: sanitizeJson(summary) as RunSummary };
    this.save();
    open.delete(this);
    if (open.size === 0 && sigintInstalled) {
      process.off('SIGINT', onSigint);
      sigintInstalled = false;
    }
    return this.state;
  }

  /** Ctrl-C: record `cancelled` with what is known so far. */
  cancel(): void {
    if (this.state.status !== 'running') return;
    this.finish('cancelled', { message: 'The run was interrupted (SIGINT) before it finished.' });
  }

  manifest(): WorkspaceManifest {
    return this.state;
  }
}

/** Starts a run: creates its workspace with a `running` manifest and returns its writers. */
export function startRun(options: StartRunOptions): RunWorkspace {
  const run = new Workspace(options);
  open.add(run);
  if (!sigintInstalled) {
    process.on('SIGINT', onSigint);
    sigintInstalled = true;
  }
  return run;
}
