/** Change data feed reads (table_changes), SQL-free. */
export { readChanges, readChangesTable, changesSchema, CDF_COLUMNS, CHANGE_TYPE, type ReadChangesOptions } from './read-changes.js';
export { resolveChangeRange, type ChangeRange, type ChangeRangeOptions } from './change-range.js';
