/**
 * The storm: 1,000 distinct CloudWatch alarms at once, through the real handlers, the way AWS runs
 * them, against a local Slack webhook that takes one message a second (429 + Retry-After beyond).
 * Not part of `npm test`: it runs in real time (a few minutes).
 * `npm run storm [-- --mode before|after] [--spread SECONDS]`.
 *
 * - alarm events → the alarm function (`createAlarmHandler`, 50 at a time, as EventBridge invokes it)
 *   → an in-process SNS topic that applies the subscriptions' filter policies;
 * - before (the SNS→Lambda fan-out this project had): every message invokes the slack function
 *   asynchronously, 50 at a time, with Lambda's two retries, then the dead-letter queue; every
 *   message also reaches each email address;
 * - after: the topic → the Slack and email queues (raw delivery) → each function through an event
 *   source mapping (batches of up to 100, the batching window, at most 2 invocations, partial batch
 *   failures, visibility timeout, maxReceiveCount → dead-letter queue), with deliver-once on a local
 *   DynamoDB (dynalite) and the email function publishing to the email topic.
 *
 * Real time: Slack's rate, the functions' timeouts, the batching windows. Scaled (by TIME_SCALE, so
 * a run stays within minutes): Lambda's async retry delays (1 and 2 min) and the queues' visibility
 * timeout (180 s). Prints alarms delivered (the alarm names found in the messages Slack accepted),
 * Slack messages, emails, dead letters, the time to the first message and the total time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'AKIDSTORMSTORM';
process.env.AWS_SECRET_ACCESS_KEY ??= 'storm-secret';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { readFileSync } = await import('node:fs');
const { createAlarmHandler } = await import('../src/handlers/alarm');
const { createSlackHandler } = await import('../src/handlers/slack');
const { createEmailHandler } = await import('../src/handlers/email');
const { startLocalDynamoDb } = await import('../tests/helpers/dynamodb-local');

const ALARMS = 1_000;
/** How many alarm and (before) slack invocations run at once: Lambda scales out to this for a burst. */
const ASYNC_CONCURRENCY = 50;
/** Slack incoming webhooks: about one message a second (TOOLCHAIN.md, 14). */
const SLACK_INTERVAL_MS = 1_000;
const FUNCTION_TIMEOUT_MS = 30_000;
/** Lambda's async retries come 1 and 2 minutes apart; scaled so a run takes minutes, not ten. */
const TIME_SCALE = 0.1;
const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000].map((ms) => ms * TIME_SCALE);
/** The queues (infra/queues.yml, serverless.yml). */
const VISIBILITY_TIMEOUT_MS = 180_000 * TIME_SCALE;
const MAX_RECEIVE_COUNT = 5;
const SLACK_MAPPING = { batchSize: 100, windowMs: 1_000, maxConcurrency: 2 };
const EMAIL_MAPPING = { batchSize: 100, windowMs: 5_000, maxConcurrency: 2 };
/** Addresses subscribed to email (each gets every email). */
const EMAIL_ADDRESSES = 1;
/** The default email filter (infra/params.cjs) for what the storm sends: alarms by severity. */
const EMAIL_SEVERITIES = new Set(['critical', 'warning', 'ok']);

const argument = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
/** `--spread SECONDS`: the alarms arrive evenly over this time instead of all at once. */
const SPREAD_MS = Number(argument('--spread') ?? 0) * 1000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nameOf = (i: number) => `storm-alarm-${String(i).padStart(4, '0')}`;
const NAME = /storm-alarm-\d{4}/g;

