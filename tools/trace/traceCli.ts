/**
 * `npm run trace -- prog.py [more.py …] [--stdin FILE] [--trace OUT.jsonl] [--summary]
 * [--timeout SECONDS] [--limit NAME=VALUE …]`
 *
 * Runs each program on Loopscope's runtime in Node. The program's stdout goes
 * to stdout and its stderr to stderr, nothing else mixed in (a limit's
 * one-line message is written to stderr, as the interpreter would report a
 * fatal error). Exit status: the program's own (1 for an uncaught exception
 * or a limit, the code given to sys.exit, otherwise 0); with several
 * programs, the first non-zero one.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNodeRuntime } from '../../app/runtime/host/nodeRuntime';
import { describeLimits, parseLimits } from './limitOptions';
import { summarizeTrace } from './summarizeTrace';

const USAGE =
  'usage: npm run trace -- prog.py [more.py ...] [--stdin FILE] [--trace OUT.jsonl] [--summary] [--timeout SECONDS] [--limit NAME=VALUE ...]';

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        stdin: { type: 'string' },
        trace: { type: 'string' },
        summary: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10' },
        limit: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`cannot read ${what} ${path}: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

function writeLines(stream: WriteStream, events: readonly unknown[]): void {
  for (const event of events) stream.write(`${JSON.stringify(event)}\n`);
}

/** `npm run trace -- prog.py | head` closes stdout early: that is not an error. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(): Promise<number> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  const { values, positionals } = parse();
  if (values.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n${describeLimits()}\n`);
    return values.help ? 0 : 2;
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) {
    process.stderr.write(`--timeout needs a positive number of seconds\n${USAGE}\n`);
    return 2;
  }
  const limits = parseLimits(values.limit);
  if (!limits.ok) {
    process.stderr.write(`${limits.message}\n`);
    return 2;
  }
  const stdin = values.stdin === undefined ? '' : readText(values.stdin, 'stdin file');
  const sources = positionals.map((path) => ({ path, source: readText(path, 'program') }));
  const traceFile = values.trace === undefined ? null : createWriteStream(values.trace);
  const runtime = await loadNodeRuntime();
  let status = 0;
  for (const { path, source } of sources) {
    const result = runtime.run(
      {
        source,
        filename: basename(path),
        stdin,
        trace: traceFile !== null || values.summary,
        limits: limits.limits,
      },
      {
        wallTimeoutMs: timeoutSeconds * 1000,
        onBatch: (batch) => {
          for (const event of batch) {
            if (event.type === 'output') {
              (event.stream === 'stdout' ? process.stdout : process.stderr).write(event.text);
            }
          }
          if (traceFile !== null) writeLines(traceFile, batch);
        },
      },
    );
    if (result.stopMessage !== null) process.stderr.write(`${result.stopMessage}\n`);
    if (values.summary) process.stderr.write(summarizeTrace(result.events));
    if (status === 0) status = result.summary.exitCode;
  }
  await runtime.close();
  if (traceFile !== null) {
    await new Promise<void>((resolve) => traceFile.end(resolve));
  }
  return status;
}

process.exitCode = await main();
