import { PublishCommand } from '@aws-sdk/client-sns';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { createApiCallHandler } from '../../src/handlers/api-call';
import { wrapCloudTrailRecord } from '../../src/lib/core/envelopes/cloudtrail';
import { DENIED_BURST_RULES } from '../../src/lib/core/sources/cloudtrail/denied-burst-present';
import { ingestHarness, TOPIC_ARN } from '../helpers/ingest-harness';
import { record } from '../lib/core/sources/cloudtrail/through-pipeline';

const topicArn = TOPIC_ARN;
const harness = ingestHarness();
const { sns } = harness;

/** The real refused call (fivexl test data) as the n-th of a burst, 30 s apart. */
function deniedCall(n: number) {
  const raw = record('fivexl-unauthorized_operation.json');
  raw.eventID = `denied-${n}`;
  raw.eventTime = new Date(Date.parse('2025-03-01T10:00:00Z') + n * 30_000).toISOString();
  return wrapCloudTrailRecord(raw);
}

const ignoredRules = () => harness.logs.entries().flatMap((e) => (e.message === 'input ignored' ? [e.rule] : []));

describe('handlers: api-call access-denied bursts (dynalite on 127.0.0.1)', () => {
  it('turns 7 refused calls by one principal into one alert at the 5th, logging the others by rule', async () => {
    const handler = createApiCallHandler({
      env: { NOTIFICATIONS_TOPIC_ARN: topicArn, DEDUPE_TABLE: harness.db.tableName },
      dynamodb: () => harness.db.client,
    });
    for (let n = 1; n <= 7; n++) await handler(deniedCall(n));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    const subject = sns.commandCalls(PublishCommand)[0]?.args[0].input.Subject;
    expect(subject).toMatch(/^\[WARNING\] 5 access-denied calls by /);
    expect(ignoredRules()).toEqual([
      ...Array(4).fill(DENIED_BURST_RULES.held),
      DENIED_BURST_RULES.muted,
      DENIED_BURST_RULES.muted,
    ]);
  });

  it('alerts on each refused call with ACCESS_DENIED_BURST_THRESHOLD=1', async () => {
    const handler = createApiCallHandler({
      env: {
        NOTIFICATIONS_TOPIC_ARN: topicArn,
        DEDUPE_TABLE: harness.db.tableName,
        ACCESS_DENIED_BURST_THRESHOLD: '1',
      },
      dynamodb: () => harness.db.client,
    });
    for (let n = 1; n <= 3; n++) await handler(deniedCall(n));
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 3);
  });
});
