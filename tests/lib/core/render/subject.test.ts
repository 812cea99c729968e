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

  it('shortens a long title in the middle, keeping its start, the state at its end, and the region', () => {
    const subject = renderSubject(albAlarm);
    expect(subject.length).toBeLessThanOrEqual(SNS_SUBJECT_MAX_CHARS);
    expect(subject).toMatch(/^\[CRITICAL\] awsapplicationelb-.*….* is in ALARM \(us-east-2\)$/);
  });

  it('flattens line breaks and control characters (no header injection)', () => {
    const subject = renderSubject(hostile);
    expect(subject).toBe('[CRITICAL] <!channel> DeleteTrail by <@U1> Bcc: victim@example.com (us-east-1 <!channel>)');
    expect(subject).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('drops an absurd region rather than the title', () => {
    const subject = renderSubject({ ...albAlarm, title: 'short', region: 'r'.repeat(500) });
    expect(subject.length).toBe(SNS_SUBJECT_MAX_CHARS);
    expect(subject).toMatch(/^\[CRITICAL\] short \(r+…$/);
  });
});
