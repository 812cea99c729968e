import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../../helpers/fast-check-seed';
import { renderEmail, renderEmailJson } from '../../../../../src/lib/core/channels/email/render-email';
import type { Notification } from '../../../../../src/lib/core/notification';
import { jsonText } from '../../../../../src/lib/core/render/json-text';
import { multiLine } from '../../../../../src/lib/core/render/sanitize';
import { fullSubject } from '../../../../../src/lib/core/render/subject';
import { everyFixtureNotification } from '../../../../helpers/render-fixture';
import { anyNotification } from '../../render/notification-arbitrary';
import { samples } from '../../render/sample-notifications';

/*
 * The SNS publish writes the email already escaped (renderEmailJson); it must be the plain email
 * as JSON.stringify writes it, byte for byte.
 */

const notifications = await everyFixtureNotification();
const escapedOf = (n: Notification) =>
  renderEmailJson(n, { subject: fullSubject(n), summary: jsonText(multiLine(n.summary)) });
const reference = (n: Notification) => JSON.stringify(renderEmail(n)).slice(1, -1);

describe('renderEmailJson: the email as JSON.stringify writes it', () => {
  it('renders fixtures into notifications (the table below is not empty)', () => {
    expect(notifications.length).toBeGreaterThan(200);
  });

  it.each(notifications)('writes the email of %s as the reference', (_, n) => {
    expect(escapedOf(n)).toBe(reference(n));
  });

  it.each(Object.entries(samples))('writes the email of the %s sample as the reference', (_, n) => {
    expect(escapedOf(n)).toBe(reference(n));
  });

  it('writes quotes, backslashes and line breaks in every part as the reference', () => {
    const tricky = '"q" \\ C:\\dir\n "line two"\\';
    const n = {
      ...samples.albAlarm,
      title: tricky,
      summary: tricky,
      fields: [
        { label: tricky, value: tricky },
        { label: '', value: `\\${tricky}` },
      ],
      links: [{ label: tricky, url: `https://example.com/"${tricky}` }],
      notes: [tricky],
      account: tricky,
      region: '"r"',
      dedupeKey: tricky,
      source: { type: tricky, id: tricky },
    };
    expect(escapedOf(n)).toBe(reference(n));
  });

  it('writes the email of arbitrary notifications as the reference', () => {
    fc.assert(
      fc.property(anyNotification, (n) => {
        expect(escapedOf(n)).toBe(reference(n));
      }),
      { numRuns: 300 },
    );
  });
});
