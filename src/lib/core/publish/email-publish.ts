import type { Channel } from '../channels/channel';
import { EMAIL_GROUP_MAX_MEMBERS, renderEmailGroup } from '../channels/email/render-email-group';
import type { NotificationGroup } from '../grouping/group-notifications';
import { groupHead } from '../grouping/group-text';
import { renderSubject } from '../render/subject';
import { messageAttributes } from './attributes';
import { buildSnsPublish, type SnsPublishInput } from './sns-message';

/**
 * The SNS publish of a group to the email topic: the group's subject ("[CRITICAL] 37 alarms in
 * ALARM (ap-northeast-1)"), the listing as the `email` body (`default` is the subject) and the
 * members' category and severity as attributes, so every address's filter policy still applies.
 * Within SNS's 256 KB by construction (see {@link EMAIL_GROUP_MAX_MEMBERS}).
 */
export function buildGroupPublish(g: NotificationGroup): SnsPublishInput {
  const head = groupHead(g);
  const subject = renderSubject(head);
  return {
    Subject: subject,
    Message: JSON.stringify({ default: subject, email: renderEmailGroup(g) }),
    MessageStructure: 'json',
    MessageAttributes: messageAttributes(head),
  };
}

/**
 * What the email function publishes to the email topic: a lone notification exactly as it was
 * published to the notifications topic, a group as one listing (see {@link buildGroupPublish}).
 * @example renderGrouped(emailPublish, group) // the Publish input
 */
export const emailPublish: Pick<Channel<SnsPublishInput>, 'id' | 'render' | 'renderGroup' | 'groupLimit'> = {
  id: 'email',
  render: buildSnsPublish,
  renderGroup: buildGroupPublish,
  groupLimit: EMAIL_GROUP_MAX_MEMBERS,
};
