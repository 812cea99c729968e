#!/usr/bin/env node
/**
 * `node --import tsx scripts/bench-hostile.mjs [--timeout SECONDS] [CASE…]`: CPU time of hostile
 * inputs through the alarm and budget handlers (createAlarmHandler / createBudgetHandler, i.e.
 * createIngestHandler, with a mocked SNS client), for issue 8's "any event ≤ 256 KB in under 1 s
 * of CPU". A measurement, not a test: the complexity
 * tests (tests/lib/core/render/linear-time.test.ts) check growth by doubling instead.
 *
 * Cases: a 40 KB plain-text message (a run of spaces; blank lines), a 256 KB SNS event of every
 * hostile generator at once and a 256 KB EventBridge alarm event (a reason of digits, lone
 * surrogates in the name), and messages nested 64 (the bound), 600 and 5,000 levels deep.
 *
 * Each case × handler runs in its own child process, so one that takes minutes (the quadratic code
 * this was written against) is stopped at --timeout (default 60 s) and reported as such, and the
 * others still run. Figures are process CPU (user + system) of the handler call after a warm-up
 * call on a small fixture; the best of up to 3 runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const KB = 1024;

/** SNS→Lambda event around one message, from the plain-text fixture. */
function snsEvent(message) {
  const event = JSON.parse(
    readFileSync(new URL('../tests/fixtures/sns/plain-text-multiline-sns-event.json', import.meta.url), 'utf8'),
  );
  event.Records = [{ ...event.Records[0], Sns: { ...event.Records[0].Sns, Message: message } }];
  return event;
}

/** `{"a":{"a":…{"a":"x"}…}}`, `depth` objects deep, as JSON text. */
const nested = (depth) => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;

/** The longest start of `text` whose SNS event is at most `bytes` as JSON (escapes included). */
function snsEventWithin(bytes, text) {
  let low = 0;
  let high = text.length;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (Buffer.byteLength(JSON.stringify(snsEvent(text.slice(0, mid)))) <= bytes) low = mid;
    else high = mid;
  }
  return snsEvent(text.slice(0, low));
}

/** Hostile blocks, one of each generator the linear-time tests use, about `bytes` long in all. */
function hostileMix(bytes) {
  const block = bytes / 8;
  return [
    `x${' '.repeat(block - 2)}x`,
    `${'\n'.repeat(block - 1)}x`,
    '\n \n'.repeat(block / 3),
    '1'.repeat(block),
    'http://'.repeat(block / 7),
    '<<<<&&&&'.repeat(block / 8),
    `Budget Name:${' '.repeat(block - 20)}x\u2028y`,
    'alert you when the actual cost associated with your  greater than'.repeat(block / 70),
  ].join('\n');
}

/** An EventBridge alarm event padded to `bytes` with a reason of digits and a name with lone surrogates. */
function alarmEvent(bytes) {
  const event = JSON.parse(
    readFileSync(
      new URL('../tests/fixtures/cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', import.meta.url),
      'utf8',
    ),
  );
  const size = JSON.stringify(event).length;
  event.detail.alarmName = `web \ud800 ${'\udc00'.repeat(20)}`;
  event.detail.state.reason = '1'.repeat(bytes - size - 200);
  return event;
}

/** Each case builds its input; sizes are of the whole event as JSON (UTF-8). */
const cases = {
  'text-40k': () => snsEvent(`x${' '.repeat(40 * KB - 2)}x`),
  'text-40k-newlines': () => snsEvent('\n \n'.repeat((40 * KB) / 3)),
  'event-256k-sns': () => snsEventWithin(256 * KB, hostileMix(256 * KB)),
  'event-256k-alarm': () => alarmEvent(256 * KB),
  'nested-64': () => snsEvent(nested(64)),
  'nested-600': () => snsEvent(nested(600)),
  'nested-5000': () => snsEvent(nested(5000)),
};
const handlers = ['alarm', 'budget'];

/** A message cut in the middle, so both where and what stay readable on one line. */
const short = (text) => (text.length <= 80 ? text : `${text.slice(0, 30)}…${text.slice(-49)}`);

/** Child: one case through one handler; prints one JSON line. */
async function runOne(caseName, handlerName) {
  const [{ mockClient }, { PublishCommand, SNSClient }, { createAlarmHandler }, { createBudgetHandler }] =
    await Promise.all([
      import('aws-sdk-client-mock'),
      import('@aws-sdk/client-sns'),
      import('../src/handlers/alarm.ts'),
      import('../src/handlers/budget.ts'),
    ]);
  mockClient(SNSClient).on(PublishCommand).resolves({ MessageId: 'bench' });
  const env = { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:notifications' };
  const create = handlerName === 'budget' ? createBudgetHandler : createAlarmHandler;
  const handler = create({ env, sns: () => new SNSClient({}) });
  await handler(snsEvent('warm-up')).catch(() => undefined);
  const event = cases[caseName]();
  const bytes = Buffer.byteLength(JSON.stringify(event));
  let best = Number.POSITIVE_INFINITY;
  let outcome = '';
  for (let run = 0; run < 3 && (run === 0 || best < 2000); run++) {
    const start = process.cpuUsage();
    outcome = await handler(event).then(
      (summary) => `published ${summary.published}, ignored ${summary.ignored}`,
      (error) => `${error?.name}: ${short(String(error?.message))}`,
    );
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ cpuMs: best, bytes, outcome })}\n`);
}

/** Parent: every case × handler in a child process, stopped at the timeout. */
function runAll(selected, timeoutSeconds) {
  console.log(`case                 handler  event bytes   CPU          outcome`);
  for (const caseName of selected) {
    for (const handlerName of handlers) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', caseName, handlerName], {
        encoding: 'utf8',
        timeout: timeoutSeconds * 1000,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIDBENCHONLY',
          AWS_SECRET_ACCESS_KEY: 'bench-only-not-a-secret',
          AWS_REGION: 'us-east-1',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
      });
      const line = child.stdout?.trim().split('\n').at(-1) ?? '';
      let cpu;
      let bytes = '';
      let outcome;
      if (child.error?.code === 'ETIMEDOUT') {
        cpu = `> ${timeoutSeconds} s`;
        outcome = 'stopped at the timeout';
      } else {
        try {
          const result = JSON.parse(line);
          cpu = `${result.cpuMs.toFixed(1)} ms`;
          bytes = String(result.bytes);
          outcome = result.outcome;
        } catch {
          cpu = 'crashed';
          outcome =
            (child.stderr ?? '')
              .trim()
              .split('\n')
              .find((l) => /Error/.test(l)) ?? `exit ${child.status}`;
        }
      }
      console.log(
        `${caseName.padEnd(20)} ${handlerName.padEnd(8)} ${bytes.padStart(11)}   ${cpu.padEnd(12)} ${outcome}`,
      );
    }
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await runOne(args[1], args[2]);
} else {
  const at = args.indexOf('--timeout');
  const timeoutSeconds = at === -1 ? 60 : Number(args[at + 1]);
  const named = args.filter((a, i) => a !== '--timeout' && args[i - 1] !== '--timeout');
  const unknown = named.filter((name) => !(name in cases));
  if (unknown.length > 0) {
    console.error(`unknown case(s): ${unknown.join(', ')}; known: ${Object.keys(cases).join(', ')}`);
    process.exit(2);
  }
  runAll(named.length > 0 ? named : Object.keys(cases), timeoutSeconds);
}
