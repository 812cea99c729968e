import { channels } from '../lib/core/channels';
import type { Notification } from '../lib/core/notification';
import { messageAttributes, type SnsAttributes } from '../lib/core/publish/attributes';
import { fitToSns } from '../lib/core/publish/sns-message';
import { renderSubject } from '../lib/core/render/subject';
import type { IgnoredInput, PipelineResult } from '../lib/pipeline';

/**
 * One notification as every channel receives it: the `notifications[]` entry of the CLI contract.
 * Besides these keys there is one per channel id (`email`, `slack`, …) holding what it delivers.
 */
export interface RenderedNotification {
  category: Notification['category'];
  severity: Notification['severity'];
  subject: string;
  attributes: SnsAttributes;
  /** The Notification as published (shortened visibly when the original exceeded 256 KB). */
  notification: Notification;
  [channel: string]: unknown;
}

/** The JSON document `notifier render --format json` prints (DESIGN.md, CLI). */
export interface RenderOutput {
  notifications: RenderedNotification[];
  ignored: IgnoredInput[];
  errors?: Array<{ path: string; message: string }>;
}

/**
 * Renders a notification as it is published, through every channel in the registry: exactly what
 * the topic's subscribers and the channel functions receive, after fitting to SNS's 256 KB.
 */
export function renderAll(original: Notification): RenderedNotification {
  const notification = fitToSns(original);
  const rendered = Object.fromEntries(channels.map((c) => [c.id, c.render(notification)]));
  return {
    category: notification.category,
    severity: notification.severity,
    subject: renderSubject(original),
    ...rendered,
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

/** A human view of the same document: per notification the SNS subject, then each channel's preview. */
export function formatText(output: RenderOutput): string {
  const lines: string[] = [];
  output.notifications.forEach((r, i) => {
    const count = output.notifications.length > 1 ? ` ${i + 1}/${output.notifications.length}` : '';
    lines.push(rule(`notification${count}: ${r.category} · ${r.severity}`));
    lines.push(`SNS subject:    ${r.subject}`);
    lines.push(
      `SNS attributes: category=${r.attributes.category.StringValue} severity=${r.attributes.severity.StringValue}`,
    );
    for (const channel of channels) lines.push('', rule(channel.id), channel.preview(r[channel.id]).trimEnd());
    lines.push('');
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
