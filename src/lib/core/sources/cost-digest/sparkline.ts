/** Eight heights, lowest first. */
export const SPARK_BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Shown for a day without data (before the account existed, or not reported yet). */
export const SPARK_NO_DATA = '·';

/**
 * A sparkline of daily amounts scaled from 0 to the line's own maximum, so each line shows its own
 * trend (a flat line of equal non-zero days is all █; an all-zero line is all ▁). Negative amounts
 * (credits) count as 0; undefined days show {@link SPARK_NO_DATA}.
 *
 * @example sparkline([0, 1, 2, 4, 8]) // "▁▂▃▅█"
 */
export function sparkline(values: ReadonlyArray<number | undefined>): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => {
      if (v === undefined) return SPARK_NO_DATA;
      if (max <= 0 || v <= 0) return SPARK_BARS[0];
      const index = Math.min(SPARK_BARS.length - 1, Math.floor((v / max) * (SPARK_BARS.length - 1) + 0.5));
      return SPARK_BARS[index];
    })
    .join('');
}
