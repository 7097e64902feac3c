import { describe, expect, it } from 'vitest';
import { type FakeMisbehaviour, fakeRuntimeLaunch } from '../../src/worldforge/bridge/fake.ts';
import { diagnose, doctorReport } from '../../src/worldforge/doctor/diagnose.ts';
import { doctorReportSchema } from '../../src/worldforge/doctor/model.ts';
import { CATALOG, createProvider, operationsOf, PROVIDER_NAMES } from '../../src/worldforge/providers/catalog.ts';
import { humanDoctor } from '../../scripts/doctor-cli.ts';

const LIMITS = { helloTimeoutMs: 3000, requestTimeoutMs: 1000, shutdownGraceMs: 300 };
const fakeCommand = (misbehave?: FakeMisbehaviour) =>
  (fakeRuntimeLaunch({ misbehave }) as { argv: string[] }).argv.map((a) => `'${a}'`).join(' ');

describe('doctor', () => {
  it('jepa with nothing configured, then step by step, reports distinct typed states', async () => {
    const state = async (env: Record<string, string>) => (await diagnose('jepa', { env, bridge: LIMITS })).health.state;
    expect(await state({})).toBe('missing_model_name');
    expect(await state({ JEPA_MODEL_NAME: 'jepa_wm_pusht' })).toBe('missing_runtime_command');
    expect(await state({ JEPA_MODEL_NAME: 'jepa_wm_pusht', JEPA_RUNTIME_COMMAND: 'exit 4' })).toBe('unreachable_runtime');
    expect(await state({ JEPA_MODEL_NAME: 'jepa_wm_pusht', JEPA_RUNTIME_COMMAND: 'echo garbage' })).toBe('malformed_runtime_output');
    expect(await state({ JEPA_MODEL_NAME: 'jepa_wm_pusht', JEPA_RUNTIME_COMMAND: fakeCommand('missing-model') })).toBe('missing_model');
    expect(await state({ JEPA_MODEL_NAME: 'jepa_wm_pusht', JEPA_RUNTIME_COMMAND: fakeCommand() })).toBe('ready');
  });

  it('never prints values: secrets, commands and the legacy JEPA_MODEL_PATH appear by name only', async () => {
    const env = { JEPA_MODEL_NAME: 'model-value-xyz', JEPA_RUNTIME_COMMAND: fakeCommand(), JEPA_MODEL_PATH: '/home/someone/ckpt-value.pt' };
    const report = await doctorReport(['jepa'], { env, bridge: LIMITS });
    doctorReportSchema().parse(report);
    const text = JSON.stringify(report) + humanDoctor(report);
    for (const value of ['/home/someone', 'ckpt-value', 'fake-runtime.mjs']) expect(text).not.toContain(value);
    const legacy = report.providers[0]!.fields.find((f) => f.name === 'JEPA_MODEL_PATH')!;
    expect(legacy).toMatchObject({ present: true, source: 'env:JEPA_MODEL_PATH', required: false });
    expect(legacy.note).toContain('JEPA_MODEL_NAME');
  });

  it('--runtime fake makes a bridge provider ready with the default model; other providers are judged without calls', async () => {
    const report = await doctorReport(PROVIDER_NAMES, { env: {}, fakeRuntime: {}, bridge: LIMITS });
    const states = Object.fromEntries(report.providers.map((p) => [p.name, p.health.state]));
    expect(states).toEqual({
      mock: 'checkout_safe',
      cosmos: 'not_configured',
      runway: 'not_configured',
      leworldmodel: 'ready',
      lerobot: 'ready',
      jepa: 'ready',
      genie: 'no_capabilities',
    });
    expect(report.providers.find((p) => p.name === 'jepa')!.lifecycle.map((l) => l.status)).toEqual(['ready', 'ready', 'ready']);
    expect((await diagnose('runway', { env: { RUNWAYML_API_SECRET: 'x' } })).health.state).toBe('configured');
  });

  it('diagnoses jepa-wms on request though it is not in the catalog', async () => {
    const d = await diagnose('jepa-wms', { env: {}, fakeRuntime: {}, bridge: LIMITS });
    expect(d).toMatchObject({ in_catalog: false, health: { state: 'ready' } });
  });
});

describe.each(PROVIDER_NAMES.filter((n) => CATALOG[n]!.bridge))('%s reads only the env vars it declares', (name) => {
  it('a call with the runtime command and model from the env reads declared names only', async () => {
    const declared = operationsOf(name).env.map((v) => v.name);
    const read = new Set<string>();
    const required = declared.filter((n) => operationsOf(name).env.find((v) => v.name === n)!.role === 'required');
    const values: Record<string, string> = Object.fromEntries(required.map((n) => [n, n.includes('COMMAND') ? fakeCommand() : 'm']));
    const env = new Proxy(values, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return typeof key === 'string' ? target[key] : undefined;
      },
      ownKeys: (target) => Reflect.ownKeys(target),
    });
    const provider = createProvider(name, { env, bridge: LIMITS });
    expect((await diagnose(name, { env: { ...values }, bridge: LIMITS })).health.state).toBe('ready');
    provider.supports('score');
    const config = (provider as unknown as { config: () => unknown }).config();
    expect(config).toBeDefined();
    for (const variable of read) expect(declared, `${name} read ${variable}`).toContain(variable);
    expect([...read]).toEqual(expect.arrayContaining(required));
  });
});
