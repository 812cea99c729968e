import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { notificationSchema } from '../../src/lib/core/notification';
import { cli, NOW } from './memory-io';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const jsonIn = (dir: string) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));

/** The `--format json` contract of DESIGN.md, as a schema the output must satisfy. */
const renderOutputSchema = z
  .object({
    notifications: z.array(
      z
        .object({
          category: z.string(),
          severity: z.string(),
          subject: z.string().min(1).max(99),
          email: z.string().min(1),
          slack: z.object({ text: z.string().min(1), blocks: z.array(z.object({ type: z.string() })).min(1) }),
          teams: z.object({
            type: z.literal('message'),
            attachments: z
              .array(z.object({ contentType: z.literal('application/vnd.microsoft.card.adaptive') }))
              .length(1),
          }),
          webhook: z.object({ version: z.literal(1), subject: z.string().min(1), notification: notificationSchema }),
          attributes: z.object({
            category: z.object({ DataType: z.literal('String'), StringValue: z.string() }),
            severity: z.object({ DataType: z.literal('String'), StringValue: z.string() }),
          }),
          notification: notificationSchema,
        })
        .strict(),
    ),
    ignored: z.array(z.object({ reason: z.string().min(1) }).passthrough()),
  })
  .strict();

const alarmFixtures = [
  ...jsonIn('cloudwatch-alarm'),
  ...jsonIn('cloudwatch-alarm/lambda-action'),
  ...jsonIn('sns').filter((f) => f.includes('cloudwatch-alarm')),
];

describe('notifier render --format json', () => {
  it.each(alarmFixtures)('prints the contract for %s', async (fixture) => {
    const { code, stdout, stderr } = await cli(['render', '--format', 'json', '--now', NOW, join(FIXTURES, fixture)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = renderOutputSchema.parse(JSON.parse(stdout));
    expect(output.notifications.length).toBeGreaterThanOrEqual(1);
    for (const n of output.notifications) {
      expect(n.category).toBe('alarm');
      expect(n.attributes.severity.StringValue).toBe(n.severity);
      expect([...n.subject].filter((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)).toEqual([]);
      expect(n.email).toContain(n.notification.title);
    }
  });

  it('renders Japanese with times in the requested zone', async () => {
    const file = join(FIXTURES, 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    const args = ['render', '--format', 'json', '--locale', 'ja', '--time-zone', 'Asia/Tokyo', '--now', NOW, file];
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    const [n] = renderOutputSchema.parse(JSON.parse(stdout)).notifications;
    expect(n?.notification.locale).toBe('ja');
    // 2019-10-02T17:04:40Z is 2019-10-03 02:04:40 in Tokyo.
    expect(n?.email).toContain('2019-10-03 02:04:40');
  });

  it('reports a subscription confirmation as ignored, with its reason, and exits 0', async () => {
    const file = join(FIXTURES, 'sns/http-subscription-confirmation-alerta.json');
    const { code, stdout } = await cli(['render', '--format', 'json', file]);
    expect(code).toBe(0);
    const output = renderOutputSchema.parse(JSON.parse(stdout));
    expect(output.notifications).toEqual([]);
    expect(output.ignored).toHaveLength(1);
  });

  it('reads the event from standard input with -', async () => {
    const { readFileSync } = await import('node:fs');
    const event = readFileSync(join(FIXTURES, 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json'), 'utf8');
    const { code, stdout } = await cli(['render', '--format', 'json', '-'], event);
    expect(code).toBe(0);
    expect(renderOutputSchema.parse(JSON.parse(stdout)).notifications).toHaveLength(1);
  });

  it('treats non-JSON text as a bare SNS message and still notifies', async () => {
    const { code, stdout } = await cli(['render', '--format', 'json', '-'], 'Backup job 42 failed in us-east-1');
    expect(code).toBe(0);
    const [n] = renderOutputSchema.parse(JSON.parse(stdout)).notifications;
    expect(n?.category).toBe('event');
    expect(n?.email).toContain('Backup job 42 failed');
  });

  it('enriches a target-group alarm with a recorded DescribeTargetHealth response', async () => {
    const args = [
      'render',
      '--format',
      'json',
      '--target-health',
      join(FIXTURES, 'elbv2/target-health-descriptions-ResponseCodeMismatch-InvalidState.json'),
      join(FIXTURES, 'sns/cloudwatch-alarm-alb-unhealthyhostcount-ALARM-sns-event.json'),
    ];
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    const [n] = renderOutputSchema.parse(JSON.parse(stdout)).notifications;
    expect(n?.email).toContain('Target.ResponseCodeMismatch');
    expect(n?.notification.links.map((l) => l.url).join(' ')).toContain('TargetGroup:targetGroupArn=');
  });
});

describe('notifier render: text format', () => {
  it('shows the subject, the email and the Slack view of an alarm', async () => {
    const file = join(FIXTURES, 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    const { code, stdout } = await cli(['render', '--now', NOW, file]);
    expect(code).toBe(0);
    expect(stdout).toContain('SNS subject:');
    expect(stdout).toMatch(/── email/);
    expect(stdout).toMatch(/── slack/);
    // The whole text of every fixture, en and ja, is in the fixture table (render-fixtures.test.ts).
    expect(stdout).toContain('SNS subject:    [CRITICAL] ServerCpuTooHigh is in ALARM (us-east-1)\n');
    expect(stdout).toContain('SNS attributes: category=alarm severity=critical\n');
  });
});
