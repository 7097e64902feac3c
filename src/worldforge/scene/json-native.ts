/**
 * The JSON-native pre-pass. An artifact built in code can hold values that a schema check on the
 * object would miss or misreport — NaN, a Float32Array from a tensor, a Date — and that would be
 * lost or changed by JSON serialization. What validates must be exactly what serializes, so these
 * are rejected before the schema runs, each with its own code.
 */
import type { SceneIssue } from './codes.ts';

const isIndexKeyed = (keys: readonly string[]) =>
  keys.length > 0 && keys.filter((k) => k !== 'length').every((k, i) => k === String(i)) && keys.some((k) => k !== 'length');

/** Every value under `value` that JSON cannot represent faithfully, in document order. */
export function jsonNativeIssues(value: unknown, path: (string | number)[] = [], seen = new Set<object>()): SceneIssue[] {
  const at = path.length ? path.join('.') : '(root)';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return [];
    case 'number':
      return Number.isFinite(value) ? [] : [{ path: at, code: 'non_finite_number', message: `${value} is not a finite number` }];
    case 'object':
      break;
    default:
      return [{ path: at, code: 'not_json', message: `a ${typeof value} is not JSON` }];
  }
  if (value === null) return [];
  if (seen.has(value)) return [{ path: at, code: 'not_json', message: 'a cycle: the value contains itself' }];
  if (ArrayBuffer.isView(value)) {
    return [{ path: at, code: 'tuple_shaped_value', message: `a ${value.constructor.name} (tensor-like); use a plain array of numbers` }];
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype)
      return [{ path: at, code: 'object_instance', message: 'an Array subclass instance; use a plain array' }];
    seen.add(value);
    const issues = value.flatMap((item, i) => jsonNativeIssues(item, [...path, i], seen));
    seen.delete(value);
    return issues;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as object).constructor?.name ?? 'object';
    return [{ path: at, code: 'object_instance', message: `a ${name} instance; use plain JSON (a string, number, array or object)` }];
  }
  const keys = Object.keys(value);
  if (isIndexKeyed(keys)) {
    return [
      {
        path: at,
        code: 'tuple_shaped_value',
        message: `an object keyed ${keys
          .slice(0, 3)
          .map((k) => `"${k}"`)
          .join(', ')}…; use a plain array`,
      },
    ];
  }
  seen.add(value);
  const issues = keys.flatMap((key) => jsonNativeIssues((value as Record<string, unknown>)[key], [...path, key], seen));
  seen.delete(value);
  return issues;
}
