/**
 * `jepa`: the public, experimental score adapter over facebookresearch/jepa-wms world models. The
 * host runs the model (torch hub, checkpoints, preprocessing, device) behind the runtime bridge;
 * this adapter sends observation/goal context and candidate action sequences and gets one cost per
 * candidate (lower is better). `JEPA_MODEL_NAME` picks the hub model. `JEPA_MODEL_PATH` is the
 * legacy scaffold variable: it never makes the provider runnable and doctor reports only that it is
 * set, with the migration note.
 */
import { BridgeProvider, type BridgeSpec } from '../bridge/provider.ts';
import { BRIDGE_SMOKE_REQUESTS, bridgeSmokeSpec, bridgeTriage } from '../bridge/manifest.ts';
import type { CapabilityHandlers } from './base.ts';
import { requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';

const NAME = 'jepa';
const MODEL = 'JEPA_MODEL_NAME';
const COMMAND = 'JEPA_RUNTIME_COMMAND';
const DEVICE = 'JEPA_DEVICE';
export const JEPA_LEGACY_PATH_VAR = 'JEPA_MODEL_PATH';

/** Said (value-free) wherever the legacy variable is found set. */
export const JEPA_MODEL_PATH_MIGRATION =
  'JEPA_MODEL_PATH is the legacy scaffold variable and is ignored: set JEPA_MODEL_NAME to a torch hub model (e.g. jepa_wm_pusht) and JEPA_RUNTIME_COMMAND to the host bridge; a local checkpoint is the host runtime’s business.';

export const jepaOperations = {
  env: [
    {
      name: MODEL,
      role: 'required',
      secret: false,
      purpose: 'facebookresearch/jepa-wms torch hub model the host runtime loads (e.g. jepa_wm_pusht).',
    },
    {
      name: COMMAND,
      role: 'required',
      secret: false,
      purpose: 'Host command that speaks the worldforge-bridge protocol on stdio (e.g. python host-recipes/jepa-wms/bridge.py).',
    },
    { name: DEVICE, role: 'optional', secret: false, purpose: 'Device the host runtime uses (default cpu).' },
    {
      name: JEPA_LEGACY_PATH_VAR,
      role: 'optional',
      secret: false,
      purpose: 'Legacy scaffold variable: ignored, reported by doctor as present or not with a migration note.',
    },
  ],
  smoke: bridgeSmokeSpec(COMMAND, MODEL, BRIDGE_SMOKE_REQUESTS.score),
} satisfies ProviderOperations;

export const jepaProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['score'],
  maturity: 'experimental',
  runtime_ownership: 'prepared-host',
  deterministic: false,
  required_env_vars: requiredEnvVars(jepaOperations),
  description: 'JEPA world-model costs for candidate action sequences, from a host-owned jepa-wms runtime behind the stdio bridge.',
};

export const jepaRuntimeManifest: RuntimeManifest = {
  id: 'jepa:schema-1',
  ...operationalFields(NAME, jepaOperations),
  default_model: 'jepa_wm_pusht',
  host_owned_artifacts: [
    'the Python runtime with torch and the facebookresearch/jepa-wms hub code',
    'model checkpoints in the torch hub cache, preprocessing and device selection',
    'the runtime command named by JEPA_RUNTIME_COMMAND',
  ],
  artifact_lifetime:
    'Nothing is downloaded by WorldForge: costs come back inline in one bridge response, and events and manifests keep tensor shapes only. Checkpoints live in the host’s torch hub cache for as long as the host keeps them.',
  triage: bridgeTriage(NAME, { commandVar: COMMAND, modelVar: MODEL }),
  known_limitations: [
    'Experimental: no prepared-host run is recorded yet; checkout evidence runs through the deterministic fake runtime.',
    'Score only: one batch of candidates per call; costs are latent distances, lower is better, not calibrated probabilities.',
    'Observation and goal preprocessing (image size, normalization) is the host runtime’s; WorldForge forwards info as JSON.',
  ],
};

/** Bridge configuration shared with nothing: jepa's own variables. */
export const jepaSpec: BridgeSpec = {
  operations: jepaOperations,
  modelVar: MODEL,
  commandVar: COMMAND,
  deviceVar: DEVICE,
  defaultDevice: 'cpu',
};

export class JepaProvider extends BridgeProvider {
  readonly profile = jepaProfile;
  readonly spec = jepaSpec;
  protected readonly handlers: CapabilityHandlers = {
    score: (request) => this.scoreThroughBridge(request),
  };
}
