'use strict';

/**
 * Every ingest function's triggers, generated from the sources registry (src/lib/core/sources):
 * each source declares the function that serves it, its EventBridge patterns and its SNS topic, so
 * a new source needs no edit here. serverless.yml reads `${file(./infra/source-events.cjs):alarm}`,
 * `:apiCall` and `:budget`.
 *
 * IAM, Organizations, STS (global endpoint) and console sign-in events reach EventBridge in
 * us-east-1 only, so rules for them fire only in a stack deployed there:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
 */
const { apiCallConfig, source } = require('./api-call.cjs');
const resolveParams = require('./params.cjs');

/** EventBridge rule descriptions are at most 512 characters (also osls' schema limit):
 *  https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html */
const MAX_RULE_DESCRIPTION = 512;
/** The functions that sources name (serverless.yml `functions`). */
const FUNCTIONS = ['alarm', 'apiCall', 'budget'];

/** "api-call" for the apiCall function, as rule descriptions name it. */
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * One `eventBridge` event per pattern; the description names the source and the rules it serves.
 * No `name`: osls keys the logical IDs by position, so a positional name (its default) keeps every
 * change an in-place update, where a fixed name on a shifted position would be a replacement that
 * collides with the rule still holding that name.
 */
const toEvent = (fn, { name, pattern, ruleIds }) => ({
  eventBridge: {
    description: `${kebab(fn)} ${name}: ${ruleIds.join(', ')}`.slice(0, MAX_RULE_DESCRIPTION),
    pattern,
  },
});

/** An SNS subscription; what SNS cannot deliver goes to the function's dead-letter queue. */
const toSnsEvent = (fn, { ref, topicName }) => ({
  sns: {
    arn: { Ref: ref },
    topicName,
    redrivePolicy: { deadLetterTargetRef: `${fn[0].toUpperCase()}${fn.slice(1)}DeadLetterQueue` },
  },
});

/**
 * The events of each function: its sources' EventBridge rules first, then one subscription per SNS
 * topic they read (a topic two sources read is subscribed once).
 * @param settings what the sources' patterns depend on: `alarmNamePrefixes`, `ruleSet`, `findingsMinSeverity`
 */
function sourceEvents(settings) {
  const { sources } = source('lib/core/sources/index.ts');
  const { SOURCES: budgetSources } = source('handlers/budget.ts');
  const all = [...sources, ...budgetSources];
  return Object.fromEntries(
    FUNCTIONS.map((fn) => {
      const served = [...new Map(all.filter((s) => s.deploy?.function === fn).map((s) => [s.id, s])).values()];
      const rules = served.flatMap((s) => (s.deploy.eventPatterns?.(settings) ?? []).map((p) => toEvent(fn, p)));
      const topics = new Map(
        served.filter((s) => s.deploy.snsTopic).map((s) => [s.deploy.snsTopic.ref, s.deploy.snsTopic]),
      );
      return [fn, [...rules, ...[...topics.values()].map((t) => toSnsEvent(fn, t))]];
    }),
  );
}

module.exports = async (resolver) => {
  const params = await resolveParams(resolver);
  const { ruleSet } = await apiCallConfig(params.rulesFile);
  const alarmNamePrefixes = params.alarmNamePrefixes.split(',').filter(Boolean);
  return sourceEvents({ alarmNamePrefixes, ruleSet, findingsMinSeverity: params.findingsMinSeverity });
};
module.exports.sourceEvents = sourceEvents;
