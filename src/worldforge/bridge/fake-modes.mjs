// The ways the fake runtime (fake-runtime.mjs) can be told to misbehave, one list for the script
// and for the TypeScript that launches it (fake.ts). Plain JavaScript: the script runs without a
// TypeScript loader.
export const FAKE_MISBEHAVIOURS = /** @type {const} */ ([
  'ragged-tensor',
  'low-rank-tensor',
  'wrong-candidate-count',
  'nan-scores',
  'timeout',
  'hello-timeout',
  'crash',
  'oversized-output',
  'garbage-line',
  'missing-model',
  'exit-early',
  'wrong-protocol',
  'runtime-error',
]);
