/** `deltasql test PATHS… [--complete] [--engine-name NAME] [--skip-list FILE]`: runs golden files. */
import { createSltEngine } from '../api/slt-engine.js';
import { formatFailure, formatSummary, loadSkipList, runGoldenFiles } from '../slt/index.js';

export interface TestCommandOptions {
  readonly complete?: boolean;
  readonly engineName: string;
  readonly skipList?: string;
}

/** Returns the exit code: 0 when nothing failed. */
export async function runTestCommand(paths: readonly string[], options: TestCommandOptions): Promise<number> {
  const skipList = options.skipList === undefined ? undefined : await loadSkipList(options.skipList);
  const summary = await runGoldenFiles(paths, {
    engineFactory: createSltEngine,
    engineName: options.engineName,
    ...(options.complete ? { complete: true } : {}),
    ...(skipList ? { skipList } : {}),
    onFailure: (failure) => process.stderr.write(`${formatFailure(failure)}\n`),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}
