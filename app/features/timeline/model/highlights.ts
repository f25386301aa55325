import type { LineHighlight } from '../../../shared/lineHighlight';
import { describeWait } from '../../../shared/waitLabels';
import type { TimelineModel } from './timelineBuilder';

/**
 * The program's lines at playback moment `moment`: the line running now, in
 * the colour of its task, and the line each other task is paused at, with
 * why. asyncio's helper tasks run no learner code and have no lines.
 */
export function highlightsAt(model: TimelineModel, moment: number): LineHighlight[] {
  const at = model.moments[moment];
  if (at === undefined) return [];
  const name = model.taskName;
  const step = model.steps[at.step];
  const event = model.events[at.event];
  // A print's step may still be streaming in: its own event names the task.
  const runningTask = event?.type === 'output' ? event.task : (step?.task ?? null);
  const chain = event?.type === 'output' || event?.type === 'task.suspend' ? event.chain : [];
  const highlights: LineHighlight[] = [];
  const waits = model.loopStateAt(at.event).waits;
  const runningLine = at.kind === 'print' ? at.line : (step?.line ?? null);
  if (runningLine !== null) {
    const who = runningTask === null ? 'A callback' : name(runningTask);
    const ownWait =
      at.kind === 'step-end' ? waits.find((wait) => wait.task === runningTask) : undefined;
    highlights.push({
      line: runningLine,
      task: runningTask,
      kind: 'running',
      text:
        at.kind === 'print'
          ? `▶ ${who} prints here`
          : ownWait
            ? `▶ ${who} ran to here and waits: ${describeWait(ownWait.reason, ownWait.since, name)}`
            : `▶ ${who} ran to here`,
    });
    // The calls it is inside: the seed's main calling greet on line 7, then on line 8.
    for (const [depth, frame] of chain.slice(0, -1).entries()) {
      highlights.push({
        line: frame.line,
        task: runningTask,
        kind: 'caller',
        text: `▷ ${who} is in ${chain[depth + 1]?.fn ?? '?'}() called here`,
      });
    }
  }
  for (const wait of waits) {
    // The task that just ran to its wait is marked there already.
    if (wait.task === runningTask && at.kind === 'step-end') continue;
    const line = wait.chain[wait.chain.length - 1]?.line;
    if (line === undefined) continue;
    highlights.push({
      line,
      task: wait.task,
      kind: 'paused',
      text: `⏸ ${name(wait.task)} waits: ${describeWait(wait.reason, wait.since, name)}`,
    });
  }
  return highlights;
}
