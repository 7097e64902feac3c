/** Small helpers shared by the evaluation suites. */
import type { WorldState } from '../../capabilities/common.ts';

export const SCENE: WorldState = {
  objects: [
    { id: 'cube', position: { x: 0, y: 0, z: 0 }, attributes: { mass_kg: 1 } },
    { id: 'ball', position: { x: 1, y: 0, z: 0 }, attributes: { mass_kg: 0.2 } },
  ],
  step: 0,
};

type Point = { x: number; y: number; z: number };
export const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
export const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export function positionOf(state: WorldState, id: string): Point {
  const object = state.objects.find((o) => o.id === id);
  if (!object) throw new Error(`object '${id}' missing from the predicted state`);
  return object.position;
}
