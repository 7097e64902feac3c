/**
 * `jepa-wms`: the direct-construction candidate over facebookresearch/jepa-wms. It is NOT in the
 * catalog (the cohort record keeps it out until a prepared host records real-weights evidence):
 * hosts build it themselves, e.g. `new JepaWmsProvider({ modelName: 'jepa_wm_pusht', launch })`,
 * or from `JEPA_WMS_MODEL_NAME` and `JEPA_WMS_RUNTIME_COMMAND`. It scores exactly like `jepa`
 * through the same bridge; the public adapter for catalog use is `jepa`.
 */
import { BRIDGE_SMOKE_REQUESTS, bridgeSmokeSpec, bridgeTriage } from '../bridge/manifest.ts';
import { BridgeProvider, type BridgeSpec } from '../bridge/provider.ts';
import type { CapabilityHandlers } from './base.ts';
import { requiredEnvVars, type ProviderOperations } from './operations.ts';
import type { ProviderProfile } from './profile.ts';
import { operationalFields, type RuntimeManifest } from './runtime-manifest.ts';

const NAME = 'jepa-wms';
const MODEL = 'JEPA_WMS_MODEL_NAME';
const COMMAND = 'JEPA_WMS_RUNTIME_COMMAND';
const DEVICE = 'JEPA_WMS_DEVICE';

export const jepaWmsOperations = {
  env: [
    { name: MODEL, role: 'required', secret: false, purpose: 'facebookresearch/jepa-wms torch hub model the host runtime loads.' },
    { name: COMMAND, role: 'required', secret: false, purpose: 'Host command that speaks the worldforge-bridge protocol on stdio.' },
    { name: DEVICE, role: 'optional', secret: false, purpose: 'Device the host runtime uses (default cpu).' },
  ],
  smoke: bridgeSmokeSpec(COMMAND, MODEL, BRIDGE_SMOKE_REQUESTS.score),
} satisfies ProviderOperations;

export const jepaWmsProfile: ProviderProfile = {
  name: NAME,
  capabilities: ['score'],
  maturity: 'scaffold',
  runtime_ownership: 'prepared-host',
  deterministic: false,
  required_env_vars: requiredEnvVars(jepaWmsOperations),
  description: 'Direct-construction jepa-wms scorer behind the stdio bridge; kept out of the catalog until real-weights evidence exists.',
};

export const jepaWmsRuntimeManifest: RuntimeManifest = {
  id: 'jepa-wms:schema-1',
  ...operationalFields(NAME, jepaWmsOperations),
  default_model: 'jepa_wm_pusht',
  host_owned_artifacts: [
    'the Python runtime with torch and the jepa-wms hub code',
    'checkpoints in the torch hub cache',
    'the runtime command',
  ],
  artifact_lifetime:
    'Costs come back inline in one bridge response; only tensor shapes are kept. Checkpoints stay in the host’s torch hub cache.',
  triage: bridgeTriage(NAME, { commandVar: COMMAND, modelVar: MODEL }),
  known_limitations: ['Direct construction only: not in the catalog, not on the provider table, no conformance evidence file.'],
};

export const jepaWmsSpec: BridgeSpec = {
  operations: jepaWmsOperations,
  modelVar: MODEL,
  commandVar: COMMAND,
  deviceVar: DEVICE,
  defaultDevice: 'cpu',
};

export class JepaWmsProvider extends BridgeProvider {
  readonly profile = jepaWmsProfile;
  readonly spec = jepaWmsSpec;
  protected readonly handlers: CapabilityHandlers = {
    score: (request) => this.scoreThroughBridge(request),
  };
}
