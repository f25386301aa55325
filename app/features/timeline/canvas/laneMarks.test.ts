import { describe, expect, it } from 'vitest';
import { readGoldenTrace } from '../../../../tests/golden/goldenTrace';
import { buildTimeline, createTimelineBuilder } from '../model/timelineBuilder';
import { laneMarks } from './laneMarks';

describe("each lane's marks", () => {
  it('files arrows under both their lanes and prints under the lane that printed', () => {
    const marks = laneMarks(buildTimeline(readGoldenTrace('gather_sleeps')));
    expect(marks('task:1').arrowsOut.map((arrow) => arrow.toLane)).toEqual([
      'task:2',
      'task:3',
      'task:4',
    ]);
    expect(marks('task:1').arrowsIn.map((arrow) => [arrow.kind, arrow.fromLane])).toEqual([
      ['wake', 'task:4'],
    ]);
    expect(marks('task:2').prints.map((mark) => mark.text)).toEqual(['a done\n']);
    expect(marks('task:99')).toEqual({ arrowsIn: [], arrowsOut: [], prints: [] });
  });

  it('grows with a streaming run to what the whole run gives', () => {
    const events = readGoldenTrace('queue_workers');
    const whole = laneMarks(buildTimeline(events));
    const builder = createTimelineBuilder();
    let streamed = laneMarks(builder.model);
    for (const event of events) {
      builder.append([event]);
      streamed = laneMarks(builder.model);
    }
    for (const lane of builder.model.lanes) expect(streamed(lane.key)).toEqual(whole(lane.key));
  });
});
