/**
 * The subset of Adaptive Cards this project sends to Teams, typed so a renderer cannot build an
 * element of the wrong shape. Sizes and counts live in `limits.ts`.
 * @see https://adaptivecards.io/explorer/
 */

/** @see https://adaptivecards.io/explorer/TextBlock.html */
export interface TextBlock {
  readonly type: 'TextBlock';
  /** A subset of markdown is rendered: every event value in it is escaped (teams-escape.ts). */
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly color?: TeamsColor;
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

/** @see https://adaptivecards.io/explorer/Fact.html */
export interface Fact {
  readonly title: string;
  readonly value: string;
}

/** @see https://adaptivecards.io/explorer/FactSet.html */
export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

/** @see https://adaptivecards.io/explorer/Action.OpenUrl.html */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

/** The colours a TextBlock may take. @see https://adaptivecards.io/explorer/TextBlock.html */
export type TeamsColor = 'default' | 'accent' | 'good' | 'warning' | 'attention';

/** Any element this project puts in a card body. */
export type CardElement = TextBlock | FactSet;

/** @see https://adaptivecards.io/explorer/AdaptiveCard.html */
export interface AdaptiveCard {
  readonly $schema: string;
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly OpenUrlAction[];
  /** Teams only: use the whole width of the channel. @see https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#full-width-adaptive-card */
  readonly msteams?: { readonly width: 'Full' };
}

/**
 * What a Workflows webhook takes: a message with one Adaptive Card attachment, the shape the
 * "Post to a channel when a webhook request is received" template reads (`attachments[0].content`).
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook#send-adaptive-cards-using-an-incoming-webhook
 */
export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: 'application/vnd.microsoft.card.adaptive';
      readonly contentUrl: null;
      readonly content: AdaptiveCard;
    },
  ];
}
