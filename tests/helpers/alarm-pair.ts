import type { Notification } from '../../src/lib/core/notification';
import { sources } from '../../src/lib/core/sources';
import { processEvent } from '../../src/lib/pipeline';
import { fixture } from './fixtures';
import { contexts } from './render-fixture';

const ALARM_FIXTURE = 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json';

/**
 * One alarm's ALARM and, `okAfterMs` later, its OK, as the production pipeline makes them from a
 * recorded EventBridge event (the OK is the same event with the state turned back).
 */
export async function alarmThenOk(
  okAfterMs: number,
  locale: 'en' | 'ja' = 'en',
): Promise<[Notification, Notification]> {
  const alarm = fixture<{ time: string; detail: Record<string, Record<string, unknown>> }>(ALARM_FIXTURE);
  const ok = structuredClone(alarm);
  const alarmAt = Date.parse(String(alarm.detail.state!.timestamp).replace(/\+0000$/, 'Z'));
  const okAt = new Date(alarmAt + okAfterMs).toISOString();
  ok.time = okAt;
  ok.detail.previousState = alarm.detail.state!;
  ok.detail.state = {
    ...alarm.detail.state!,
    value: 'OK',
    timestamp: okAt,
    reason: 'Threshold Crossed: back to normal',
  };
  const notify = async (event: unknown) => {
    const result = await processEvent(event, { ctx: contexts[locale], sources });
    const [n] = result.notifications;
    if (!n) throw new Error('the fixture made no notification');
    return n;
  };
  return [await notify(alarm), await notify(ok)];
}
