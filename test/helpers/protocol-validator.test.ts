import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDeltaTable } from './protocol-validator.js';

const SHARED = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/delta-tables');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copy(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'validator-'));
  dirs.push(dir);
  cpSync(path.join(SHARED, name, 'delta'), dir, { recursive: true });
  return dir;
}

const log = (dir: string, v: number): string => path.join(dir, '_delta_log', `${String(v).padStart(20, '0')}.json`);

function editCommit(dir: string, v: number, edit: (lines: Record<string, Record<string, unknown>>[]) => Record<string, unknown>[]): void {
  const lines = readFileSync(log(dir, v), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
  writeFileSync(log(dir, v), edit(lines).map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe('protocol validator', () => {
  it('accepts tables written by Spark (with checkpoints, partitions, nulls)', () => {
    for (const name of ['dat__multi_partitioned', 'dat__with_checkpoint', 'kernel-rs__dv-with-columnmapping']) expect(validateDeltaTable(path.join(SHARED, name, 'delta'))).toEqual([]);
  });

  it.each([
    ['a temp file in _delta_log', (d: string) => writeFileSync(path.join(d, '_delta_log', '.tmp-123'), 'x'), /unexpected file in _delta_log: \.tmp-123/],
    ['a gap in versions', (d: string) => rmSync(log(d, 1)), /not contiguous/],
    ['no protocol at version 0', (d: string) => editCommit(d, 0, (ls) => ls.filter((l) => !l['protocol'])), /version 0 must have exactly one protocol/],
    ['two metaData in one commit', (d: string) => editCommit(d, 0, (ls) => [...ls, ...ls.filter((l) => l['metaData'])]), /2 metaData actions/],
    ['a missing partition value', (d: string) => editCommit(d, 0, (ls) => ls.map((l) => (l['add'] ? { add: { ...l['add'], partitionValues: {} } } : l))), /has no partition value for 'letter'/],
    ['a wrong type in an action', (d: string) => editCommit(d, 0, (ls) => ls.map((l) => (l['add'] ? { add: { ...l['add'], size: '490' } } : l))), /add.size should be integer/],
    ['stats of the wrong shape', (d: string) => editCommit(d, 0, (ls) => ls.map((l) => (l['add'] ? { add: { ...l['add'], stats: '{"numRecords":1,"minValues":{"number":"x","nope":1},"nullCount":{"number":-1}}' } } : l))), /minValues.number should be a number.*|nope is not a column/],
    ['the same file added twice in a commit', (d: string) => editCommit(d, 0, (ls) => [...ls, ...ls.filter((l) => l['add']).slice(0, 1)]), /added twice in one commit/],
    ['an added file that does not exist', (d: string) => editCommit(d, 0, (ls) => ls.map((l) => (l['add'] ? { add: { ...l['add'], path: `${String(l['add']['path'])}x` } } : l))), /does not exist/],
    ['a line that is not JSON', (d: string) => appendFileSync(log(d, 1), '{oops\n'), /not JSON/],
  ] as const)('reports %s', (_name, mutate, pattern) => {
    const dir = copy('dat__multi_partitioned');
    mutate(dir);
    const problems = validateDeltaTable(dir);
    expect(problems.some((p) => pattern.test(p))).toBe(true);
  });

  it('checks _last_checkpoint and the checkpoint contents', () => {
    const dir = copy('dat__with_checkpoint');
    writeFileSync(path.join(dir, '_delta_log', '_last_checkpoint'), JSON.stringify({ version: 3, size: 1 }));
    expect(validateDeltaTable(dir)).toContain('_last_checkpoint names version 3, which has no checkpoint file');
    writeFileSync(path.join(dir, '_delta_log', '_last_checkpoint'), JSON.stringify({ version: 2, size: 1 }));
    expect(validateDeltaTable(dir).some((p) => /_last_checkpoint.size is 1/.test(p))).toBe(true);
    writeFileSync(path.join(dir, '_delta_log', '00000000000000000002.checkpoint.parquet'), 'not parquet');
    expect(validateDeltaTable(dir).some((p) => /checkpoint 2: unreadable Parquet/.test(p))).toBe(true);
  });
});

