/**
 * Host recipes: how an operator runs WorldForge inside their own process — a batch-evaluation
 * host, a small HTTP service host and a dry-run robotics-operator host. Each recipe is data: the
 * commands to process, check readiness, smoke, log and export evidence, the first rollback or
 * triage step, what the host owns, and which path class each step needs. The docs page renders
 * this list and a test holds every `host-recipes/<id>/.env.example` to `envExample()`, which is
 * built from the provider catalog's declared env vars, so neither can drift.
 */
import { operationsOf, SMOKE_PROVIDER_NAMES } from '../providers/catalog.ts';

/** Where a step can run, from "any checkout" to "a robot lab". */
export const PATH_CLASSES = ['checkout-safe', 'prepared-host', 'credentialed', 'gpu-bound', 'robotics-lab'] as const;
export type PathClass = (typeof PATH_CLASSES)[number];

export interface RecipeStep {
  command: string;
  path: PathClass;
}

export interface HostRecipe {
  id: string;
  title: string;
  summary: string;
  /** Folder under host-recipes/ holding the runnable example and its .env.example. */
  folder: string;
  process: RecipeStep;
  readiness: RecipeStep;
  smoke: RecipeStep;
  logging: RecipeStep;
  evidence_export: RecipeStep;
  /** What to do first when it goes wrong. */
  first_triage_step: string;
  /** What the host owns; WorldForge owns the rest (adapters, contracts, redaction, evidence). */
  owned_boundary: string;
  /** Steps that need more than a checkout, with the path they need. */
  beyond_checkout: RecipeStep[];
}

export const HOST_RECIPES: readonly HostRecipe[] = [
  {
    id: 'batch-evaluation',
    title: 'Batch-evaluation host',
    summary: 'Runs evaluation suites over providers as recorded runs, then exports one evidence bundle.',
    folder: 'host-recipes/batch-evaluation',
    process: { command: 'sh host-recipes/batch-evaluation/run.sh', path: 'checkout-safe' },
    readiness: { command: 'npx worldforge doctor --json', path: 'checkout-safe' },
    smoke: { command: 'npx worldforge eval run --suite physics --provider mock', path: 'checkout-safe' },
    logging: { command: 'npx worldforge runs list --status failed', path: 'checkout-safe' },
    evidence_export: { command: 'npx worldforge evidence bundle --runs <run-id>… --out <dir>', path: 'checkout-safe' },
    first_triage_step: 'npx worldforge runs show <run-id> for the first failed run, then runs bundle <run-id> for the issue.',
    owned_boundary: 'The host owns the schedule, the provider credentials and where bundles are kept; runs stay in .worldforge/runs/.',
    beyond_checkout: [
      { command: 'EVAL_PROVIDERS="mock runway" sh host-recipes/batch-evaluation/run.sh', path: 'credentialed' },
      { command: 'EVAL_PROVIDERS="mock jepa" sh host-recipes/batch-evaluation/run.sh', path: 'gpu-bound' },
    ],
  },
  {
    id: 'service-host',
    title: 'Service host (node:http)',
    summary:
      'A small HTTP service: /healthz, /readyz, POST /score and POST /generate, one JSON log line per request and per provider event.',
    folder: 'host-recipes/service-host',
    process: {
      command: 'WORLDFORGE_SCORE_RUNTIME=fake PORT=8080 node --import tsx host-recipes/service-host/server.ts',
      path: 'checkout-safe',
    },
    readiness: { command: 'curl -fsS http://127.0.0.1:8080/readyz', path: 'checkout-safe' },
    smoke: {
      command: `curl -fsS -X POST http://127.0.0.1:8080/generate -H 'content-type: application/json' -d '{"prompt":"a red cube","duration_seconds":1}'`,
      path: 'checkout-safe',
    },
    logging: {
      command: 'node --import tsx host-recipes/service-host/server.ts | tee service.log.jsonl  (JSON lines on stdout)',
      path: 'checkout-safe',
    },
    evidence_export: { command: 'npx worldforge runs bundle <run-id>  (for a smoke run of the same provider)', path: 'checkout-safe' },
    first_triage_step:
      'GET /readyz: a 503 body names the provider and typed error code; roll back by restarting with the previous WORLDFORGE_* settings.',
    owned_boundary:
      'The host owns the port, TLS, authentication of its callers, process supervision and the runtime behind WORLDFORGE_SCORE_RUNTIME=host.',
    beyond_checkout: [
      {
        command: 'WORLDFORGE_GENERATE_PROVIDER=runway RUNWAYML_API_SECRET=… node --import tsx host-recipes/service-host/server.ts',
        path: 'credentialed',
      },
      {
        command: 'WORLDFORGE_SCORE_RUNTIME=host JEPA_RUNTIME_COMMAND=… node --import tsx host-recipes/service-host/server.ts',
        path: 'gpu-bound',
      },
    ],
  },
  {
    id: 'robotics-operator',
    title: 'Robotics-operator host (dry run)',
    summary: 'Plans a policy + score action sequence for a local world and prints it; it never sends an action to a robot.',
    folder: 'host-recipes/robotics-operator',
    process: { command: 'sh host-recipes/robotics-operator/plan.sh', path: 'checkout-safe' },
    readiness: { command: 'npx worldforge world preflight --state-dir .worldforge/worlds', path: 'checkout-safe' },
    smoke: { command: 'npx worldforge world plan cell --mode policy+score --object cube --to 1,0,0 --runtime fake', path: 'checkout-safe' },
    logging: { command: 'npx worldforge world show cell  (the plan is recorded in the world history)', path: 'checkout-safe' },
    evidence_export: {
      command: 'npx worldforge world plan cell … --json > plan.json  (attach with the preflight report)',
      path: 'checkout-safe',
    },
    first_triage_step: 'npx worldforge world preflight; if it fails, world recover quarantines the bad state and the plan can be rerun.',
    owned_boundary:
      'The host owns the robot, its controller, the safety envelope and the decision to execute; WorldForge only proposes a plan.',
    beyond_checkout: [
      { command: 'ROBOTICS_RUNTIME=host sh host-recipes/robotics-operator/plan.sh  (LEROBOT_* and JEPA_* set)', path: 'gpu-bound' },
      { command: 'executing the plan on hardware (outside WorldForge)', path: 'robotics-lab' },
    ],
  },
];

/** Every env var a catalog provider declares, with its provider, sorted by provider then name. */
export function catalogEnvVars(): { provider: string; name: string }[] {
  return SMOKE_PROVIDER_NAMES.flatMap((provider) => operationsOf(provider).env.map((v) => ({ provider, name: v.name })));
}

/** The `.env.example` of every recipe: each catalog provider variable, value empty. */
export function envExample(): string {
  const lines = [
    '# Generated from the WorldForge provider catalog; every value is empty on purpose.',
    '# Fill in only what this host uses.',
  ];
  let last = '';
  const seen = new Set<string>();
  for (const { provider, name } of catalogEnvVars()) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (provider !== last) lines.push('', `# ${provider}`);
    last = provider;
    lines.push(`${name}=`);
  }
  return `${lines.join('\n')}\n`;
}
