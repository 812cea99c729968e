import { addDays, isIsoDate } from './digest-dates';
import { costAndUsagePageSchema, type DigestData } from './digest-input';
import { DEFAULT_DIGEST_PERIOD, type DigestPeriod, periodRow } from './periods';

/** Run dates tried after the last recorded day: more than any period is long (a month: 32). */
const MAX_DAYS_AHEAD = 400;

/**
 * The run date whose `period` digest reports on a recorded set of responses: the first date from the
 * morning after the latest DAILY result with cost groups whose reported window takes in that day
 * (daily and weekly: that morning; monthly: the 1st of the next month). Lets `notifier digest --data
 * FILE` show the recorded data without the user knowing its dates; undefined when it has no daily costs.
 *
 * @example recordedRunDate({ GetCostAndUsage: { ResultsByTime: [{ TimePeriod: { Start: '2024-05-13', End: '2024-05-14' }, Groups: [g] }] } }) // "2024-05-14"
 */
export function recordedRunDate(data: DigestData, period: DigestPeriod = DEFAULT_DIGEST_PERIOD): string | undefined {
  const raw = (data as Record<string, unknown>).GetCostAndUsage;
  const pages = Array.isArray(raw) ? raw : [raw];
  const ends = pages.flatMap((page) => {
    const parsed = costAndUsagePageSchema.safeParse(page);
    if (!parsed.success) return [];
    return (parsed.data.ResultsByTime ?? [])
      .filter((r) => (r.Groups ?? []).length > 0 && isIsoDate(r.TimePeriod.End))
      .map((r) => r.TimePeriod.End);
  });
  const morningAfter = ends.sort().at(-1);
  if (morningAfter === undefined) return undefined;
  const row = periodRow(period);
  for (let ahead = 0; ahead <= MAX_DAYS_AHEAD; ahead += 1) {
    const date = addDays(morningAfter, ahead);
    if (row.reported(date).end >= morningAfter) return date;
  }
  return morningAfter;
}
