/** The golden-file runner's public surface (used by `deltasql test` and `npm test`). */
export type { GoldenDialect, SltEngine, SltEngineContext, SltEngineFactory, SltOutcome } from './engine.js';
export type { FailureKind, FileReport, GoldenFailure, StaleSkip } from './golden-report.js';
export { collectGoldenFiles, formatFailure, formatSummary, runGoldenFiles, type GoldenSummary, type RunGoldenOptions } from './run-golden-files.js';
export { loadSkipList, parseSkipList, type SkipEntry, type SkipList } from './skip-list.js';
export { parseSlt } from './slt-parser.js';
export type { SltFile, SltRecord } from './slt-record.js';
export { parseSparkGolden, parseSparkInput, serializeSparkGolden } from './spark-golden.js';
export { SPARK_TIME_ZONE, sparkConfigFor } from './spark-runner.js';
