import { parseAccountNames } from './core/accounts';
import { ConfigError } from './core/errors';
import { MAX_FLAP_THRESHOLD } from './core/flapping/history';
import { localeSchema } from './core/locale';
import * as z from './core/schemas/zod';
import { type DeniedBurstSettings, MAX_DENIED_BURST_THRESHOLD } from './core/sources/cloudtrail/denied-burst';
import { FINDINGS_MIN_SEVERITIES, type FindingsMinSeverity, type QuietAlarmSettings } from './core/sources/source';
import { isValidTimeZone } from './core/time';

/** How long one ELBv2 enrichment call may take before the alarm is sent without it. */
const DEFAULT_TARGET_HEALTH_TIMEOUT_MS = 2_000;
/** Upper bound keeps enrichment well inside the alarm function's timeout. */
/** Same bound as the deploy parameter (infra/params.cjs): the alarm function itself has 15 s. */
const MAX_TARGET_HEALTH_TIMEOUT_MS = 10_000;

/**
 * How long a delivered notification's dedupe key is remembered (48 h): longer than EventBridge's
 * 24 h of retries to a target and Lambda's 6 h maximum event age of asynchronous invocations, so a
 * redelivered or retried event still finds its key; DynamoDB TTL then removes it.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
const DEFAULT_DEDUPE_TTL_SECONDS = 172_800;

/** An alarm changing state more than this many times within the window is flapping (0 = off). */
const DEFAULT_FLAP_THRESHOLD = 4;
/** The flapping window, in minutes; also how long a flapping alarm must keep one state to be stable. */
const DEFAULT_FLAP_WINDOW_MINUTES = 10;
/** Same bounds as the deploy parameters (infra/params.cjs). */
const MAX_FLAP_WINDOW_MINUTES = 1_440;

/** Findings below MEDIUM (GuardDuty under 4.0, Security Hub LOW) are context, not alerts, by default. */
const DEFAULT_FINDINGS_MIN_SEVERITY: FindingsMinSeverity = 'warning';

/**
 * SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:notifications.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
const TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/*
 * zod nodes hold no state, so the pieces every variable uses are built once and shared: each node
 * built costs microseconds on every cold start, and these schemas were half of a function's.
 */

