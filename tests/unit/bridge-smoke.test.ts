import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRuntimeLaunch } from '../../src/worldforge/bridge/fake.ts';
import { liveRuntimeCount } from '../../src/worldforge/bridge/client.ts';
import { runManifestSchema } from '../../src/worldforge/manifests.ts';
import { runSmoke } from '../../scripts/smoke.ts';

const command = (fakeRuntimeLaunch() as { argv: string[] }).argv.map((a) => `'${a}'`).join(' ');
const smoke = (provider: string, capability: 'score' | 'policy', env: Record<string, string>) =>
  runSmoke({
    provider,
    capability,
    env,
    runsDir: mkdtempSync(join(tmpdir(), 'wf-smoke-')),
    prompt: 'p',
    durationSeconds: 1,
    command: `npx worldforge smoke ${provider}`,
  });

describe('worldforge smoke for bridge providers', () => {
  it('without the runtime command: a typed skip naming it', async () => {
    const outcome = await smoke('jepa', 'score', {});
    expect(outcome).toMatchObject({
      status: 'skipped_missing_runtime',
      message: expect.stringContaining('JEPA_RUNTIME_COMMAND is not set'),
    });
  });

  it('against the fake runtime: a run manifest with tensor shapes only, marked as a local rehearsal', async () => {
    for (const [provider, capability, env] of [
      ['jepa', 'score', { JEPA_MODEL_NAME: 'jepa_wm_pusht', JEPA_RUNTIME_COMMAND: command }],
      ['leworldmodel', 'score', { LEWORLDMODEL_POLICY: 'pusht/lewm', LEWORLDMODEL_RUNTIME_COMMAND: command }],
      ['lerobot', 'policy', { LEROBOT_POLICY_PATH: 'lerobot/diffusion_pusht', LEROBOT_RUNTIME_COMMAND: command }],
    ] as const) {
      const outcome = await smoke(provider, capability, env);
      expect(outcome.status, outcome.message).toBe('passed');
      expect(outcome.message).toContain('tensor shapes');
      const manifest = runManifestSchema().parse(JSON.parse(readFileSync(outcome.run_manifest, 'utf8')));
      expect(manifest).toMatchObject({ endpoint: 'loopback', event_count: 1, artifacts: [{ content_type: 'application/json' }] });
      const summary = readFileSync(join(outcome.run_manifest, '..', manifest.artifacts[0]!.path), 'utf8');
      expect(JSON.parse(summary).tensor_shapes[0]).toBeDefined();
      expect(summary).not.toContain('observation');
    }
    expect(liveRuntimeCount()).toBe(0);
  });
});
