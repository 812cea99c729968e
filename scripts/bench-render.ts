/**
 * The render half of `npm run bench` (run by scripts/bench.mjs through tsx): every event fixture
 * through the full path the deployed functions run — processEvent, the SNS publish (its email body
 * included), then the Slack message the forwarder posts — repeated for about N CPU-seconds; prints
 * {events, eventsPerCpuSecond, microsPerEvent} as JSON. (`notifier render` also draws Teams and the
 * JSON webhook; those are not part of this figure.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slackChannel } from '../src/lib/core/channels/slack';
import { fitForSns } from '../src/lib/core/publish/sns-message';
import { sources } from '../src/lib/core/sources';
import { processEvent } from '../src/lib/pipeline';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures');
/** API responses, not events: the digest and target-health inputs. */
const NOT_EVENTS = ['cost-explorer/', 'elbv2/'];
const seconds = Number(process.argv[2] ?? 3);

const inputs = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(json|txt)$/.test(f) && !NOT_EVENTS.some((d) => f.startsWith(d)))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
  .map((text) => (text.trimStart().startsWith('{') ? JSON.parse(text) : text));
const ctx = { locale: 'en', timeZone: 'Asia/Tokyo', now: new Date('2024-06-01T00:00:00Z') } as const;

async function once(): Promise<number> {
  let events = 0;
  for (const input of inputs) {
    const { notifications } = await processEvent(input, { ctx, sources });
    for (const n of notifications) {
      // The SNS publish (its email body included) and the notification as published, rendered once;
      // then the Slack message of what was published.
      const { notification } = fitForSns(n);
      slackChannel.render(notification);
    }
    events += 1;
  }
  return events;
}

await once(); // warm-up: module loading and JIT are the cold start's business, not this figure's
const start = process.cpuUsage();
let events = 0;
let cpu = 0;
while (cpu < seconds * 1e6) {
  events += await once();
  const used = process.cpuUsage(start);
  cpu = used.user + used.system;
}
process.stdout.write(
  JSON.stringify({ events: inputs.length, eventsPerCpuSecond: events / (cpu / 1e6), microsPerEvent: cpu / events }),
);
