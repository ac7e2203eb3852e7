/** The deltasql AST: readonly, `kind`-tagged nodes, each with its source span. */
export type * from './node.js';
export type * from './literals.js';
export type * from './types.js';
export type * from './expressions.js';
export type * from './queries.js';
export type * from './statements.js';
export type * from './alter-table.js';
export type * from './delta-statements.js';
