/**
 * The whole shared corpus through the runner with an engine that supports nothing: every file
 * must be walked and every record accounted for (error-expecting records pass, the rest fail).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeltaSqlError } from '../../src/common/errors.js';
import type { SltEngineContext } from '../../src/slt/engine.js';
import { collectGoldenFiles, runGoldenFiles } from '../../src/slt/run-golden-files.js';
import { isSkippedFor, parseSlt } from '../../src/slt/slt-parser.js';
import { parseSparkGolden } from '../../src/slt/spark-golden.js';
import { sparkExpectedError } from '../../src/slt/spark-errors.js';
import { sparkResultPath } from '../../src/slt/spark-runner.js';
import { decodeText } from '../../src/slt/text-file.js';

const CORPUS = '/work/shared/sql-corpus';

describe('the shared corpus with an engine that supports nothing', () => {
  it('accounts for every record of every file', async () => {
    const files = await collectGoldenFiles([CORPUS]);
    expect(files.filter((f) => f.kind === 'slt')).toHaveLength(20);
    expect(files.filter((f) => f.kind === 'spark')).toHaveLength(10);

    // Expected totals, computed from the parsers independently of the runner.
    let passes = 0;
    let runs = 0;
    let skips = 0;
    for (const f of files) {
      if (f.kind === 'spark') {
        const blocks = parseSparkGolden(readFileSync(sparkResultPath(f.path), 'utf8')).blocks;
        runs += blocks.length;
        passes += blocks.filter((b) => sparkExpectedError(b.schema, b.output)).length;
        continue;
      }
      const file = parseSlt(decodeText(readFileSync(f.path)).text, f.path);
      for (const r of file.records) {
        if (r.kind === 'halt' && !isSkippedFor(r.conditions, 'deltasql')) break;
        if (r.kind !== 'statement' && r.kind !== 'query') continue;
        if (isSkippedFor(r.conditions, 'deltasql') || (r.kind === 'query' && /^\s*explain/i.test(r.sql) && /^(logical|physical)_plan/.test(r.expected[0] ?? ''))) {
          skips++;
          continue;
        }
        runs++;
        if ((r.kind === 'statement' && r.expect.kind === 'error') || (r.kind === 'query' && r.error)) passes++;
      }
    }

    const contexts: SltEngineContext[] = [];
    const summary = await runGoldenFiles([CORPUS], {
      engineFactory: (context) => {
        contexts.push(context);
        return Promise.resolve({ execute: () => Promise.reject(new DeltaSqlError('UNSUPPORTED', 'nothing is supported')) });
      },
      checkErrorMessages: false,
      checkSparkErrorClass: false,
    });
    expect(summary.files).toHaveLength(30);
    expect(summary.skipped).toBe(skips);
    expect(summary.passed).toBe(passes);
    expect(summary.passed + summary.failed).toBe(runs);
    expect(runs).toBeGreaterThan(2500);
    expect(new Set(contexts.map((c) => c.dialect))).toEqual(new Set(['sqlite', 'datafusion', 'spark']));
  });
});
