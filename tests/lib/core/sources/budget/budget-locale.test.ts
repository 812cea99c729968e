import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../../src/lib/core/locale';
import type { Notification } from '../../../../../src/lib/core/notification';
import { sources } from '../../../../../src/lib/core/sources';
import { parseNotificationDate } from '../../../../../src/lib/core/sources/budget/budget-text';
import { processEvent } from '../../../../../src/lib/pipeline';
import { BUDGETS_DIR, CTX } from '../../cost/fixtures';

/** Real AWS Budgets messages as delivered: bare texts and SNS→Lambda events. */
const fixtures: Array<[string, string, string]> = [
  ['budget-actual-monthly-exceeded-sre-bot.txt', 'September 26, 2022', '2022年9月26日'],
  ['budget-actual-yearly-exceeded-sage.txt', 'July 23, 2020', '2020年7月23日'],
  ['budget-forecasted-monthly-sasa9477.txt', 'May 13, 2024', '2024年5月13日'],
  ['sns-event-budget-ACTUAL-monthly-sasa9477.json', 'May 13, 2024', '2024年5月13日'],
  ['sns-event-budget-actual-yearly-sage.json', 'July 23, 2020', '2020年7月23日'],
];

async function budgetNotification(file: string, locale: Locale): Promise<Notification> {
  const text = readFileSync(join(BUDGETS_DIR, file), 'utf8');
  const input = file.endsWith('.json') ? JSON.parse(text) : text;
  const { notifications } = await processEvent(input, { sources, ctx: CTX[locale] });
  expect(notifications).toHaveLength(1);
  return notifications[0]!;
}
const value = (n: Notification, label: string) => n.fields.find((f) => f.label === label)?.value;

describe('budget: Japanese alerts speak Japanese', () => {
  it.each(fixtures)('%s: the budget type and the notification date in Japanese', async (file, _en, ja) => {
    const n = await budgetNotification(file, 'ja');
    expect(value(n, '予算の種類')).toBe('コスト');
    expect(value(n, '通知日')).toBe(ja);
    expect(n.fields.map((f) => f.value).join('\n')).not.toMatch(
      /\bCost\b|January|February|March|April|May|June|July|August|September|October|November|December/,
    );
  });

  it.each(fixtures)('%s: English keeps AWS’s words', async (file, en) => {
    const n = await budgetNotification(file, 'en');
    expect([value(n, 'Budget type'), value(n, 'Notification date')]).toEqual(['Cost', en]);
  });

  it.each([
    ['September 26, 2022', '2022-09-26'],
    ['May 3, 2024', '2024-05-03'],
    ['February 30, 2024', undefined],
    ['2024-05-13', undefined],
    ['Sept 26, 2022', undefined],
  ])('reads the date AWS writes (%s), and leaves anything else as written', (text, iso) => {
    expect(parseNotificationDate(text)).toBe(iso);
  });
});
