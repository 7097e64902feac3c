import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fakeRuntimeLaunch } from '../../src/worldforge/bridge/fake.ts';
import { REPO } from '../helpers/repo-copy.ts';

/** Talks to the fake runtime raw (no client), returning every line it wrote. */
async function transcript(requests: object[]): Promise<unknown[]> {
  const [file, ...args] = (fakeRuntimeLaunch({ model: 'm' }) as { argv: string[] }).argv;
  const child = spawn(file!, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  for (const r of requests) child.stdin.write(`${JSON.stringify(r)}\n`);
  child.stdin.end(`${JSON.stringify({ type: 'shutdown' })}\n`);
  await new Promise((done) => child.once('close', done));
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('the exported runtime-bridge JSON Schema', () => {
  it('validates what the fake runtime writes, and what the client sends', async () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'evidence/schemas/runtime-bridge.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(schema, 'bridge');
    const fromRuntime = ajv.getSchema('bridge#/properties/runtime_to_client')!;
    const fromClient = ajv.getSchema('bridge#/properties/client_to_runtime')!;
    const requests = [
      { type: 'request', id: 'r1', method: 'health', params: {} },
      {
        type: 'request',
        id: 'r2',
        method: 'score',
        params: { model: 'm', info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 1]]] },
      },
      { type: 'request', id: 'r3', method: 'policy', params: { model: 'm', info: { observation: {} }, action_horizon: 2 } },
    ];
    for (const r of [...requests, { type: 'shutdown' }]) expect(fromClient(r), JSON.stringify(fromClient.errors)).toBe(true);
    const lines = await transcript(requests);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(fromRuntime(line), JSON.stringify(fromRuntime.errors)).toBe(true);
    expect(fromRuntime({ type: 'response', id: 'r1', result: {}, error: { type: 'x', message: 'y' } })).toBe(false);
  });
});
