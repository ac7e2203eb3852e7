/**
 * `npm run bench [filter]`: runs every `test/bench/*.bench.ts` whose name contains the filter.
 * A bench file's default export is an async function that prints its own figures.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';

type Bench = () => Promise<void>;

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();

console.log(`deltasql bench · ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: Bench };
  if (typeof mod.default !== 'function') throw new Error(`${file} has no default export`);
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  await mod.default();
}
