import * as z from './schemas/zod';

/** Version of the {@link Notification} contract; bump on any breaking change. */
export const NOTIFICATION_SCHEMA_VERSION = 1;

/** What produced a notification; also an SNS message attribute subscriptions can filter on. */
export const categorySchema = z.enum([
  'alarm',
  'api-call',
  'budget',
  'cost-anomaly',
  'cost-digest',
  'event',
  /** A security finding: GuardDuty, Security Hub, IAM Access Analyzer, Inspector. */
  'finding',
]);

/** How urgent a notification is; also an SNS message attribute. `ok` means "recovered". */
export const severitySchema = z.enum(['critical', 'warning', 'info', 'ok']);

/** One labelled fact, already localized. A value may span several lines. */
export const fieldSchema = z.object({
  label: z.string(),
  value: z.string(),
});

/** A console deep link. */
export const linkSchema = z.object({
  label: z.string(),
  url: z.string(),
});

/** What a part of a title says, in the order the subject keeps them: who, what, how it went, to what. */
export const subjectRoleSchema = z.enum(['actor', 'action', 'outcome', 'target']);

/**
 * One part of a title by role, so the subject line can shorten the least important part first.
 * Rendered as `lead + value + tail`; the grammar around the value ("on ", " by ", " が ", "（失敗: ")
 * stays whole while the part is shown.
 */
export const subjectPartSchema = z.object({
  role: subjectRoleSchema,
  lead: z.optional(z.string()),
  value: z.string(),
  tail: z.optional(z.string()),
  /** A shorter form of the whole part, tried before its value is cut: " failed" for " failed: AccessDenied". */
  short: z.optional(z.string()),
});

/**
 * The channel-neutral message every source is turned into and every renderer reads.
 * All strings are already localized; times in `fields` are already in the configured time zone.
 * Published to SNS as the `lambda` body, so any subscriber can consume it.
 *
 * @example
 * const n = notificationSchema.parse(JSON.parse(snsRecord.Sns.Message));
 */
export const notificationSchema = z.object({
  schemaVersion: z.literal(NOTIFICATION_SCHEMA_VERSION),
  category: categorySchema,
  severity: severitySchema,
  /** Locale the strings were written in. */
  locale: z.enum(['en', 'ja']),
  /** One line: what happened, to what. */
  title: z.string(),
  /**
   * The title in parts by role, in reading order; joined they read as `title`. Optional (schema
   * version 1 without it stays valid): without parts the subject shortens the title as a whole.
   */
  subjectParts: z.optional(z.array(subjectPartSchema)),
  /** One or two sentences in words. */
  summary: z.string(),
  fields: z.array(fieldSchema),
  links: z.array(linkSchema),
  /** Visible caveats, e.g. "target health could not be read: AccessDenied". */
  notes: z.array(z.string()),
  account: z.optional(z.string()),
  /** The account's name for people (its alias, Organizations name or a configured one), when known. */
  accountName: z.optional(z.string()),
  region: z.optional(z.string()),
  /** ISO 8601 instant the underlying event happened. */
  occurredAt: z.string(),
  /** Stable key: the same incident state gives the same key. */
  dedupeKey: z.string(),
  /**
   * Names routing matches on that no other field carries as data: `alarm` (the CloudWatch alarm's
   * name, set by the alarm source) and `rule` (the API-call rule's id, set by the CloudTrail source).
   * Optional: other sources set none, and older notifications have none.
   */
  labels: z.optional(z.record(z.string(), z.string())),
  source: z.object({
    /** Id of the original event, when it has one. */
    id: z.optional(z.string()),
    /** e.g. "aws.cloudwatch/CloudWatch Alarm State Change", "sns/cloudwatch-alarm". */
    type: z.string(),
  }),
});

/**
 * Suffix of `source.type` for a notification built from a message its interpreter could not parse:
 * delivered with the original text (nothing lost), and logged so the parser gets a look.
 */
export const UNPARSED_SOURCE_SUFFIX = '/unparsed';

/** True when the notification carries a message its interpreter could not parse. */
export function isUnparsed(n: Pick<Notification, 'source'>): boolean {
  return n.source.type.endsWith(UNPARSED_SOURCE_SUFFIX);
}

export type Category = z.infer<typeof categorySchema>;
export type Severity = z.infer<typeof severitySchema>;
export type Field = z.infer<typeof fieldSchema>;
export type Link = z.infer<typeof linkSchema>;
export type SubjectPart = z.infer<typeof subjectPartSchema>;
export type SubjectRole = z.infer<typeof subjectRoleSchema>;
export type Notification = z.infer<typeof notificationSchema>;
