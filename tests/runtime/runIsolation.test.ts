/**
 * What one program changes in the process does not reach the next program
 * run on the same interpreter (the sandboxes give every run a fresh one, but
 * the tests and benches run many on one, and the runtime must put back what
 * it patched all the same): environment, working directory, umask, `sys.path`,
 * interpreter settings and hooks, the sockets' default timeout, loggers, and modules
 * the program imported, which the next program imports fresh.
 */
import { describe, expect, it } from 'vitest';
import { runProgram, useRuntime } from './runtimeFixture';

const runtime = useRuntime();

/** Prints the settings a program might change, one per line. */
const REPORT = `
  import decimal, logging, os, socket, sys

  print("asyncio logger", logging.getLogger("asyncio").level, logging.root.handlers)
  print("env", os.environ.get("LOOPSCOPE_LEFTOVER"))
  print("cwd", os.getcwd())
  old = os.umask(0o022)
  print("umask", oct(old))
  print("path", "/planted" in sys.path)
  print("digits", sys.get_int_max_str_digits())
  print("timeout", socket.getdefaulttimeout())
  print("hooks", sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)
  print("decimal", decimal.Decimal(1) / decimal.Decimal(8))
`;

describe('a program after another', () => {
  it('finds the process as the first program found it', () => {
    const before = runProgram(runtime(), REPORT).stdout;
    runProgram(
      runtime(),
      `
        import decimal, logging, os, socket, sys

        logging.getLogger("asyncio").setLevel(logging.DEBUG)
        logging.basicConfig()
        os.environ["LOOPSCOPE_LEFTOVER"] = "yes"
        os.mkdir("/tmp/elsewhere")
        os.chdir("/tmp/elsewhere")
        os.umask(0o777)
        sys.path.insert(0, "/planted")
        sys.path = ["/planted"]
        sys.set_int_max_str_digits(640)
        socket.setdefaulttimeout(5)
        sys.excepthook = lambda *args: None
        sys.displayhook = lambda value: None
        decimal.getcontext().prec = 2
        decimal.DefaultContext.prec = 2
      `,
    );
    expect(runProgram(runtime(), REPORT).stdout).toBe(before);
    expect(before).toContain('decimal 0.125\n');
  });

  it("gets logging fresh: the last program's configuration does not swallow its lines", () => {
    const program = `
      import logging

      logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
      logging.info("ready")
    `;
    expect(runProgram(runtime(), program).stderr).toBe('INFO ready\n');
    expect(runProgram(runtime(), program).stderr).toBe('INFO ready\n');
  });

  it('keeps the modules loaded before the first run', () => {
    const identity = 'import asyncio, sys\nprint(id(asyncio), id(sys.modules["asyncio.tasks"]))\n';
    const first = runProgram(runtime(), identity).stdout;
    runProgram(runtime(), 'import json, logging.handlers\n');
    expect(runProgram(runtime(), identity).stdout).toBe(first);
  });
});
