/**
 * The `worldforge runs` command group over local run workspaces (.worldforge/runs/): `list` with
 * filters, `show`, `rerun` (the command rebuilt from the sanitized manifest; secrets are named by
 * variable, taken from your environment, never stored) and `bundle` (an issue-ready bundle).
 * Exit codes: 0 ok, 1 the rerun failed, 2 usage error or unknown run.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { BundleError, writeIssueBundle } from '../src/worldforge/bundles/issue.ts';
import { filterRuns, findRun, type LoadedRun, readHistory, rerunOf } from '../src/worldforge/runs/history.ts';
import { RUNS_DIR } from '../src/worldforge/runs/layout.ts';
import { FILE_ROLES, RUN_STATUSES, type WorkspaceManifest } from '../src/worldforge/runs/manifest.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const BIN = fileURLToPath(new URL('../bin/worldforge.mjs', import.meta.url));

const shown = (path: string) => relative(process.cwd(), path) || path;

/** The commands a reader of a failed, skipped or cancelled run needs next. */
export function nextSteps(m: WorkspaceManifest): string[] {
  if (m.status === 'passed' || m.status === 'running') return [];
  return [
    ...(m.summary?.recovery_command ? [`recover: ${m.summary.recovery_command}`] : [`rerun:   npx worldforge runs rerun ${m.run_id}`]),
    `bundle:  npx worldforge runs bundle ${m.run_id}`,
  ];
}

function listLine({ manifest: m }: LoadedRun): string {
  const what = [m.provider, m.capability, m.operation].filter(Boolean).join(' ');
  return `${m.run_id}  ${m.kind.padEnd(9)}  ${m.status.padEnd(9)}  ${what}`;
}

function showText(run: LoadedRun): string {
  const m = run.manifest;
  const s = m.summary;
  return [
    `run ${m.run_id} (${m.kind}): ${m.status}`,
    `  command:   ${m.command}`,
    `  started:   ${m.created_at}${m.finished_at ? `, finished ${m.finished_at}` : ''}`,
    `  subject:   ${[m.provider, m.capability, m.operation].filter(Boolean).join(' ') || '—'}`,
    `  env:       ${m.env_summary.map((e) => `${e.name} (${e.present ? 'set' : 'not set'})`).join(', ') || '—'}`,
    `  events:    ${m.event_count}`,
    ...(s?.message ? [`  message:   ${s.message}`] : []),
    ...(s?.expected_signal ? [`  expected:  ${s.expected_signal}`] : []),
    ...(s?.observed_failure ? [`  observed:  ${s.observed_failure}`] : []),
    ...(s?.skip_reason ? [`  skipped:   ${s.skip_reason}`] : []),
    ...(s?.validation_errors ?? []).map((e) => `  invalid:   ${e}`),
    `  folder:    ${shown(run.dir)}`,
    ...m.files.map((f) => `    ${f.path}  ${f.size_bytes} B  ${f.sha256.slice(0, 19)}…`),
    ...nextSteps(m).map((line) => `  ${line}`),
    '',
  ].join('\n');
}

