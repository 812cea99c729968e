/**
 * End to end, warm (run by scripts/bench.mjs in a process of its own): an alarm event through the
 * packaged alarm function, its SNS publish to a local SNS stub, which delivers the `lambda` message
 * to the packaged Slack forwarder as SNS does, which posts to a local Slack receiver. Each sample
 * is the wall time from invoking the alarm function to the receiver having the message.
 * Prints {samples, p50, p99} (ms) as JSON.
 *
 * Usage: node e2e.mjs ALARM_BUNDLE SLACK_BUNDLE EVENT_FILE [SAMPLES]
 */
import { readFileSync } from 'node:fs';
import { benchEnv, lambdaContext, snsEventFor, startStubs } from './stubs.mjs';

const [alarmBundle, slackBundle, eventFile, samplesArg = '300'] = process.argv.slice(2);
const SAMPLES = Number(samplesArg);
const WARM_UP = 30;
const context = lambdaContext();

let delivered;
let forwarding = Promise.resolve();
let slack;
const stubs = await startStubs({
  // SNS invokes the subscribed function asynchronously, after answering the publisher.
  onPublish: (params) => {
    const message = JSON.parse(params.get('Message')).lambda;
    forwarding = Promise.resolve().then(() => slack.main(snsEventFor(message, params.get('TopicArn')), context));
  },
  onSlack: () => delivered?.(),
});
Object.assign(process.env, benchEnv(stubs));
const alarm = await import(alarmBundle);
slack = await import(slackBundle);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));

async function once() {
  const received = new Promise((resolve) => {
    delivered = resolve;
  });
  const start = performance.now();
  await alarm.main(structuredClone(event), context);
  await received;
  const ms = performance.now() - start;
  await forwarding;
  return ms;
}

for (let i = 0; i < WARM_UP; i++) await once();
const times = [];
for (let i = 0; i < SAMPLES; i++) times.push(await once());
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
await stubs.close();
process.stdout.write(`\n${JSON.stringify({ samples: SAMPLES, p50: at(0.5), p99: at(0.99) })}\n`);
process.exit(0);
