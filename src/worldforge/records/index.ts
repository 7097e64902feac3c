/** Selection and design records: schemas, rubric data and the loader shared by CLI, check and site. */
export * from './common.ts';
export * from './design.ts';
export * from './frontmatter.ts';
export * from './links.ts';
export * from './load.ts';
export * from './problems.ts';
export * from './rubric.ts';
export * from './selection.ts';
