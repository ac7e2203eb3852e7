/**
 * Runs one Spark golden pair (`inputs/x.sql`, `results/x.sql.out`): every query of the input
 * against a fresh engine, comparing the schema line, the output (sorted unless the query keeps
 * its order) and expected errors. With `complete`, rewrites the .out from the engine.
 */
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { tableCells } from './arrow-cells.js';
import type { SltEngine, SltEngineFactory, SltOutcome } from './engine.js';
import { errorText } from './expected-error.js';
import { isDeltaSqlError } from '../common/errors.js';
import { emptyReport, type FailureKind, type FileReport, type KnownFailure } from './golden-report.js';
import { sparkErrorMismatch, sparkErrorOutput, sparkExpectedError } from './spark-errors.js';
import { parseSparkGolden, parseSparkInput, serializeSparkGolden, type SparkBlock } from './spark-golden.js';
import { keepsOutputOrder } from './spark-order.js';
import { sparkFieldTypeText, sparkSchemaText, sparkValueText } from './spark-value-format.js';
import { readTextFile, writeTextFile } from './text-file.js';

export interface SparkRunOptions {
  readonly complete: boolean;
  /** Compare the error class with our error code where a mapping exists (else: any user error). */
  readonly checkErrorClass: boolean;
  /** `exact`: the whole schema line; `types`: column count and types, not names; `ignore`. */
  readonly schema: 'exact' | 'types' | 'ignore';
  readonly knownFailure?: KnownFailure;
}

export const SPARK_TIME_ZONE = 'America/Los_Angeles';

/** The session settings a Spark golden file assumes (SQLQueryTestSuite's per-folder defaults, then --SET). */
export function sparkConfigFor(inputPath: string, fileConfig: Readonly<Record<string, string>>): Record<string, string> {
  const parts = inputPath.split(/[\\/]/);
  const config: Record<string, string> = {
    'spark.sql.ansi.enabled': parts.includes('nonansi') ? 'false' : 'true',
    'spark.sql.session.timeZone': SPARK_TIME_ZONE,
  };
  if (parts.includes('timestampNTZ')) config['spark.sql.timestampType'] = 'TIMESTAMP_NTZ';
  return { ...config, ...fileConfig };
}

/** The results/ twin of an inputs/ path: `.../inputs/a/x.sql` → `.../results/a/x.sql.out`. */
export function sparkResultPath(inputPath: string): string {
  const parts = inputPath.split(sep);
  const at = parts.lastIndexOf('inputs');
  if (at >= 0) parts[at] = 'results';
  return `${parts.join(sep)}.out`;
}

async function loadQueries(inputPath: string, seen: ReadonlySet<string>): Promise<{ queries: string[]; config: Record<string, string> }> {
  const input = parseSparkInput((await readTextFile(inputPath)).text);
  const queries: string[] = [];
  for (const name of input.imports) {
    // SQLQueryTestSuite names an imported file by its path under inputs/.
    const parts = inputPath.split(sep);
    const root = parts.lastIndexOf('inputs');
    const underRoot = root >= 0 ? join(parts.slice(0, root + 1).join(sep), name) : undefined;
    const target = underRoot !== undefined && existsSync(underRoot) ? underRoot : join(dirname(inputPath), name);
    if (seen.has(target)) continue;
    queries.push(...(await loadQueries(target, new Set([...seen, target]))).queries);
  }
  return { queries: [...queries, ...input.queries], config: { ...input.config } };
}

interface Actual {
  readonly schema: string;
  /** Each column's Spark type name, for the names-insensitive schema check. */
  readonly types: readonly string[];
  readonly output: string;
}

function render(outcome: SltOutcome, sql: string, zone: string): Actual {
  if (outcome.kind === 'ok' || outcome.table.schema.fields.length === 0) return { schema: 'struct<>', types: [], output: '' };
  const rows = tableCells(outcome.table).rows.map((r) => r.map((c) => sparkValueText(c, zone)).join('\t'));
  if (!keepsOutputOrder(sql)) rows.sort();
  const schema = sparkSchemaText(outcome.table.schema);
  return { schema, types: outcome.table.schema.fields.map((f) => sparkFieldTypeText(f)), output: rows.join('\n') };
}

function normalizeOutput(text: string): string {
  return text.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();
}

