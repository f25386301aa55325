import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { chromeTraceProblems } from '../app/features/export/chromeTraceChecks.node';
import { expect, finishedAt, FINISHED, SEED_OUTPUT, test, type Playground } from './fixtures';

const GATHER_PROGRAM = readFileSync(
  new URL('../tests/golden/gather_sleeps.py', import.meta.url),
  'utf8',
);
const GATHER_OUTPUT = ['a done', 'b done', 'c done', "['a', 'b', 'c']"];
const goldenTrace = (name: string): string =>
  readFileSync(new URL(`../tests/golden/${name}.trace.jsonl`, import.meta.url), 'utf8');

async function runGather(playground: Playground): Promise<void> {
  await playground.setProgram(GATHER_PROGRAM);
  await playground.runButton.click();
  await expect(playground.status).toHaveText(finishedAt(3));
  await expect(playground.outputLines).toHaveText(GATHER_OUTPUT);
}

/** Clicks a button that downloads a file, and returns the download. */
async function downloadBy(page: Page, name: string): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  return downloading;
}

async function readDownload(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

/** Opens a file with "Open trace file…", as a person picks one in the file chooser. */
async function openTraceFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open trace file…' }).click();
  await (await choosing).setFiles(file);
}

test('a run exports for Perfetto as a well-formed Chrome trace, one track per task', async ({
  playground,
}) => {
  const { page } = playground;
  await runGather(playground);
  const download = await downloadBy(page, 'Export for Perfetto');
  expect(download.suggestedFilename()).toBe('loopscope-trace.json');
  const trace = JSON.parse(await readDownload(download)) as {
    traceEvents: { ph: string; name: string; args?: { name?: string; text?: string } }[];
  };
  expect(chromeTraceProblems(trace)).toEqual([]);
  const threads = trace.traceEvents
    .filter((event) => event.ph === 'M' && event.name === 'thread_name')
    .map((event) => event.args?.name);
  expect(threads).toEqual(
    expect.arrayContaining(['Event loop (callbacks)', 'Task-1 · main()', "Task-2 · fetch('a', 1)"]),
  );
  const prints = trace.traceEvents.filter((event) => event.ph === 'i');
  expect(prints.map((event) => event.args?.text)).toEqual(GATHER_OUTPUT.map((line) => `${line}\n`));
  expect(trace.traceEvents.filter((event) => event.name === 'sleep until 2.0 s')).toHaveLength(1);
});

test('a downloaded trace opens back after a reload and replays the run without running it', async ({
  playground,
}) => {
  const { page } = playground;
  await runGather(playground);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const position = timeline.getByRole('slider', { name: 'Playback position' });
  const atEnd = await position.getAttribute('aria-valuetext');
  const download = await downloadBy(page, 'Download trace');
  expect(download.suggestedFilename()).toBe('loopscope-trace.jsonl');
  // Saved under its own name, as the browser saves it.
  const saved = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(saved);

  await playground.reload();
  // Another program in the editor: the replay must not be a run of it.
  await playground.setProgram('print("this program never runs")\n');
  await expect(timeline.getByRole('button', { name: 'Export for Perfetto' })).toHaveCount(0);
  await openTraceFile(page, saved);

  await expect(playground.status).toHaveText(
    'Replayed a trace file: loopscope-trace.jsonl of main.py, 3.0 s of virtual time. Nothing ran.',
  );
  await expect(playground.outputLines).toHaveText(GATHER_OUTPUT);
  await expect(position).toHaveAttribute('aria-valuetext', atEnd ?? '');
  // Playback and the Event loop panel step through the saved run as through a run.
  const playback = timeline.getByRole('toolbar', { name: 'Playback' });
  await playback.getByRole('button', { name: 'Jump to start' }).click();
  for (let step = 0; step < 4; step += 1) {
    await playback.getByRole('button', { name: 'Step forward' }).click();
  }
  await expect(position).toHaveAttribute(
    'aria-valuetext',
    "Moment 5 of 12: Task-2, woken by its sleep's timer, printed “a done”, at 1.000 s",
  );
  const loop = timeline.getByRole('region', { name: 'Event loop' });
  await expect(loop.getByLabel('Running')).toHaveText('Task-2 is running');
  // What was downloaded again is the file that was opened.
  expect(await readDownload(await downloadBy(page, 'Download trace'))).toBe(
    readFileSync(saved, 'utf8'),
  );
});

test('a file that is not a trace is refused in one sentence, and the page goes on working', async ({
  playground,
}) => {
  const { page } = playground;
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const alert = timeline.getByRole('alert');
  await openTraceFile(page, {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Dear diary,\n'),
  });
  await expect(alert).toHaveText(
    'notes.txt was not opened. Line 1 is not JSON: a saved trace has one event a line, as `npm run trace -- prog.py --trace out.jsonl` writes it.',
  );

  const forged = goldenTrace('seed_greet').split('\n');
  forged[3] = '{"type":"ready","h":"<img src=x onerror=alert(1)>","task":1,"by":null}';
  await openTraceFile(page, {
    name: 'forged.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(forged.join('\n')),
  });
  await expect(alert).toHaveText(
    'forged.jsonl was not opened. Line 4 is not a trace event: the event (ready) lacks a field or has a wrong one.',
  );
  await expect(playground.outputLines).toHaveCount(0);

  // A good file dropped on the timeline opens, and the next run runs as ever.
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'seed.jsonl', { type: 'application/x-ndjson' }));
    return data;
  }, goldenTrace('seed_greet'));
  await timeline.getByText('Run the program to see its tasks').dispatchEvent('drop', {
    dataTransfer: drop,
  });
  await expect(playground.status).toHaveText(
    'Replayed a trace file: seed.jsonl of seed_greet.py, 0.0 s of virtual time. Nothing ran.',
  );
  await expect(alert).toHaveCount(0);
  await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
  await playground.setProgram('print("still running programs")\n');
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['still running programs']);
  await expect(playground.status).toHaveText(FINISHED);
});
