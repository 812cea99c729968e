import { messageAttributes, type SnsAttributes } from '../lib/core/channels/email/attributes';
import { renderEmail } from '../lib/core/channels/email/render-email';
import { renderSlack, type SlackMessage } from '../lib/core/channels/slack/render-slack';
import { previewSlack } from '../lib/core/channels/slack/slack-preview';
import type { Notification } from '../lib/core/notification';
import { renderSubject } from '../lib/core/render/subject';
import type { IgnoredInput, PipelineResult } from '../lib/pipeline';

/** One notification as every channel would receive it: the `notifications[]` entry of the CLI contract. */
export interface RenderedNotification {
  category: Notification['category'];
  severity: Notification['severity'];
  subject: string;
  email: string;
  slack: SlackMessage;
  attributes: SnsAttributes;
  notification: Notification;
}

/** The JSON document `notifier render --format json` prints (DESIGN.md, CLI). */
export interface RenderOutput {
  notifications: RenderedNotification[];
  ignored: IgnoredInput[];
  errors?: Array<{ path: string; message: string }>;
}

/** Renders a notification through every channel renderer. */
export function renderAll(notification: Notification): RenderedNotification {
  return {
    category: notification.category,
    severity: notification.severity,
    subject: renderSubject(notification),
    email: renderEmail(notification),
    slack: renderSlack(notification),
    attributes: messageAttributes(notification),
    notification,
  };
}

/** Builds the CLI contract's JSON document from a pipeline result. */
export function toRenderOutput(result: PipelineResult): RenderOutput {
  const output: RenderOutput = { notifications: result.notifications.map(renderAll), ignored: result.ignored };
  if (result.errors.length > 0) output.errors = result.errors.map((e) => ({ path: e.path, message: e.message }));
  return output;
}

const rule = (title: string) => `── ${title} ${'─'.repeat(Math.max(3, 64 - title.length))}`;

/** A human view of the same document: per notification the SNS subject, the email and the Slack message. */
export function formatText(output: RenderOutput): string {
  const lines: string[] = [];
  output.notifications.forEach((r, i) => {
    const count = output.notifications.length > 1 ? ` ${i + 1}/${output.notifications.length}` : '';
    lines.push(rule(`notification${count}: ${r.category} · ${r.severity}`));
    lines.push(`SNS subject:    ${r.subject}`);
    lines.push(
      `SNS attributes: category=${r.attributes.category.StringValue} severity=${r.attributes.severity.StringValue}`,
    );
    lines.push('', rule('email'), r.email.trimEnd(), '', rule('slack'), previewSlack(r.slack).trimEnd(), '');
  });
  for (const ignored of output.ignored) {
    lines.push(`ignored (rule ${ignored.rule}${ignored.path ? ` at ${ignored.path}` : ''}): ${ignored.reason}`);
  }
  for (const error of output.errors ?? []) lines.push(`error: ${error.message}`);
  if (output.notifications.length === 0 && output.ignored.length === 0 && !output.errors) {
    lines.push('no notification');
  }
  return `${lines.join('\n')}\n`;
}
