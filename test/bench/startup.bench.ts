/**
 * CLI startup: `node dist/src/cli/main.js -c "SELECT 1"` run 10 times as a subprocess.
 * Prints median wall ms and median user-CPU ms (target: under 300 ms). User CPU is the
 * steadier figure on a shared machine; it is read from the children's CPU counters in
 * /proc/self/stat (Linux), which grow by each child's time once it has been waited for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 10;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/src/cli/main.js');

/** Clock ticks per second for /proc times (usually 100). */
function clockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** User CPU ms of waited-for children so far, or undefined where /proc is absent. */
function childUserMs(ticks: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised command name; cutime is field 16 overall (index 13 here).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cutime = Number(fields[13]);
  return Number.isFinite(cutime) ? (cutime * 1000) / ticks : undefined;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export default async function startupBench(): Promise<void> {
  if (!existsSync(cli)) {
    console.log(`startup: skipped, ${cli} is missing: build first with \`npx tsc -p tsconfig.json\``);
    return;
  }
  const ticks = clockTicks();
  const walls: number[] = [];
  const users: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = childUserMs(ticks);
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [cli, '-c', 'SELECT 1'], { encoding: 'utf8' });
    const wall = performance.now() - t0;
    const after = childUserMs(ticks);
    if (run.status !== 0) throw new Error(`startup: deltasql -c "SELECT 1" exited with ${String(run.status)}: ${run.stderr}`);
    walls.push(wall);
    if (before !== undefined && after !== undefined) users.push(after - before);
  }
  const user = users.length === RUNS ? `${median(users).toFixed(0)} ms` : 'n/a (no /proc)';
  console.log(`deltasql -c "SELECT 1" x${RUNS}: median wall ${median(walls).toFixed(0)} ms, median user CPU ${user} (target < 300 ms)`);
  await Promise.resolve();
}
