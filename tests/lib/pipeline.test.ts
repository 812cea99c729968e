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

describe('pipeline: processEvent', () => {
  describe.each([
    ['cloudwatch-alarm/', filesUnder('cloudwatch-alarm/')],
    ['sns/', filesUnder('sns/')],
    ['health/', filesUnder('health/')],
  ])('every fixture under %s', (_, files) => {
    it.each(files)('%s', async (file) => {
      const result = await processEvent(fixture(file), { sources, ctx: en });
      for (const n of result.notifications) expect(notificationSchema.parse(n)).toEqual(n);
      expect(result.notifications.length + result.ignored.length).toBeGreaterThan(0);
      expect(result.errors).toEqual([]);
      expect(result).toMatchSnapshot();
    });
  });

  it.each([
    'cloudwatch-alarm/eventbridge-rds-aurora-cpu-OK-from-ALARM.json',
    'cloudwatch-alarm/eventbridge-anomaly-detection-alarm-ALARM.json',
    'cloudwatch-alarm/eventbridge-composite-alarm-with-suppressor-ALARM.json',
    'cloudwatch-alarm/eventbridge-metrics-insights-alarm-ALARM-PARTIAL_DATA-docs.json',
    'cloudwatch-alarm/config-change/metric-alarm-update.json',
    'sns/http-notification-cloudwatch-alarm-INSUFFICIENT_DATA-alerta.json',
    'sns/cloudwatch-alarm-OK-logmetric-sns-event.json',
    'sns/plain-text-multiline-sns-event.json',
    'health/eventbridge-health-ec2-operational-issue-PUBLIC-docs.json',
  ])('in Japanese: %s', async (file) => {
    const { notifications } = await processEvent(fixture(file), { sources, ctx: ja });
    expect(notifications.every((n) => n.locale === 'ja')).toBe(true);
    expect(notifications).toMatchSnapshot();
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
        expect(
          notifications[0]?.fields.filter((f) => f.label.includes('smith-poc-nodejs-restart-tg')),
        ).toMatchSnapshot();
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
