import { describeWait } from '../../shared/waitLabels';
import type { PendingTimer, QueuedHandle } from './model/loopState';
import type { TimelineModel } from './model/timelineBuilder';

/**
 * Entries listed per list; a run of 10,000 tasks would otherwise rebuild
 * tens of thousands of list items on every redraw.
 */
export const MAX_LISTED = 50;

function More({ total }: { readonly total: number }) {
  if (total <= MAX_LISTED) return null;
  return <p className="event-loop-more">and {(total - MAX_LISTED).toLocaleString('en')} more</p>;
}

interface EventLoopPanelProps {
  readonly model: TimelineModel;
  /** The playback moment shown. */
  readonly moment: number;
  /** List asyncio's own callbacks and helper tasks too (otherwise only the learner's). */
  readonly showInternal: boolean;
}

/** A sleep's or a timeout's timer speaks of the learner's task; asyncio's other timers are its own. */
function learnersTimer(timer: PendingTimer): boolean {
  return timer.task !== null && (timer.callback === 'sleep' || timer.callback === 'timeout');
}

function handleWords(handle: QueuedHandle): string {
  return handle.cancelled ? `${handle.label} (cancelled, will be skipped)` : handle.label;
}

/**
 * The loop as it stands at the playback cursor, rebuilt from the trace: what
 * runs, the ready queue in order, the timers by deadline, and what every
 * waiting task waits on. Unless asked, asyncio's own callbacks and helper
 * tasks are left out, as playback folds them away.
 */
export function EventLoopPanel({ model, moment, showInternal }: EventLoopPanelProps) {
  const at = model.moments[moment];
  if (at === undefined) return null;
  const state = model.loopStateAt(at.event);
  const name = model.taskName;
  // Inside a step the handle running is still the front of the queue (the
  // first not cancelled). A print by no task or thread came from outside
  // the loop, as the model places it: nothing runs then.
  const printed = model.events[at.event];
  const insideStep =
    printed?.type === 'output' && (printed.task !== null || printed.thread !== null);
  const running = insideStep ? state.ready.front() : null;
  const runningListed = running !== null && (showInternal || !running.internal);
  // One more than listed: the running handle, if among them, is left out.
  const queue = state.ready
    .first(MAX_LISTED + 1, showInternal)
    .filter((handle) => handle.h !== running?.h)
    .slice(0, MAX_LISTED);
  const queued =
    (showInternal ? state.ready.size : state.ready.learnerSize) - (runningListed ? 1 : 0);
  const timers = showInternal ? state.timers : state.timers.filter(learnersTimer);
  const iteration =
    model.iterations[model.steps[at.step]?.iteration ?? model.iterations.length - 1];
  return (
    <section className="event-loop-panel" aria-label="Event loop">
      <h3>Event loop</h3>
      <p>
        {state.t.toFixed(3)} s of virtual time
        {iteration === undefined ? '' : `, loop iteration ${iteration.n}`}
      </p>
      <h4>Running</h4>
      <p aria-label="Running">
        {running !== null
          ? `${running.label} is running`
          : state.ran !== null
            ? `${state.ran.label} just ran`
            : 'Nothing'}
      </p>
      <h4 id="event-loop-ready">Ready queue</h4>
      {queue.length === 0 ? (
        <p>Empty</p>
      ) : (
        <ol aria-labelledby="event-loop-ready">
          {queue.map((handle) => (
            <li key={handle.h}>{handleWords(handle)}</li>
          ))}
        </ol>
      )}
      <More total={queued} />
      <h4 id="event-loop-timers">Timers</h4>
      {timers.length === 0 ? (
        <p>None</p>
      ) : (
        <ul aria-labelledby="event-loop-timers">
          {timers.slice(0, MAX_LISTED).map((timer) => (
            <li key={timer.h}>
              {timer.when.toFixed(3)} s: {timer.callback}
              {timer.task === null ? '' : ` (${name(timer.task)})`}
            </li>
          ))}
        </ul>
      )}
      <More total={timers.length} />
      <h4 id="event-loop-waiting">Waiting</h4>
      {state.waits.length === 0 ? (
        <p>No task waits</p>
      ) : (
        <ul aria-labelledby="event-loop-waiting">
          {state.waits.slice(0, MAX_LISTED).map((wait) => {
            const line = wait.chain[wait.chain.length - 1]?.line;
            return (
              <li key={wait.task}>
                {name(wait.task)}: {describeWait(wait.reason, wait.since, name)}
                {line === undefined ? '' : ` (line ${line})`}
              </li>
            );
          })}
        </ul>
      )}
      <More total={state.waits.length} />
    </section>
  );
}
