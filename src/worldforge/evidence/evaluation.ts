/**
 * Compatibility path: the evaluation document schema moved to src/worldforge/kinds/evaluation/schema.ts
 * (src/worldforge/evaluation/run.ts still imports its types from here). Remove once it imports
 * from the kind folder or from src/worldforge/evidence/index.ts.
 */
export * from '../kinds/evaluation/schema.ts';
