/**
 * The render half of `npm run bench` (scripts/bench.mjs bundles this file with esbuild, minified
 * like the deployed functions, and runs the bundle): every event fixture through the full path the
 * deployed functions run — processEvent, the SNS publish (its email body included), then the Slack
 * message the forwarder posts — repeated for about N CPU-seconds; prints {events,
 * eventsPerCpuSecond, microsPerEvent, stages} as JSON, `stages` being the CPU µs per event of each
 * step measured alone. (`notifier render` also draws Teams and the JSON webhook; those are not part
 * of this figure.)
 *
 * Usage: bench-render FIXTURES_DIR [SECONDS]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slackChannel } from '../src/lib/core/channels/slack';
import type { Notification } from '../src/lib/core/notification';
import { fitForSns, type SnsPublishInput } from '../src/lib/core/publish/sns-message';
import { sources } from '../src/lib/core/sources';
import { processEvent } from '../src/lib/pipeline';

const [fixtures = 'tests/fixtures', secondsArg = '3'] = process.argv.slice(2);
const seconds = Number(secondsArg);
/** API responses, not events: the digest and target-health inputs. */
const NOT_EVENTS = ['cost-explorer/', 'elbv2/'];

const inputs = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(json|txt)$/.test(f) && !NOT_EVENTS.some((d) => f.startsWith(d)))
  .sort()
  .map((f) => readFileSync(join(fixtures, f), 'utf8'))
  .map((text) => (text.trimStart().startsWith('{') ? JSON.parse(text) : text));
const ctx = { locale: 'en', timeZone: 'Asia/Tokyo', now: new Date('2024-06-01T00:00:00Z') } as const;

/**
 * The publish made whole, as sending it needs: a Message built by concatenation is a rope in V8 until
 * something reads its characters, which the SDK does when it encodes the request. Reading one
 * character flattens it, so that copy is in the figure (the encoding itself is the SDK's work).
 */
function sent(publish: SnsPublishInput): number {
  return publish.Message.charCodeAt(publish.Message.length >> 1);
}

async function once(): Promise<number> {
  for (const input of inputs) {
    const { notifications } = await processEvent(input, { ctx, sources });
    for (const n of notifications) {
      // The SNS publish (its email body included) and the notification as published, rendered once;
      // then the Slack message of what was published.
      const { notification, publish } = fitForSns(n);
      sent(publish);
      slackChannel.render(notification);
    }
  }
  return inputs.length;
}

/** CPU-seconds each step runs before it is measured: module loading and JIT (V8 compiles a hot
 * function several times over its first thousands of calls) are the cold start's business, not
 * this figure's. One pass was not enough: a step measured right after it read up to 1.5× slower. */
const WARM_UP_SECONDS = 0.5;

/** CPU-seconds used so far by this process. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU µs per event of `step` (one pass over every input), repeated for about `budget` CPU-seconds. */
async function perEvent(step: () => unknown, budget: number): Promise<number> {
  const warmUntil = cpuSeconds() + WARM_UP_SECONDS;
  do await step();
  while (cpuSeconds() < warmUntil);
  const start = process.cpuUsage();
  let events = 0;
  let cpu = 0;
  while (cpu < budget * 1e6) {
    await step();
    events += inputs.length;
    const used = process.cpuUsage(start);
    cpu = used.user + used.system;
  }
  return cpu / events;
}

const published: Notification[] = [];
for (const input of inputs) {
  for (const n of (await processEvent(input, { ctx, sources })).notifications) published.push(n);
}
const fitted = published.map((n) => fitForSns(n).notification);
const stages = {
  processEvent: await perEvent(async () => {
    for (const input of inputs) await processEvent(input, { ctx, sources });
  }, seconds / 4),
  snsPublish: await perEvent(() => {
    for (const n of published) sent(fitForSns(n).publish);
  }, seconds / 4),
  slack: await perEvent(() => {
    for (const n of fitted) slackChannel.render(n);
  }, seconds / 4),
};
const microsPerEvent = await perEvent(once, seconds);
process.stdout.write(
  JSON.stringify({ events: inputs.length, eventsPerCpuSecond: 1e6 / microsPerEvent, microsPerEvent, stages }),
);