/** A Slack webhook on 127.0.0.1 that accepts one message a second and answers 429 + Retry-After beyond. */
async function startSlack(startedAt: () => number) {
  const stats = { posts: 0, rateLimited: 0, accepted: 0, firstAt: undefined as number | undefined };
  const names = new Set<string>();
  let lastAccepted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.posts += 1;
      const now = Date.now();
      if (now - lastAccepted < SLACK_INTERVAL_MS) {
        stats.rateLimited += 1;
        res.writeHead(429, { 'retry-after': '1' }).end('rate_limited');
        return;
      }
      lastAccepted = now;
      stats.accepted += 1;
      stats.firstAt ??= now - startedAt();
      for (const [name] of Buffer.concat(chunks).toString('utf8').matchAll(NAME)) names.add(name);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T0STORM/B0STORM/not-a-secret`,
    stats,
    names,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** At most `limit` holders at a time; the others wait in order. */
function semaphore(limit: number) {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return async function acquire(): Promise<() => void> {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    return release;
  };
}

/** A line on stderr every 10 s, so a long run shows it is moving. */
function progress(label: string, line: () => string) {
  const startedAt = Date.now();
  const timer = setInterval(() => console.error(`  [${label} ${seconds(Date.now() - startedAt)}] ${line()}`), 10_000);
  return () => clearInterval(timer);
}

/**
 * Invokes the alarm function for every alarm, 50 at a time, as EventBridge does: all at once, or
 * spread evenly over `--spread` seconds.
 */
async function raise(alarm: (event: unknown, context: never) => Promise<unknown>, startedAt: number) {
  const events = alarmEvents().map((event, i) => ({ event, at: startedAt + (i * SPREAD_MS) / ALARMS }));
  await pool(events, ASYNC_CONCURRENCY, async ({ event, at }) => {
    await sleep(at - Date.now());
    await alarm(event, lambdaContext(Date.now()));
  });
}

/** One alarm state change per alarm, each distinct, as EventBridge delivers it. */
function alarmEvents() {
  const fixture = JSON.parse(
    readFileSync(
      new URL('../tests/fixtures/cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json', import.meta.url),
      'utf8',
    ),
  );
  return Array.from({ length: ALARMS }, (_, i) => {
    const event = structuredClone(fixture);
    event.id = `storm-${i}`;
    event.detail.alarmName = nameOf(i);
    event.resources = [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${nameOf(i)}`];
    return event;
  });
}

const lambdaContext = (startedAt: number) =>
  ({ getRemainingTimeInMillis: () => FUNCTION_TIMEOUT_MS - (Date.now() - startedAt) }) as never;

/** What the notifications topic received, as SNS subscriptions see it. */
interface Published {
  message: Record<string, string>;
  severity: string;
}

/** An SNS client whose Publish hands each message to `deliver` (the topic's subscriptions). */
function fakeSns(deliver: (published: Published) => void) {
  return {
    async send(command: { input: { Message?: string; MessageAttributes?: Record<string, { StringValue?: string }> } }) {
      const message = JSON.parse(command.input.Message ?? '{}') as Record<string, string>;
      deliver({ message, severity: command.input.MessageAttributes?.severity?.StringValue ?? '' });
      return { MessageId: `m-${Math.random().toString(36).slice(2)}` };
    },
  } as never;
}

