import { createRequire } from 'node:module';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { publishNotification } from '../src/lib/adapters/sns-publisher';
import type { Category, Notification, Severity } from '../src/lib/core/notification';
import { buildSnsPublish } from '../src/lib/core/publish/sns-message';
import { deployDefaults } from '../tests/helpers/deploy-params';
import { createQueue, drain, sns, unique } from './moto';

type Policy = Record<string, unknown>;
const { deriveParams } = createRequire(import.meta.url)('../infra/params.cjs') as {
  deriveParams: (
    raw: Record<string, string>,
    prefix: string,
  ) => { emailFilterPolicy: Policy; slackFilterPolicy: Policy };
};

/** serverless.yml's defaults, with Slack narrowed so its filter is seen to drop something. */
const params = deriveParams(
  { ...deployDefaults(), alertEmail: 'ops@example.com', slackSeverities: 'critical,warning,info' },
  'notifier-moto-',
);

const notification = (category: Category, severity: Severity): Notification => ({
  schemaVersion: 1,
  category,
  severity,
  locale: 'en',
  title: `${category} ${severity}`,
  summary: 'moto',
  fields: [],
  links: [],
  notes: [],
  occurredAt: '2024-05-01T10:00:00.000Z',
  dedupeKey: `moto:${category}:${severity}`,
  source: { type: 'moto' },
});

const cases: Array<[Category, Severity]> = [
  ['alarm', 'critical'],
  ['alarm', 'ok'],
  ['alarm', 'info'],
  ['api-call', 'critical'],
  ['api-call', 'warning'],
  ['finding', 'critical'],
  ['finding', 'warning'],
  ['budget', 'warning'],
];

describe('moto: the notifications topic’s attributes and filter policies (infra/params.cjs)', () => {
  it('delivers each notification to the subscriptions whose filter matches its category and severity', async () => {
    const client = sns();
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: unique('notifications') }));
    // moto 5 rejects this $or policy as "too complex" (it multiplies the branches' values by their
    // depth; AWS adds the branches' combinations: 1 + 1 + 3 here, far under the limit of 150). An $or
    // policy matches when any branch does, so each branch gets its own subscription and the email
    // deliveries are their union.
    // https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
    const branches = (params.emailFilterPolicy as { $or: Policy[] }).$or;
    const emailQueues = await Promise.all(branches.map(() => createQueue(unique('email'))));
    const slack = await createQueue(unique('slack'));
    const subscriptions: Array<[{ arn: string }, Policy]> = [
      ...emailQueues.map((queue, i): [{ arn: string }, Policy] => [queue, branches[i] as Policy]),
      [slack, params.slackFilterPolicy],
    ];
    for (const [queue, policy] of subscriptions) {
      await client.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: 'sqs',
          Endpoint: queue.arn,
          Attributes: { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' },
        }),
      );
    }
    for (const [category, severity] of cases) {
      await publishNotification(client, TopicArn ?? '', buildSnsPublish(notification(category, severity)), {
        timeoutMs: 10_000,
      });
    }
    const subjects = async (url: string) =>
      (await drain(url)).map((m) => (JSON.parse(m.Body) as { Subject?: string }).Subject ?? '').sort();
    const subject = (category: Category, severity: Severity) =>
      buildSnsPublish(notification(category, severity)).Subject;

    const emailed = new Set((await Promise.all(emailQueues.map((q) => subjects(q.url)))).flat());
    expect(branches).toHaveLength(3);
    expect([...emailed].sort()).toEqual(
      [
        subject('alarm', 'critical'),
        subject('alarm', 'ok'),
        subject('api-call', 'critical'),
        subject('finding', 'critical'),
        subject('budget', 'warning'),
      ].sort(),
    );
    expect(await subjects(slack.url)).toEqual(
      cases
        .filter(([, severity]) => severity !== 'ok')
        .map(([c, s]) => subject(c, s))
        .sort(),
    );
  });

  it('carries the notification as the message, with category and severity as message attributes', async () => {
    const client = sns();
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: unique('notifications') }));
    const queue = await createQueue(unique('all'));
    await client.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn }));
    await publishNotification(client, TopicArn ?? '', buildSnsPublish(notification('alarm', 'critical')), {
      timeoutMs: 10_000,
    });
    const [message] = await drain(queue.url);
    const envelope = JSON.parse(message?.Body ?? '{}') as {
      Message: string;
      MessageAttributes: Record<string, { Value: string }>;
    };
    expect(envelope.MessageAttributes.category?.Value).toBe('alarm');
    expect(envelope.MessageAttributes.severity?.Value).toBe('critical');
    expect(envelope.Message).toContain('alarm critical');
  });
});
