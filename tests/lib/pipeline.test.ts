import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCES as budgetSources } from '../../src/handlers/budget';
import { InputError } from '../../src/lib/core/errors';
import type { RenderContext } from '../../src/lib/core/locale';
import { notificationSchema } from '../../src/lib/core/notification';
import { sources } from '../../src/lib/core/sources';
import type {
  TargetGroupRef,
  TargetHealth,
  TargetHealthReport,
} from '../../src/lib/core/sources/cloudwatch-alarm/target-health';
import { type PipelineOptions, processEvent } from '../../src/lib/pipeline';
import { hostileEvent, hostileMessage, mixedBatch } from '../helpers/hostile';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8'));
const filesUnder = (dir: string): string[] =>
  readdirSync(new URL(dir, FIXTURES), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}${f}`)
    .sort();

const now = new Date('2024-01-01T00:00:00Z');
const en: RenderContext = { locale: 'en', timeZone: 'Asia/Tokyo', now };
const ja: RenderContext = { locale: 'ja', timeZone: 'Asia/Tokyo', now };

/** DescribeTargetHealth output (or its bare array) → our targets; the real adapter is another module's job. */
function targetsOf(file: string): TargetHealth[] {
  type Description = {
    Target: { Id: string; Port?: number };
    TargetHealth: { State: string; Reason?: string; Description?: string };
  };
  const output = fixture(`elbv2/${file}`) as { TargetHealthDescriptions: Description[] } | Description[];
  return (Array.isArray(output) ? output : output.TargetHealthDescriptions).map((d) => ({
    id: d.Target.Id,
    ...(d.Target.Port !== undefined ? { port: d.Target.Port } : {}),
    state: d.TargetHealth.State,
    ...(d.TargetHealth.Reason ? { reason: d.TargetHealth.Reason } : {}),
    ...(d.TargetHealth.Description ? { description: d.TargetHealth.Description } : {}),
  }));
}
const enricher =
  (file: string, extra: Partial<TargetHealthReport> = {}) =>
  async (refs: TargetGroupRef[]): Promise<TargetHealthReport[]> =>
    refs.map((targetGroup) => ({ targetGroup, targets: targetsOf(file), ...extra }));

/**
 * What each fixture becomes (in English): `category severity: title` per notification, or the rule
 * that ignored it. The full texts, in English and Japanese, are in the fixture table
 * (tests/cli/render-fixtures.test.ts).
 */
const expected: Record<string, string[]> = {
  'cloudwatch-alarm/config-change/composite-alarm-create.json': [
    'event info: Alarm ServiceAggregatedAlarm was created',
  ],
  'cloudwatch-alarm/config-change/composite-alarm-with-suppressor-create.json': [
    'event info: Alarm ServiceAggregatedAlarm was created',
  ],
  'cloudwatch-alarm/config-change/composite-alarm-with-suppressor-delete.json': [
    'event info: Alarm ServiceAggregatedAlarm was deleted',
  ],
  'cloudwatch-alarm/config-change/composite-alarm-with-suppressor-update.json': [
    'event info: Alarm ServiceAggregatedAlarm was updated',
  ],
  'cloudwatch-alarm/config-change/metric-alarm-update.json': ['event info: Alarm ServerCpuTooHigh was updated'],
  'cloudwatch-alarm/config-change/metric-math-alarm-delete.json': [
    'event info: Alarm TotalNetworkTrafficTooHigh was deleted',
  ],
  'cloudwatch-alarm/eventbridge-anomaly-detection-alarm-ALARM.json': [
    'alarm critical: EC2 CPU Utilization Anomaly is in ALARM',
  ],
  'cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json': [
    'alarm critical: ServiceAggregatedAlarm is in ALARM',
  ],
  'cloudwatch-alarm/eventbridge-cwagent-disk-used-percent-ALARM-autoops.json': [
    'alarm critical: EC2-i-xxxxxxx-/-High-SpaceUsage-Alarm is in ALARM',
  ],
  'cloudwatch-alarm/eventbridge-cwagent-mem-used-percent-OK-from-INSUFFICIENT_DATA-initial-creation-autoops.json': [
    'alarm ok: EC2-i-0455ae5e4ec01897c-High-Memory-Alarm is OK',
  ],
  'cloudwatch-alarm/eventbridge-ec2-asg-cpu-OK-from-INSUFFICIENT_DATA.json': [
    'alarm ok: test-service-alarm-abcd is OK',
  ],
  'cloudwatch-alarm/eventbridge-metric-math-alarm-ALARM-from-INSUFFICIENT_DATA.json': [
    'alarm critical: TotalNetworkTrafficTooHigh is in ALARM',
  ],
  'cloudwatch-alarm/eventbridge-metrics-insights-alarm-ALARM-PARTIAL_DATA-docs.json': [
    'alarm critical: my-alarm-name is in ALARM',
  ],
  'cloudwatch-alarm/eventbridge-rds-aurora-cpu-OK-from-ALARM.json': [
    'alarm ok: test-service_aurora_serverless_cpu_utilization is OK again',
  ],
  'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json': ['alarm critical: ServerCpuTooHigh is in ALARM'],
  'cloudwatch-alarm/lambda-action/composite-alarm-ALARM-powertools.json': [
    'alarm critical: CompositeDemo.Main is in ALARM',
  ],
  'cloudwatch-alarm/lambda-action/metric-alarm-ALARM-from-INSUFFICIENT_DATA-java.json': [
    'alarm critical: lambda-demo-metric-alarm is in ALARM',
  ],
  'cloudwatch-alarm/lambda-action/metric-math-alarm-ALARM-powertools.json': ['alarm critical: Test alert is in ALARM'],
  'cloudwatch-alarm/sns-event-composite-alarm-ALARM-triggering-child-rheoceros.json': [
    'alarm critical: if-sim-app_427809481713_us-east-1-test_node_monitor is in ALARM',
  ],
  'cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json': [
    'alarm critical: awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts is in ALARM',
  ],
  'cloudwatch-alarm/sns-message-minimal-notify-slack.json': ['alarm critical: Example is in ALARM'],
  'sns/aws-backup-sns-event-multi-records.json': [
    'event info: Notification from AWS Backup',
    'event info: Notification from AWS Backup',
    'event info: Notification from AWS Backup',
    'event info: Notification from AWS Backup',
  ],
  'sns/cloudwatch-alarm-OK-logmetric-sns-event.json': ['alarm ok: DBMigrationRequired is OK again'],
  'sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json': [
    'alarm critical: awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts is in ALARM',
  ],
  'sns/cloudwatch-alarm-metric-math-sns-event-lambda-go.json': ['alarm critical: EXAMPLE is in ALARM'],
  'sns/cloudwatch-alarm-single-metric-sns-event-lambda-go.json': ['alarm critical: EXAMPLE is in ALARM'],
  'sns/generic-sns-event-powertools-ts.json': ['event info: TestInvoke'],
  'sns/http-notification-budget-ACTUAL-sre-bot.json': [
    'budget critical: Budget "Test Budget": actual $0.59 (295% of budget)',
  ],
  'sns/http-notification-cloudwatch-alarm-INSUFFICIENT_DATA-alerta.json': [
    'alarm warning: notificationCountAlarm has insufficient data',
  ],
  'sns/http-notification-cloudwatch-alarm-lambda-concurrency-ALARM-sre-bot.json': [
    'alarm critical: Test alarm is in ALARM',
  ],
  'sns/http-notification-cloudwatch-alarm-s3-ALARM-alerta.json': ['alarm critical: bucketbytesAlarm is in ALARM'],
  'sns/http-subscription-confirmation-alerta.json': ['ignored by sns-subscription-confirmation'],
  'sns/plain-text-multiline-sns-event.json': ['event info: All Fine'],
  'health/aws-health-event-ec2-issue-notify-slack.json': [
    'event warning: AWS Health: AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED (EC2)',
  ],
  'health/eventbridge-health-AWS_RISK_CREDENTIALS_EXPOSED-organization-view-hmrc.json': [
    'event critical: AWS Health: AWS_RISK_CREDENTIALS_EXPOSED (RISK)',
  ],
  'health/eventbridge-health-abuse-AWS_ABUSE_COPYRIGHT_DMCA_REPORT-docs-sample.json': [
    'event critical: AWS Health abuse report: AWS_ABUSE_COPYRIGHT_DMCA_REPORT',
  ],
  'health/eventbridge-health-abuse-AWS_ABUSE_DOS_REPORT-docs-sample.json': [
    'event critical: AWS Health abuse report: AWS_ABUSE_DOS_REPORT',
  ],
  'health/eventbridge-health-ec2-instance-store-degraded-organization-view-affectedAccount-hmrc.json': [
    'event warning: AWS Health: AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED (EC2)',
  ],
  'health/sns-event-health-AWS_RISK_CREDENTIALS_EXPOSED-organization-view-hmrc.json': [
    'event critical: AWS Health: AWS_RISK_CREDENTIALS_EXPOSED (RISK)',
  ],
  'health/eventbridge-health-ec2-instance-retirement-scheduledChange-c7n.json': [
    'event warning: AWS Health: AWS_EC2_PERSISTENT_INSTANCE_RETIREMENT_SCHEDULED (EC2)',
  ],
  'health/eventbridge-health-ec2-instance-store-degraded-affected-entities-docs-sample.json': [
    'event warning: AWS Health: AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED (EC2)',
  ],
  'health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json': [
    'event warning: AWS Health: AWS_EC2_OPERATIONAL_ISSUE (EC2)',
  ],
  'health/eventbridge-health-ec2-reboot-flexible-maintenance-scheduledChange-autoops.json': [
    'event warning: AWS Health: AWS_EC2_INSTANCE_REBOOT_FLEXIBLE_MAINTENANCE_SCHEDULED (EC2)',
  ],
};

/** The field a target-group alarm gets from each recorded DescribeTargetHealth answer. */
const targetHealthField: Record<string, string> = {
  'describe-target-health-botocore-example-1-unused-and-healthy.json':
    '1 of 2 targets are not healthy\ni-0f76fade:80 unused — Target.NotInUse: Given target group is not configured to receive traffic from ELB',
  'describe-target-health-cli-initial-Elb.RegistrationInProgress.json':
    '1 of 1 target is not healthy\ni-0f76fade:80 initial — Elb.RegistrationInProgress: Target registration is in progress',
  'describe-target-health-cli-lambda-unavailable-Target.HealthCheckDisabled.json':
    '1 of 1 target is not healthy\narn:aws:lambda:us-west-2:123456789012:function:my-function unavailable — Target.HealthCheckDisabled: Health checks are not enabled for this target',
  'describe-target-health-cli-single-healthy.json': 'The one target is healthy',
  'describe-target-health-cli-two-healthy.json': 'All 2 targets are healthy',
  'describe-target-health-cli-unhealthy-Target.Timeout.json':
    '1 of 1 target is not healthy\ni-0f76fade:80 unhealthy — Target.Timeout: Connection to target timed out',
  'describe-target-health-cli-unused-Target.NotInUse.json':
    '1 of 1 target is not healthy\ni-0f76fade:80 unused — Target.NotInUse: Target group is not configured to receive traffic from the load balancer',
  'target-health-descriptions-ResponseCodeMismatch-InvalidState.json':
    '2 of 2 targets are not healthy\ni-019ebfaf92631c228:3000 unhealthy — Target.ResponseCodeMismatch: Health checks failed with these codes: [500]\ni-0b314f9c31a99621c:3000 unused — Target.InvalidState: Target is in the stopped state',
};

describe('pipeline: processEvent', () => {
  describe.each([
    ['cloudwatch-alarm/', filesUnder('cloudwatch-alarm/')],
    ['sns/', filesUnder('sns/')],
    ['health/', filesUnder('health/')],
  ])('every fixture under %s', (_, files) => {
    it.each(files)('%s', async (file) => {
      const result = await processEvent(fixture(file), { sources, ctx: en });
      for (const n of result.notifications) expect(notificationSchema.parse(n)).toEqual(n);
      expect(result.errors).toEqual([]);
      expect([
        ...result.notifications.map((n) => `${n.category} ${n.severity}: ${n.title}`),
        ...result.ignored.map((i) => `ignored by ${i.rule}`),
      ]).toEqual(expected[file]);
    });
  });

  it('knows what every fixture under cloudwatch-alarm/, sns/ and health/ becomes', () => {
    const files = ['cloudwatch-alarm/', 'sns/', 'health/'].flatMap(filesUnder);
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  it.each([
    [
      'cloudwatch-alarm/eventbridge-rds-aurora-cpu-OK-from-ALARM.json',
      'test-service_aurora_serverless_cpu_utilization が OK に戻りました',
      'CPUUtilization (5分間の Average) は 10 で、しきい値 30 を下回りました (直近 2 個中 2 個のデータポイント)。16分39秒で回復しました。',
    ],
    [
      'cloudwatch-alarm/eventbridge-anomaly-detection-alarm-ALARM.json',
      'EC2 CPU Utilization Anomaly が ALARM 状態になりました',
      'CPUUtilization (1分間の Average) は 0 で、予測範囲 0.0206〜0.3007 の外でした (直近 1 個中 1 個のデータポイント)。',
    ],
    [
      'cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json',
      'ServiceAggregatedAlarm が ALARM 状態になりました',
      'トリガーとなったアラーム: ServerCpuTooHigh (ALARM)。',
    ],
    [
      'cloudwatch-alarm/eventbridge-metrics-insights-alarm-ALARM-PARTIAL_DATA-docs.json',
      'my-alarm-name が ALARM 状態になりました',
      'Metrics Insights クエリ (1分間) は 20,000 で、しきい値 0 を上回りました (直近 3 個中 3 個のデータポイント)。',
    ],
    [
      'cloudwatch-alarm/config-change/metric-alarm-update.json',
      'アラーム ServerCpuTooHigh が更新されました',
      'threshold: 70 → 80',
    ],
    [
      'sns/http-notification-cloudwatch-alarm-INSUFFICIENT_DATA-alerta.json',
      'notificationCountAlarm がデータ不足 (INSUFFICIENT_DATA) になりました',
      '10 個のデータポイントが欠落しているため、アラームを評価できませんでした。',
    ],
    [
      'sns/cloudwatch-alarm-OK-logmetric-sns-event.json',
      'DBMigrationRequired が OK に戻りました',
      'DBMigrationRequired (1分間の Sum) は 1 で、しきい値 1 以上でした (直近 1 個中 1 個のデータポイント)。',
    ],
    [
      'sns/plain-text-multiline-sns-event.json',
      'All Fine',
      'This\nis\na typical multi-line\nmessage from SNS!\n\nHave a ~good~ amazing day! :)',
    ],
    [
      'health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json',
      'AWS Health: AWS_EC2_OPERATIONAL_ISSUE (EC2)',
      'We are investigating increased API Error rates and Latencies for Amazon Elastic Compute Cloud in the US-EAST-1 Region.',
    ],
  ])('in Japanese: %s', async (file, title, summary) => {
    const { notifications } = await processEvent(fixture(file), { sources, ctx: ja });
    expect(notifications.map((n) => [n.locale, n.title, n.summary])).toEqual([['ja', title, summary]]);
  });

  describe.each([
    ['sns-message-alb', 'cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'],
    ['sns-event-alb', 'sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json'],
  ])('target-group alarm %s', (_, file) => {
    it.each(filesUnder('elbv2/').map((f) => f.slice('elbv2/'.length)))(
      'with DescribeTargetHealth %s',
      async (health) => {
        const { notifications } = await processEvent(fixture(file), {
          sources,
          ctx: en,
          targetHealth: enricher(health),
        });
        expect(notifications).toHaveLength(1);
        expect(notifications[0]?.fields.filter((f) => f.label.includes('smith-poc-nodejs-restart-tg'))).toEqual([
          { label: 'Targets of smith-poc-nodejs-restart-tg', value: targetHealthField[health] },
        ]);
      },
    );
  });

  it('asks the enricher about exactly the alarm’s target groups', async () => {
    const asked: TargetGroupRef[][] = [];
    const targetHealth = async (refs: TargetGroupRef[]) => {
      asked.push(refs);
      return [];
    };
    await processEvent(fixture('sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json'), {
      sources,
      ctx: en,
      targetHealth,
    });
    await processEvent(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'), {
      sources,
      ctx: en,
      targetHealth,
    });
    expect(asked.map((refs) => refs.map((r) => r.arn))).toEqual([
      ['arn:aws:elasticloadbalancing:us-east-2:811322200214:targetgroup/smith-poc-nodejs-restart-tg/7c25fe0e5ca71022'],
    ]);
  });

  it('shows enrichment errors as notes, in Japanese too', async () => {
    const targetHealth = enricher('describe-target-health-cli-two-healthy.json', {
      targets: [],
      error: 'AccessDenied: denied',
    });
    const { notifications } = await processEvent(
      fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'),
      {
        sources,
        ctx: ja,
        targetHealth,
      },
    );
    expect(notifications[0]?.notes).toEqual([
      'smith-poc-nodejs-restart-tg のターゲットヘルスを取得できませんでした: AccessDenied: denied',
    ]);
  });

  it('turns an enricher that throws anyway into a note instead of failing', async () => {
    const targetHealth = async () => {
      throw new Error('socket hang up');
    };
    const { notifications } = await processEvent(
      fixture('cloudwatch-alarm/sns-message-alb-unhealthyhostcount-ALARM.json'),
      {
        sources,
        ctx: en,
        targetHealth,
      },
    );
    expect(notifications[0]?.notes).toEqual([
      'Target health of smith-poc-nodejs-restart-tg could not be read: Error: socket hang up',
    ]);
  });

  it('ignores alarms outside the configured prefixes, saying which rule and where', async () => {
    const result = await processEvent(fixture('sns/cloudwatch-alarm-OK-logmetric-sns-event.json'), {
      sources,
      ctx: en,
      alarmNamePrefixes: ['prod-'],
    });
    expect(result).toEqual({
      notifications: [],
      ignored: [
        {
          rule: 'alarm-name-prefix',
          reason: 'alarm "DBMigrationRequired" is not under prod-',
          path: 'Records[0].Sns.Message',
        },
      ],
      errors: [],
    });
  });

  it('keeps the good records when one SNS record is broken', async () => {
    const input = structuredClone(fixture('sns/aws-backup-sns-event-multi-records.json')) as {
      Records: Array<{ Sns: Record<string, unknown> }>;
    };
    input.Records[1]!.Sns.Message = JSON.stringify({ AlarmName: 'x', NewStateValue: 'BROKEN' });
    delete input.Records[2]!.Sns.Message;
    const result = await processEvent(input, { sources, ctx: en });
    expect(result.notifications).toHaveLength(2);
    expect(result.errors.map((e) => e.path)).toEqual([
      'Records[2].Sns.Message',
      'Records[1].Sns.Message.NewStateValue',
    ]);
  });

  it.each<[string, string, (event: Record<string, unknown>) => void]>([
    [
      'an unknown state',
      'detail.state.value',
      (e) => Object.assign(e.detail as object, { state: { value: 'ON_FIRE' } }),
    ],
    ['no alarm name', 'detail.alarmName', (e) => delete (e.detail as Record<string, unknown>).alarmName],
    ['a detail that is not an object', 'detail', (e) => Object.assign(e, { detail: 'x' })],
    ['a numeric source', 'source', (e) => Object.assign(e, { source: 42 })],
  ])('rejects an EventBridge alarm event with %s, naming %s', async (_, path, breakIt) => {
    const event = structuredClone(fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json')) as Record<
      string,
      unknown
    >;
    breakIt(event);
    await expect(processEvent(event, { sources, ctx: en })).rejects.toMatchObject({ name: 'InputError', path });
  });

  it.each([
    ['a number', 42],
    ['an array', [{ Records: [] }]],
    ['an empty object', {}],
    ['null', null],
    ['Records that are not a list', { Records: {} }],
    ['an object of no known shape', { hello: 'world' }],
  ])('rejects %s with an InputError', async (_, input) => {
    await expect(processEvent(input, { sources, ctx: en })).rejects.toBeInstanceOf(InputError);
  });

  it('accepts a bare plain-text message body, and recognises an AWS Budgets text as a budget alert', async () => {
    const text = readFileSync(new URL('budgets/budget-actual-monthly-exceeded-sre-bot.txt', FIXTURES), 'utf8');
    const { notifications } = await processEvent(text, { sources, ctx: en });
    expect(notifications[0]).toMatchObject({ category: 'budget', severity: 'critical' });
    expect(notifications[0]?.title).toContain('Test Budget');
  });

  it('turns any other plain text into a generic event, or into a budget alert on the budget-alerts topic', async () => {
    const generic = await processEvent('Backup job 7 failed', { sources, ctx: en });
    expect(generic.notifications[0]).toMatchObject({ category: 'event', summary: 'Backup job 7 failed' });
    const budget = await processEvent('Backup job 7 failed', { sources: budgetSources, ctx: en });
    expect(budget.notifications[0]).toMatchObject({ category: 'budget', source: { type: 'sns/aws-budgets/unparsed' } });
  });

  it('routes CloudTrail events through the rule set, ignoring what no rule covers', async () => {
    const record = JSON.parse(
      readFileSync(
        new URL('cloudtrail/eventbridge-AttachVolume-iam-user-console-session-autoops.json', FIXTURES),
        'utf8',
      ),
    );
    const ignored = await processEvent(record, { sources, ctx: en });
    expect(ignored.notifications).toEqual([]);
    expect(ignored.ignored[0]).toMatchObject({ rule: 'no-rule-matches' });
    const login = JSON.parse(
      readFileSync(new URL('cloudtrail/eventbridge-ConsoleLogin-root-success-no-mfa-docs.json', FIXTURES), 'utf8'),
    );
    const { notifications } = await processEvent(login, { sources, ctx: en });
    expect(notifications[0]).toMatchObject({ category: 'api-call', severity: 'critical' });
  });

  describe('a batch whose records wait for an enrichment from any record on', () => {
    const tgAlarm = fixture('sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json') as {
      Records: Array<Record<string, unknown>>;
    };
    const text = fixture('sns/generic-sns-event-powertools-ts.json') as { Records: Array<Record<string, unknown>> };
    const records = { alarm: tgAlarm.Records[0]!, text: text.Records[0]!, broken: { Sns: { Message: 1 } } };
    const orders: Array<Array<keyof typeof records>> = [
      ['text', 'alarm', 'text'],
      ['alarm', 'text', 'broken'],
      ['broken', 'text', 'alarm', 'alarm'],
    ];

    it.each(orders.map((names) => [names.join(', '), names] as const))(
      'gives, in order, what its records give one by one (%s)',
      async (_, names) => {
        const options: PipelineOptions = {
          sources,
          ctx: en,
          targetHealth: enricher('describe-target-health-cli-two-healthy.json'),
        };
        const batch = await processEvent({ Records: names.map((n) => records[n]) }, options);
        const alone = await Promise.all(names.map((n) => processEvent({ Records: [records[n]] }, options)));
        expect(batch.notifications).toEqual(alone.flatMap((r) => r.notifications));
        expect(batch.errors.map((e) => e.message)).toEqual(
          alone.flatMap((r, i) => r.errors.map((e) => e.message.replace('Records[0]', `Records[${i}]`))),
        );
        expect(batch.errors).toHaveLength(names.filter((n) => n === 'broken').length);
        expect(batch.notifications.some((n) => n.fields.some((f) => f.label.startsWith('Targets of')))).toBe(true);
      },
    );
  });

  describe('properties', () => {
    const options: PipelineOptions = { sources, ctx: en, alarmNamePrefixes: ['a'], targetHealth: async () => [] };
    const settlesWith = (opts: PipelineOptions) => async (input: unknown) => {
      try {
        const result = await processEvent(input, opts);
        for (const n of result.notifications) notificationSchema.parse(n);
        return result.errors.every((e) => e instanceof InputError);
      } catch (error) {
        return error instanceof InputError;
      }
    };
    const settles = settlesWith(options);

    it('any value resolves or rejects with an InputError, never another error', async () => {
      await fc.assert(fc.asyncProperty(fc.anything(), settles), { numRuns: 300 });
    });

    it('any JSON resolves or rejects with an InputError', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.json().map((text) => JSON.parse(text) as unknown),
          settles,
        ),
        { numRuns: 300 },
      );
    });

    it('any JSON inside a real SNS event or under a real alarm detail settles too', async () => {
      const sns = fixture('sns/generic-sns-event-powertools-ts.json') as {
        Records: [{ Sns: Record<string, unknown> }];
      };
      const alarm = fixture('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json') as Record<string, unknown>;
      const arbitrary = fc.oneof(
        fc.json().map((message) => {
          const event = structuredClone(sns);
          event.Records[0].Sns.Message = message;
          return event;
        }),
        fc.anything().map((detail) => ({ ...structuredClone(alarm), detail })),
        fc.dictionary(fc.constantFrom('value', 'reason', 'reasonData', 'timestamp'), fc.anything()).map((state) => ({
          ...structuredClone(alarm),
          detail: { alarmName: 'a', state: { value: 'ALARM', ...state } },
        })),
      );
      await fc.assert(fc.asyncProperty(arbitrary, settles), { numRuns: 300 });
    });

    it('hostile input — deep nesting, lone surrogates, huge strings — settles too, on either topic', async () => {
      const anyInput = fc.oneof(
        hostileEvent,
        hostileMessage,
        mixedBatch.map((b) => b.event),
      );
      await fc.assert(fc.asyncProperty(anyInput, settles), { numRuns: 150 });
      const onBudgetTopic = settlesWith({ ...options, sources: budgetSources });
      await fc.assert(fc.asyncProperty(anyInput, onBudgetTopic), { numRuns: 100 });
    });

    it('one bad record never sinks the others of an SNS batch', async () => {
      await fc.assert(
        fc.asyncProperty(mixedBatch, async ({ event, good }) => {
          const result = await processEvent(event, options);
          const delivered = result.notifications.map((n) => n.source.id);
          for (const i of good) expect(delivered).toContain(`message-${i}`);
          expect(result.errors.every((e) => e instanceof InputError)).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  });
});
