import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach } from 'vitest';
import { type CapturedLogs, captureLogs } from './capture-logs';
import { type LocalDynamoDb, startLocalDynamoDb } from './dynamodb-local';

/** The notifications topic the ingest handler tests publish to. */
export const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:notifications';

/**
 * What an ingest handler test runs against, fresh for every test: SNS mocked (every publish answered
 * `message-1`), a dedupe table on a local dynalite, and the captured log lines. Call at the top of a
 * test file.
 * @example const harness = ingestHarness(); … createAlarmHandler({ env: { DEDUPE_TABLE: harness.db.tableName } })
 */
export function ingestHarness() {
  const sns = mockClient(SNSClient);
  let db: LocalDynamoDb | undefined;
  let logs: CapturedLogs | undefined;
  beforeEach(async () => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'message-1' });
    db = await startLocalDynamoDb();
    logs = captureLogs();
  });
  afterEach(async () => {
    logs?.restore();
    await db?.close();
  });
  return {
    sns,
    get db(): LocalDynamoDb {
      if (!db) throw new Error('ingestHarness: the table exists inside a test only');
      return db;
    },
    get logs(): CapturedLogs {
      if (!logs) throw new Error('ingestHarness: logs are captured inside a test only');
      return logs;
    },
  };
}
