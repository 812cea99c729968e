import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUDGETS_DIR = join(__dirname, '../../../fixtures/budgets');
export const COST_EXPLORER_DIR = join(__dirname, '../../../fixtures/cost-explorer');

/** A fixture's text. */
export const fixtureText = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
/** A fixture's JSON, a fresh copy each time. */
export const fixtureJson = (dir: string, name: string): unknown => JSON.parse(fixtureText(dir, name));
export const fixtureNames = (dir: string, pattern: RegExp) =>
  readdirSync(dir)
    .filter((n) => pattern.test(n))
    .sort();

type Meta = { id?: string; occurredAt?: string; subject?: string };

/** Every AWS Budgets message body among the fixtures: the .txt files and each SNS record's Message. */
export function budgetMessages(): Array<[string, string, Meta]> {
  const texts = fixtureNames(BUDGETS_DIR, /\.txt$/).map((n): [string, string, Meta] => [
    n,
    fixtureText(BUDGETS_DIR, n),
    {},
  ]);
  const events = fixtureNames(BUDGETS_DIR, /^sns-event-budget/).map((n): [string, string, Meta] => {
    const sns = (fixtureJson(BUDGETS_DIR, n) as { Records: Array<{ Sns: Record<string, string> }> }).Records[0]!.Sns;
    return [n, sns.Message!, { id: sns.MessageId!, occurredAt: sns.Timestamp!, subject: sns.Subject! }];
  });
  const http = fixtureJson(join(BUDGETS_DIR, '../sns'), 'http-notification-budget-ACTUAL-sre-bot.json') as Record<
    string,
    string
  >;
  const httpMeta: Meta = { id: http.MessageId!, occurredAt: http.Timestamp! };
  return [...texts, ...events, ['sns/http-notification-budget-ACTUAL-sre-bot.json', http.Message!, httpMeta]];
}

export const CTX = {
  en: { locale: 'en', timeZone: 'UTC', now: new Date('2024-05-14T00:00:00Z') },
  ja: { locale: 'ja', timeZone: 'Asia/Tokyo', now: new Date('2024-05-14T00:00:00Z') },
} as const;
