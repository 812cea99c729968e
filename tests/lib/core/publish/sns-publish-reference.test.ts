import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../src/lib/core/channels/email/render-email';
import { SNS_MESSAGE_MAX_BYTES } from '../../../../src/lib/core/publish/limits';
import { fitForSns, fitsSnsMessage, type SnsPublishInput } from '../../../../src/lib/core/publish/sns-message';
import { everyFixtureNotification } from '../../../helpers/render-fixture';
import { anyNotification, anyText } from '../render/notification-arbitrary';
import { samples } from '../render/sample-notifications';
import { referenceEmail, referenceFitForSns } from './reference-publish';

/*
 * The publish is built for speed (the Notification JSON escaped once and reused, sizes bounded
 * before they are counted, each string sanitised once); these pin it to the plain reference
 * (reference-publish.ts), byte for byte, over every fixture and over arbitrary notifications.
 */

const notifications = await everyFixtureNotification();

describe('render: the SNS publish matches its plain reference', () => {
  it('renders fixtures into notifications (the table below is not empty)', () => {
    expect(notifications.length).toBeGreaterThan(200);
  });

  it.each(notifications)('publishes %s exactly as the reference', (_, n) => {
    expect(fitForSns(n)).toEqual(referenceFitForSns(n));
  });

  it.each(Object.entries(samples))('publishes the %s sample exactly as the reference', (_, n) => {
    expect(fitForSns(n)).toEqual(referenceFitForSns(n));
  });

  it('publishes arbitrary notifications exactly as the reference', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(fitForSns(n)).toEqual(referenceFitForSns(n));
      }),
      { numRuns: 100 },
    );
  });

  it('publishes notifications near the 256 KB limit exactly as the reference', () => {
    const big = fc.record({
      base: fc.constantFrom(...Object.values(samples)),
      text: anyText,
      repeat: fc.integer({ min: 20_000, max: 140_000 }),
    });
    fc.assert(
      fc.property(big, ({ base, text, repeat }) => {
        const n = { ...base, summary: `${text}${'あx"'.repeat(Math.ceil(repeat / 3))}`.slice(0, repeat) };
        expect(fitForSns(n)).toEqual(referenceFitForSns(n));
      }),
      { numRuns: 15 },
    );
  });

  it('renders the email of every fixture and of arbitrary notifications exactly as the reference', () => {
    for (const [, n] of notifications) expect(renderEmail(n)).toBe(referenceEmail(n));
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(renderEmail(n)).toBe(referenceEmail(n));
      }),
      { numRuns: 150 },
    );
  });

  it('decides whether a publish fits as counting its bytes exactly would, around the limit', () => {
    const unit = fc.constantFrom('a', 'é', 'あ', '😀', '\ud800', '\udc00');
    const publish = fc
      .record({
        subject: anyText,
        head: fc.string({ unit, maxLength: 40 }),
        fill: unit,
        repeat: fc.integer({ min: SNS_MESSAGE_MAX_BYTES / 4 - 200, max: SNS_MESSAGE_MAX_BYTES + 200 }),
        severity: anyText,
      })
      .map(
        ({ subject, head, fill, repeat, severity }): SnsPublishInput => ({
          Subject: subject,
          Message: head + fill.repeat(Math.floor(repeat / fill.length)),
          MessageStructure: 'json',
          MessageAttributes: {
            category: { DataType: 'String', StringValue: 'alarm' },
            severity: { DataType: 'String', StringValue: severity },
          },
        }),
      );
    const exactly = (p: SnsPublishInput) =>
      Buffer.byteLength(p.Subject) +
        Buffer.byteLength(p.Message) +
        Object.entries(p.MessageAttributes).reduce(
          (sum, [name, a]) => sum + Buffer.byteLength(name + a.DataType + a.StringValue),
          0,
        ) <=
      SNS_MESSAGE_MAX_BYTES;
    fc.assert(
      fc.property(publish, (p) => {
        expect(fitsSnsMessage(p)).toBe(exactly(p));
      }),
      { numRuns: 300 },
    );
  });
});