function schemaMatches(expected: string, actual: Actual, mode: SparkRunOptions['schema']): boolean {
  if (mode === 'ignore' || expected === actual.schema) return true;
  if (mode === 'exact') return false;
  if (actual.types.length === 0) return expected === 'struct<>';
  // Names may contain ':' and ',', so match the expected line against our types with any names.
  const escaped = actual.types.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^struct<${escaped.map((t) => `[\\s\\S]*:${t}`).join(',')}>$`).test(expected);
}

/** Runs one Spark golden pair; `resultPath` defaults to the results/ twin of `inputPath`. */
export async function runSparkGolden(
  inputPath: string,
  engineFactory: SltEngineFactory,
  options: SparkRunOptions,
  resultPath = sparkResultPath(inputPath),
): Promise<FileReport> {
  const report = emptyReport(resultPath);
  const { queries, config: fileConfig } = await loadQueries(inputPath, new Set([inputPath]));
  const haveGolden = existsSync(resultPath);
  const golden = haveGolden ? parseSparkGolden((await readTextFile(resultPath)).text) : { header: [], blocks: [] };
  const config = sparkConfigFor(inputPath, fileConfig);
  const zone = config['spark.sql.session.timeZone'] ?? SPARK_TIME_ZONE;
  if (!haveGolden && !options.complete) {
    report.failed++;
    report.failures.push({ kind: 'file', file: resultPath, line: 0, sql: '', expected: `${queries.length} queries`, actual: 'no file', message: 'no golden file (run with --complete)' });
    return report;
  }
  // Pair queries with blocks by text, so one added or removed query does not shift the rest.
  const unused = new Set(golden.blocks);
  const blockFor = (i: number, sql: string): SparkBlock | undefined => {
    const at = golden.blocks[i];
    const found = at && at.sql === sql && unused.has(at) ? at : [...unused].find((b) => b.sql === sql);
    if (found) unused.delete(found);
    return found;
  };
  const engine = await engineFactory({ file: inputPath, dialect: 'spark', config });
  const blocks: SparkBlock[] = [];
  try {
    for (const [i, sql] of queries.entries()) {
      const block = blockFor(i, sql);
      const result = await runOne(engine, sql, zone);
      const mismatch = block ? judge(block, result, options) : { kind: 'file' as const, message: 'no golden result for this query', expected: '', actual: '' };
      blocks.push(mismatch === undefined && block ? block : completedBlock(sql, block, result));
      const line = block?.line ?? 0;
      const known = options.knownFailure?.(resultPath, line) ?? options.knownFailure?.(inputPath, line);
      if (mismatch === undefined) {
        report.passed++;
        if (known && !known.wholeFile) report.staleSkips.push({ file: resultPath, line, reason: known.reason });
      } else if (options.complete && (!block || !('error' in result) || sparkExpectedError(block.schema, block.output) === undefined)) {
        report.passed++;
        report.rewritten++;
      } else if (known) {
        report.skipped++;
        report.knownFailures++;
      } else {
        report.failed++;
        report.failures.push({ file: resultPath, line, sql, ...mismatch });
      }
    }
    if (unused.size > 0 && !options.complete) {
      report.failed++;
      const lines = [...unused].map((b) => b.line).join(', ');
      report.failures.push({ kind: 'file', file: resultPath, line: [...unused][0]?.line ?? 0, sql: '', expected: '', actual: '', message: `result blocks without a query in the input (lines ${lines})` });
    }
  } finally {
    await engine.close?.();
  }
  if (options.complete) {
    const text = serializeSparkGolden({ header: golden.header, blocks });
    if (!haveGolden || text !== serializeSparkGolden(golden)) await writeTextFile(resultPath, text, 'utf8');
  }
  return report;
}

type Result = Actual | { readonly error: unknown };

async function runOne(engine: SltEngine, sql: string, zone: string): Promise<Result> {
  try {
    return render(await engine.execute(sql), sql, zone);
  } catch (error) {
    return { error };
  }
}

function judge(block: SparkBlock, result: Result, options: SparkRunOptions): { kind: FailureKind; expected: string; actual: string; message: string } | undefined {
  const expectedError = sparkExpectedError(block.schema, block.output);
  if ('error' in result) {
    if (!expectedError) return { kind: 'error', message: 'query failed', expected: `${block.schema}\n${block.output}`, actual: errorText(result.error) };
    const why = sparkErrorMismatch(result.error, expectedError, options.checkErrorClass);
    const kind: FailureKind = isDeltaSqlError(result.error) && result.error.code !== 'INTERNAL' ? 'result' : 'error';
    return why === undefined ? undefined : { kind, message: why, expected: expectedError.errorClass ?? expectedError.exceptionClass, actual: errorText(result.error) };
  }
  if (expectedError) {
    return { kind: 'result', message: 'query succeeded but an error was expected', expected: expectedError.errorClass ?? expectedError.exceptionClass, actual: `${result.schema}\n${result.output}` };
  }
  if (!schemaMatches(block.schema, result, options.schema)) return { kind: 'result', message: 'wrong schema', expected: block.schema, actual: result.schema };
  if (normalizeOutput(block.output) !== normalizeOutput(result.output)) return { kind: 'result', message: 'wrong result', expected: block.output, actual: result.output };
  return undefined;
}

/** The block --complete writes: ours, except an expected Spark error we also raised keeps Spark's text. */
function completedBlock(sql: string, block: SparkBlock | undefined, result: Result): SparkBlock {
  const line = block?.line ?? 0;
  if ('error' in result) {
    if (block && sparkExpectedError(block.schema, block.output)) return { ...block, sql };
    return { line, sql, schema: 'struct<>', output: sparkErrorOutput(result.error) };
  }
  return { line, sql, schema: result.schema, output: result.output };
}
