/** Spatial scene artifacts: schema, JSON-native pre-pass, reference rules, validator, fixtures. */
export * from './codes.ts';
export * from './fixtures.ts';
export * from './json-native.ts';
export * from './references.ts';
export * from './schema.ts';
export * from './validate.ts';
