import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { createAccountNamer } from '../lib/adapters/account-names';
import type { Clock } from '../lib/adapters/clock';
import { invocationDeadline, timeLeft } from '../lib/adapters/deadline';
import { dedupeStoreFor } from '../lib/adapters/dedupe-store';
import { deliverOnce } from '../lib/adapters/deliver-once';
import { logger } from '../lib/adapters/logger';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import { settleBounded } from '../lib/adapters/settle-bounded';
import { publishNotification } from '../lib/adapters/sns-publisher';
import type { TargetHealthReader } from '../lib/adapters/target-health';
import { type Env, loadPublishConfig, type PublishConfig } from '../lib/config';
import { withAccountNames } from '../lib/core/accounts';
import { isUnparsed } from '../lib/core/notification';
import { buildSnsPublish } from '../lib/core/publish/sns-message';
import type { RuleSet } from '../lib/core/sources/cloudtrail';
import type { Enrichers } from '../lib/core/sources/enrichments';
import type { Source } from '../lib/core/sources/source';
import { type PipelineOptions, processEvent } from '../lib/pipeline';
import { deliveryFailure, unreadableInput } from './delivery-failure';
import { once } from './once';

/**
 * SNS publishes of one batch in flight at a time: enough to publish a batch quickly, few enough
 * that a 10,000-record batch does not open 10,000 connections (and hundreds of MB) at once.
 */
const SNS_PUBLISH_CONCURRENCY = 10;

/** What an ingest handler needs from the outside; each has a real default, created once per container. */
export interface IngestHandlerDeps {
  env?: Env;
  sns?: () => SNSClient;
  /** DynamoDB client of the dedupe store and the flapping history, used only when DEDUPE_TABLE is set. */
  dynamodb?: () => DynamoDBClient;
  /**
   * ELBv2 client for a target group's region (its ARN may name another region than ours). The alarm
   * function passes the SDK's, loaded on the first target-group alarm; the others have none.
   */
  elbv2?: (region: string) => ElasticLoadBalancingV2Client | Promise<ElasticLoadBalancingV2Client>;
  /** Reads target-group health with those clients (the alarm function passes it; see target-health.ts). */
  targetHealth?: (
    elbv2: (region: string) => Promise<ElasticLoadBalancingV2Client>,
    options: { timeoutMs: number },
  ) => TargetHealthReader;
  /** Names of accounts for people; default: configured names, then IAM and Organizations (createAccountNamer). */
  accountNames?: (accountIds: readonly string[], ownAccount?: string) => Promise<Map<string, string>>;
  /** The enrichers only this function's sources ask for (alarm: flapping, alarm actions; api-call: bursts). */
  enrichers?: OwnEnrichers;
  /**
   * The effective API-call rules, given NOTIFIER_RULES_FILE; default: none (the sources' own). The
   * api-call function passes the loader, so no other function bundles the rules.
   */
  ruleSet?: (rulesFile: string | undefined) => Promise<RuleSet | undefined>;
  now?: Clock;
}

/** What a function's own enrichers are made from, once per container. */
export interface EnricherContext {
  readonly config: () => PublishConfig;
  /** The DynamoDB client of the dedupe table, shared with the function's own stores. */
  readonly dynamodb: () => DynamoDBClient;
  readonly now: Clock;
}

/** A function's own enrichers: made once per container, then given each invocation's deadline. */
export type OwnEnrichers = (shared: EnricherContext) => (deadline: number) => Enrichers;

/** What one invocation did, returned for logs and tests. */
export interface IngestSummary {
  published: number;
  ignored: number;
}

/**
 * Builds a handler that turns whatever AWS delivers (EventBridge events, SNS→Lambda events, Lambda
 * alarm actions) into notifications through the shared pipeline and publishes each to
 * NOTIFICATIONS_TOPIC_ARN. Ignored inputs are logged with their rule. Alarm state changes go
 * through the flapping check (with DEDUPE_TABLE set and FLAP_THRESHOLD above 0): a flapping alarm's
 * changes become one "flapping" notification, the rest are logged as ignored by rule `flapping`.
 * Throws (so Lambda retries, then dead-letters) when a publish fails or a record was unreadable, after delivering the rest;
 * the wrapped `main` of each function sends permanent failures to the dead-letter queue at once.
 * The alarm, api-call and budget functions are this handler; they differ in what is routed to them
 * and in their IAM permissions.
 * @example const handler = createIngestHandler([cloudwatchAlarmSource, genericSource], { env: { NOTIFICATIONS_TOPIC_ARN: arn } });
 */
