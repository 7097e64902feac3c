/**
 * The `worldforge smoke` command group: `smoke runway`, `smoke cosmos`, `smoke record`, and
 * `smoke replay` (a loopback replay server for offline rehearsals). Exit codes: 0 passed or
 * skipped (a typed skip is not a failure), 1 failed, 2 usage or invalid input.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Capability } from '../src/worldforge/capabilities/index.ts';
import { RunManifestError } from '../src/worldforge/manifests.ts';
import { exchangeSchema, type Interaction } from '../src/worldforge/replay/exchange.ts';
import { startReplayServer } from '../src/worldforge/replay/server.ts';
import { formatIssues, zodIssues } from '../src/worldforge/validation.ts';
import { LocalRunError, recordSmoke } from './smoke-record.ts';
import { runSmoke, SmokeUsageError, type SmokeOutcome, type SmokeProvider } from './smoke.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const positiveNumber = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number > 0');
  return n;
};

function printOutcome(outcome: SmokeOutcome, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `worldforge smoke ${outcome.provider} ${outcome.capability}: ${outcome.status}\n  ${outcome.message}\n  run manifest: ${outcome.run_manifest}\n`,
  );
}

function providerCommand(provider: SmokeProvider, capabilities: readonly Capability[], setExit: (code: number) => void): Command {
  return new Command(provider)
    .description(
      `Run one live ${provider} call and write a sanitized run manifest (typed skip without ${provider === 'runway' ? 'credentials' : 'an endpoint'}).`,
    )
    .addOption(new Option('--capability <capability>', 'capability to smoke').choices(capabilities).default(capabilities[0]))
    .option('--prompt <text>', 'prompt to send', 'a red cube slides slowly across a wooden table')
    .option('--duration <seconds>', 'clip duration in seconds', positiveNumber, 2)
    .option('--input-video <file>', 'input clip for transfer (mp4)')
    .option('--base-url <origin>', 'API origin, overriding the env (e.g. a replay server)')
    .option('--poll-interval <ms>', 'delay between task polls in milliseconds (default 6000)', positiveNumber)
    .option('--runs-dir <dir>', 'folder for run folders', '.worldforge/runs')
    .option('--json', 'print the outcome as JSON')
    .action(async (options) => {
      try {
        const outcome = await runSmoke({
          provider,
          capability: options.capability,
          env: process.env,
          runsDir: options.runsDir,
          prompt: options.prompt,
          durationSeconds: options.duration,
          inputVideo: options.inputVideo,
          baseUrl: options.baseUrl,
          pollIntervalMs: options.pollInterval,
          command: [
            'npx worldforge smoke',
            provider,
            '--capability',
            options.capability,
            ...(options.inputVideo ? ['--input-video', '<file>'] : []),
          ].join(' '),
        });
        printOutcome(outcome, Boolean(options.json));
        setExit(outcome.status === 'failed' ? EXIT.failed : EXIT.ok);
      } catch (error) {
        if (!(error instanceof SmokeUsageError)) throw error;
        process.stderr.write(`worldforge smoke: ${error.message}\n`);
        setExit(EXIT.usage);
      }
    });
}

function readInteractions(files: readonly string[]): Interaction[] {
  return files.flatMap((file) => {
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = exchangeSchema().safeParse(raw);
    if (!parsed.success) throw new SmokeUsageError(`${file}: invalid exchange\n${formatIssues(zodIssues(parsed.error, raw))}`);
    return parsed.data.interactions;
  });
}

export function smokeCommands(setExit: (code: number) => void): Command {
  const smoke = new Command('smoke').description('Live smoke runs against remote providers, and the live-smoke registry.');
  smoke.addCommand(providerCommand('runway', ['generate', 'transfer'], setExit));
  smoke.addCommand(providerCommand('cosmos', ['generate'], setExit));
  smoke
    .command('record')
    .description('Turn a run manifest into a content/live-smoke/ entry (unsafe manifests are rejected).')
    .argument('<run_manifest>', 'path of a run_manifest.json')
    .option('--allow-local', 'accept a run against a local endpoint (replay or self-hosted)')
    .option('--json', 'print the entry as JSON')
    .action((file: string, options) => {
      try {
        const outcome = recordSmoke(file, { allowLocal: Boolean(options.allowLocal) });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(outcome, null, 2)}\n`
            : `worldforge smoke record: ${outcome.entry.provider}/${outcome.entry.capability} ${outcome.entry.status} → ${outcome.entry_path}${outcome.run_manifest_path ? ` (run manifest ${outcome.run_manifest_path})` : ''}\n`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof RunManifestError || error instanceof LocalRunError)) throw error;
        process.stderr.write(`worldforge smoke record: ${error.message}\nNothing was written.\n`);
        setExit(EXIT.usage);
      }
    });
  smoke
    .command('replay')
    .description('Serve recorded exchanges on 127.0.0.1 for an offline rehearsal; prints the origin and runs until interrupted.')
    .argument('<exchange...>', `exchange files, e.g. fixtures/providers/runway/generate-success.json`)
    .action(async (files: string[]) => {
      const server = await startReplayServer(readInteractions(files.map((f) => resolve(f))));
      process.stdout.write(
        `replaying ${files.length} exchange(s) at ${server.origin}\n  export RUNWAYML_BASE_URL=${server.origin}  # or COSMOS_BASE_URL\n`,
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
      setExit(EXIT.ok);
    });
  return smoke;
}
