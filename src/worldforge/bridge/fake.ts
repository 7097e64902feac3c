/**
 * How to launch the deterministic fake runtime (`fake-runtime.mjs`) with this process's Node, so
 * tests, suites and `--runtime fake` reach bridge providers through a real subprocess.
 */
import { FAKE_MISBEHAVIOURS } from './fake-modes.mjs';
import { fileURLToPath } from 'node:url';
import type { RuntimeLaunch } from './client.ts';

/** Ways the fake runtime can misbehave (its `--misbehave` switch). */
export { FAKE_MISBEHAVIOURS };
export type FakeMisbehaviour = (typeof FAKE_MISBEHAVIOURS)[number];

/** Repository path of the fake runtime script (an input of evidence produced through it). */
export const FAKE_RUNTIME_SOURCE = 'src/worldforge/bridge/fake-runtime.mjs';

const SCRIPT = fileURLToPath(new URL('./fake-runtime.mjs', import.meta.url));

/** The argv that starts the fake runtime, optionally misbehaving. */
export function fakeRuntimeLaunch(options: { misbehave?: FakeMisbehaviour; model?: string } = {}): RuntimeLaunch {
  return {
    argv: [
      process.execPath,
      SCRIPT,
      ...(options.model ? ['--model', options.model] : []),
      ...(options.misbehave ? ['--misbehave', options.misbehave] : []),
    ],
  };
}
