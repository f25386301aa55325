/**
 * The words of a hover card: everything the model knows about the segment
 * or mark under the pointer. Pure, so tests can read them.
 */
import { plainText } from '../model/codeSpans';
import { formatSeconds } from '../../../shared/waitLabels';
import type { TimelineModel } from '../model/timelineBuilder';
import {
  stepOfEdge,
  type Edge,
  type Lane,
  type Overlay,
  type Segment,
  type TaskOutcome,
} from '../model/types';
import { lineOfHit, type TimelineHit } from './hitTest';

export interface HitDescription {
  readonly title: string;
  /** Label and value pairs, one a line of the card. */
  readonly details: readonly (readonly [string, string])[];
}

const SEGMENT_KIND: Record<Segment['kind'], string> = {
  running: 'Running',
  ready: 'Ready (queued, waiting its turn)',
  suspended: 'Suspended at an await',
};

export function describeHit(hit: TimelineHit): HitDescription {
  const { model } = hit.section;
  const previous = hit.section.run === 'previous' ? ' (previous run)' : '';
  const details: [string, string][] = [];
  const line = lineOfHit(hit);
  switch (hit.kind) {
    case 'segment': {
      const { segment } = hit;
      details.push(['State', SEGMENT_KIND[segment.kind]]);
      if (segment.label !== '') details.push(['Waits on', segment.label]);
      if (segment.reason?.deadline !== undefined) {
        details.push(['Timeout at', formatSeconds(segment.reason.deadline)]);
      }
      if (segment.chain.length > 0) {
        details.push([
          'In',
          segment.chain.map((frame) => `${frame.fn} (line ${frame.line})`).join(' → '),
        ]);
      }
      details.push(['From', describeEdge(model, segment.from)]);
      details.push(['To', segment.to === null ? 'still going' : describeEdge(model, segment.to)]);
      if (line !== null) details.push(['Line', String(line)]);
      return { title: hit.row.lane.label + previous, details };
    }
    case 'end':
    case 'label': {
      const { lane } = hit.row;
      if (lane.outcome) details.push(['Outcome', describeOutcome(lane.outcome)]);
      if (lane.endedAt !== null) details.push(['At', describeEdge(model, lane.endedAt)]);
      details.push(['Created', describeCreation(lane)]);
      if (line !== null) details.push(['Line', String(line)]);
      return { title: lane.label + previous, details };
    }
    case 'print':
      details.push(['Printed', hit.mark.text.replace(/\n$/, '')]);
      details.push(['To', hit.mark.stream]);
      details.push(['At', describeEdge(model, hit.mark.at)]);
      return { title: hit.row.lane.label + previous, details };
    case 'overlay':
      details.push(['Why', plainText(hit.overlay.text)]);
      details.push(['At', describeEdge(model, hit.overlay.at)]);
      if (line !== null) details.push(['Line', String(line)]);
      return { title: `! ${overlayTitle(hit.overlay.kind)}${previous}`, details };
    case 'blocked': {
      const { band } = hit;
      const who = band.task === null ? 'a callback' : model.taskName(band.task);
      details.push(['By', who]);
      details.push(['For', formatSeconds(band.duration)]);
      details.push([
        'From',
        `${formatSeconds(band.t)} to ${formatSeconds(band.t + band.duration)}`,
      ]);
      if (line !== null) details.push(['Line', String(line)]);
      return { title: `The loop was blocked${previous}`, details };
    }
  }
}

/** An edge in words: `step 4 start (iteration 2), 0 s`. */
export function describeEdge(model: TimelineModel, edge: Edge): string {
  const index = stepOfEdge(edge);
  const step = model.steps[index];
  if (step === undefined) return 'after the last step';
  const iteration = model.iterations[step.iteration];
  const side = edge % 2 === 0 ? 'start' : 'end';
  const time = edge % 2 === 0 ? step.t0 : step.t1;
  const column = iteration === undefined ? '' : ` (iteration ${iteration.n})`;
  return `step ${index + 1} ${side}${column}, ${formatSeconds(time)}`;
}

function describeOutcome(outcome: TaskOutcome): string {
  switch (outcome.kind) {
    case 'result':
      return outcome.repr === '' ? 'finished' : `returned ${outcome.repr}`;
    case 'cancelled':
      return 'cancelled';
    case 'exception':
      return `raised ${outcome.error}${outcome.message === '' ? '' : `: ${outcome.message}`}`;
  }
}

function describeCreation(lane: Lane): string {
  const where = lane.line === null ? '' : ` at line ${lane.line}`;
  return `by ${lane.api}${where}`;
}

function overlayTitle(kind: Overlay['kind']): string {
  switch (kind) {
    case 'blocking-call':
      return 'Blocking code';
    case 'never-awaited':
      return 'A coroutine never awaited';
    case 'exception-never-retrieved':
      return 'An exception nobody retrieved';
    case 'cancelled-at-shutdown':
      return 'Cancelled at shutdown';
  }
}
