/**
 * Slack Block Kit limits, each with the page that states it. The renderer truncates to these
 * visibly; tests check every rendered message against them.
 */

/** @see https://api.slack.com/reference/block-kit/blocks — "maximum of 50 blocks" per message. */
export const SLACK_MAX_BLOCKS = 50;

/** Section `text`: 3,000 characters. @see https://api.slack.com/reference/block-kit/blocks#section */
export const SLACK_SECTION_TEXT_MAX_CHARS = 3_000;

/** Header `text` (plain_text): 150 characters. @see https://api.slack.com/reference/block-kit/blocks#header */
export const SLACK_HEADER_TEXT_MAX_CHARS = 150;

/** Section `fields`: at most 10 items. @see https://api.slack.com/reference/block-kit/blocks#section */
export const SLACK_SECTION_FIELDS_MAX = 10;

/** Each section field text: 2,000 characters. @see https://api.slack.com/reference/block-kit/blocks#section */
export const SLACK_SECTION_FIELD_MAX_CHARS = 2_000;

/** Context `elements`: at most 10. @see https://api.slack.com/reference/block-kit/blocks#context */
export const SLACK_CONTEXT_ELEMENTS_MAX = 10;

/**
 * Any text object (used for context elements): 3,000 characters.
 * @see https://api.slack.com/reference/block-kit/composition-objects#text
 */
export const SLACK_TEXT_OBJECT_MAX_CHARS = 3_000;

/** Actions `elements`: at most 25. @see https://api.slack.com/reference/block-kit/blocks#actions */
export const SLACK_ACTIONS_ELEMENTS_MAX = 25;

/** Button `text`: 75 characters. @see https://api.slack.com/reference/block-kit/block-elements#button */
export const SLACK_BUTTON_TEXT_MAX_CHARS = 75;

/** Button `url`: 3,000 characters. @see https://api.slack.com/reference/block-kit/block-elements#button */
export const SLACK_BUTTON_URL_MAX_CHARS = 3_000;

/**
 * Top-level message `text` (the notification/fallback text): Slack truncates display of messages
 * longer than 4,000 characters, so the fallback is kept within that.
 * @see https://api.slack.com/methods/chat.postMessage#truncating
 */
export const SLACK_TEXT_FALLBACK_MAX_CHARS = 4_000;