/** serverless.yml resolves an unset optional parameter to "", which means "not set". */
const blankIsUnset = z.transform((value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value,
);
/** A string with white space trimmed off both ends. */
const trimmed = z.string().check(z.trim());

/** `schema`, or undefined when the variable is unset or blank. */
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(blankIsUnset, z.optional(schema));

/** Digits to the number they spell (checked to be digits first). */
const toNumber = z.transform(Number);

/** An env var holding a whole number within [min, max], told in `unit` when it is not one. */
const wholeNumber = (unit: string, min: number, max: number) =>
  optional(
    z.pipe(
      z.pipe(
        z.string().check(z.regex(/^\d+$/, { error: (i) => `"${String(i.input)}" is not a whole number of ${unit}` })),
        toNumber,
      ),
      z
        .number()
        .check(z.gte(min, { error: `must be at least ${min}` }), z.lte(max, { error: `must be at most ${max}` })),
    ),
  );

/** Five refused calls by one principal within ten minutes make one alert (deploy parameters of the same names). */
const DEFAULT_ACCESS_DENIED_BURST: DeniedBurstSettings = { threshold: 5, windowMinutes: 10 };
/** A day: longer windows would keep muting a principal that was alerted once. */
const MAX_ACCESS_DENIED_BURST_WINDOW_MINUTES = 1_440;

/** "true" or "false" to the boolean. */
const toBoolean = z.transform((v: 'true' | 'false') => v === 'true');

/** "true" or "false", as serverless.yml passes a boolean parameter. */
const flag = (name: string) =>
  optional(
    z.pipe(
      z.pipe(
        trimmed,
        z.enum(['true', 'false'], { error: (i) => `"${String(i.input)}" is not true or false (${name})` }),
      ),
      toBoolean,
    ),
  );

/**
 * Auto Scaling target tracking names its alarms "TargetTracking-…"; they flip as scaling works.
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
const DEFAULT_EXCLUDED_ALARM_NAME_PREFIXES = ['TargetTracking-'];
/** The value of EXCLUDED_ALARM_NAME_PREFIXES that excludes nothing (empty means "the default"). */
const NO_EXCLUDED_PREFIXES = 'none';

const commonSchema = z.object({
  NOTIFIER_LOCALE: optional(
    z.pipe(z.string(), z.enum(localeSchema.options, { error: (i) => `"${String(i.input)}" is not one of en, ja` })),
  ),
  NOTIFIER_TIME_ZONE: optional(
    z.string().check(z.refine(isValidTimeZone, { error: (i) => `"${String(i.input)}" is not an IANA time zone` })),
  ),
  ALARM_NAME_PREFIXES: optional(z.string()),
  EXCLUDED_ALARM_NAME_PREFIXES: optional(z.string()),
  REPORT_INSUFFICIENT_DATA_TO_OK: flag('report INSUFFICIENT_DATA → OK'),
  REPORT_ALARMS_WITH_ACTIONS_DISABLED: flag('report alarms whose actions are disabled'),
  ACCOUNT_NAMES: optional(
    z.pipe(
      z.string(),
      z.transform((text: string, ctx) => {
        try {
          return parseAccountNames(text);
        } catch (error) {
          ctx.issues.push({ code: 'custom', message: (error as Error).message, input: text });
          return z.NEVER;
        }
      }),
    ),
  ),
  LOOK_UP_ACCOUNT_NAMES: flag('look up account names'),
  FINDINGS_MIN_SEVERITY: optional(
    z.pipe(
      z.string(),
      z.enum(FINDINGS_MIN_SEVERITIES, {
        error: (i) => `"${String(i.input)}" is not one of ${FINDINGS_MIN_SEVERITIES.join(', ')}`,
      }),
    ),
  ),
  NOTIFIER_RULES_FILE: optional(trimmed),
  TARGET_HEALTH_TIMEOUT_MS: wholeNumber('milliseconds', 1, MAX_TARGET_HEALTH_TIMEOUT_MS),
  ACCESS_DENIED_BURST_THRESHOLD: wholeNumber('calls', 1, MAX_DENIED_BURST_THRESHOLD),
  ACCESS_DENIED_BURST_WINDOW_MINUTES: wholeNumber('minutes', 1, MAX_ACCESS_DENIED_BURST_WINDOW_MINUTES),
  DEDUPE_TABLE: optional(trimmed),
  FLAP_THRESHOLD: wholeNumber('state changes', 0, MAX_FLAP_THRESHOLD),
  FLAP_WINDOW_MINUTES: wholeNumber('minutes', 1, MAX_FLAP_WINDOW_MINUTES),
  DEDUPE_TTL_SECONDS: wholeNumber('seconds', 1, Number.MAX_SAFE_INTEGER),
});

const publishSchema = z.object({
  NOTIFICATIONS_TOPIC_ARN: z
    .string({ error: 'is required (the SNS topic notifications are published to)' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'is required (the SNS topic notifications are published to)' }),
      z.regex(TOPIC_ARN_PATTERN, { error: (i) => `"${String(i.input)}" is not an SNS topic ARN` }),
    ),
});

// The webhook URL is a secret: messages about it never repeat the value.
const slackSchema = z
  .object({
    SLACK_WEBHOOK_PARAMETER: optional(trimmed),
    SLACK_WEBHOOK_URL: optional(trimmed),
  })
  .check(
    z.refine((e) => e.SLACK_WEBHOOK_PARAMETER !== undefined || e.SLACK_WEBHOOK_URL !== undefined, {
      error: 'is required (or SLACK_WEBHOOK_URL): where the Slack webhook URL is',
      path: ['SLACK_WEBHOOK_PARAMETER'],
    }),
  );

/** "a, ,b" → ["a", "b"]. */
const splitList = (value: string) =>
  value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Settings every handler reads. */
