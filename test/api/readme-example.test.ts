/** The embedding example in README.md runs as written, against the built package, and prints what it says. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

it('README embedding example', async () => {
  expect(existsSync(join(root, 'dist/src/api/index.js'))).toBe(true);
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code).toContain("from 'deltasql'");
  // Inside the package folder so `import 'deltasql'` resolves to the package itself (its exports).
  const scriptDir = join(root, '.tmp');
  await mkdir(scriptDir, { recursive: true });
  const script = join(scriptDir, `readme-example-${process.pid}.mjs`);
  const cwd = await mkdtemp(join(tmpdir(), 'deltasql-readme-'));
  try {
    await writeFile(script, code ?? '');
    const { stdout } = await promisify(execFile)(process.execPath, [script], { cwd });
    expect(stdout).toBe("[ { kind: 'a', n: 1 }, { kind: 'b', n: 1 } ]\n2\n");
  } finally {
    await rm(script, { force: true });
    await rm(cwd, { recursive: true, force: true });
  }
});
