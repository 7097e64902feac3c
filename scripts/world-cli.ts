/**
 * `worldforge world create|show|list|plan`: local worlds under a state dir (default
 * `.worldforge/worlds/`) and plans through the plan facade. `world plan --mode predict` uses the
 * mock; the score and policy modes use the bridge providers (`--score-provider`, default jepa;
 * `--policy-provider`, default lerobot), read from the env with `--runtime host` or run through
 * the deterministic fake runtime with `--runtime fake` (what a fresh clone can run; the plan then
 * says so in its trace and runtime field). Exit codes: 0 ok, 1 a provider failed, 2 usage or
 * invalid input (including malformed world files).
 */
import { dirname, join, relative } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Action } from '../src/worldforge/capabilities/common.ts';
import { fakeRuntimeProvider, closeProvider } from '../src/worldforge/bridge/suite.ts';
import { isWorldForgeError } from '../src/worldforge/errors.ts';
import type { Provider } from '../src/worldforge/providers/base.ts';
import { createProvider } from '../src/worldforge/providers/catalog.ts';
import { problemLine } from '../src/worldforge/problem.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import { PLAN_MODES, plan, type Plan, type PlanMode } from '../src/worldforge/world/plan.ts';
import { DEFAULT_STATE_DIR, newWorld, type World, worldStateOf } from '../src/worldforge/world/schema.ts';
import { WorldStateError, WorldStore } from '../src/worldforge/world/store.ts';
import { RUNS_DIR } from '../src/worldforge/runs/layout.ts';
import { type PreflightReport, preflight } from '../src/worldforge/world/preflight.ts';
import { recover } from '../src/worldforge/world/recover.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
type Point = { x: number; y: number; z: number };

function parsePoint(value: string): Point {
  const parts = value.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw new InvalidArgumentError('expected x,y,z (three finite numbers)');
  return { x: parts[0]!, y: parts[1]!, z: parts[2]! };
}

/** `id:x,y,z` or `id:x,y,z:w,h,d` (a box of that size centred on the position). */
function parseObject(value: string, previous: World['objects'] = []): World['objects'] {
  const [id, at, size] = value.split(':');
  if (!id || !at) throw new InvalidArgumentError('expected id:x,y,z or id:x,y,z:w,h,d');
  const position = parsePoint(at);
  const bbox = size
    ? (() => {
        const s = parsePoint(size);
        return {
          min: { x: position.x - s.x / 2, y: position.y - s.y / 2, z: position.z - s.z / 2 },
          max: { x: position.x + s.x / 2, y: position.y + s.y / 2, z: position.z + s.z / 2 },
        };
      })()
    : null;
  return [...previous, { id, position, bbox, attributes: {} }];
}

function fail(setExit: (code: number) => void, error: unknown): void {
  if (error instanceof WorldStateError) {
    process.stderr.write(`worldforge world: ${error.problems.map(problemLine).join('\n  ')}\n`);
    for (const p of error.problems) if (p.hint) process.stderr.write(`  hint: ${p.hint}\n`);
    setExit(EXIT.usage);
    return;
  }
  if (isWorldForgeError(error)) {
    process.stderr.write(`worldforge world: ${error.code}: ${redactText(error.message)}\n`);
    if (error.code === 'provider_not_configured')
      process.stderr.write('  hint: pass --runtime fake to plan through the deterministic fake runtime\n');
    setExit(error.family === 'caller' ? EXIT.usage : EXIT.failed);
    return;
  }
  throw error;
}

/** Requests derived from the world: the goal object's x, y as observation, the target's as goal. */
function bridgeInputs(from: Point, to: Point) {
  const observation = [from.x, from.y];
  const goal = [to.x, to.y];
  const delta = [to.x - from.x, to.y - from.y];
  // score mode: three candidate steps toward the goal (none, half way, all the way).
  const candidates: Action[][] = [0, 0.5, 1].map((f) => [
    { kind: 'joint_targets', parameters: { values: delta.map((d) => f * d), step: 0 } },
  ]);
  return { score_info: { observation, goal }, policy_info: { observation: { joint_positions: observation }, goal }, candidates };
}

