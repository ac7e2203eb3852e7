/** The REPL driven with scripted input: multi-line statements, dot-commands, errors and recovery, Ctrl-C. */
import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runRepl } from '../../src/cli/repl.js';
import { openCliSession } from '../../src/cli/session-adapter.js';

interface Transcript {
  readonly out: () => string;
  readonly err: () => string;
  readonly input: PassThrough;
  readonly done: Promise<void>;
}

async function startRepl(): Promise<Transcript> {
  const warehouse = `memory://repl-${randomUUID()}`;
  const session = await openCliSession({ warehouse });
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  errorOutput.on('data', (d: Buffer) => (err += d.toString()));
  const done = runRepl({ input, output, errorOutput, terminal: false, session, warehouse, openSession: (w) => openCliSession({ warehouse: w }), format: 'csv' });
  return { out: () => out, err: () => err, input, done };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('REPL', () => {
  it('runs a statement only when its `;` arrives, across lines', async () => {
    const repl = await startRepl();
    repl.input.write('SELECT 1 AS a,\n');
    repl.input.write("  'x' AS b\n");
    await new Promise((r) => setTimeout(r, 100));
    expect(repl.out()).toBe('');
    repl.input.end('  ;\n');
    await repl.done;
    expect(repl.out()).toBe('a,b\n1,x\n');
    expect(repl.err()).toBe('');
  });

  it('reports an error with a caret and keeps going', async () => {
    const repl = await startRepl();
    repl.input.end('SELECT nope FROM range(2);\nSELECT 2 AS ok;\n');
    await repl.done;
    expect(repl.err()).toContain('UNKNOWN_COLUMN');
    expect(repl.err()).toContain('^');
    expect(repl.out()).toBe('ok\n2\n');
  });

  it('dot-commands: .help, .mode, .tables, unknown command', async () => {
    const repl = await startRepl();
    repl.input.end(".help\n.mode json\nSELECT 7 AS n;\n.tables\n.frobnicate\n");
    await repl.done;
    expect(repl.out()).toContain('.schema [TABLE]');
    expect(repl.out()).toContain('[{"n":7}]');
    expect(repl.out()).toContain('(no tables)');
    expect(repl.err()).toContain('Unknown command .frobnicate');
  });

  it('an unterminated statement at the end of input still runs', async () => {
    const repl = await startRepl();
    repl.input.end('SELECT 3 AS last');
    await repl.done;
    expect(repl.out()).toBe('last\n3\n');
  });

  it('Ctrl-C cancels a running statement and the REPL carries on', async () => {
    const repl = await startRepl();
    repl.input.write('SELECT count(*) AS n FROM range(100000000000);\n');
    await new Promise((r) => setTimeout(r, 300));
    process.emit('SIGINT');
    await waitFor(() => repl.err().includes('CANCELLED'), 'the cancellation error');
    repl.input.end('SELECT 5 AS after;\n');
    await repl.done;
    expect(repl.out()).toBe('after\n5\n');
  });
});