export function createIngestHandler(sources: readonly Source[], deps: IngestHandlerDeps = {}) {
  const env = deps.env ?? process.env;
  const config = once<PublishConfig>(() => loadPublishConfig(env));
  const sns = once(deps.sns ?? (() => new SNSClient(sdkClientConfig())));
  const ruleSet = once(() => deps.ruleSet?.(config().rulesFile) ?? Promise.resolve(undefined));
  const elbv2Clients = new Map<string, Promise<ElasticLoadBalancingV2Client>>();
  const elbv2 = (region: string, create: NonNullable<IngestHandlerDeps['elbv2']>) => {
    const client = elbv2Clients.get(region) ?? Promise.resolve(create(region));
    elbv2Clients.set(region, client);
    return client;
  };
  const targetHealth = once(() => {
    const { elbv2: create, targetHealth: reader } = deps;
    if (!create || !reader) return undefined;
    return reader((region) => elbv2(region, create), { timeoutMs: config().targetHealthTimeoutMs });
  });
  const clock = deps.now ?? Date.now;
  const accountNames = once(() => deps.accountNames ?? createAccountNamer({ ...config().accountNames, now: clock }));
  // One DynamoDB client for the dedupe keys and the functions' own stores (flapping, bursts: one table).
  const dynamodb = once(deps.dynamodb ?? (() => new DynamoDBClient(sdkClientConfig())));
  const dedupe = once(() => dedupeStoreFor(config(), dynamodb, { now: clock }));
  const own = once(() => deps.enrichers?.({ config, dynamodb, now: clock }));

  return async function ingestHandler(event: unknown, context?: Context): Promise<IngestSummary> {
    const deadline = invocationDeadline(context, clock());
    const { locale, timeZone, alarmNamePrefixes, findingsMinSeverity, accessDeniedBurst, quietAlarms } = config();
    const now = new Date(clock());
    const rules = await ruleSet();
    const options: PipelineOptions = {
      ctx: { locale, timeZone, now },
      sources,
      alarmNamePrefixes,
      findingsMinSeverity,
      accessDeniedBurst,
      quietAlarms,
      ...(targetHealth() ? { targetHealth: targetHealth() } : {}),
      ...(rules ? { ruleSet: rules } : {}),
      ...own()?.(deadline),
    };
    const result = await processEvent(event, options).catch((error: unknown) => {
      logger.error('input could not be processed', { error });
      throw error;
    });
    for (const { rule, reason, path } of result.ignored) logger.info('input ignored', { rule, reason, path });
    for (const error of result.errors) logger.error('input record could not be read', { error });
    for (const n of result.notifications.filter(isUnparsed)) {
      // Delivered with its original text (nothing lost); logged so the parser gets a look.
      logger.warn('message not parsed', { category: n.category, sourceType: n.source.type, eventId: n.source.id });
    }

    // Each notification is published once (deliver-once lease), at most SNS_PUBLISH_CONCURRENCY at a time,
    // every publish bounded by the invocation's deadline.
    // Accounts named for people ("111122223333 (prod)"); the function's own account is in its ARN.
    const ownAccount = context?.invokedFunctionArn?.split(':')[4];
    const accounts = result.notifications.flatMap((n) => (n.account ? [n.account] : []));
    const names = accounts.length > 0 ? await accountNames()(accounts, ownAccount) : new Map<string, string>();
    const notifications = withAccountNames(result.notifications, names);
    const outcomes = await settleBounded(notifications, SNS_PUBLISH_CONCURRENCY, async (n) => {
      const publish = () =>
        publishNotification(sns(), config().topicArn, buildSnsPublish(n), { timeoutMs: timeLeft(deadline, clock()) });
      const delivery = await deliverOnce(dedupe(), n.dedupeKey, publish, { deadline, now: clock });
      if (delivery.outcome === 'duplicate') return 'duplicate';
      const { category, severity, dedupeKey } = n;
      logger.info('notification published', { messageId: delivery.value, category, severity, dedupeKey });
      return 'published';
    });
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    for (const error of failures) logger.error('notification not published', { error });
    if (failures.length > 0) throw deliveryFailure(failures, outcomes.length, 'SNS publishes');
    if (result.errors.length > 0) throw unreadableInput(result.errors);
    const duplicates = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'duplicate').length;
    return { published: outcomes.length - duplicates, ignored: result.ignored.length + duplicates };
  };
}
