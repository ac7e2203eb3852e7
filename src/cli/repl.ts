/**
 * The interactive shell: multi-line input that runs on `;`, dot-commands, history, completion,
 * Ctrl-C cancelling the running statement (or clearing the open one), Ctrl-D leaving.
 */
import { readFile } from 'node:fs/promises';
import * as readline from 'node:readline';
import type { Writable, Readable } from 'node:stream';
import type { CliSession } from './cli-session.js';
import { completeWord } from './completion.js';
import { errorText } from './error-text.js';
import { loadHistory, appendHistory } from './history.js';
import { formatResult, isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './output-format.js';
import { isOnlyComments, splitStatements } from './statement-splitter.js';

export interface ReplOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly errorOutput: Writable;
  readonly terminal: boolean;
  /** Opens a session on a warehouse (`.open DIR`). */
  readonly openSession: (warehouse: string) => Promise<CliSession>;
  readonly session: CliSession;
  readonly warehouse: string;
  readonly historyFile?: string;
  readonly format?: OutputFormat;
}

const PROMPT = 'deltasql> ';
const CONTINUATION = '       -> ';
const MAX_ROWS_SHOWN = 40;

export const REPL_HELP = `Type SQL and end it with ';' to run it (it may span lines). For example:
  CREATE TABLE t (id INT, name STRING);
  INSERT INTO t VALUES (1, 'one'), (2, 'two');
  SELECT * FROM t WHERE id > 1;
  DESCRIBE HISTORY t;

Dot-commands:
  .help                 this text
  .tables               list tables and views
  .schema [TABLE]       show the columns of one or all tables
  .mode FORMAT          output format: ${OUTPUT_FORMATS.join(', ')}
  .timer on|off         show how long each statement took
  .read FILE            run the SQL in FILE
  .open DIR             switch to another warehouse (a folder or s3://bucket/prefix)
  .quit                 leave (or press Ctrl-D)
Ctrl-C cancels a running statement, or clears the one being typed.`;

export async function runRepl(options: ReplOptions): Promise<void> {
  let session = options.session;
  let format: OutputFormat = options.format ?? 'table';
  let timer = true;
  let buffer = '';
  let running: AbortController | undefined;
  const out = (text: string): void => void options.output.write(text);
  const err = (text: string): void => void options.errorOutput.write(text);

  const rl = readline.createInterface({
    input: options.input,
    output: options.terminal ? options.output : undefined,
    terminal: options.terminal,
    historySize: 1000,
    history: options.historyFile && options.terminal ? await loadHistory(options.historyFile) : [],
    completer: (line: string, callback: (err: null, result: [string[], string]) => void) => {
      void completeWord(line, session).then((result) => callback(null, result));
    },
  });
  const prompt = (): void => {
    if (!options.terminal) return;
    rl.setPrompt(buffer.trim() === '' ? PROMPT : CONTINUATION);
    rl.prompt();
  };

  const onInterrupt = (): void => {
    if (running) {
      running.abort();
      return;
    }
    if (buffer !== '') {
      buffer = '';
      out('^C\n');
    } else out('\n(Press Ctrl-D or type .quit to leave)\n');
    prompt();
  };
  // In a terminal readline turns Ctrl-C into its own event; from a pipe it is the process's SIGINT.
  if (options.terminal) rl.on('SIGINT', onInterrupt);
  else process.on('SIGINT', onInterrupt);

  async function runStatement(sql: string): Promise<void> {
    running = new AbortController();
    const started = performance.now();
    try {
      const { table } = await session.run(sql, running.signal);
      const seconds = ((performance.now() - started) / 1000).toFixed(3);
      if (table.schema.fields.length === 0) {
        out(timer ? `OK (${seconds} s)\n` : 'OK\n');
        return;
      }
      const formatted = formatResult(table, format, {
        timeZone: session.timeZone(),
        ...(options.terminal ? { width: (options.output as { columns?: number }).columns ?? 120 } : {}),
        maxRows: format === 'table' ? MAX_ROWS_SHOWN : Number.POSITIVE_INFINITY,
      });
      if (typeof formatted === 'string') out(formatted);
      else options.output.write(formatted);
      if (format === 'table') {
        const rows = `${table.numRows} ${table.numRows === 1 ? 'row' : 'rows'}`;
        out(timer ? `${rows} (${seconds} s)\n` : `${rows}\n`);
      }
    } catch (error) {
      err(`${errorText(error, sql)}\n`);
    } finally {
      running = undefined;
    }
  }

  async function runText(text: string): Promise<void> {
    const { statements, rest } = splitStatements(text);
    for (const statement of statements) await runStatement(statement);
    if (!isOnlyComments(rest)) await runStatement(rest.trim());
  }

  /** Returns false when the REPL should stop. */
  async function dotCommand(line: string): Promise<boolean> {
    const [command = '', ...args] = line.trim().split(/\s+/);
    switch (command) {
      case '.quit':
      case '.exit':
        return false;
      case '.help':
        out(`${REPL_HELP}\n`);
        break;
      case '.tables': {
        const names = await session.tableNames();
        out(names.length === 0 ? '(no tables)\n' : `${names.join('\n')}\n`);
        break;
      }
      case '.schema': {
        const names = args.length > 0 ? args : await session.tableNames();
        for (const name of names) await runStatement(`DESCRIBE TABLE ${name}`);
        break;
      }
      case '.mode': {
        const wanted = args[0] ?? '';
        if (isOutputFormat(wanted)) format = wanted;
        else err(`Unknown format '${wanted}'; use one of ${OUTPUT_FORMATS.join(', ')}\n`);
        break;
      }
      case '.timer':
        if (args[0] === 'on' || args[0] === 'off') timer = args[0] === 'on';
        else err('Use .timer on or .timer off\n');
        break;
      case '.read': {
        const file = args.join(' ');
        try {
          await runText(await readFile(file, 'utf8'));
        } catch (error) {
          err(`${errorText(error)}\n`);
        }
        break;
      }
      case '.open': {
        const dir = args.join(' ');
        if (dir === '') {
          err('Use .open DIR\n');
          break;
        }
        const next = await options.openSession(dir).catch((error: unknown) => {
          err(`${errorText(error)}\n`);
          return undefined;
        });
        if (next) {
          await session.close();
          session = next;
          out(`Opened warehouse ${dir}\n`);
        }
        break;
      }
      default:
        err(`Unknown command ${command}; type .help for the list\n`);
    }
    return true;
  }

  if (options.terminal) out(`deltasql — SQL on Delta Lake. Warehouse: ${options.warehouse}\nType .help for help, .quit to leave.\n`);
  prompt();
  for await (const line of rl) {
    if (buffer.trim() === '' && line.trim().startsWith('.')) {
      if (options.historyFile && options.terminal) await appendHistory(options.historyFile, line);
      if (!(await dotCommand(line))) break;
      prompt();
      continue;
    }
    buffer += `${line}\n`;
    const { statements, rest } = splitStatements(buffer);
    if (statements.length > 0) {
      if (options.historyFile && options.terminal) await appendHistory(options.historyFile, buffer.trim().replaceAll('\n', ' '));
      buffer = isOnlyComments(rest) ? '' : rest;
      for (const statement of statements) await runStatement(statement);
    }
    prompt();
  }
  // End of input (Ctrl-D or the end of a pipe): an unterminated statement still runs.
  if (!isOnlyComments(buffer)) await runStatement(buffer.trim());
  rl.close();
  process.off('SIGINT', onInterrupt);
  if (options.terminal) out('\n');
  await session.close();
}
