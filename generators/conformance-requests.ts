/**
 * Compatibility path: the conformance requests moved to src/worldforge/kinds/conformance/requests.ts.
 * Remove once tests import them from there.
 */
export * from '../src/worldforge/kinds/conformance/requests.ts';
