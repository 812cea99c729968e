import { formatMoney, formatPercent } from '../../cost/money';
import type { Locale } from '../../locale';
import { formatNumber } from '../../numbers';
import type { BudgetStatus, Digest, DigestNote, FreeTierItem, Quantity } from './digest-model';
import { digestStrings, sourcePermissions } from './digest-strings';
import { type PeriodWords, periodRow } from './periods';

type Strings = (typeof digestStrings)[Locale];

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : n < 0 ? `-${text}` : `±${text}`);

/** True when something in the digest needs action: a budget over (or forecast over) its limit. */
export const budgetOver = (b: BudgetStatus) => (b.actualPercent ?? 0) > 100 || (b.forecastPercent ?? 0) > 100;

/**
 * The digest's pieces in one locale: its fixed words, its period's words and label, and money,
 * change, budget and free-tier lines as the fields show them.
 */
export function digestFormat(d: Digest, locale: Locale) {
  const t: Strings = digestStrings[locale];
  const row = periodRow(d.period);
  const words: PeriodWords = row.words[locale];
  const money = (minor: number) => formatMoney(minor, d.currency, locale);
  const percent = (p: number) => signed(formatPercent(Math.abs(p), locale), p);
  const delta = (now: number, base: number, p?: number) =>
    `${signed(money(Math.abs(now - base)), now - base)}${p !== undefined ? ` (${percent(p)})` : ''}`;
  const quantity = (q: Quantity | undefined) =>
    q === undefined
      ? undefined
      : q.minor !== undefined
        ? formatMoney(q.minor, q.unit, locale)
        : `${formatNumber(q.value, locale, 2)} ${q.unit}`.trim();
  const pctText = (p: number | undefined) => (p === undefined ? undefined : formatPercent(p, locale));
  const budgetLine = (b: BudgetStatus) =>
    `${budgetOver(b) ? '⚠ ' : ''}${t.budgetLine({
      name: b.name,
      ...(quantity(b.actual) ? { actual: quantity(b.actual)! } : {}),
      ...(quantity(b.limit) ? { limit: quantity(b.limit)! } : {}),
      ...(pctText(b.actualPercent) ? { actualPct: pctText(b.actualPercent)! } : {}),
      ...(quantity(b.forecast) ? { forecast: quantity(b.forecast)! } : {}),
      ...(pctText(b.forecastPercent) ? { forecastPct: pctText(b.forecastPercent)! } : {}),
    })}`;
  const freeLine = (f: FreeTierItem) => {
    const unit = f.unit ? ` ${f.unit}` : '';
    const what = [f.service, f.usageType, f.region ? `(${f.region})` : undefined].filter(Boolean).join(' ');
    return t.freeTierLine({
      what,
      forecast: `${formatNumber(f.forecast, locale, 2)}${unit}`,
      limit: `${formatNumber(f.limit, locale, 2)}${unit}`,
      pct: formatPercent(f.forecastPercent, locale),
      actual: `${formatNumber(f.actual, locale, 2)}${unit}`,
    });
  };
  const label = row.label(d.reported);
  const noteText = (note: DigestNote): string => {
    switch (note.code) {
      case 'missing':
      case 'unreadable':
      case 'truncated':
        return t[note.code](note.source);
      case 'failed':
        return t.failed[note.errorKind](note.source, sourcePermissions[note.source], note.detail);
      case 'noDataForPeriod':
        return t.noDataForPeriod(label);
      case 'partialPeriod':
        return t.partialPeriod(label, note.days, note.of);
      case 'partialAverage':
        return t.partialAverage(note.count, words.unit(note.count));
    }
  };
  return { t, row, words, label, money, percent, delta, budgetLine, freeLine, noteText };
}
