import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../../src/lib/core/notification';
import { fitNotification } from '../../../../src/lib/core/publish/sns-fit';
import { albAlarm, genericEvent } from '../render/sample-notifications';

const size = (n: Notification) => JSON.stringify(n).length;

describe('render: fitting a notification into a size budget', () => {
  it('returns the notification itself when it fits', () => {
    expect(fitNotification(albAlarm, () => true)).toBe(albAlarm);
  });

  it('truncates only the longest strings, as little as needed', () => {
    const n = {
      ...albAlarm,
      summary: 's'.repeat(50_000),
      fields: [...albAlarm.fields, { label: 'Big', value: 'b'.repeat(80_000) }],
    };
    const fitted = fitNotification(n, (c) => size(c) <= 40_000);
    expect(size(fitted)).toBeLessThanOrEqual(40_000);
    expect(size(fitted)).toBeGreaterThan(39_000);
    expect(fitted.fields.slice(0, -1)).toEqual(albAlarm.fields);
    expect(fitted.summary).toMatch(/^s+… \(truncated, \d+ more characters\)$/);
    expect(fitted.fields.at(-1)?.value).toMatch(/^b+… \(truncated, \d+ more characters\)$/);
    expect(fitted.account).toBe(albAlarm.account);
  });

  it('cuts long lists, with a note saying how many items were left out, when strings are already short', () => {
    const fields = Array.from({ length: 5_000 }, (_, i) => ({ label: `F${i}`, value: 'v'.repeat(150) }));
    const fitted = fitNotification({ ...genericEvent, fields }, (c) => size(c) <= 50_000);
    expect(size(fitted)).toBeLessThanOrEqual(50_000);
    const kept = fitted.fields.length;
    expect(kept).toBeGreaterThan(100);
    expect(fitted.notes.at(-1)).toBe(`${5_000 - kept} more fields left out to fit the message size limit.`);
  });

  it('writes the left-out note in Japanese for a Japanese notification', () => {
    const links = Array.from({ length: 3_000 }, (_, i) => ({ label: `L${i}`, url: `https://example.com/${i}` }));
    const fitted = fitNotification({ ...genericEvent, locale: 'ja', links }, (c) => size(c) <= 20_000);
    expect(fitted.notes.at(-1)).toMatch(/^メッセージサイズ上限のためリンク \d+ 件を省略しました。$/);
  });
});
