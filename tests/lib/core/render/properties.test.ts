import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../../src/lib/core/channels/slack/render-slack';
import { previewSlack } from '../../../../src/lib/core/channels/slack/slack-preview';
import { notificationSchema } from '../../../../src/lib/core/notification';
import { SNS_MESSAGE_MAX_BYTES, SNS_SUBJECT_MAX_CHARS } from '../../../../src/lib/core/publish/limits';
import { buildSnsPublish, publishBytes } from '../../../../src/lib/core/publish/sns-message';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { slackViolations } from '../channels/slack/slack-limits';
import { anyNotification } from './notification-arbitrary';

const runs = { numRuns: 150 };

describe('render: properties over arbitrary notifications', () => {
  it('a subject is one non-empty line under 100 characters without control characters', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        const subject = renderSubject(n);
        expect(subject.length).toBeGreaterThan(0);
        expect(subject.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
        expect(subject).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
        expect(subject).toBe(subject.trim());
      }),
      runs,
    );
  });

  it('a Slack message respects every limit and never carries a raw <, > or bare & from input', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(slackViolations(renderSlack(n))).toEqual([]);
      }),
      runs,
    );
  });

  it('an SNS publish stays under 256 KB and its lambda body is a valid Notification', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        const publish = buildSnsPublish(n);
        expect(publishBytes(publish)).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
        expect(publish.Subject).toBe(renderSubject(n));
        notificationSchema.parse(JSON.parse(JSON.parse(publish.Message).lambda));
      }),
      { numRuns: 60 },
    );
  });

  it('the email and the Slack preview never throw and carry no control characters but line breaks', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(renderEmail(n)).not.toMatch(/(?!\n)\p{Cc}/u);
        expect(previewSlack(renderSlack(n))).not.toMatch(/(?!\n)\p{Cc}/u);
      }),
      runs,
    );
  });
});
