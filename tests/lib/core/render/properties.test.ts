import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../../src/lib/core/channels/slack/render-slack';
import { previewSlack } from '../../../../src/lib/core/channels/slack/slack-preview';
import { renderTeams } from '../../../../src/lib/core/channels/teams/render-teams';
import { InputError } from '../../../../src/lib/core/errors';
import { notificationSchema } from '../../../../src/lib/core/notification';
import { SNS_MESSAGE_MAX_BYTES, SNS_SUBJECT_MAX_CHARS } from '../../../../src/lib/core/publish/limits';
import { buildSnsPublish, publishBytes } from '../../../../src/lib/core/publish/sns-message';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { sources } from '../../../../src/lib/core/sources';
import { processEvent } from '../../../../src/lib/pipeline';
import { hostileEvent, hostileMessage, mixedBatch } from '../../../helpers/hostile';
import { slackViolations } from '../channels/slack/slack-limits';
import { teamsViolations } from '../channels/teams/teams-limits';
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

  it('a Teams card stays within 28 KB and card version 1.5 and never carries unescaped markdown from input', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(teamsViolations(renderTeams(n))).toEqual([]);
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

  it('every notification made from hostile input (deep, huge, lone surrogates) renders within every limit', async () => {
    const ctx = { locale: 'en' as const, timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileEvent,
          hostileMessage,
          mixedBatch.map((b) => b.event),
        ),
        async (input) => {
          // Unreadable input is the pipeline property's subject; here only what is delivered matters.
          const read = await processEvent(input, { sources, ctx }).catch((error: unknown) => {
            if (error instanceof InputError) return { notifications: [] };
            throw error;
          });
          const { notifications } = read;
          for (const n of notifications) {
            expect(renderSubject(n).length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
            expect(slackViolations(renderSlack(n))).toEqual([]);
            expect(teamsViolations(renderTeams(n))).toEqual([]);
            expect(publishBytes(buildSnsPublish(n))).toBeLessThanOrEqual(SNS_MESSAGE_MAX_BYTES);
            expect(renderEmail(n)).not.toMatch(/(?!\n)\p{Cc}/u);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
