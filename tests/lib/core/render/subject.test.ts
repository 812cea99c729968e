import { describe, expect, it } from 'vitest';
import { SNS_SUBJECT_MAX_CHARS } from '../../../../src/lib/core/publish/limits';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { albAlarm, genericEvent, hostile, insufficientData, japanese, okRecovery } from './sample-notifications';

describe('render: subject', () => {
  it.each([
    ['an alarm', insufficientData, '[WARNING] cpu-high is INSUFFICIENT_DATA (ap-northeast-1)'],
    ['a recovery', { ...okRecovery, title: 'web-tg-unhealthy is OK' }, '[RESOLVED] web-tg-unhealthy is OK (us-east-2)'],
    ['a Japanese alarm', japanese, '[重大] web-tg-unhealthy がアラーム状態になりました (ap-northeast-1)'],
    ['an event without title or region', genericEvent, '[INFO] AWS event'],
    [
      'a Japanese event without title',
      { ...genericEvent, locale: 'ja' as const, title: ' \n ' },
      '[情報] AWS イベント',
    ],
  ])('reads "[SEVERITY] title (region)" for %s', (_, n, expected) => {
    expect(renderSubject(n)).toBe(expected);
  });

  it('does not repeat a region the title already names', () => {
    expect(renderSubject({ ...albAlarm, title: 'x is in ALARM (us-east-2)' })).toBe(
      '[CRITICAL] x is in ALARM (us-east-2)',
    );
  });

  it('drops the region first, least important, and then keeps a long title whole', () => {
    expect(renderSubject(albAlarm)).toBe(
      '[CRITICAL] awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts is in ALARM',
    );
  });

  it('cuts a title too long even alone in the middle, at word breaks, keeping its start and the state at its end', () => {
    const title = `${'awsapplicationelb-smith-poc-nodejs-restart-tg-High-Unhealthy-Hosts-'.repeat(2)}blue is in ALARM`;
    const subject = renderSubject({ ...albAlarm, title });
    expect(subject.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
    expect(subject).toMatch(/^\[CRITICAL\] awsapplicationelb-.*….* is in ALARM$/);
    const [head, tail] = subject.slice('[CRITICAL] '.length).split('…');
    expect(title.startsWith(head!)).toBe(true);
    expect(title.endsWith(tail!)).toBe(true);
    // Both ends stop at a break of the title: a separator or a space follows the head, precedes the tail.
    expect(title[head!.length]).toMatch(/[-\s]/);
    expect(title[title.length - tail!.length - 1]).toMatch(/[-\s]/);
  });

  it('flattens line breaks and control characters (no header injection)', () => {
    const subject = renderSubject(hostile);
    expect(subject).toBe('[CRITICAL] <!channel> DeleteTrail by <@U1> Bcc: victim@example.com (us-east-1 <!channel>)');
    expect(subject).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('drops an absurd region rather than the title', () => {
    expect(renderSubject({ ...albAlarm, title: 'short', region: 'r'.repeat(500) })).toBe('[CRITICAL] short');
  });
});
