import { describe, expect, it } from 'vitest';
import { describeLimits, parseLimits } from './limitOptions';

const NAMES = 'the limits are virtual-time, iterations, events, output, tasks';

describe('parseLimits', () => {
  it('turns each NAME=VALUE into the RunRequest field it sets', () => {
    expect(
      parseLimits([
        'virtual-time=86400',
        'iterations=5000000',
        'events=10',
        'output=2.5e6',
        'tasks=500',
      ]),
    ).toEqual({
      ok: true,
      limits: {
        maxVirtualTime: 86400,
        maxIterations: 5_000_000,
        maxEvents: 10,
        maxOutputChars: 2_500_000,
        maxTasks: 500,
      },
    });
    expect(parseLimits([])).toEqual({ ok: true, limits: {} });
  });

  it('lets a later value for the same limit win', () => {
    expect(parseLimits(['virtual-time=10', 'virtual-time=0.5'])).toEqual({
      ok: true,
      limits: { maxVirtualTime: 0.5 },
    });
  });

  it('names the accepted limits when the name is unknown', () => {
    expect(parseLimits(['iterations=5', 'time=60'])).toEqual({
      ok: false,
      message: `--limit time=60: unknown limit; ${NAMES}`,
    });
    expect(parseLimits(['=60'])).toEqual({
      ok: false,
      message: `--limit =60: unknown limit; ${NAMES}`,
    });
  });

  it.each([
    ['iterations=0', 'iterations needs a positive whole number (event-loop iterations)'],
    ['iterations=-3', 'iterations needs a positive whole number (event-loop iterations)'],
    ['iterations=1.5', 'iterations needs a positive whole number (event-loop iterations)'],
    ['virtual-time=', 'virtual-time needs a positive number (virtual seconds)'],
    ['virtual-time', 'virtual-time needs a positive number (virtual seconds)'],
    ['virtual-time=Infinity', 'virtual-time needs a positive number (virtual seconds)'],
    ['output=lots', 'output needs a positive whole number (characters of stdout and stderr)'],
  ])('refuses --limit %s', (spec, complaint) => {
    expect(parseLimits([spec])).toEqual({
      ok: false,
      message: `--limit ${spec}: ${complaint}; ${NAMES}`,
    });
  });
});

describe('describeLimits', () => {
  it('lists every limit with its default, for the usage text', () => {
    expect(describeLimits().split('\n')).toEqual([
      'limits (--limit NAME=VALUE, repeatable; the defaults):',
      '  virtual-time     3600  virtual seconds',
      '  iterations    1000000  event-loop iterations',
      '  events        2000000  trace events',
      '  output        4000000  characters of stdout and stderr',
      '  tasks          100000  tasks created',
    ]);
  });
});
