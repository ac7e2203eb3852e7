/**
 * Runs every golden file through the real engine: our own sql-tests/ and the shared external
 * corpus (../shared/sql-corpus). Records we knowingly fail are listed, each with its reason, in
 * sql-tests/skip-list.txt; an entry whose record now passes fails this test, so the list only shrinks.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSltEngine } from '../../src/api/slt-engine.js';
import { collectGoldenFiles, formatFailure, loadSkipList, runGoldenFiles, type SkipList } from '../../src/slt/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ownTests = join(root, 'sql-tests');
const sharedCorpus = resolve(root, '../shared/sql-corpus');
const skipListPath = join(ownTests, 'skip-list.txt');

const skipList: SkipList | undefined = existsSync(skipListPath) ? await loadSkipList(skipListPath) : undefined;

async function filesUnder(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await collectGoldenFiles([dir])).map((f) => f.path) : [];
}

const suites = [
  { name: 'sql-tests', files: await filesUnder(ownTests), external: false },
  { name: 'shared sql-corpus', files: await filesUnder(sharedCorpus), external: true },
];

for (const suite of suites) {
  describe(suite.name, () => {
    it('has golden files', () => {
      expect(suite.files.length).toBeGreaterThan(0);
    });
    for (const file of suite.files) {
      it(relative(root, file), async () => {
        const summary = await runGoldenFiles([file], {
          engineFactory: createSltEngine,
          ...(skipList ? { skipList } : {}),
          // DataFusion's and Spark's expected error texts are theirs; for external files any user error passes.
          checkErrorMessages: !suite.external,
        });
        const report = summary.failures.map(formatFailure).join('\n');
        expect(report).toBe('');
        expect(summary.staleSkips.map((s) => `${s.file}:${s.line} now passes (${s.reason}): remove it from the skip list`)).toEqual([]);
      });
    }
  });
}
