import { describe, expect, it } from 'vitest';
import { DEFAULT_PANES, embedQuery, readEmbedOptions, type EmbedOptions } from './embedOptions';

const SNIPPET: EmbedOptions = {
  content: { kind: 'snippet' },
  panes: DEFAULT_PANES,
  theme: null,
  readOnly: false,
  runOnLoad: false,
  moment: null,
  height: null,
  host: null,
};

function problemOf(search: string): string {
  const reading = readEmbedOptions(search);
  if (reading.ok) throw new Error(`expected a problem for ${search}`);
  return reading.problem;
}

describe('embed options', () => {
  it('reads an empty query as a snippet with the default panes', () => {
    expect(readEmbedOptions('')).toEqual({ ok: true, options: SNIPPET });
  });

  // Written by hand, as an instructor would: these URLs must keep their meaning.
  it('reads version 1 URLs written by hand', () => {
    expect(
      readEmbedOptions(
        '?v=1&lesson=tasks&exercise=ex-2&panes=timeline,editor,loop&theme=dark&readonly=1&run=1&moment=4&height=480&host=https://school.example',
      ),
    ).toEqual({
      ok: true,
      options: {
        content: { kind: 'exercise', lesson: 'tasks', exercise: 'ex-2' },
        panes: ['editor', 'timeline', 'loop'],
        theme: 'dark',
        readOnly: true,
        runOnLoad: true,
        moment: 4,
        height: 480,
        host: 'https://school.example',
      },
    });
    expect(readEmbedOptions('?lesson=gather&unknown=7')).toEqual({
      ok: true,
      options: { ...SNIPPET, content: { kind: 'lesson', lesson: 'gather' } },
    });
  });

  it('writes what it reads back, leaving defaults out', () => {
    const options: EmbedOptions[] = [
      SNIPPET,
      { ...SNIPPET, content: { kind: 'lesson', lesson: 'tasks' }, theme: 'light' },
      {
        content: { kind: 'exercise', lesson: 'tasks', exercise: 'ex-1' },
        panes: ['output', 'loop'],
        theme: 'dark',
        readOnly: true,
        runOnLoad: true,
        moment: 0,
        height: 120,
        host: 'http://localhost:8000',
      },
    ];
    for (const option of options) {
      expect(readEmbedOptions(embedQuery(option))).toEqual({ ok: true, options: option });
    }
    expect(embedQuery(SNIPPET)).toBe('?v=1');
  });

  it('says what is wrong with a value it cannot read, and guesses nothing', () => {
    expect(problemOf('?v=2')).toMatch(/newer version of Loopscope \(options version 2\)/);
    expect(problemOf('?v=x')).toMatch(/not a version/);
    expect(problemOf('?lesson=../x')).toBe('"lesson=../x" is not a lesson\'s id');
    expect(problemOf('?exercise=ex-1')).toBe('"exercise" needs the "lesson" it belongs to');
    expect(problemOf('?panes=editor,console')).toMatch(/"console" is not a pane/);
    expect(problemOf('?panes=,')).toBe('"panes" names no pane');
    expect(problemOf('?theme=blue')).toMatch(/neither light nor dark/);
    expect(problemOf('?readonly=yes')).toBe('"readonly=yes" should be 1 or 0');
    expect(problemOf('?moment=-1')).toMatch(/whole number from 0/);
    expect(problemOf('?height=50')).toMatch(/whole number from 120 to 10000/);
    expect(problemOf('?height=1e3')).toMatch(/whole number/);
  });

  it('takes only an origin as the host', () => {
    expect(readEmbedOptions('?host=https://school.example/')).toMatchObject({
      ok: true,
      options: { host: 'https://school.example' },
    });
    for (const host of [
      '*',
      'school.example',
      'https://school.example/course',
      'javascript:alert(1)',
      'file:///etc',
      'https://user@school.example',
    ]) {
      expect(problemOf(`?host=${encodeURIComponent(host)}`)).toMatch(/is not an origin/);
    }
  });
});
