/**
 * `npm run trace -- prog.py [more.py …] [--stdin FILE] [--trace OUT.jsonl] [--summary]
 * [--timeout SECONDS] [--limit NAME=VALUE …]`
 *
 * Runs each program in the Node sandbox (nodeSandbox.ts: no Node within the
 * program's reach, a deadline it cannot disarm). The program's stdout goes to
 * stdout and its stderr to stderr, nothing else mixed in (a stop's one-line
 * message is written to stderr, as the interpreter would report a fatal
 * error). Exit status (README.md, "Running programs from the command line"):
 * the program's own (1 for an uncaught exception or a stop, the code given to
 * sys.exit or os._exit, 130 for KeyboardInterrupt, otherwise 0), 2 for a
 * usage error; with several programs, the first non-zero one.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNodeSandbox } from '../../app/runtime/host/nodeSandbox';
import { describeLimits, parseLimits } from './limitOptions';
import { summarizeTrace } from './summarizeTrace';
import { exitStatus, traceProgram } from './traceProgram';

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
  const sandbox = await loadNodeSandbox();
  let status = 0;
  for (const { path, source } of sources) {
    const result = traceProgram(
      sandbox,
      {
        source,
        filename: basename(path),
        stdin,
        trace: traceFile !== null || values.summary,
        limits: limits.limits,
        timeoutMs: timeoutSeconds * 1000,
        ...(traceFile === null
          ? {}
          : {
              onBatch: (batch) => {
                writeLines(traceFile, batch);
              },
            }),
      },
      {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      },
    );
    if (values.summary) process.stderr.write(summarizeTrace(result.events));
    if (status === 0) status = exitStatus(result.summary.exitCode);
  }
  await sandbox.close();
  if (traceFile !== null) {
    await new Promise<void>((resolve) => traceFile.end(resolve));
  }
  return status;
}

process.exitCode = await main();
