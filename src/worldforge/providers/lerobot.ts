/**
 * `lerobot`: a Hugging Face LeRobot policy (PreTrainedPolicy) behind the runtime bridge. The host
 * loads the policy (`LEROBOT_POLICY_PATH`, legacy `LEROBOT_POLICY`), runs `select_action` or
 * `predict_action_chunk`, and returns raw action chunks; a host-supplied action translator (see
 * bridge/translator.ts) turns them into executable actions. Without one, the documented default
 * `jointTargetsTranslator` maps each row to a `joint_targets` action: no embodiment claim.
 */
import { BRIDGE_SMOKE_REQUESTS, bridgeSmokeSpec, bridgeTriage } from '../bridge/manifest.ts';
import { BridgeProvider, type BridgeSpec } from '../bridge/provider.ts';
import type { CapabilityHandlers } from './base.ts';
import { requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';

const NAME = 'lerobot';
const MODEL = 'LEROBOT_POLICY_PATH';
const COMMAND = 'LEROBOT_RUNTIME_COMMAND';
const DEVICE = 'LEROBOT_DEVICE';

export const lerobotOperations = {
  env: [
    {
      name: MODEL,
      role: 'required',
      secret: false,
      purpose: 'Hugging Face repo id or local folder of the pretrained policy, loaded by the host.',
    },
    { name: 'LEROBOT_POLICY', role: 'optional', secret: false, purpose: 'Legacy name of LEROBOT_POLICY_PATH.', alias_of: MODEL },
    { name: COMMAND, role: 'required', secret: false, purpose: 'Host command that speaks the worldforge-bridge protocol on stdio.' },
    {
      name: 'LEROBOT_POLICY_TYPE',
      role: 'optional',
      secret: false,
      purpose: 'Policy type for the host loader (act, diffusion, tdmpc, vqbet, pi0, pi0fast, sac, smolvla).',
    },
    { name: DEVICE, role: 'optional', secret: false, purpose: 'Device the host runtime uses (default cpu).' },
    { name: 'LEROBOT_CACHE_DIR', role: 'optional', secret: false, purpose: 'Cache folder of the host runtime.' },
    { name: 'LEROBOT_EMBODIMENT_TAG', role: 'optional', secret: false, purpose: 'Embodiment the host translator targets.' },
  ],
  smoke: bridgeSmokeSpec(COMMAND, MODEL, BRIDGE_SMOKE_REQUESTS.policy),
} satisfies ProviderOperations;

export const lerobotProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['policy'],
  maturity: 'experimental',
  runtime_ownership: 'prepared-host',
  deterministic: false,
  required_env_vars: requiredEnvVars(lerobotOperations),
  description: 'LeRobot policy action chunks from a host-owned runtime behind the stdio bridge, turned into actions by a host translator.',
};

export const lerobotRuntimeManifest: RuntimeManifest = {
  id: 'lerobot:schema-1',
  ...operationalFields(NAME, lerobotOperations),
  default_model: 'lerobot/diffusion_pusht',
  host_owned_artifacts: [
    'the Python runtime with torch and lerobot',
    'the pretrained policy (Hugging Face cache or local folder) and its device',
    'the action translator for the host’s embodiment',
    'the runtime command named by LEROBOT_RUNTIME_COMMAND',
  ],
  artifact_lifetime:
    'Raw actions come back inline in one bridge response and are translated immediately; only their shapes reach events and manifests. Policy weights stay in the host’s cache.',
  triage: bridgeTriage(NAME, { commandVar: COMMAND, modelVar: MODEL }),
  known_limitations: [
    'No prepared-host run is recorded yet; checkout evidence runs through the deterministic fake runtime.',
    'The default translator maps rows to joint_targets actions and makes no embodiment claim; real robots need a host translator.',
    'Raw actions must be (horizon, dim) or (candidates, horizon, dim); observation preprocessing is the host’s.',
    'Not a safety layer: actions are not checked against joint limits or collisions.',
  ],
};

export const lerobotSpec: BridgeSpec = {
  operations: lerobotOperations,
  modelVar: MODEL,
  commandVar: COMMAND,
  deviceVar: DEVICE,
  defaultDevice: 'cpu',
};

export class LeRobotProvider extends BridgeProvider {
  readonly profile = lerobotProfile;
  readonly spec = lerobotSpec;
  protected readonly handlers: CapabilityHandlers = {
    policy: (request) => this.policyThroughBridge(request),
  };
}
