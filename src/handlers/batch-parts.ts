import type { Context } from 'aws-lambda';
import type { createDeadLetterSender } from '../lib/adapters/dead-letter-queue';
import { logger } from '../lib/adapters/logger';
import type { NotifierConfig } from '../lib/config';
import type { Notification } from '../lib/core/notification';
import { unreadableInput } from './delivery-failure';
import { type QueueRecord, readQueueRecord } from './queue-input';

/** Records that failed for good, with the reason, for the dead-letter queue. */
export interface Letter {
  readonly records: readonly QueueRecord[];
  readonly error: Error;
}

/** A queue batch read: its notifications, the records each came from, and the unreadable records. */
export interface ReadBatch {
  readonly notifications: Notification[];
  /** The records of a dedupe key (a notification may arrive in two records). */
  readonly recordsOf: (keys: readonly string[]) => QueueRecord[];
  readonly letters: Letter[];
}

/**
 * Reads every record of a queue batch into notifications; what a named rule ignores is logged, an
 * unreadable record becomes a letter for the dead-letter queue.
 */
export async function readBatch(
  records: readonly QueueRecord[],
  config: NotifierConfig,
  now: Date,
): Promise<ReadBatch> {
  const letters: Letter[] = [];
  const byKey = new Map<string, QueueRecord[]>();
  const notifications: Notification[] = [];
  for (const record of records) {
    const result = await readQueueRecord(record, config, now);
    for (const { rule, reason } of result.ignored)
      logger.info('input ignored', { rule, reason, messageId: record.messageId });
    if (result.errors.length > 0) {
      letters.push({ records: [record], error: unreadableInput(result.errors) });
      continue;
    }
    for (const n of result.notifications) {
      notifications.push(n);
      byKey.set(n.dedupeKey, [...(byKey.get(n.dedupeKey) ?? []), record]);
    }
  }
  const recordsOf = (keys: readonly string[]) => [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))];
  return { notifications, recordsOf, letters };
}

/**
 * Sends each letter to the dead-letter queue; a letter that cannot be sent (no queue, or the queue
 * unreachable) adds its records to `retry`, so the redrive policy keeps them.
 */
export async function sendLetters(
  letters: readonly Letter[],
  sendLetter: ReturnType<typeof createDeadLetterSender> | undefined,
  context: Context | undefined,
  at: Date,
  retry: Set<string>,
): Promise<void> {
  for (const letter of letters) {
    const ids = letter.records.map((r) => r.messageId);
    try {
      if (sendLetter === undefined) throw letter.error;
      await sendLetter({ event: { Records: letter.records }, error: letter.error, context, at });
      logger.error('permanent failure sent to the dead-letter queue', {
        reason: letter.error.message,
        errorType: letter.error.name,
        messageIds: ids,
      });
    } catch (problem) {
      // No queue, or it could not be reached: the messages come back, and the redrive policy keeps them.
      logger.error('dead letter not sent, the messages will be received again', { error: problem, messageIds: ids });
      for (const id of ids) retry.add(id);
    }
  }
}
