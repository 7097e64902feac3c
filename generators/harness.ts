/**
 * Compatibility path: the replay harness moved to src/worldforge/evidence/suite/replay.ts, next to
 * the suites that use it. Remove once tests import it from there.
 */
export * from '../src/worldforge/evidence/suite/replay.ts';
