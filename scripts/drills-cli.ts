/**
 * `worldforge drills list|run <id>`: rehearse operator failures in a throwaway workspace. `run`
 * provokes the failure for real, records a run workspace and an issue bundle inside the workspace
 * (a new temp folder, or `--workspace-dir`), prints the observed signal and the recovery command,
 * and exits with the drill's documented code (see `drills list`); 3 when the expected signal was
 * NOT observed (a gate failed open), 2 for an unknown drill id.
 */
import { Command } from 'commander';
import { DRILLS, drillById } from '../src/worldforge/drills/catalog.ts';
import { drillWorkspace, runDrill } from '../src/worldforge/drills/run.ts';
import { redactText } from '../src/worldforge/redaction.ts';

export function drillsCommands(setExit: (code: number) => void): Command {
  const drills = new Command('drills').description('Operator drills: rehearse failures in a throwaway workspace.');

  drills
    .command('list')
    .description('List the drills with their expected signal, exit code and recovery command.')
    .option('--json', 'print the drill definitions as JSON')
    .action((options: { json?: boolean }) => {
      const rows = DRILLS.map(({ run: _run, ...definition }) => definition);
      if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else
        for (const d of rows)
          process.stdout.write(`${d.id.padEnd(26)} exit ${d.exit_code}  ${d.expected_signal.padEnd(24)} ${d.title} (${d.path})\n`);
      setExit(0);
    });

  drills
    .command('run')
    .description('Run one drill; exits with its documented code when the expected failure is observed.')
    .argument('<id>', 'drill id (see drills list)')
    .option('--workspace-dir <dir>', 'workspace folder (default: a new temporary folder)')
    .option('--json', 'print the outcome as JSON')
    .action(async (id: string, options: { workspaceDir?: string; json?: boolean }) => {
      const drill = drillById(id);
      if (!drill) {
        process.stderr.write(`worldforge drills run: unknown drill '${id.slice(0, 80)}'. Known: ${DRILLS.map((d) => d.id).join(', ')}\n`);
        setExit(2);
        return;
      }
      const outcome = await runDrill(drill, drillWorkspace(options.workspaceDir));
      const detail = redactText(outcome.observation.detail);
      if (options.json) {
        const { run: _run, ...definition } = drill;
        process.stdout.write(
          `${JSON.stringify({ ...outcome, drill: definition, observation: { ...outcome.observation, detail } }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(
          [
            `drill ${drill.id}: ${outcome.reproduced ? 'expected failure observed' : 'EXPECTED FAILURE NOT OBSERVED'}`,
            `  expected signal: ${drill.expected_signal}`,
            `  observed:        ${outcome.observation.signal}: ${detail}`,
            `  recovery:        ${drill.recovery_command}`,
            `  workspace:       ${outcome.workspace}`,
            `  run:             ${outcome.run_id} (bundle in ${outcome.bundle})`,
            `  exit code:       ${outcome.exit_code}`,
            '',
          ].join('\n'),
        );
      }
      setExit(outcome.exit_code);
    });
  return drills;
}