/** A standard SQS queue with an event source mapping in front of a function, as Lambda polls it. */
function simulatedQueue(
  name: string,
  mapping: { batchSize: number; windowMs: number; maxConcurrency: number },
  handler: (event: unknown, context: never) => Promise<unknown>,
) {
  interface Message {
    id: string;
    body: string;
    receives: number;
    visibleAt: number;
  }
  const messages = new Map<string, Message>();
  const stats = { deadLettered: 0, invocations: 0, returned: 0 };
  let sequence = 0;
  let stopped = false;
  const visible = () => [...messages.values()].filter((m) => m.visibleAt <= Date.now());

  /** Receives up to `count` visible messages; one received more than maxReceiveCount times is dead-lettered instead. */
  function receive(count: number): Message[] {
    const batch: Message[] = [];
    for (const m of visible()) {
      if (batch.length === count) break;
      m.receives += 1;
      if (m.receives > MAX_RECEIVE_COUNT) {
        messages.delete(m.id);
        stats.deadLettered += 1;
        continue;
      }
      m.visibleAt = Date.now() + VISIBILITY_TIMEOUT_MS;
      batch.push(m);
    }
    return batch;
  }

  async function poller() {
    while (!stopped) {
      if (visible().length === 0) {
        await sleep(20);
        continue;
      }
      // The batching window: gather until the batch is full or the window is over.
      const batch = receive(mapping.batchSize);
      const windowEnds = Date.now() + mapping.windowMs;
      while (batch.length < mapping.batchSize && Date.now() < windowEnds) {
        await sleep(20);
        batch.push(...receive(mapping.batchSize - batch.length));
      }
      if (batch.length === 0) continue;
      stats.invocations += 1;
      const event = {
        Records: batch.map((m) => ({
          messageId: m.id,
          receiptHandle: m.id,
          body: m.body,
          attributes: { ApproximateReceiveCount: String(m.receives) },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:${name}`,
          awsRegion: 'us-east-1',
        })),
      };
      let failed: Set<string>;
      try {
        const response = (await handler(event, lambdaContext(Date.now()))) as {
          batchItemFailures: { itemIdentifier: string }[];
        };
        failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      } catch {
        failed = new Set(batch.map((m) => m.id));
      }
      stats.returned += failed.size;
      for (const m of batch) if (!failed.has(m.id)) messages.delete(m.id);
    }
  }

  return {
    stats,
    send(body: string) {
      const id = `${name}-${sequence++}`;
      messages.set(id, { id, body, receives: 0, visibleAt: Date.now() });
    },
    get size() {
      return messages.size;
    },
    start: () => Array.from({ length: mapping.maxConcurrency }, poller),
    stop() {
      stopped = true;
    },
  };
}

interface Result {
  delivered: number;
  slackMessages: number;
  posts: number;
  rateLimited: number;
  emails: number;
  deadLettered: number;
  firstMs: number | undefined;
  totalMs: number;
}

/** Before: the topic invokes the slack function per message, asynchronously, 50 at a time. */
async function before(): Promise<Result> {
  let startedAt = 0;
  const slack = await startSlack(() => startedAt);
  const forwarder = createSlackHandler({ env: { SLACK_WEBHOOK_URL: slack.url } });
  let emails = 0;
  let deadLettered = 0;
  // Lambda's async queue: an attempt, then two retries after their delays, then the dead-letter queue.
  const pending: Promise<void>[] = [];
  const slot = semaphore(ASYNC_CONCURRENCY);
  const invoke = async (body: string, attempt: number): Promise<void> => {
    const release = await slot();
    const event = {
      Records: [{ EventSource: 'aws:sns', Sns: { Type: 'Notification', MessageId: `m${attempt}`, Message: body } }],
    };
    const ok = await forwarder(event, lambdaContext(Date.now())).then(
      () => true,
      () => false,
    );
    release();
    if (ok) return;
    const delay = ASYNC_RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      deadLettered += 1;
      return;
    }
    await sleep(delay);
    return invoke(body, attempt + 1);
  };
  // The topic: the slack function's subscription invokes it; each email subscription mails it.
  const sns = fakeSns(({ message, severity }) => {
    pending.push(invoke(message.lambda ?? '', 0));
    if (EMAIL_SEVERITIES.has(severity)) emails += EMAIL_ADDRESSES;
  });
  const alarm = createAlarmHandler({
    // Every alarm is reported: no DescribeAlarms lookup (the quiet defaults' actions check) in a local run.
    env: {
      NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:n',
      REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'true',
    },
    sns: () => sns,
  });
  startedAt = Date.now();
  const stop = progress('before', () => `${slack.names.size} delivered, ${deadLettered} dead-lettered`);
  await raise(alarm, startedAt);
  await Promise.all(pending);
  const totalMs = Date.now() - startedAt;
  stop();
  await slack.close();
  return {
    delivered: slack.names.size,
    slackMessages: slack.stats.accepted,
    posts: slack.stats.posts,
    rateLimited: slack.stats.rateLimited,
    emails,
    deadLettered,
    firstMs: slack.stats.firstAt,
    totalMs,
  };
}

/** After: the topic feeds the Slack and email queues; each drains into its function, two at a time. */
async function after(): Promise<Result> {
  let startedAt = 0;
  const slack = await startSlack(() => startedAt);
  const db = await startLocalDynamoDb('notifier-storm-dedupe');
  const dedupe = { DEDUPE_TABLE: db.tableName };
  let emails = 0;
  let directDeadLetters = 0;
  const deadLetterSender = () => async () => {
    directDeadLetters += 1;
  };
  const dlqEnv = { DEAD_LETTER_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/storm-dlq' };
  const forwarder = createSlackHandler({
    env: { SLACK_WEBHOOK_URL: slack.url, ...dedupe, ...dlqEnv },
    dynamodb: () => db.client,
    deadLetterSender,
  });
  const emailTopic = fakeSns(() => {
    emails += EMAIL_ADDRESSES;
  });
  const emailFunction = createEmailHandler({
    env: { NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:email', ...dedupe, ...dlqEnv },
    dynamodb: () => db.client,
    sns: () => emailTopic,
    deadLetterSender,
  });
  const slackQueue = simulatedQueue('notifier-storm-slack', SLACK_MAPPING, forwarder);
  const emailQueue = simulatedQueue('notifier-storm-email', EMAIL_MAPPING, emailFunction);
  const sns = fakeSns(({ message, severity }) => {
    slackQueue.send(message.sqs ?? message.default ?? '');
    if (EMAIL_SEVERITIES.has(severity)) emailQueue.send(message.sqs ?? message.default ?? '');
  });
  const alarm = createAlarmHandler({
    // Every alarm is reported: no DescribeAlarms lookup (the quiet defaults' actions check) in a local run.
    env: {
      NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:n',
      REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'true',
    },
    sns: () => sns,
  });
  startedAt = Date.now();
  const pollers = [...slackQueue.start(), ...emailQueue.start()];
  const stop = progress('after', () => `${slack.names.size} delivered, ${slackQueue.size} in the Slack queue`);
  await raise(alarm, startedAt);
  while (slackQueue.size > 0 || emailQueue.size > 0) await sleep(50);
  const totalMs = Date.now() - startedAt;
  stop();
  slackQueue.stop();
  emailQueue.stop();
  await Promise.all(pollers);
  await Promise.all([slack.close(), db.close()]);
  console.log(
    `  slack queue: ${slackQueue.stats.invocations} invocations, ${slackQueue.stats.returned} messages returned for later; ` +
      `email queue: ${emailQueue.stats.invocations} invocations`,
  );
  return {
    delivered: slack.names.size,
    slackMessages: slack.stats.accepted,
    posts: slack.stats.posts,
    rateLimited: slack.stats.rateLimited,
    emails,
    deadLettered: slackQueue.stats.deadLettered + emailQueue.stats.deadLettered + directDeadLetters,
    firstMs: slack.stats.firstAt,
    totalMs,
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? 'never' : `${(ms / 1000).toFixed(1)} s`);

function print(label: string, r: Result) {
  console.log(`${label}:`);
  console.log(
    `  alarms delivered to Slack: ${r.delivered} of ${ALARMS} (${Math.round((100 * r.delivered) / ALARMS)}%)`,
  );
  console.log(`  Slack messages: ${r.slackMessages} (${r.posts} POSTs, ${r.rateLimited} answered 429)`);
  console.log(`  emails: ${r.emails} (${EMAIL_ADDRESSES} address${EMAIL_ADDRESSES === 1 ? '' : 'es'})`);
  console.log(`  dead-lettered: ${r.deadLettered}`);
  console.log(`  first Slack message after: ${seconds(r.firstMs)}`);
  console.log(`  total time: ${seconds(r.totalMs)}`);
}

const mode = argument('--mode') ?? 'both';
if (mode !== 'before' && mode !== 'after' && mode !== 'both') {
  console.error('storm: --mode must be before, after or both');
  process.exit(2);
}
if (!Number.isFinite(SPREAD_MS) || SPREAD_MS < 0) {
  console.error('storm: --spread must be a number of seconds');
  process.exit(2);
}
console.log(
  `storm: ${ALARMS} distinct alarms ${SPREAD_MS ? `over ${SPREAD_MS / 1000} s` : 'at once'}; Slack takes 1 message/s (429 + Retry-After: 1 beyond); ` +
    `Lambda retry delays and visibility timeout scaled ×${TIME_SCALE}`,
);
if (mode !== 'after') print('before (SNS → slack function, 50 concurrent, 2 async retries)', await before());
if (mode !== 'before') print('after (SNS → SQS → slack function, batches ≤ 100, 2 concurrent, grouped)', await after());
