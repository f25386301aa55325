/**
 * The timeline's model: what a trace says, arranged for drawing and replay.
 * Built from the trace by timelineBuilder.ts; the canvas, the playback bar,
 * the event-loop panel and the event table read it and nothing else.
 *
 * Positions are **edges**: step `i` (the i-th handle the loop ran, from 0)
 * starts at edge `2 * i` and ends at edge `2 * i + 1`. The trace records
 * when a step ends, never where inside it something happened, so an event
 * recorded during step `i` is placed at its end (`2 * i + 1`), and one
 * recorded between steps (before the loop starts, between `asyncio.run`'s
 * loops) at the start of the next step. Both axes map edges to x: the step
 * axis by the step's place in its loop iteration, the time axis by the
 * step's virtual start and end times.
 */
import type { ChainFrame, HandleId, TaskId, WaitReason } from '../../../runtime/traceSchema';

/** A position on the timeline (see the file comment). */
export type Edge = number;

export function stepStart(step: number): Edge {
  return 2 * step;
}

export function stepEnd(step: number): Edge {
  return 2 * step + 1;
}

/** The step an edge belongs to. */
export function stepOfEdge(edge: Edge): number {
  return Math.floor(edge / 2);
}

/** One handle the loop ran: a task's step or a callback. */
export interface Step {
  readonly index: number;
  /** The loop iteration it ran in: an index into `iterations` (a column on the step axis). */
  readonly iteration: number;
  /** Its place among the steps of its iteration, from 0. */
  readonly slot: number;
  readonly h: HandleId | null;
  /** The task whose step it was; null for a callback. */
  readonly task: TaskId | null;
  /** The callback's name (`sleep`, `gather.<locals>._done_callback`); null for a task's step. */
  readonly callback: string | null;
  /** Virtual time when it started and ended (later only when it blocked the loop). */
  readonly t0: number;
  readonly t1: number;
  /** Index in the trace of the event that ended it. */
  readonly endEvent: number;
  /** The learner's line where a task's step stopped (its suspend line, or where it raised). */
  readonly line: number | null;
}

/** One iteration of the event loop: a column on the step axis. */
export interface Iteration {
  /** The trace's `n` (a second loop, e.g. a second `asyncio.run`, counts from 1 again). */
  readonly n: number;
  readonly t: number;
  /** Its first step, and how many have run (none when every handle was cancelled). */
  readonly firstStep: number;
  steps: number;
}

/** How a task finished. */
export type TaskOutcome =
  | { readonly kind: 'result'; readonly repr: string }
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'exception';
      readonly error: string;
      readonly message: string;
      readonly line: number | null;
    };

/** What a stretch of a lane shows. */
export type SegmentKind =
  /** The task's step runs (or the thread's function). */
  | 'running'
  /** In the ready queue, not yet run. */
  | 'ready'
  /** Waiting at an await; `reason` says on what. */
  | 'suspended';

export interface Segment {
  readonly kind: SegmentKind;
  readonly from: Edge;
  /** Null while it lasts (the run is streaming in, or ended with the task still there). */
  to: Edge | null;
  /** For `suspended`: what it waits on, and the learner's frames it waits in. */
  readonly reason: WaitReason | null;
  readonly chain: readonly ChainFrame[];
  /**
   * Short words for the bar ("sleep 1 s", "waits for Task-3", "gather (2 left)");
   * a wait a timeout cut short says so when the timeout fires.
   */
  label: string;
  /** The learner's line the segment is about (where it waits; where the step stopped). */
  readonly line: number | null;
  /** For `running`: the step. */
  readonly step: number | null;
}

/** A row of the timeline: a task, or a simulated worker thread. */
export interface Lane {
  /** `task:3` or `thread:1`: stable across rebuilds. */
  readonly key: string;
  readonly kind: 'task' | 'thread';
  /** The task id, or the thread id. */
  readonly id: number;
  /** `Task-2`, or `thread 1`. */
  readonly name: string;
  /** `fetch('b')`, or the thread's function. */
  readonly coro: string;
  /** `Task-2 · fetch('b')`. */
  readonly label: string;
  /** The task that created it (a thread: the task that submitted it). */
  readonly parent: TaskId | null;
  /** How deep it is nested under its creators (0: top level). */
  readonly depth: number;
  /** asyncio's own helper tasks, hidden unless asked for. */
  readonly internal: boolean;
  /** The learner's line that created it, and how (`gather`, `TaskGroup`, `to_thread` …). */
  readonly line: number | null;
  readonly api: string;
  readonly createdAt: Edge;
  endedAt: Edge | null;
  outcome: TaskOutcome | null;
  /** In order of `from`; consecutive, never overlapping. */
  readonly segments: Segment[];
}

/** An arrow between lanes. */
export interface Arrow {
  readonly kind: 'create' | 'wake' | 'cancel';
  /** Where it starts: a lane, or a timer (a sleep's or timeout's deadline) with no lane. */
  readonly fromLane: string | null;
  readonly toLane: string;
  readonly at: Edge;
  /** For `wake` and `cancel` with no lane: `timer`, `timeout`, `shutdown`, a callback name. */
  readonly cause: string;
}

/** A mark for one write to stdout or stderr. */
export interface PrintMark {
  readonly lane: string | null;
  readonly at: Edge;
  /** Index of the `output` event in the trace. */
  readonly event: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  /** The learner's line that wrote it, if learner code did. */
  readonly line: number | null;
}

/** Blocking code (a blocking call or busy work) that froze every task: a band across all lanes. */
export interface BlockedBand {
  readonly step: number;
  readonly task: TaskId | null;
  readonly line: number | null;
  readonly t: number;
  readonly duration: number;
}

/** A mistake the trace reveals, marked on the timeline with a short explanation. */
export interface Overlay {
  readonly kind:
    'blocking-call' | 'never-awaited' | 'exception-never-retrieved' | 'cancelled-at-shutdown';
  readonly lane: string | null;
  readonly at: Edge;
  readonly line: number | null;
  /** One or two sentences for the learner. */
  readonly text: string;
}

/**
 * A playback position: the end of a step, or a write to the output inside a
 * step (so a step that prints three lines can be followed line by line).
 */
export interface Moment {
  readonly step: number;
  /** Where it is on the timeline. */
  readonly at: Edge;
  /** Index of the last trace event that has happened at this moment. */
  readonly event: number;
  readonly kind: 'print' | 'step-end';
  /** The learner's line running at this moment, if known. */
  readonly line: number | null;
  /**
   * asyncio's own: the end of one of its callbacks (a sleep's timer, gather's
   * bookkeeping, `asyncio.run` finishing) or of a step of its helper tasks.
   * Playback folds it into the learner's moment it serves unless asked to show it.
   */
  readonly internal: boolean;
}
