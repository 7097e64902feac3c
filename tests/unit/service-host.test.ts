import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/repo-copy.ts';
import { withoutProviderEnv } from '../helpers/provider-env.ts';

let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Resolves with the first stdout JSON line matching `msg`, collecting every line into `lines`. */
function waitForLog(proc: ChildProcess, msg: string, lines: Record<string, unknown>[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no '${msg}' log line; saw ${JSON.stringify(lines)}`)), 30_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const record = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        lines.push(record);
        if (record.msg === msg) {
          clearTimeout(timer);
          resolve(record);
        }
      }
    });
  });
}

describe('service host recipe', () => {
  it('starts on 127.0.0.1:0, becomes ready, serves score and generate, logs JSON, and stops on SIGTERM', async () => {
    const lines: Record<string, unknown>[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'host-recipes/service-host/server.ts')], {
      cwd: REPO,
      env: { ...withoutProviderEnv(process.env), PORT: '0', HOST: '127.0.0.1', WORLDFORGE_SCORE_RUNTIME: 'fake' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const listening = await waitForLog(child, 'listening', lines);
    const origin = String(listening.origin);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);

    let ready = await fetch(`${origin}/readyz`);
    for (let i = 0; i < 100 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(`${origin}/readyz`);
    }
    expect(ready.status).toBe(200);

    const post = (path: string, body: unknown) =>
      fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const generated = await post('/generate', { prompt: 'a red cube', duration_seconds: 1 });
    expect(generated.status).toBe(200);
    expect(await generated.json()).toMatchObject({ content_type: expect.any(String), frame_count: expect.any(Number) });
    const scored = await post('/score', { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 0]], [[1, 1]]] });
    expect(scored.status).toBe(200);
    expect(await scored.json()).toMatchObject({ provider: 'jepa', best_index: 1 });
    const invalid = await post('/score', {});
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: 'invalid_input' });
    expect((await fetch(`${origin}/nope`)).status).toBe(404);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const requests = lines.filter((l) => l.msg === 'request').map((l) => `${l.route} ${l.status}`);
    expect(requests).toEqual(expect.arrayContaining(['POST /generate 200', 'POST /score 200', 'POST /score 400']));
    // Provider events are logged with bounded labels only.
    const event = lines.find((l) => l.msg === 'provider_event')!;
    expect(
      Object.keys(event)
        .filter((k) => !['level', 'msg'].includes(k))
        .every((k) => k.startsWith('worldforge.')),
    ).toBe(true);
  }, 60_000);
});
