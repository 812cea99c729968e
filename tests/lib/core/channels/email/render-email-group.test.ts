import { describe, expect, it } from 'vitest';
import { renderGrouped } from '../../../../../src/lib/core/channels/channel';
import { emailChannel } from '../../../../../src/lib/core/channels/email';
import { renderEmail } from '../../../../../src/lib/core/channels/email/render-email';
import {
  EMAIL_GROUP_MAX_MEMBERS,
  renderEmailGroup,
} from '../../../../../src/lib/core/channels/email/render-email-group';
import { groupNotifications } from '../../../../../src/lib/core/grouping/group-notifications';
import { SNS_MESSAGE_MAX_BYTES } from '../../../../../src/lib/core/publish/limits';
import { utf8Length } from '../../../../../src/lib/core/render/truncate';
import { storm } from '../../grouping/storm';

const groupOf = (count: number, overrides = {}) => {
  const [g] = groupNotifications(storm(count, overrides), { maxMembers: EMAIL_GROUP_MAX_MEMBERS });
  return g!;
};

describe('render: email group', () => {
  it.each(['en', 'ja'] as const)('lists each alarm of a group with its summary and link (%s)', (locale) => {
    expect(renderEmailGroup(groupOf(3, { locale }))).toMatchSnapshot();
  });

  it('renders a lone notification exactly as itself', () => {
    const [g] = groupNotifications(storm(1), { maxMembers: EMAIL_GROUP_MAX_MEMBERS });
    expect(renderGrouped(emailChannel, g!)).toBe(renderEmail(g!.members[0]!));
  });

  it('keeps the largest group of the longest Japanese text within an SNS publish, with room for the subject', () => {
    const long = 'あ'.repeat(5_000);
    const url = `https://console.aws.amazon.com/cloudwatch/home#alarm/${'a'.repeat(900)}`;
    const g = groupOf(EMAIL_GROUP_MAX_MEMBERS, {
      locale: 'ja',
      title: long,
      summary: long,
      links: [{ label: 'x', url }],
    });
    const text = renderEmailGroup(g);
    // Published JSON-escaped as the `email` body, beside a short `default`, the subject and attributes.
    expect(utf8Length(JSON.stringify(text)) + 4_096).toBeLessThan(SNS_MESSAGE_MAX_BYTES);
    expect(text.match(/^- /gm)).toHaveLength(EMAIL_GROUP_MAX_MEMBERS);
  });

  it('makes a storm of 1,000 alarms 10 emails, naming every alarm', () => {
    const groups = groupNotifications(storm(1_000), { maxMembers: EMAIL_GROUP_MAX_MEMBERS });
    expect(groups).toHaveLength(10);
    const emails = groups.map((g) => renderGrouped(emailChannel, g)).join('\n');
    for (const n of storm(1_000)) expect(emails).toContain(n.title);
  });
});
