import { describe, expect, it } from 'vitest';
import { BridgeClient, liveRuntimeCount } from '../../src/worldforge/bridge/client.ts';
import { BridgeError } from '../../src/worldforge/bridge/errors.ts';
import { fakeRuntimeLaunch, type FakeMisbehaviour } from '../../src/worldforge/bridge/fake.ts';

/** True when no process with this pid exists any more (exited and reaped). */
function gone(pid: number | undefined): boolean {
  if (pid === undefined) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

const FAST = { helloTimeoutMs: 3000, requestTimeoutMs: 800, shutdownGraceMs: 300 };
const SCORE = { model: 'fake', info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 1]], [[1, 1]]] };

describe('bridge client against the fake runtime', () => {
  it('reads the hello, answers requests by id and shuts the runtime down', async () => {
    const client = await BridgeClient.start({ launch: fakeRuntimeLaunch({ model: 'fake' }), ...FAST });
    expect(client.hello).toMatchObject({
      protocol: 'worldforge-bridge',
      protocol_version: 1,
      model: { name: 'fake', loaded: true },
      device: 'cpu',
    });
    const [a, b] = await Promise.all([client.request('score', SCORE), client.request('health', {})]);
    expect(a.scores).toEqual([1, 0]);
    expect(b).toMatchObject({ ready: true, model: 'fake' });
    const pid = client.pid;
    await client.close();
    expect(gone(pid)).toBe(true);
  });

  it('runs through a shell command line too', async () => {
    const argv = (fakeRuntimeLaunch({ model: 'fake' }) as { argv: string[] }).argv;
    const client = await BridgeClient.start({ launch: { command: argv.map((a) => `'${a}'`).join(' ') }, ...FAST });
    expect((await client.request('health', {})).ready).toBe(true);
    const pid = client.pid;
    await client.close();
    expect(gone(pid)).toBe(true);
  });

  const failures: [FakeMisbehaviour, string, string][] = [
    ['timeout', 'timeout', 'runtime_timeout'],
    ['crash', 'crashed', 'runtime_crashed'],
    ['oversized-output', 'oversized_message', 'runtime_output_too_large'],
    ['garbage-line', 'malformed_message', 'malformed_response'],
    ['runtime-error', 'runtime_error', 'provider_error'],
    ['missing-model', 'model_not_loaded', 'model_unavailable'],
  ];
  for (const [misbehave, failure, code] of failures) {
    it(`${misbehave}: the request fails with ${failure} (${code}) in bounded time and no process is left`, async () => {
      const client = await BridgeClient.start({ launch: fakeRuntimeLaunch({ model: 'fake', misbehave }), ...FAST });
      const pid = client.pid;
      const started = Date.now();
      const error = await client.request('score', SCORE).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BridgeError);
      expect(error).toMatchObject({ failure, code });
      await client.close();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(gone(pid)).toBe(true);
    });
  }

  const startFailures: [FakeMisbehaviour, string, string][] = [
    ['hello-timeout', 'timeout', 'runtime_timeout'],
    ['exit-early', 'runtime_unreachable', 'runtime_unavailable'],
    ['wrong-protocol', 'runtime_unreachable', 'runtime_unavailable'],
  ];
  for (const [misbehave, failure, code] of startFailures) {
    it(`${misbehave}: start fails with ${failure} (${code}) and no process is left`, async () => {
      const error = await BridgeClient.start({
        launch: fakeRuntimeLaunch({ model: 'fake', misbehave }),
        ...FAST,
        helloTimeoutMs: 800,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ failure, code });
      expect(liveRuntimeCount()).toBe(0);
    });
  }

  it('a command that does not exist is runtime_unavailable', async () => {
    const error = await BridgeClient.start({ launch: { argv: ['/nonexistent/worldforge-runtime'] }, ...FAST }).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'runtime_unreachable', code: 'runtime_unavailable' });
    const shell = await BridgeClient.start({ launch: { command: 'exec worldforge-no-such-runtime-command' }, ...FAST }).catch(
      (e: unknown) => e,
    );
    expect(shell).toMatchObject({ failure: 'runtime_unreachable', code: 'runtime_unavailable' });
    expect(liveRuntimeCount()).toBe(0);
  });
});
