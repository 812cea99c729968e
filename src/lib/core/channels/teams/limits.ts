/**
 * Microsoft Teams limits for a Workflows webhook ("Post to a channel when a webhook request is
 * received"), each with the page that states it. The renderer fits every card to these; the fixture
 * table and the local Teams receiver (tests/helpers/teams-receiver.ts) check them.
 */

/**
 * A posted message is limited to about 28 KB, all of it (text, links, facts) counted: above it
 * the flow's "Post card in a chat or channel" action fails with "Request Entity too large" and
 * the card never shows, while the webhook itself has already answered 202. So the sender cannot
 * see the failure: the renderer must fit. Counted here as 28,000 bytes of the whole JSON body in
 * UTF-8, a little under 28 KiB, since "about" is all the docs promise.
 * @see https://learn.microsoft.com/en-us/connectors/teams/#known-issues-and-limitations-with-actions
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
 */
export const TEAMS_MESSAGE_MAX_BYTES = 28_000;

/**
 * The Adaptive Card schema version sent. Teams renders up to 1.5 on desktop and web, but mobile
 * clients and the Workflows "Post card" action are safest at 1.4, and nothing here needs 1.5.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card
 * @see https://adaptivecards.io/designer/
 */
export const TEAMS_CARD_VERSION = '1.4';

/** Highest card version Teams renders at all; a card above it shows as "unsupported". Same page as above. */
export const TEAMS_MAX_CARD_VERSION = '1.5';

/**
 * Teams' host config shows at most six actions under a card; further links are counted in the
 * "not shown" line instead.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/design-effective-cards
 * @see https://adaptivecards.io/explorer/AdaptiveCard.html (actions; host config `actions.maxActions`)
 */
export const TEAMS_MAX_ACTIONS = 6;

/** The attachment content type of an Adaptive Card. @see https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The card's `$schema`. @see https://adaptivecards.io/explorer/AdaptiveCard.html */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Layout choices, not Teams limits: a title line, a summary, one fact, one note, one action title. */
export const TEAMS_TITLE_MAX_CHARS = 200;
export const TEAMS_SUMMARY_MAX_CHARS = 3_000;
export const TEAMS_FACT_TITLE_MAX_CHARS = 150;
export const TEAMS_FACT_VALUE_MAX_CHARS = 2_000;
export const TEAMS_NOTE_MAX_CHARS = 1_000;
export const TEAMS_ACTION_TITLE_MAX_CHARS = 75;
/** An action URL longer than this is dropped (Slack's button limit, kept alike for both chats). */
export const TEAMS_ACTION_URL_MAX_CHARS = 3_000;
