/**
 * The `worldforge smoke` command group: one `smoke <provider>` per provider that declares a smoke
 * spec (its capability choices and help come from the spec), `smoke record`, and `smoke replay` (a
 * loopback replay server for offline rehearsals). Exit codes: 0 passed or skipped (a typed skip is
 * not a failure), 1 failed, 2 usage or invalid input.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { liveSmokeLabel } from '../src/worldforge/live-smoke.ts';
import { RunManifestError } from '../src/worldforge/manifests.ts';
import { operationsOf } from '../src/worldforge/providers/catalog.ts';
import { REMOTE_DEFAULTS } from '../src/worldforge/providers/http.ts';
import { recordedExchangePath, SMOKE_PREREQUISITES } from '../src/worldforge/providers/smoke-spec.ts';
import { exchangeSchema, type Exchange } from '../src/worldforge/replay/exchange.ts';
import { startReplayServer } from '../src/worldforge/replay/server.ts';
import { formatIssues, zodIssues } from '../src/worldforge/validation.ts';
import { LocalRunError, RecordRefusedError, recordSmoke } from './smoke-record.ts';
import { ioReason } from './cli-errors.ts';
import { SmokeUsageError } from '../src/worldforge/providers/smoke-spec.ts';
import { runSmoke, SMOKE_PROVIDERS, type SmokeOutcome, type SmokeProvider } from './smoke.ts';
import { jsonFailure, strictJsonValue } from '../src/worldforge/strict-json.ts';

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

/** Capabilities whose smoke request needs an input clip, over every smoke spec (for `--input-video` help). */
const inputVideoCapabilities = () => [
  ...new Set(
    SMOKE_PROVIDERS.flatMap((name) =>
      operationsOf(name)
        .smoke.requests.filter((r) => r.needsInputVideo)
        .map((r) => r.capability),
    ),
  ),
];

function providerCommand(provider: SmokeProvider, setExit: (code: number) => void): Command {
  const { smoke } = operationsOf(provider);
  const capabilities = smoke.requests.map((r) => r.capability);
  return new Command(provider)
    .description(
      `Run one live ${provider} call and write a sanitized run manifest (typed skip without ${SMOKE_PREREQUISITES[smoke.requires].label}).`,
    )
    .addOption(new Option('--capability <capability>', 'capability to smoke').choices(capabilities).default(capabilities[0]))
    .option('--prompt <text>', 'prompt to send', 'a red cube slides slowly across a wooden table')
    .option('--duration <seconds>', 'clip duration in seconds', positiveNumber, 2)
    .option('--input-video <file>', `input clip for ${inputVideoCapabilities().join(', ')} (mp4)`)
    .option('--base-url <origin>', 'API origin, overriding the env (e.g. a replay server)')
    .option('--poll-interval <ms>', `delay between task polls in milliseconds (default ${REMOTE_DEFAULTS.pollIntervalMs})`, positiveNumber)
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

/**
 * The recorded exchanges in `files` (as the user typed them). A file that is missing, not a file,
 * not JSON or not an exchange is a `SmokeUsageError` naming it; every file is read before any is used.
 */
function readExchanges(files: readonly string[]): Exchange[] {
  return files.map((file) => {
    let text: string;
    try {
      if (!statSync(resolve(file)).isFile()) throw new SmokeUsageError(`${file}: not a file; pass a recorded exchange (.json).`);
      text = readFileSync(resolve(file), 'utf8');
    } catch (error) {
      if (error instanceof SmokeUsageError) throw error;
      throw new SmokeUsageError(`${file}: cannot be read: ${ioReason(error)}.`);
    }
    let raw: unknown;
    try {
      raw = strictJsonValue(text, file);
    } catch (error) {
      throw new SmokeUsageError(`${file}: not JSON (${jsonFailure(error)}).`);
    }
    const parsed = exchangeSchema().safeParse(raw);
    if (!parsed.success) throw new SmokeUsageError(`${file}: invalid exchange\n${formatIssues(zodIssues(parsed.error, raw))}`);
    return parsed.data;
  });
}

/** The `export` line for each smokable provider whose exchanges are replayed: its base-URL variable. */
function exportLines(exchanges: readonly Exchange[], origin: string): string {
  const providers = [...new Set(exchanges.map((e) => e.provider))].filter((name) => SMOKE_PROVIDERS.includes(name));
  return providers.map((name) => `  export ${operationsOf(name).smoke.baseUrlVar}=${origin}\n`).join('');
}

export function smokeCommands(setExit: (code: number) => void): Command {
  const smoke = new Command('smoke').description('Live smoke runs against remote providers, and the live-smoke registry.');
  for (const provider of SMOKE_PROVIDERS) smoke.addCommand(providerCommand(provider, setExit));
  smoke
    .command('record')
    .description('Turn a run manifest into a content/live-smoke/ entry (unsafe manifests are rejected).')
    .argument('<run_manifest>', 'path of a run_manifest.json')
    .option('--allow-local', 'record a run against a loopback or private endpoint as a rehearsal (backs no claim)')
    .option('--json', 'print the entry as JSON')
    .action((file: string, options) => {
      try {
        const outcome = recordSmoke(file, { allowLocal: Boolean(options.allowLocal) });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(outcome, null, 2)}\n`
            : `worldforge smoke record: ${outcome.entry.provider}/${outcome.entry.capability} ${liveSmokeLabel(outcome.entry)} → ${outcome.entry_path}${outcome.run_manifest_path ? ` (run manifest ${outcome.run_manifest_path})` : ''}\n`,
        );
        setExit(EXIT.ok);
      } catch (error) {
        if (!(error instanceof RunManifestError || error instanceof LocalRunError || error instanceof RecordRefusedError)) throw error;
        process.stderr.write(`worldforge smoke record: ${error.message}\nNothing was written.\n`);
        setExit(EXIT.usage);
      }
    });
  smoke
    .command('replay')
    .description('Serve recorded exchanges on 127.0.0.1 for an offline rehearsal; prints the origin and runs until interrupted.')
    .argument('<exchange...>', `exchange files, e.g. ${recordedExchangePath('<provider>', 'generate-success')}`)
    .action(async (files: string[]) => {
      let exchanges: Exchange[];
      try {
        exchanges = readExchanges(files);
      } catch (error) {
        if (!(error instanceof SmokeUsageError)) throw error;
        process.stderr.write(`worldforge smoke replay: ${error.message}\nNothing is served.\n`);
        setExit(EXIT.usage);
        return;
      }
      const server = await startReplayServer(exchanges.flatMap((e) => e.interactions));
      process.stdout.write(`replaying ${files.length} exchange(s) at ${server.origin}\n${exportLines(exchanges, server.origin)}`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close();
      setExit(EXIT.ok);
    });
  return smoke;
}
