/** The real `deltasql` command as a subprocess: -c, -f, stdin, formats, exit codes, error positions. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The built CLI, as users run it: npm test compiles to dist/ before vitest starts.
const main = join(root, 'dist/src/cli/main.js');


interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function deltasql(args: readonly string[], options: { stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [main, ...args], { cwd: options.cwd ?? root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

let dir: string;
beforeAll(async () => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (npm test builds first)`);
  dir = await mkdtemp(join(tmpdir(), 'deltasql-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('deltasql command line', () => {
  it('-c runs SQL and prints csv when piped', async () => {
    const run = await deltasql(['-c', "SELECT 1 AS x, 'a,b' AS y, NULL AS z"]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('x,y,z\n1,"a,b",\n');
  });

  it('--format json and jsonl keep numbers as numbers', async () => {
    const json = await deltasql(['--format', 'json', '-c', 'SELECT id, id * 2 AS twice FROM range(3)']);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: 0, twice: 0 },
      { id: 1, twice: 2 },
      { id: 2, twice: 4 },
    ]);
    const jsonl = await deltasql(['--format', 'jsonl', '-c', 'SELECT 9007199254740993 AS big']);
    expect(jsonl.stdout).toBe('{"big":9007199254740993}\n');
  });

  it('--format markdown and tsv', async () => {
    const md = await deltasql(['--format', 'markdown', '-c', "SELECT 1 AS a, 'x|y' AS b"]);
    expect(md.stdout).toBe('| a | b |\n|---|---|\n| 1 | x\\|y |\n');
    const tsv = await deltasql(['--format', 'tsv', '-c', "SELECT 'p\tq' AS a, CAST(NULL AS INT) AS b"]);
    expect(tsv.stdout).toBe('a\tb\np\\tq\tNULL\n');
  });

  it('a syntax error exits 1 with the position and a caret on stderr', async () => {
    const run = await deltasql(['-c', 'SELECT 1 +']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SYNTAX_ERROR');
    expect(run.stderr).toMatch(/line 1, column \d+/);
    expect(run.stderr).toContain('^');
  });

  it('bad usage exits 2', async () => {
    const run = await deltasql(['--format', 'nope', '-c', 'SELECT 1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope');
  });

  it('runs SQL from stdin and from a file, statement by statement, stopping at the first error', async () => {
    const stdin = await deltasql([], { stdin: 'SELECT 1 AS a;\nSELECT 2 AS b;\n' });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe('a\n1\nb\n2\n');
    const file = join(dir, 'script.sql');
    await writeFile(file, "SELECT 'ok' AS s;\nSELECT no_such_column FROM range(1);\nSELECT 'never' AS s;\n");
    const run = await deltasql(['-f', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('s\nok\n');
    expect(run.stderr).toContain('UNKNOWN_COLUMN');
    expect(run.stdout).not.toContain('never');
  });

  it('test runs golden files and ends with the summary line', async () => {
    const file = join(dir, 'ok.slt');
    await writeFile(file, 'query I\nSELECT 1 + 1\n----\n2\n\nquery T\nSELECT upper(\'a\')\n----\nB\n');
    const run = await deltasql(['test', file]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed, 0 skipped');
    expect(run.stderr).toContain('ok.slt:6');
  });
});
