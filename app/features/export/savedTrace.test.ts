import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenNames, readGoldenTrace } from '../../../tests/golden/goldenTrace';
import { toChromeTrace } from './chromeTrace';
import {
  describeReplay,
  MAX_SAVED_TRACE_BYTES,
  readSavedTrace,
  savedTraceTooLarge,
  toSavedTrace,
} from './savedTrace';

const goldenText = (name: string): string =>
  readFileSync(new URL(`../../../tests/golden/${name}.trace.jsonl`, import.meta.url), 'utf8');

const messageOf = (text: string): string => {
  const reading = readSavedTrace(text);
  if (reading.ok) throw new Error('read a file that should have been refused');
  return reading.message;
};

describe('readSavedTrace', () => {
  it.each(goldenNames())('reads %s as the CLI wrote it, and writes it back the same', (name) => {
    const reading = readSavedTrace(goldenText(name));
    expect(reading).toEqual({ ok: true, events: readGoldenTrace(name) });
    if (reading.ok) expect(toSavedTrace(reading.events)).toBe(goldenText(name));
  });

  it('reads lines ended by CRLF and skips blank ones', () => {
    const text = goldenText('seed_greet').replaceAll('\n', '\r\n\n');
    expect(readSavedTrace(text)).toEqual({ ok: true, events: readGoldenTrace('seed_greet') });
  });

  it('refuses an empty file', () => {
    expect(messageOf('')).toMatch(/^The file is empty: a saved trace has one event a line/);
    expect(messageOf('\n  \n')).toMatch(/^The file is empty/);
  });

  it('names the line that is not JSON', () => {
    const lines = goldenText('seed_greet').split('\n');
    lines[2] = '{"type": "ready", ';
    expect(messageOf(lines.join('\n'))).toBe(
      'Line 3 is not JSON: a saved trace has one event a line, as `npm run trace -- prog.py --trace out.jsonl` writes it.',
    );
  });

  it('names the line whose event is forged, with what the page checks say of it', () => {
    const lines = goldenText('seed_greet').split('\n');
    lines[3] = '{"type":"ready","h":"1; alert(1)","task":1,"by":null}';
    expect(messageOf(lines.join('\n'))).toBe(
      'Line 4 is not a trace event: the event (ready) lacks a field or has a wrong one.',
    );
    lines[3] = '{"__proto__":{"type":"step","h":1,"cpu":0}}';
    expect(messageOf(lines.join('\n'))).toBe(
      'Line 4 is not a trace event: the event has no known type.',
    );
    lines[3] = '[4,1,1,null]';
    expect(messageOf(lines.join('\n'))).toBe(
      'Line 4 is not a trace event: the event has no known type.',
    );
  });

  it('sends a Perfetto export to Perfetto', () => {
    const exported = JSON.stringify(toChromeTrace(readGoldenTrace('seed_greet')));
    expect(messageOf(exported)).toBe(
      'Line 1 is a Chrome trace (from Export for Perfetto), which opens in Perfetto, not here: open the run\'s "Download trace" file.',
    );
  });

  it('refuses another trace format and a file that does not start with a run', () => {
    const text = goldenText('seed_greet');
    expect(messageOf(text.replace('"version":5', '"version":4'))).toBe(
      'Line 1 is not a trace event: the event is of trace format 4, expected 5.',
    );
    expect(messageOf(text.split('\n').slice(1).join('\n'))).toMatch(
      /^Line 1 is not the start of a run \(run\.start\)/,
    );
  });

  it('refuses the trace of several programs, naming where the second begins', () => {
    const first = goldenText('seed_greet');
    const lines = first.split('\n').length;
    expect(messageOf(first + goldenText('gather_sleeps'))).toBe(
      `Line ${String(lines)} starts a second run: open a trace of one program.`,
    );
  });

  it('bounds the file and its events', () => {
    expect(savedTraceTooLarge(MAX_SAVED_TRACE_BYTES)).toBeNull();
    expect(savedTraceTooLarge(MAX_SAVED_TRACE_BYTES + 1)).toBe(
      'The file is too large to be a trace: 256 MB, where a trace is at most 256 MB.',
    );
    const text = goldenText('seed_greet');
    expect(readSavedTrace(text, 26).ok).toBe(true);
    expect(readSavedTrace(text, 25)).toEqual({
      ok: false,
      message: 'Line 26 is past the 25 events a trace may have.',
    });
  });
});

describe('describeReplay', () => {
  it('says what was opened and that nothing ran', () => {
    expect(describeReplay('out.jsonl', readGoldenTrace('gather_sleeps'))).toBe(
      'Replayed a trace file: out.jsonl of gather_sleeps.py, 3.0 s of virtual time. Nothing ran.',
    );
    expect(describeReplay('cut.jsonl', readGoldenTrace('gather_sleeps').slice(0, 10))).toBe(
      'Replayed a trace file: cut.jsonl of gather_sleeps.py, cut short before its end. Nothing ran.',
    );
  });
});