export interface NotifierConfig {
  readonly locale: z.infer<typeof localeSchema>;
  /** IANA zone name used for every time shown to people. */
  readonly timeZone: string;
  /** Alarm name prefixes to report; empty means every alarm. */
  readonly alarmNamePrefixes: readonly string[];
  readonly targetHealthTimeoutMs: number;
  /** The least severity of security findings reported (the deploy parameter `findingsMinSeverity`). */
  readonly findingsMinSeverity: FindingsMinSeverity;
  /** Alarm changes that are routine rather than news (quiet defaults). */
  readonly quietAlarms: QuietAlarmSettings;
  /**
   * How accounts are named in messages: configured names (ACCOUNT_NAMES), and whether to look the
   * others up (LOOK_UP_ACCOUNT_NAMES; the deploy sets it, local runs and tests look nothing up).
   */
  readonly accountNames: { readonly configured: ReadonlyMap<string, string>; readonly lookUp: boolean };
  /** Refused calls by one principal within a window that make one alert (a threshold of 1: each alone). */
  readonly accessDeniedBurst: DeniedBurstSettings;
  /** A user rules file for API-call alerts (README, "Your own rules"); absent = the built-in rules. */
  readonly rulesFile?: string;
  /** Where delivered notifications are remembered (DEDUPE_TABLE); absent = no duplicate suppression. */
  readonly dedupe?: DedupeConfig;
  /** When an alarm counts as flapping (FLAP_THRESHOLD, FLAP_WINDOW_MINUTES); needs the dedupe table. */
  readonly flapping: FlappingConfig;
}

/** More than `threshold` state changes within `windowMs` is flapping; threshold 0 turns it off. */
export interface FlappingConfig {
  readonly threshold: number;
  readonly windowMs: number;
}

/** The dedupe table and how long a key is kept in it. */
export interface DedupeConfig {
  readonly tableName: string;
  readonly ttlSeconds: number;
}

/** The settings of every function that publishes notifications (ingest, cost digest): where to publish. */
export interface PublishConfig extends NotifierConfig {
  readonly topicArn: string;
}

/** Where the Slack webhook URL comes from: an SSM SecureString parameter (preferred) or the URL itself. */
export type WebhookSource = { readonly parameter: string } | { readonly url: string };

/** The Slack forwarder's settings. */
export interface SlackConfig extends NotifierConfig {
  readonly webhook: WebhookSource;
}

/** Environment as Lambda passes it; tests pass a plain object. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Parses the environment with `schema`; the first problem becomes a one-line ConfigError naming the variable. */
export function parseOrThrow<T extends z.ZodMiniType>(schema: T, env: Env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.join('.') || 'environment';
  throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid'}`, { cause: result.error });
}

/**
 * Reads the settings every handler needs, validated and frozen.
 * @throws ConfigError naming the variable, e.g. `NOTIFIER_TIME_ZONE: "Asia/Tokio" is not an IANA time zone`
 * @example const config = loadConfig({ NOTIFIER_LOCALE: 'ja', NOTIFIER_TIME_ZONE: 'Asia/Tokyo' });
 */
