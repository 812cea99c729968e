import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../src/lib/core/channels/email/render-email';
import { type Notification, notificationSchema } from '../../../../src/lib/core/notification';
import { SNS_MESSAGE_MAX_BYTES } from '../../../../src/lib/core/publish/limits';
import { buildSnsPublish, publishBytes } from '../../../../src/lib/core/publish/sns-message';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { albAlarm, hostile, insufficientData, japanese, samples } from '../render/sample-notifications';

interface Bodies {
  default: string;
  email: string;
  lambda: string;
}
const bodies = (n: Notification): Bodies => JSON.parse(buildSnsPublish(n).Message);
const withField = (n: Notification, label: string, value: string): Notification => ({
  ...n,
  fields: [...n.fields, { label, value }],
});

describe('render: SNS publish', () => {
  it.each(Object.entries(samples))('publishes %s as JSON with default, email and lambda bodies', (_, n) => {
    const publish = buildSnsPublish(n);
    expect(publish.MessageStructure).toBe('json');
    expect(publish.Subject).toBe(renderSubject(n));
    expect(publish.MessageAttributes.severity.StringValue).toBe(n.severity);
    expect(Object.keys(JSON.parse(publish.Message))).toEqual(['default', 'email', 'lambda', 'sqs']);
    expect(publishBytes(publish)).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
  });

  it('sends the email body and the Notification unchanged when they fit', () => {
    const { email, lambda } = bodies(albAlarm);
    expect(email).toBe(renderEmail(albAlarm));
    expect(notificationSchema.parse(JSON.parse(lambda))).toEqual(albAlarm);
  });

  it('gives other subscribers a short default: subject and summary', () => {
    expect(bodies(insufficientData).default).toBe(
      '[WARNING] cpu-high is INSUFFICIENT_DATA (ap-northeast-1)\n\nCPUUtilization has no data for 3 periods.',
    );
    expect(bodies(hostile).default.length).toBeLessThan(1_200);
  });

  it.each([
    [
      'a 1 MB ASCII field value',
      withField(albAlarm, 'Big', 'x'.repeat(1_048_576)),
      /^x+… \(truncated, \d+ more characters\)$/,
    ],
    [
      'a 1 MB Japanese field value',
      withField(japanese, '大きい', 'あ'.repeat(1_048_576)),
      /^あ+…（以下 \d+ 文字省略）$/,
    ],
    [
      'a field full of characters JSON escapes twice',
      withField(albAlarm, 'Quotes', '"\\\u0001'.repeat(200_000)),
      /… \(truncated/,
    ],
  ])('fits %s under 256 KB by truncating it visibly in both email and Notification', (_, n, marker) => {
    const publish = buildSnsPublish(n);
    expect(publishBytes(publish)).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
    expect(publishBytes(publish)).toBeGreaterThan(SNS_MESSAGE_MAX_BYTES * 0.9);
    const { email, lambda } = JSON.parse(publish.Message) as Bodies;
    const copy = notificationSchema.parse(JSON.parse(lambda));
    expect(copy.fields.at(-1)?.value).toMatch(marker);
    expect(copy.fields.slice(0, -1)).toEqual(n.fields.slice(0, -1));
    expect(email).toBe(renderEmail(copy));
  });

  it('truncates the summary too when it is what is too long', () => {
    const n = { ...albAlarm, summary: 's'.repeat(400_000) };
    const copy = notificationSchema.parse(JSON.parse(bodies(n).lambda));
    expect(copy.summary).toMatch(/^s+… \(truncated, \d+ more characters\)$/);
    expect(copy.fields).toEqual(albAlarm.fields);
  });

  it('counts subject and attributes in the size', () => {
    const publish = buildSnsPublish(albAlarm);
    expect(publishBytes(publish)).toBe(
      Buffer.byteLength(publish.Subject) +
        Buffer.byteLength(publish.Message) +
        ['category', 'String', 'alarm', 'severity', 'String', 'critical'].join('').length,
    );
  });

  it('survives thousands of fields and links by leaving some out, with a note', () => {
    const many = {
      ...albAlarm,
      fields: Array.from({ length: 20_000 }, (_, i) => ({ label: `F${i}`, value: `<${i}> ${'v'.repeat(50)}` })),
      links: Array.from({ length: 5_000 }, (_, i) => ({ label: `L${i}`, url: `https://example.com/${i}` })),
    };
    const publish = buildSnsPublish(many);
    expect(publishBytes(publish)).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
    const copy = notificationSchema.parse(JSON.parse(JSON.parse(publish.Message).lambda));
    expect(copy.notes.at(-1)).toMatch(/^\d+ more fields, \d+ more links left out to fit the message size limit\.$/);
  });
});
