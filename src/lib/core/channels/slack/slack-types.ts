/**
 * The subset of Slack Block Kit this project sends, typed so a renderer cannot build a block Slack
 * would reject for its shape. Limits on lengths and counts live in `limits.ts`.
 * @see https://api.slack.com/reference/block-kit/blocks
 */

/** @see https://api.slack.com/reference/block-kit/composition-objects#text */
export interface PlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

/** @see https://api.slack.com/reference/block-kit/composition-objects#text */
export interface Mrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
}

/** @see https://api.slack.com/reference/block-kit/blocks#header */
export interface HeaderBlock {
  readonly type: 'header';
  readonly text: PlainText;
}

/** A section has `text`, `fields`, or both. @see https://api.slack.com/reference/block-kit/blocks#section */
export interface SectionBlock {
  readonly type: 'section';
  readonly text?: Mrkdwn;
  readonly fields?: readonly Mrkdwn[];
}

/** @see https://api.slack.com/reference/block-kit/blocks#context */
export interface ContextBlock {
  readonly type: 'context';
  readonly elements: readonly (PlainText | Mrkdwn)[];
}

/** A link button. @see https://api.slack.com/reference/block-kit/block-elements#button */
export interface ButtonElement {
  readonly type: 'button';
  readonly text: PlainText;
  readonly url: string;
  readonly action_id: string;
}

/** @see https://api.slack.com/reference/block-kit/blocks#actions */
export interface ActionsBlock {
  readonly type: 'actions';
  readonly elements: readonly ButtonElement[];
}

/** Any block this project sends. */
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/**
 * An incoming-webhook payload: `text` is the notification/fallback text, `blocks` what is shown.
 * @see https://api.slack.com/messaging/webhooks
 */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}
