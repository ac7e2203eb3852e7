#!/usr/bin/env node
/**
 * `deltasql`: the command line. With no SQL to run it starts the REPL on the warehouse;
 * `-c SQL`, `-f FILE` or SQL on a pipe run and exit (0 ok, 1 SQL error, 2 bad usage);
 * `deltasql test PATHS…` runs golden files.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { errorText } from './error-text.js';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from './output-format.js';
import { runRepl } from './repl.js';
import { openCliSession, type CliSessionOptions } from './session-adapter.js';
import { isOnlyComments, splitStatements } from './statement-splitter.js';
import { runTestCommand } from './test-command.js';
import { PACKAGE_VERSION } from '../common/version.js';

const EXIT_SQL_ERROR = 1;
const EXIT_USAGE = 2;

interface MainOptions {
  readonly warehouse: string;
  readonly command?: string;
  readonly file?: string;
  readonly format?: OutputFormat;
  readonly threads?: string;
  readonly conf: string[];
}

function parseConf(pairs: readonly string[]): Record<string, string> {
  const config: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CommanderError(EXIT_USAGE, 'deltasql.conf', `--conf expects key=value, got '${pair}'`);
    config[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return config;
}

function sessionOptions(options: MainOptions): CliSessionOptions {
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new CommanderError(EXIT_USAGE, 'deltasql.threads', `--threads expects a whole number ≥ 1, got '${options.threads}'`);
  }
  return { warehouse: options.warehouse, ...(threads !== undefined ? { threads } : {}), config: parseConf(options.conf) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs a script statement by statement; stops at the first error. Returns the exit code. */
async function runScript(text: string, options: MainOptions): Promise<number> {
  const session = await openCliSession(sessionOptions(options));
  const format: OutputFormat = options.format ?? (process.stdout.isTTY ? 'table' : 'csv');
  const { statements, rest } = splitStatements(text);
  if (!isOnlyComments(rest)) statements.push(rest.trim());
  const abort = new AbortController();
  const onInterrupt = (): void => abort.abort();
  process.on('SIGINT', onInterrupt);
  try {
    for (const sql of statements) {
      try {
        const { table } = await session.run(sql, abort.signal);
        if (table.schema.fields.length === 0) continue;
        const out = formatResult(table, format, { timeZone: session.timeZone(), ...(process.stdout.isTTY ? { width: process.stdout.columns } : {}) });
        process.stdout.write(out);
      } catch (error) {
        process.stderr.write(`${errorText(error, sql)}\n`);
        return EXIT_SQL_ERROR;
      }
    }
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
    await session.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('deltasql')
    .description('SQL on Delta Lake tables: a REPL, a script runner and a golden-file test runner.')
    .version(PACKAGE_VERSION)
    .option('-w, --warehouse <dir>', 'warehouse folder or s3://bucket/prefix where tables live', './warehouse')
    .option('-c, --command <sql>', 'run SQL and exit')
    .option('-f, --file <file>', 'run the SQL in a file and exit')
    .addOption(new Option('--format <format>', 'output format (default: table in a terminal, csv in a pipe)').choices(OUTPUT_FORMATS))
    .option('-t, --threads <n>', 'worker threads for scans')
    .option('--conf <key=value>', 'a session setting, e.g. spark.sql.ansi.enabled=false (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .action(async (options: MainOptions) => {
      if (options.command !== undefined) exitCode = await runScript(options.command, options);
      else if (options.file !== undefined) exitCode = await runScript(await readFile(options.file, 'utf8'), options);
      else if (!process.stdin.isTTY) exitCode = await runScript(await readStdin(), options);
      else {
        const cliOptions = sessionOptions(options);
        const session = await openCliSession(cliOptions);
        await runRepl({
          input: process.stdin,
          output: process.stdout,
          errorOutput: process.stderr,
          terminal: true,
          session,
          warehouse: options.warehouse,
          openSession: (warehouse) => openCliSession({ ...cliOptions, warehouse }),
          historyFile: join(homedir(), '.deltasql_history'),
          ...(options.format ? { format: options.format } : {}),
        });
      }
    });

  program
    .command('test')
    .description('run golden files (sqllogictest .slt/.test, Spark inputs/*.sql with results/*.sql.out)')
    .argument('<paths...>', 'files or folders')
    .option('--complete', 'rewrite the expected output from what the engine returns')
    .option('--engine-name <name>', 'engine name for skipif/onlyif', 'deltasql')
    .option('--skip-list <file>', 'records known to fail, with reasons')
    .option('--update-skip-list <file>', 'rewrite the skip list from this run (drop passing entries, add failures with their causes)')
    .option('--any-error', "accept any user error where a file expects an error (other engines' message texts)")
    .action(async (paths: string[], options: { complete?: boolean; engineName: string; skipList?: string; updateSkipList?: string; anyError?: boolean }) => {
      exitCode = await runTestCommand(paths, options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.exitCode === EXIT_USAGE && !error.code.startsWith('commander.')) process.stderr.write(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`${errorText(error)}\n`);
    return EXIT_SQL_ERROR;
  }
}

process.exitCode = await main(process.argv.slice(2));