export function loadConfig(env: Env = process.env): NotifierConfig {
  const e = parseOrThrow(commonSchema, env);
  return Object.freeze({
    locale: e.NOTIFIER_LOCALE ?? 'en',
    timeZone: e.NOTIFIER_TIME_ZONE ?? 'UTC',
    alarmNamePrefixes: Object.freeze(splitList(e.ALARM_NAME_PREFIXES ?? '')),
    targetHealthTimeoutMs: e.TARGET_HEALTH_TIMEOUT_MS ?? DEFAULT_TARGET_HEALTH_TIMEOUT_MS,
    findingsMinSeverity: e.FINDINGS_MIN_SEVERITY ?? DEFAULT_FINDINGS_MIN_SEVERITY,
    accountNames: Object.freeze({
      configured: e.ACCOUNT_NAMES ?? new Map<string, string>(),
      lookUp: e.LOOK_UP_ACCOUNT_NAMES ?? false,
    }),
    quietAlarms: Object.freeze({
      reportInsufficientDataToOk: e.REPORT_INSUFFICIENT_DATA_TO_OK ?? false,
      reportActionsDisabled: e.REPORT_ALARMS_WITH_ACTIONS_DISABLED ?? false,
      excludedAlarmNamePrefixes: Object.freeze(
        e.EXCLUDED_ALARM_NAME_PREFIXES === undefined
          ? DEFAULT_EXCLUDED_ALARM_NAME_PREFIXES
          : e.EXCLUDED_ALARM_NAME_PREFIXES.trim() === NO_EXCLUDED_PREFIXES
            ? []
            : splitList(e.EXCLUDED_ALARM_NAME_PREFIXES),
      ),
    }),
    accessDeniedBurst: Object.freeze({
      threshold: e.ACCESS_DENIED_BURST_THRESHOLD ?? DEFAULT_ACCESS_DENIED_BURST.threshold,
      windowMinutes: e.ACCESS_DENIED_BURST_WINDOW_MINUTES ?? DEFAULT_ACCESS_DENIED_BURST.windowMinutes,
    }),
    ...(e.NOTIFIER_RULES_FILE ? { rulesFile: e.NOTIFIER_RULES_FILE } : {}),
    flapping: Object.freeze({
      threshold: e.FLAP_THRESHOLD ?? DEFAULT_FLAP_THRESHOLD,
      windowMs: (e.FLAP_WINDOW_MINUTES ?? DEFAULT_FLAP_WINDOW_MINUTES) * 60_000,
    }),
    ...(e.DEDUPE_TABLE
      ? {
          dedupe: Object.freeze({
            tableName: e.DEDUPE_TABLE,
            ttlSeconds: e.DEDUPE_TTL_SECONDS ?? DEFAULT_DEDUPE_TTL_SECONDS,
          }),
        }
      : {}),
  });
}

/**
 * {@link loadConfig} plus `NOTIFICATIONS_TOPIC_ARN`, required by every function that publishes.
 * @throws ConfigError e.g. `NOTIFICATIONS_TOPIC_ARN: is required (the SNS topic notifications are published to)`
 */
export function loadPublishConfig(env: Env = process.env): PublishConfig {
  const common = loadConfig(env);
  const { NOTIFICATIONS_TOPIC_ARN } = parseOrThrow(publishSchema, env);
  return Object.freeze({ ...common, topicArn: NOTIFICATIONS_TOPIC_ARN });
}

/**
 * {@link loadConfig} plus the Slack webhook source: `SLACK_WEBHOOK_PARAMETER` wins over `SLACK_WEBHOOK_URL`.
 * @throws ConfigError when neither is set.
 */
export function loadSlackConfig(env: Env = process.env): SlackConfig {
  const common = loadConfig(env);
  const e = parseOrThrow(slackSchema, env);
  const webhook: WebhookSource =
    e.SLACK_WEBHOOK_PARAMETER !== undefined
      ? { parameter: e.SLACK_WEBHOOK_PARAMETER }
      : { url: e.SLACK_WEBHOOK_URL ?? '' };
  return Object.freeze({ ...common, webhook: Object.freeze(webhook) });
}

const routingSchema = z.object({ ROUTES_FILE: optional(trimmed) });

/** Where a delivering function's routing comes from. */
export interface RoutingConfig {
  /** The routing file inside the zip (`ROUTES_FILE`, set from `routesFile`); absent = the default routing. */
  readonly routesFile?: string;
}

/**
 * The routing file's path (`ROUTES_FILE`), when the deploy has one (infra/routes.cjs).
 * @example const { routesFile } = loadRoutingConfig(); // "/var/task/routes.json"
 */
export function loadRoutingConfig(env: Env = process.env): RoutingConfig {
  const { ROUTES_FILE } = parseOrThrow(routingSchema, env);
  return Object.freeze(ROUTES_FILE ? { routesFile: ROUTES_FILE } : {});
}
