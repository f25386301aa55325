import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readShareLink, shareFragment, SHARE_FORMAT, type SharedProgram } from './shareLink';

/** Reads a whole fragment, as the page's route hands it over. */
function read(fragment: string) {
  const match = /^#\/share\/([^/]*)\/(.*)$/s.exec(fragment);
  if (!match) throw new Error(`not a share fragment: ${fragment}`);
  return readShareLink(match[1] ?? '', match[2] ?? '');
}

/** Format 1's data for any JSON text, packed by Node's zlib, not by the module under test. */
function format1Data(json: string): string {
  return deflateSync(Buffer.from(json, 'utf8')).toString('base64url');
}

describe('links made by earlier formats', () => {
  // Made on 2026-12-07 by format 1 and never regenerated: people have sent these.
  it('opens a format 1 link with only a program', () => {
    expect(
      read(
        '#/share/1/eNqrVkrOT0lVslLKzC3ILypRSCyuzEvOzI_Ji8kDMxVSUtMUchMz8zQ0rWLyFICgoCgzr0QjRskjNScnX0chOTHt8EqFRzOmxihpwnVl5usVleZpQPQBhZVqAZ0vJT8',
      ),
    ).toEqual({
      ok: true,
      program: {
        code: 'import asyncio\n\nasync def main():\n    print("Hello, café ☕")\n\nasyncio.run(main())\n',
      },
    });
  });

  it('opens a format 1 link with input, lesson and playback position', () => {
    expect(
      read(
        '#/share/1/eNodizsOgzAQRK_ibEUkXKVDiiKlyg3SuOGzCEv2joUXGsTdMS7fzHsHjZiYOpI-snkbL2nTxtF_wcc4ejpJqxdtZkc_DgGtOW7zfNSPWqpB6b8YKgfOGVKGESs29cLZ9jJZXdjyzqI2AKmIEbEQda_zAj_rLCU',
      ),
    ).toEqual({
      ok: true,
      program: {
        code: 'name = input("Who? ")\nprint(f"Hello, {name}!")\n',
        input: 'Bob\n',
        lesson: 'coroutines-and-the-event-loop',
        moment: 3,
      },
    });
  });

  it('opens a link made by Python, as docs/share-links.md shows instructors', () => {
    expect(
      read(
        '#/share/1/eNqrVkrOT0lVslJQKijKzCvRiFHKyIxR0ozJU9JRUMrMKygtAck5piRCRHLzc1PzQEJGtQAItxFl',
      ),
    ).toEqual({ ok: true, program: { code: 'print("hi")\n', input: 'Ada\n', moment: 2 } });
  });
});

describe('shareFragment', () => {
  it('writes the current format, which reads back the same program', () => {
    const programs: SharedProgram[] = [
      { code: '' },
      { code: 'print("x")\n', input: '' },
      { code: '\u{1F600} \0 \r\n "quotes" \\', input: 'a\nb', lesson: 'a-1', moment: 0 },
      { code: 'x = 1\n'.repeat(5000), moment: 123456 },
    ];
    for (const program of programs) {
      const fragment = shareFragment(program);
      expect(fragment.startsWith(`#/share/${SHARE_FORMAT}/`)).toBe(true);
      expect(fragment).toMatch(/^#\/share\/1\/[A-Za-z0-9_-]*$/);
      expect(read(fragment)).toEqual({ ok: true, program });
    }
  });

  it('packs a repetitive program into a short link', () => {
    const code = 'await asyncio.sleep(1)\n'.repeat(200);
    expect(shareFragment({ code }).length).toBeLessThan(code.length / 20);
  });
});

describe('hostile and broken links', () => {
  const problemOf = (format: string, data: string): string => {
    const reading = readShareLink(format, data);
    if (reading.ok) throw new Error('expected a problem');
    return reading.problem;
  };

  it('says when a link was made by a newer format, or names none', () => {
    expect(problemOf('2', 'abc')).toMatch(/newer version of Loopscope \(link format 2\)/);
    expect(problemOf('0', 'abc')).toMatch(/link format this site does not know \("0"\)/);
    expect(problemOf('x'.repeat(500), 'abc')).toMatch(/does not know \("x{20}"\)/);
  });

  it('refuses characters outside the alphabet and cut data', () => {
    const data = shareFragment({ code: 'print("hello")\n' }).split('/')[3] ?? '';
    expect(problemOf('1', `${data}=`)).toMatch(/characters a Loopscope link does not have/);
    expect(problemOf('1', data.slice(0, -6))).toMatch(/does not unpack/);
    expect(problemOf('1', data.slice(0, 12))).toMatch(/does not unpack/);
    expect(problemOf('1', '')).toMatch(/does not unpack/);
  });

  it('never opens a link changed on the way as another program', () => {
    const data = shareFragment({ code: 'print("hello")\n' }).split('/')[3] ?? '';
    const packed = Buffer.from(data, 'base64url');
    let refused = 0;
    // A bit of every byte of the DEFLATE data and checksum, flipped in turn:
    // refused, or (a bit DEFLATE does not read) the same program.
    for (let at = 2; at < packed.length; at++) {
      const changed = Buffer.from(packed);
      changed[at] = (changed[at] ?? 0) ^ 0x10;
      const reading = readShareLink('1', changed.toString('base64url'));
      if (reading.ok) expect(reading.program).toEqual({ code: 'print("hello")\n' });
      else refused += 1;
    }
    expect(refused).toBeGreaterThan(packed.length - 4);
  });

  it('stops unpacking data that grows past a megabyte', () => {
    const bomb = format1Data(JSON.stringify({ code: ' '.repeat(2_000_000) }));
    expect(bomb.length).toBeLessThan(4000);
    expect(problemOf('1', bomb)).toMatch(/does not unpack/);
  });

  it('refuses data that is not UTF-8 JSON of a program', () => {
    const notUtf8 = deflateSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).toString('base64url');
    expect(problemOf('1', notUtf8)).toMatch(/not a program/);
    expect(problemOf('1', format1Data('{"code": '))).toMatch(/not a program/);
    expect(problemOf('1', format1Data('["print(1)"]'))).toMatch(/not a program/);
    expect(problemOf('1', format1Data('null'))).toMatch(/not a program/);
    expect(problemOf('1', format1Data('{}'))).toMatch(/no program text/);
    expect(problemOf('1', format1Data('{"code": 3}'))).toMatch(/no program text/);
  });

  it('checks every field it reads', () => {
    const with_ = (fields: object) => format1Data(JSON.stringify({ code: 'x', ...fields }));
    expect(problemOf('1', with_({ input: ['a'] }))).toMatch(/input is not text/);
    for (const lesson of ['../x', 'A', '', 'a'.repeat(101), 7, 'javascript:alert(1)']) {
      expect(problemOf('1', with_({ lesson }))).toMatch(/names a lesson/);
    }
    for (const moment of [-1, 1.5, '3', 2 ** 60, null]) {
      expect(problemOf('1', with_({ moment }))).toMatch(/playback position/);
    }
  });

  it('leaves out fields its format does not have', () => {
    expect(
      readShareLink('1', format1Data('{"code": "x", "run": true, "__proto__": {"a": 1}}')),
    ).toEqual({
      ok: true,
      program: { code: 'x' },
    });
  });
});
