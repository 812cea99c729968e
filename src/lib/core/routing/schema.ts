import { categorySchema, severitySchema } from '../notification';
import * as z from '../schemas/zod';

/**
 * The routing file (`routes.json`): named destinations, routes matched top-down (as Alertmanager's
 * routes), silences and the default destinations. The shape is documented in README.md ("Routing");
 * semantic checks (a route naming an unknown destination, a silence ending before it starts) are in
 * `validate.ts`, which also turns zod's issues into one line each. The schemas are built on first
 * use (z.lazy), not at import: only a function given a routing file reads one.
 */

/** The only version of the file format so far; a breaking change of the format bumps it. */
export const ROUTING_FILE_VERSION = 1;

/** Destination and route names: short, lower-case, safe in logs and keys. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/**
 * An SSM parameter name: letters, digits and `_.-/`, at most 2,048 characters, a full path (`/…`).
 * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html
 */
const SSM_PARAMETER_NAME = /^\/[A-Za-z0-9_.\-/]{1,2047}$/;
/**
 * An SNS topic ARN, or a topic name in the stack's account and region (`notifications` is the stack's
 * own topic). Names: letters, digits, `-` and `_`, at most 256.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
const SNS_TOPIC = /^(?:arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,256})$/;
/**
 * A Slack conversation id (`C…`, `G…`) as `chat.postMessage` wants it; ids survive renames.
 * @see https://api.slack.com/methods/chat.postMessage#arg_channel
 */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,20}$/;
/** Silence ids: they are part of a DynamoDB key (`silence:<id>`) and typed on the command line. */
export const SILENCE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const regex = (pattern: RegExp, error: string) => z.string().check(z.regex(pattern, { error }));
const nonEmptyList = <T extends z.core.SomeType>(item: T, error: string) =>
  z.array(item).check(z.minLength(1, { error }));

const parameter = regex(
  SSM_PARAMETER_NAME,
  'must be an SSM parameter name such as /notifier/slack/oncall (a SecureString holding the secret)',
);

/** Each destination type and what it needs; every secret is an SSM SecureString's name. */
export const destinationSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    /** A Slack incoming webhook: the parameter holds its URL. */
    z.strictObject({ type: z.literal('slack-webhook'), parameter }),
    /** A Slack app: the parameter holds the bot token (scope chat:write); posts to `channel`. */
    z.strictObject({
      type: z.literal('slack-app'),
      parameter,
      channel: regex(SLACK_CHANNEL_ID, 'must be a Slack channel id such as C0123456789 (channel details, bottom)'),
    }),
    /** A Microsoft Teams Workflows webhook: the parameter holds its URL. */
    z.strictObject({ type: z.literal('teams'), parameter }),
    /** Email through an SNS topic and its subscriptions. */
    z.strictObject({
      type: z.literal('email'),
      topic: regex(SNS_TOPIC, 'must be an SNS topic ARN or a topic name in the stack account and region'),
    }),
    /** A generic JSON webhook receiving the versioned Notification: the parameter holds its URL. */
    z.strictObject({ type: z.literal('webhook'), parameter }),
  ]),
);

/** Destination types, for messages and documentation. */
export const DESTINATION_TYPES = ['slack-webhook', 'slack-app', 'teams', 'email', 'webhook'] as const;

const globs = nonEmptyList(z.string().check(z.minLength(1, { error: 'must not be empty' })), 'must list at least one');

/**
 * What a notification must have for a route or silence to apply: every key given must match, one of
 * its values is enough. Globs (`*`, `?`) everywhere except the two enumerations.
 */
export const matcherSchema = z.lazy(() =>
  z.strictObject({
    category: z.optional(nonEmptyList(categorySchema, 'must list at least one category')),
    severity: z.optional(nonEmptyList(severitySchema, 'must list at least one severity')),
    account: z.optional(globs),
    region: z.optional(globs),
    /** The notification's `source.type`, e.g. `aws.guardduty/GuardDuty Finding` (`aws.guardduty/*`). */
    source: z.optional(globs),
    /** A CloudWatch alarm's name (`labels.alarm`). */
    alarm: z.optional(globs),
    /** An API-call rule's id (`labels.rule`). */
    rule: z.optional(globs),
  }),
);

/** A configured Slack mention, added for the chosen severities (validated in mention.ts). */
export const mentionSchema = z.lazy(() =>
  z.strictObject({
    text: z.string(),
    /** Default: `["critical"]`. */
    severities: z.optional(nonEmptyList(severitySchema, 'must list at least one severity')),
  }),
);

export const routeSchema = z.lazy(() =>
  z.strictObject({
    /** A name for logs and `render --routes`; default `routes[N]`. */
    name: z.optional(regex(NAME, 'use lower-case letters, digits, "-" and "_"')),
    /** Absent: every notification. */
    match: z.optional(matcherSchema),
    to: nonEmptyList(z.string(), 'must name at least one destination'),
    /** As Alertmanager's `continue`: keep matching the routes below after this one matched. */
    continue: z.optional(z.boolean()),
    mention: z.optional(mentionSchema),
    runbook: z.optional(z.string()),
  }),
);

export const silenceSchema = z.lazy(() =>
  z.strictObject({
    id: regex(SILENCE_ID, 'use lower-case letters, digits, ".", "-" and "_" (at most 64)'),
    match: matcherSchema,
    start: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2026-12-01T22:00:00Z' }),
    end: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2026-12-02T02:00:00Z' }),
    comment: z.optional(z.string()),
  }),
);

export const routingFileSchema = z.lazy(() =>
  z.strictObject({
    $schema: z.optional(z.string()),
    version: z.literal(ROUTING_FILE_VERSION),
    destinations: z.record(regex(NAME, 'use lower-case letters, digits, "-" and "_" (at most 64)'), destinationSchema),
    routes: z.optional(z.array(routeSchema)),
    silences: z.optional(z.array(silenceSchema)),
    /** Where a notification no route matched goes. */
    default: nonEmptyList(z.string(), 'must name at least one destination: nothing is dropped silently'),
  }),
);

export type Destination = z.infer<typeof destinationSchema>;
export type DestinationType = Destination['type'];
export type Matcher = z.infer<typeof matcherSchema>;
export type MatchKey = keyof Matcher;
export type Mention = z.infer<typeof mentionSchema>;
export type Route = z.infer<typeof routeSchema>;
export type Silence = z.infer<typeof silenceSchema>;
export type RoutingFile = z.infer<typeof routingFileSchema>;