export function runsCommands(setExit: (code: number) => void): Command {
  const runs = new Command('runs').description('Local run history (.worldforge/runs/): list, show, rerun, bundle for an issue.');
  const runsDirOption = () => new Option('--runs-dir <dir>', 'folder holding run workspaces').default(RUNS_DIR);
  const load = (dir: string) => {
    const history = readHistory(resolve(dir));
    for (const p of history.problems) process.stderr.write(`worldforge runs: skipped invalid run ${p}\n`);
    return history;
  };
  const pick = (dir: string, id: string): LoadedRun | null => {
    const run = findRun(load(dir).runs, id);
    if (!run) {
      process.stderr.write(`worldforge runs: no run '${id}' in ${dir} (see \`npx worldforge runs list\`)\n`);
      setExit(EXIT.usage);
    }
    return run;
  };

  runs
    .command('list')
    .description('List runs, newest first.')
    .option('--provider <name>', 'only runs of this provider')
    .option('--capability <name>', 'only runs of this capability')
    .addOption(new Option('--status <status>', 'only runs with this status').choices(RUN_STATUSES))
    .option('--since <date>', 'only runs started on or after YYYY-MM-DD (or an ISO time)')
    .addOption(new Option('--artifact-type <role>', 'only runs that wrote a file of this role').choices(FILE_ROLES))
    .addOption(runsDirOption())
    .option('--json', 'print the manifests as JSON')
    .action((options) => {
      if (options.since !== undefined && Number.isNaN(Date.parse(options.since))) {
        process.stderr.write(`worldforge runs list: --since '${options.since}' is not a date (YYYY-MM-DD)\n`);
        setExit(EXIT.usage);
        return;
      }
      const picked = filterRuns(load(options.runsDir).runs, { ...options, artifactType: options.artifactType });
      if (options.json)
        process.stdout.write(
          `${JSON.stringify(
            picked.map((r) => r.manifest),
            null,
            2,
          )}\n`,
        );
      else process.stdout.write(picked.length ? `${picked.map(listLine).join('\n')}\n` : 'no runs match\n');
      setExit(EXIT.ok);
    });

  runs
    .command('show <id>')
    .description('Show one run (id or unique prefix); failed runs show their recovery and bundle commands.')
    .addOption(runsDirOption())
    .option('--json', 'print the manifest as JSON')
    .action((id: string, options) => {
      const run = pick(options.runsDir, id);
      if (!run) return;
      process.stdout.write(options.json ? `${JSON.stringify(run.manifest, null, 2)}\n` : showText(run));
      setExit(EXIT.ok);
    });

  runs
    .command('rerun <id>')
    .description('Print the command that reruns a run (rebuilt from its sanitized manifest), or run it with --exec.')
    .option('--exec', 'run the command now, with secrets from your environment')
    .addOption(runsDirOption())
    .action((id: string, options) => {
      const run = pick(options.runsDir, id);
      if (!run) return;
      const rerun = rerunOf(run.manifest);
      for (const e of rerun.env) {
        process.stdout.write(
          `# reads ${e.name} from your environment (${e.present_at_run ? 'was set' : 'was not set'} at run time; never stored)\n`,
        );
      }
      process.stdout.write(`${rerun.command}\n`);
      if (!options.exec) return setExit(EXIT.ok);
      if (!rerun.args) {
        process.stderr.write('worldforge runs rerun: the recorded command is not a worldforge command; run it yourself.\n');
        return setExit(EXIT.usage);
      }
      const child = spawnSync(process.execPath, [BIN, ...rerun.args], { stdio: 'inherit' });
      setExit(child.status === 0 ? EXIT.ok : (child.status ?? EXIT.failed));
    });

  runs
    .command('bundle <id>')
    .description('Write an issue-ready bundle of a finished run: sanitized files, bundle.json digests, issue.md, in-toto statement.')
    .option('--out <dir>', 'output folder (default: .worldforge/issue-bundles/<run-id>)')
    .addOption(runsDirOption())
    .option('--json', 'print bundle.json')
    .action((id: string, options) => {
      const run = pick(options.runsDir, id);
      if (!run) return;
      try {
        const out = resolve(options.out ?? `.worldforge/issue-bundles/${run.manifest.run_id}`);
        const bundle = writeIssueBundle(run, out);
        if (options.json) process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
        else {
          const excluded = bundle.files.filter((f) => !f.included);
          process.stdout.write(
            [
              `worldforge runs bundle ${run.manifest.run_id}: ${bundle.included_count} file(s) in ${shown(out)}, ${excluded.length} excluded`,
              ...excluded.map((f) => `  excluded ${f.path}: ${f.reason}`),
              `  attach: ${shown(out)}/issue.md (and the folder); verify: npx worldforge release verify ${shown(out)}`,
              '',
            ].join('\n'),
          );
        }
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
        process.stderr.write(`worldforge runs bundle: ${error.message}\nNothing was written.\n`);
        setExit(EXIT.usage);
      }
    });
  return runs;
}
