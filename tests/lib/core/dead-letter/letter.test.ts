import { describe, expect, it } from 'vitest';
import { readLetter } from '../../../../src/lib/core/dead-letter/letter';

const record = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: '1.0',
    requestContext: {
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:notifier-prod-budget:$LATEST',
      condition: 'EventAgeExceeded',
    },
    requestPayload: { Records: [{ Sns: { Subject: 'AWS Budgets: monthly has exceeded' } }, { Sns: {} }] },
    ...extra,
  });

describe('dead letter: readLetter', () => {
  it('reads what failed, why and about what from Lambda’s on-failure record', () => {
    expect(readLetter(record({ responsePayload: { errorType: 'TimeoutError', errorMessage: 'no answer' } }))).toEqual({
      kind: 'invocation',
      functionName: 'notifier-prod-budget',
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:notifier-prod-budget:$LATEST',
      condition: 'EventAgeExceeded',
      reason: 'TimeoutError: no answer',
      payload: { Records: [{ Sns: { Subject: 'AWS Budgets: monthly has exceeded' } }, { Sns: {} }] },
      subject: 'AWS Budgets: monthly has exceeded (+1 more)',
    });
  });

  it.each([
    ['the function error without a payload', { responseContext: { functionError: 'Unhandled' } }, 'Unhandled'],
    ['the condition when nothing else says', {}, 'EventAgeExceeded'],
  ])('falls back to %s', (_, extra, reason) => {
    expect(readLetter(record(extra))).toMatchObject({ kind: 'invocation', reason });
  });

  it('reads a queue’s message: where it came from, how often it failed, its subject', () => {
    const body = JSON.stringify({ Type: 'Notification', Message: JSON.stringify({ title: 'cpu is in ALARM' }) });
    const attributes = { DeadLetterQueueSourceArn: 'arn:aws:sqs:us-east-1:1:q', ApproximateReceiveCount: '5' };
    expect(readLetter(body, attributes)).toEqual({
      kind: 'message',
      sourceQueueArn: 'arn:aws:sqs:us-east-1:1:q',
      reason: 'received 5 times without success',
      subject: 'cpu is in ALARM',
    });
  });

  it('never throws, and keeps every line short, single and free of URL paths', () => {
    const long = `https://hooks.slack.com/services/T0/B0/${'x'.repeat(500)}\nnext line`;
    const letter = readLetter(record({ responsePayload: { errorMessage: long } }));
    expect(letter.reason).toBe('hooks.slack.com next line');
    const subject = readLetter(`{"Subject": "${'a'.repeat(300)}"}`).subject ?? '';
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(readLetter('not json')).toEqual({ kind: 'message', reason: 'dead-lettered' });
  });
});
