/** `deltasql test PATHS… [--complete] [--engine-name NAME] [--skip-list FILE]`: runs golden files. */
import { existsSync } from 'node:fs';
import { createSltEngine } from '../api/slt-engine.js';
import { formatFailure, formatSummary, loadSkipList, runGoldenFiles } from '../slt/index.js';
import { updateSkipList } from './skip-list-update.js';

export interface TestCommandOptions {
  readonly complete?: boolean;
  readonly engineName: string;
  readonly skipList?: string;
  /** Rewrite this skip list: drop entries that pass now, add the current failures with their causes. */
  readonly updateSkipList?: string;
  /** Any user error satisfies an expected error (for other engines' golden files and their message texts). */
  readonly anyError?: boolean;
}

/** Returns the exit code: 0 when nothing failed. */
export async function runTestCommand(paths: readonly string[], options: TestCommandOptions): Promise<number> {
  const listPath = options.skipList ?? options.updateSkipList;
  const skipList = listPath === undefined || !existsSync(listPath) ? undefined : await loadSkipList(listPath);
  const summary = await runGoldenFiles(paths, {
    engineFactory: createSltEngine,
    engineName: options.engineName,
    ...(options.complete ? { complete: true } : {}),
    ...(options.anyError ? { checkErrorMessages: false } : {}),
    ...(skipList ? { skipList } : {}),
    onFailure: (failure) => process.stderr.write(`${formatFailure(failure)}\n`),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
  if (options.updateSkipList !== undefined) {
    const { added, removed } = await updateSkipList(options.updateSkipList, summary);
    process.stdout.write(`skip list ${options.updateSkipList}: ${added} added, ${removed} removed\n`);
    return 0;
  }
  return summary.failed > 0 ? 1 : 0;
}
