/**
 * `leworldmodel`: LeWorldModel's JEPA cost model (stable_worldmodel's AutoCostModel) behind the
 * runtime bridge. Candidates are `(samples, horizon, action_dim)` here and travel as upstream's
 * `(1, samples, horizon, action_dim)` batch; the runtime returns one finite cost per sample
 * (`(n)`, `(1, n)` or `(n, 1)`), lower is better. The checkpoint run name comes from
 * `LEWORLDMODEL_POLICY` (legacy `LEWM_POLICY`), resolved by the host under `$STABLEWM_HOME`.
 */
import { BRIDGE_SMOKE_REQUESTS, bridgeSmokeSpec, bridgeTriage } from '../bridge/manifest.ts';
import { BridgeProvider, type BridgeSpec } from '../bridge/provider.ts';
import type { CapabilityHandlers } from './base.ts';
import { requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';

const NAME = 'leworldmodel';
const MODEL = 'LEWORLDMODEL_POLICY';
const COMMAND = 'LEWORLDMODEL_RUNTIME_COMMAND';
const DEVICE = 'LEWORLDMODEL_DEVICE';

export const leworldmodelOperations = {
  env: [
    {
      name: MODEL,
      role: 'required',
      secret: false,
      purpose: 'Checkpoint run name under $STABLEWM_HOME, without the _object.ckpt suffix (e.g. pusht/lewm).',
    },
    { name: 'LEWM_POLICY', role: 'optional', secret: false, purpose: 'Legacy name of LEWORLDMODEL_POLICY.', alias_of: MODEL },
    { name: COMMAND, role: 'required', secret: false, purpose: 'Host command that speaks the worldforge-bridge protocol on stdio.' },
    { name: DEVICE, role: 'optional', secret: false, purpose: 'Device the host runtime uses (default cpu).' },
    {
      name: 'STABLEWM_HOME',
      role: 'optional',
      secret: false,
      purpose: 'Root of the host’s stable-worldmodel checkpoints (read by the host runtime).',
    },
    { name: 'LEWORLDMODEL_CACHE_DIR', role: 'optional', secret: false, purpose: 'Cache folder of the host runtime.' },
  ],
  smoke: bridgeSmokeSpec(COMMAND, MODEL, BRIDGE_SMOKE_REQUESTS.score),
} satisfies ProviderOperations;

export const leworldmodelProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['score'],
  maturity: 'experimental',
  runtime_ownership: 'prepared-host',
  deterministic: false,
  required_env_vars: requiredEnvVars(leworldmodelOperations),
  description: 'LeWorldModel JEPA costs for (samples, horizon, action_dim) candidates, from a host-owned runtime behind the stdio bridge.',
};

export const leworldmodelRuntimeManifest: RuntimeManifest = {
  id: 'leworldmodel:schema-1',
  ...operationalFields(NAME, leworldmodelOperations),
  default_model: 'pusht/lewm',
  host_owned_artifacts: [
    'the Python runtime with torch and stable_worldmodel (AutoCostModel)',
    'checkpoints under $STABLEWM_HOME and the cache folder',
    'the runtime command named by LEWORLDMODEL_RUNTIME_COMMAND',
  ],
  artifact_lifetime:
    'Costs come back inline in one bridge response; nothing is downloaded or kept by WorldForge beyond tensor shapes in events and manifests. Checkpoints stay on the host.',
  triage: bridgeTriage(NAME, { commandVar: COMMAND, modelVar: MODEL }),
  known_limitations: [
    'No prepared-host run is recorded yet; checkout evidence runs through the deterministic fake runtime.',
    'Candidates need rank ≥ 3 (samples, horizon, action_dim); the batch axis of 1 is added on the wire.',
    'info (pixels, goal, action history) is forwarded as JSON; tensors and preprocessing are the host’s.',
  ],
};

export const leworldmodelSpec: BridgeSpec = {
  operations: leworldmodelOperations,
  modelVar: MODEL,
  commandVar: COMMAND,
  deviceVar: DEVICE,
  defaultDevice: 'cpu',
  candidateLayout: 'batched',
  minCandidateRank: 3,
};

export class LeWorldModelProvider extends BridgeProvider {
  readonly profile = leworldmodelProfile;
  readonly spec = leworldmodelSpec;
  protected readonly handlers: CapabilityHandlers = {
    score: (request) => this.scoreThroughBridge(request),
  };
}
