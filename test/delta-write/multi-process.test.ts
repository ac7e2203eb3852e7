import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LONG, STRING, field } from '../../src/common/types/data-type.js';
import { loadSnapshot } from '../../src/delta/snapshot.js';
import { createDeltaTable } from '../../src/delta/write/index.js';
import { validateDeltaTable } from '../helpers/protocol-validator.js';
import { cleanupTempDirs, readTableRows, storeAt, tempTableDir } from './helpers.js';

afterAll(cleanupTempDirs);

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKERS = 4;
const COMMITS = 25;

function runWorker(dir: string, worker: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'append-worker.ts'), dir, String(worker), String(COMMITS)], {
      cwd: path.resolve(here, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${worker} exited ${code}: ${err}`))));
  });
}

describe('several OS processes committing to one local table', () => {
  it(`${WORKERS} processes × ${COMMITS} blind appends give versions 0..${WORKERS * COMMITS}, every row once`, async () => {
    const dir = tempTableDir('dw-mp-');
    await createDeltaTable(storeAt(dir), { schema: [field('id', LONG), field('worker', STRING)], mode: 'create' });
    const outputs = await Promise.all(Array.from({ length: WORKERS }, (_, w) => runWorker(dir, w)));
    expect(outputs.every((o) => o.includes('"attempts"'))).toBe(true);

    const logNames = readdirSync(path.join(dir, '_delta_log'));
    const versions = logNames.filter((n) => /^\d{20}\.json$/.test(n)).map((n) => Number(n.slice(0, 20))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: WORKERS * COMMITS + 1 }, (_, v) => v));
    expect(logNames.filter((n) => n.startsWith('.tmp') || n.includes('tmp'))).toEqual([]);
    expect(logNames).toContain('00000000000000000100.checkpoint.parquet');

    const snapshot = await loadSnapshot(storeAt(dir));
    expect(snapshot.version).toBe(WORKERS * COMMITS);
    const rows = await readTableRows(dir);
    const ids = rows.map((r) => String(r['id']));
    expect(ids.length).toBe(WORKERS * COMMITS * 3);
    expect(new Set(ids).size).toBe(ids.length);
    for (let w = 0; w < WORKERS; w++) for (let c = 0; c < COMMITS; c++) expect(ids).toContain(String(w * 100000 + c * 10 + 2));
    expect(validateDeltaTable(dir)).toEqual([]);
  }, 120000);
});
