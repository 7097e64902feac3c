/**
 * One valid and one invalid request per capability, used by the conformance suite. Kept small and
 * readable; the fixture corpus (fixtures/capabilities) covers the wider range of inputs.
 */
import type { Capability } from '../src/worldforge/capabilities/index.ts';

export const CONFORMANCE_REQUEST_SOURCE = 'generators/conformance-requests.ts';

const scene = {
  objects: [
    { id: 'cube', position: { x: 0, y: 0, z: 0 } },
    { id: 'ball', position: { x: 1, y: 0, z: 0 } },
  ],
};
const clip = {
  frames: [new Uint8Array([1, 2, 3, 4]), new Uint8Array([5, 6, 7, 8])],
  fps: 8,
  resolution: { width: 320, height: 180 },
  duration_seconds: 1,
};

export const conformanceRequests: Record<Capability, { valid: unknown; invalid: unknown; invalidReason: string }> = {
  predict: {
    valid: { world_state: scene, action: { kind: 'move_to', parameters: { target: { x: 0.5, y: 0.2, z: 0 } } }, steps: 2 },
    invalid: { world_state: scene, action: { kind: 'move_to' }, steps: 0 },
    invalidReason: 'steps must be a positive integer',
  },
  generate: {
    valid: { prompt: 'a red cube slides across a table', duration_seconds: 2 },
    invalid: { prompt: '   ', duration_seconds: 2 },
    invalidReason: 'prompt must not be blank',
  },
  transfer: {
    valid: { clip, width: 640, height: 360, fps: 12, prompt: 'same motion, evening light' },
    invalid: { clip: { ...clip, fps: 0 }, width: 640, height: 360, fps: 12 },
    invalidReason: 'clip fps must be > 0',
  },
  reason: {
    valid: { query: 'How many objects are in the scene?', world_state: scene },
    invalid: { query: '' },
    invalidReason: 'query must not be empty',
  },
  embed: {
    valid: { text: 'cube next to ball' },
    invalid: { text: '\t \n' },
    invalidReason: 'text must not be whitespace only',
  },
  score: {
    valid: { info: { observation: [0, 0], goal: [1, 1] }, action_candidates: [[[0, 1]], [[1, 0]]] },
    invalid: { info: { observation: [0, 0] }, action_candidates: [[[0, 1]], [[1]]] },
    invalidReason: 'candidates must be rectangular',
  },
  policy: {
    valid: { info: { observation: { joint_positions: [0, 0.1] } }, action_horizon: 4 },
    invalid: { info: { task: 'reach' } },
    invalidReason: 'info must contain an observation object',
  },
};