function describePlan(world: World, result: Plan & { runtime: string }): string {
  const lines = [
    `plan for world ${world.id} (${result.mode}, runtime ${result.runtime}): ${result.action_count} action(s)`,
    ...result.actions.map((a, i) => `  ${i + 1}. ${a.kind} ${JSON.stringify(a.parameters)}`),
    `success probability ${result.success_probability} (${result.success_probability_source})`,
    'workflow trace:',
    ...result.workflow_trace.map((t) => `  ${t.step}. ${t.provider} ${t.capability}: ${t.summary}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function worldCommands(setExit: (code: number) => void): Command {
  const world = new Command('world').description('Local worlds (objects, bounding boxes, history) and plans through the plan facade.');
  const stateDir = () => new Option('--state-dir <dir>', 'folder holding world files').default(DEFAULT_STATE_DIR);

  world
    .command('create')
    .description('Create a world file (refuses to overwrite).')
    .argument('<id>', 'file-safe world id')
    .option('--name <name>', 'display name')
    .option('--object <spec>', 'object id:x,y,z[:w,h,d] (repeatable)', parseObject, [])
    .addOption(stateDir())
    .action((id: string, options: { name?: string; object: World['objects']; stateDir: string }) => {
      try {
        const store = new WorldStore(options.stateDir);
        store.pathOf(id);
        const objects = options.object.length
          ? options.object
          : [{ id: 'cube', position: { x: 0, y: 0, z: 0 }, bbox: null, attributes: {} }];
        const created = newWorld(id, options.name ?? id, objects);
        store.create(created);
        process.stdout.write(`created world ${id} with ${objects.length} object(s) in ${options.stateDir}\n`);
        setExit(EXIT.ok);
      } catch (error) {
        fail(setExit, error);
      }
    });

  world
    .command('show')
    .description('Print a world.')
    .argument('<id>')
    .addOption(stateDir())
    .option('--json', 'print the world file as JSON')
    .action((id: string, options: { stateDir: string; json?: boolean }) => {
      try {
        const w = new WorldStore(options.stateDir).load(id);
        if (options.json) process.stdout.write(`${JSON.stringify(w, null, 2)}\n`);
        else {
          const objects = w.objects.map(
            (o) => `  ${o.id} at (${o.position.x}, ${o.position.y}, ${o.position.z})${o.bbox ? ' with bbox' : ''}`,
          );
          const history = w.history.map((h) => `  step ${h.step} ${h.kind}: ${h.summary}`);
          process.stdout.write(
            `world ${w.id} (${w.name}), step ${w.step}\nobjects:\n${objects.join('\n')}\nhistory:\n${history.join('\n')}\n`,
          );
        }
        setExit(EXIT.ok);
      } catch (error) {
        fail(setExit, error);
      }
    });

  world
    .command('list')
    .description('List the worlds in the state dir.')
    .addOption(stateDir())
    .option('--json', 'print the ids as JSON')
    .action((options: { stateDir: string; json?: boolean }) => {
      const ids = new WorldStore(options.stateDir).list();
      process.stdout.write(
        options.json ? `${JSON.stringify(ids)}\n` : ids.length ? `${ids.join('\n')}\n` : `no worlds in ${options.stateDir}\n`,
      );
      setExit(EXIT.ok);
    });

  world
    .command('plan')
    .description('Plan moving an object to a target, in one of the facade modes, and record it in the world history.')
    .argument('<id>')
    .addOption(new Option('--mode <mode>', 'planning mode').choices(PLAN_MODES).default('predict'))
    .requiredOption('--object <id>', 'object to move')
    .requiredOption('--to <x,y,z>', 'target position', parsePoint)
    .addOption(
      new Option('--runtime <runtime>', 'bridge providers: "host" (env) or "fake" (deterministic fake runtime)')
        .choices(['host', 'fake'])
        .default('host'),
    )
    .option('--score-provider <name>', 'score provider', 'jepa')
    .option('--policy-provider <name>', 'policy provider', 'lerobot')
    .addOption(stateDir())
    .option('--json', 'print the plan as JSON')
    .action(
      async (
        id: string,
        options: {
          mode: PlanMode;
          object: string;
          to: Point;
          runtime: 'host' | 'fake';
          scoreProvider: string;
          policyProvider: string;
          stateDir: string;
          json?: boolean;
        },
      ) => {
        const opened: Provider[] = [];
        const bridge = (name: string) => {
          const provider = options.runtime === 'fake' ? fakeRuntimeProvider(name) : createProvider(name);
          opened.push(provider);
          return provider;
        };
        try {
          const store = new WorldStore(options.stateDir);
          const current = store.load(id);
          const state = worldStateOf(current);
          const from = current.objects.find((o) => o.id === options.object)?.position;
          if (!from)
            throw new WorldStateError(
              [{ file: store.pathOf(id), field: 'objects', reason: `no object '${options.object}' in world ${id}` }],
              'Unknown object',
            );
          const inputs = bridgeInputs(from, options.to);
          const goal = `move ${options.object} to (${options.to.x}, ${options.to.y}, ${options.to.z})`;
          const uses = { score: options.mode === 'score' || options.mode === 'policy+score', policy: options.mode.startsWith('policy') };
          const result = await plan(state, {
            goal,
            mode: options.mode,
            goal_spec: { kind: 'object_at', object_id: options.object, position: options.to },
            ...(options.mode === 'predict' ? { predict_provider: createProvider('mock') } : {}),
            ...(uses.score ? { score_provider: bridge(options.scoreProvider), score_info: inputs.score_info } : {}),
            ...(options.mode === 'score' ? { candidate_actions: inputs.candidates } : {}),
            ...(uses.policy ? { policy_provider: bridge(options.policyProvider), policy_info: inputs.policy_info, action_horizon: 1 } : {}),
          });
          const runtime =
            options.mode === 'predict'
              ? 'in-process (mock)'
              : options.runtime === 'fake'
                ? 'fake (deterministic test runtime, not a model)'
                : 'host';
          const providers = [...new Set(result.workflow_trace.map((t) => t.provider))];
          store.save({
            ...current,
            history: [
              ...current.history,
              {
                step: current.step,
                kind: 'plan',
                summary: `${result.mode} plan (${runtime}): ${goal}, ${result.action_count} action(s)`,
                providers,
              },
            ],
          });
          const output = { world: id, runtime, ...result };
          process.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : describePlan(current, output));
          setExit(EXIT.ok);
        } catch (error) {
          fail(setExit, error);
        } finally {
          for (const provider of opened) await closeProvider(provider);
        }
      },
    );
  world.addCommand(preflightCommand(setExit, stateDir));
  world.addCommand(recoverCommand(setExit, stateDir));
  return world;
}

interface PreflightFlags {
  stateDir: string;
  runsDir: string;
  retentionKeep: number;
  json?: boolean;
}

const runsDirOption = () => new Option('--runs-dir <dir>', 'folder holding run workspaces').default(RUNS_DIR);
const keepOption = () =>
  new Option('--retention-keep <n>', 'run workspaces to keep before retention pressure is reported')
    .argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
      return n;
    })
    .default(20);

function reportText(report: PreflightReport): string {
  const lines = [
    `world preflight: ${report.status} (${report.counts.worlds} world file(s), ${report.counts.runs} run(s), ${report.counts.errors} error(s), ${report.counts.warnings} warning(s)); safe to attach: ${report.safe_to_attach}`,
    ...report.findings.map(
      (f) =>
        `  ${f.severity === 'error' ? '✗' : '⚠'} ${f.check}  ${f.subject}: ${f.message}${f.quarantine ? '  [recover quarantines]' : ''}`,
    ),
  ];
  if (report.status === 'failed') lines.push('next: npx worldforge world recover (exports this report, then quarantines; deletes nothing)');
  return `${lines.join('\n')}\n`;
}

/** `world preflight`: read-only; exit 0 passed or warnings, 1 errors found. */
function preflightCommand(setExit: (code: number) => void, stateDir: () => Option): Command {
  return new Command('preflight')
    .description('Read-only checks of the world state dir and run workspaces; the report is safe to attach.')
    .addOption(stateDir())
    .addOption(runsDirOption())
    .addOption(keepOption())
    .option('--json', 'print the report as JSON')
    .action((options: PreflightFlags) => {
      const report = preflight({ stateDir: options.stateDir, runsDir: options.runsDir, retentionKeep: options.retentionKeep });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
      setExit(report.status === 'failed' ? EXIT.failed : EXIT.ok);
    });
}

/** `world recover`: diagnostics export first, then quarantine by move; exit 0. */
function recoverCommand(setExit: (code: number) => void, stateDir: () => Option): Command {
  return new Command('recover')
    .description('Export the preflight report, then move every quarantined world file and run into a quarantine folder (never deletes).')
    .addOption(stateDir())
    .addOption(runsDirOption())
    .addOption(keepOption())
    .option('--quarantine-dir <dir>', 'quarantine root (default: <state-dir>/../quarantine)')
    .option('--json', 'print the moves as JSON')
    .action((options: PreflightFlags & { quarantineDir?: string }) => {
      const quarantineRoot = options.quarantineDir ?? join(dirname(options.stateDir), 'quarantine');
      const result = recover({
        stateDir: options.stateDir,
        runsDir: options.runsDir,
        retentionKeep: options.retentionKeep,
        quarantineRoot,
      });
      const where = relative(process.cwd(), result.dir) || result.dir;
      if (options.json) process.stdout.write(`${JSON.stringify({ quarantine: where, moves: result.moves }, null, 2)}\n`);
      else
        process.stdout.write(
          [
            `diagnostics exported: ${join(where, 'preflight.json')}`,
            ...result.moves.map((m) => `  quarantined ${m.from} (${m.check}) -> ${join(where, m.to)}`),
            result.moves.length ? `moves recorded in ${join(where, 'moves.json')}; nothing was deleted` : 'nothing needed quarantine',
            '',
          ].join('\n'),
        );
      setExit(EXIT.ok);
    });
}
