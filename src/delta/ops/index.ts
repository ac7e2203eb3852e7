/** SQL-free Delta maintenance operations (DESCRIBE HISTORY / DETAIL, RESTORE, VACUUM, OPTIMIZE). */
export { history, historyRows, HISTORY_SCHEMA, type HistoryOptions, type HistoryRow } from './history.js';
export { describeDetail, describeDetailRow, detailOf, DETAIL_SCHEMA, type DetailRow } from './describe-detail.js';
export { restore, type RestoreOptions, type RestoreResult, type RestoreMetrics } from './restore.js';
export { vacuum, type VacuumOptions, type VacuumResult } from './vacuum.js';
export { optimize, DEFAULT_OPTIMIZE_FILE_SIZE, type OptimizeOptions, type OptimizeResult, type OptimizeMetrics, type ZOrderStats } from './optimize.js';
export { zOrderPermutation, bitsPerColumn } from './zorder.js';
