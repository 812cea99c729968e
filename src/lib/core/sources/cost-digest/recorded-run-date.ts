import { isIsoDate } from './digest-dates';
import { costAndUsagePageSchema, type DigestData } from './digest-input';

/**
 * The date a recorded set of responses was taken on: the end (exclusive, so the morning after) of
 * the latest DAILY result that has any cost groups. Lets `notifier digest --data FILE` show the
 * recorded day without the user knowing it; undefined when the data has no daily costs.
 *
 * @example recordedRunDate({ GetCostAndUsage: { ResultsByTime: [{ TimePeriod: { Start: '2024-05-13', End: '2024-05-14' }, Groups: [g] }] } }) // "2024-05-14"
 */
export function recordedRunDate(data: DigestData): string | undefined {
  const raw = (data as Record<string, unknown>).GetCostAndUsage;
  const pages = Array.isArray(raw) ? raw : [raw];
  const ends = pages.flatMap((page) => {
    const parsed = costAndUsagePageSchema.safeParse(page);
    if (!parsed.success) return [];
    return (parsed.data.ResultsByTime ?? [])
      .filter((r) => (r.Groups ?? []).length > 0 && isIsoDate(r.TimePeriod.End))
      .map((r) => r.TimePeriod.End);
  });
  return ends.sort().at(-1);
}
