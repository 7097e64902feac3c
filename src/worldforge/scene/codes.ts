/**
 * Error codes of the scene artifact validator. Fixtures expect them and evidence records them, so
 * they are part of the contract: add codes, never rename them.
 */
export const SCENE_ERROR_CODES = {
  non_finite_number: 'A number is NaN or ±Infinity, which JSON cannot carry.',
  tuple_shaped_value: 'An array-like value that is not a plain array: a typed array (a tensor) or an object keyed "0", "1", ….',
  object_instance: 'An object that is not a plain JSON object: a Date, Map, Set, Buffer or class instance.',
  not_json: 'A value JSON cannot carry at all (undefined, a function, a bigint, a symbol, a cycle).',
  unknown_unit: 'The units field is not meter, centimeter, millimeter or unitless.',
  invalid_coordinate_frame: 'The coordinate frame is missing an axis, uses the same axis for up and forward, or has no handedness.',
  malformed_transform:
    'A transform or bounding box has the wrong number of components, a non-unit rotation quaternion, a non-positive scale, or min > max.',
  unsafe_uri:
    'A reference that is not a relative path or a plain https URL: http, file, data, userinfo, query or fragment (signed URLs), loopback or private hosts, path traversal.',
  host_local_path: 'An absolute host path (/Users/…, /home/…, /tmp/…, ~/…, C:\\…, file://) on an entry not marked local_only.',
  oversized_metadata: 'A metadata object serializes to more than 2048 bytes.',
  unsafe_metadata: 'Metadata carries a credential-looking key (api_key, token, secret, password, authorization, signature, credential).',
  duplicate_id: 'Two objects, or two assets and media entries, share an id.',
  unknown_asset_ref: 'An object cites an asset id the artifact does not list.',
  schema_violation: 'Any other field that breaks the artifact schema (a missing field, an unknown field, a wrong type).',
} as const;
export type SceneErrorCode = keyof typeof SCENE_ERROR_CODES;
export const SCENE_ERROR_CODE_LIST = Object.keys(SCENE_ERROR_CODES) as [SceneErrorCode, ...SceneErrorCode[]];

/** One validation problem, addressed by dotted path. */
export interface SceneIssue {
  path: string;
  code: SceneErrorCode;
  message: string;
}
