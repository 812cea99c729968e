/**
 * The render half of `npm run bench` (scripts/bench.mjs bundles this file with esbuild, minified
 * like the deployed functions, and runs the bundle): every event fixture through the full path the
 * deployed functions run — processEvent, the SNS publish (its email body included), then the Slack
 * message the forwarder posts — repeated for about N CPU-seconds; prints {events,
 * eventsPerCpuSecond, microsPerEvent, stages, warmUp} as JSON, `stages` being the CPU µs per event of each
 * step measured alone and `warmUp` the CPU-seconds each step ran before it was measured. (`notifier render` also draws Teams and the JSON webhook; those are not part
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

/**
 * How long each step warms up before it is measured. Module loading and JIT are the cold start's
 * business, not this figure's: V8 compiles a hot function several times over its first thousands of
 * calls, on background threads whose CPU this process is charged for, and with 180 fixtures of eight
 * sources most functions see one call a pass. A fixed half second was not enough: processEvent read
 * 51 µs an event after it and 26 µs once warm. So a step warms in windows of
 * {@link WARM_UP_WINDOW_SECONDS} until {@link FLAT_WINDOWS} windows in a row are no faster than the
 * best before them by {@link STILL_IMPROVING}, within {@link WARM_UP_MIN_SECONDS}..{@link WARM_UP_MAX_SECONDS}
 * (steps here settled after 3–6.5 CPU-s; with a 2 s floor and two windows, noise once stopped a
 * step at 3 s that read 38 µs, against 25 once warm).
 */
const WARM_UP_WINDOW_SECONDS = 0.5;
const WARM_UP_MIN_SECONDS = 4;
/** Windows in a row without a new best that end the warm-up. */
const FLAT_WINDOWS = 3;
const WARM_UP_MAX_SECONDS = 20;
/** A window at most this fraction of the best window's µs an event is a new best. */
const STILL_IMPROVING = 0.98;

/** CPU-seconds used so far by this process. */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU µs per event of `step` run repeatedly for about `budget` CPU-seconds. */
async function timed(step: () => unknown, budget: number): Promise<number> {
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

/** CPU-seconds spent warming each step, by step name, for the output. */
const warmUp: Record<string, number> = {};

/**
 * CPU µs per event of `step` (one pass over every input) once warm, repeated for about `budget`
 * CPU-seconds.
 */
async function perEvent(name: string, step: () => unknown, budget: number): Promise<number> {
  const warmStart = cpuSeconds();
  let best = Number.POSITIVE_INFINITY;
  let flat = 0;
  for (;;) {
    const micros = await timed(step, WARM_UP_WINDOW_SECONDS);
    flat = micros > best * STILL_IMPROVING ? flat + 1 : 0;
    best = Math.min(best, micros);
    const warmed = cpuSeconds() - warmStart;
    if ((flat >= FLAT_WINDOWS && warmed >= WARM_UP_MIN_SECONDS) || warmed >= WARM_UP_MAX_SECONDS) break;
  }
  warmUp[name] = Math.round((cpuSeconds() - warmStart) * 10) / 10;
  return timed(step, budget);
}

const published: Notification[] = [];
for (const input of inputs) {
  for (const n of (await processEvent(input, { ctx, sources })).notifications) published.push(n);
}
const fitted = published.map((n) => fitForSns(n).notification);
const stages = {
  processEvent: await perEvent(
    'processEvent',
    async () => {
      for (const input of inputs) await processEvent(input, { ctx, sources });
    },
    seconds / 4,
  ),
  snsPublish: await perEvent(
    'snsPublish',
    () => {
      for (const n of published) sent(fitForSns(n).publish);
    },
    seconds / 4,
  ),
  slack: await perEvent(
    'slack',
    () => {
      for (const n of fitted) slackChannel.render(n);
    },
    seconds / 4,
  ),
};
const microsPerEvent = await perEvent('full path', once, seconds);
process.stdout.write(
  JSON.stringify({ events: inputs.length, eventsPerCpuSecond: 1e6 / microsPerEvent, microsPerEvent, stages, warmUp }),
);
