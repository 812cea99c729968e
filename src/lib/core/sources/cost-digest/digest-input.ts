import * as z from '../../schemas/zod';

/*
 * The raw responses the digest is computed from, as the SDK returns them (extra keys such as
 * `$metadata` are kept and ignored). Schemas are loose on purpose: a field AWS adds must not
 * turn a digest into "unreadable".
 */

const metricValue = z.looseObject({ Amount: z.optional(z.string()), Unit: z.optional(z.string()) });

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html */
export const costAndUsagePageSchema = z.looseObject({
  ResultsByTime: z.optional(
    z.array(
      z.looseObject({
        TimePeriod: z.looseObject({ Start: z.string(), End: z.string() }),
        Total: z.optional(z.record(z.string(), metricValue)),
        Groups: z.optional(
          z.array(
            z.looseObject({
              Keys: z.optional(z.array(z.string())),
              Metrics: z.optional(z.record(z.string(), metricValue)),
            }),
          ),
        ),
        Estimated: z.optional(z.boolean()),
      }),
    ),
  ),
  NextPageToken: z.optional(z.string()),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html */
export const costForecastSchema = z.looseObject({
  Total: z.optional(metricValue),
  ForecastResultsByTime: z.optional(
    z.array(
      z.looseObject({
        TimePeriod: z.optional(z.looseObject({ Start: z.string(), End: z.string() })),
        MeanValue: z.optional(z.string()),
      }),
    ),
  ),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_DescribeBudgets.html */
export const describeBudgetsSchema = z.looseObject({
  Budgets: z.optional(
    z.array(
      z.looseObject({
        BudgetName: z.string(),
        BudgetType: z.optional(z.string()),
        TimeUnit: z.optional(z.string()),
        BudgetLimit: z.optional(metricValue),
        CalculatedSpend: z.optional(
          z.looseObject({ ActualSpend: z.optional(metricValue), ForecastedSpend: z.optional(metricValue) }),
        ),
      }),
    ),
  ),
  NextToken: z.optional(z.string()),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_freetier_GetFreeTierUsage.html */
export const freeTierUsageSchema = z.looseObject({
  freeTierUsages: z.optional(
    z.array(
      z.looseObject({
        service: z.optional(z.string()),
        operation: z.optional(z.string()),
        usageType: z.optional(z.string()),
        region: z.optional(z.string()),
        description: z.optional(z.string()),
        freeTierType: z.optional(z.string()),
        unit: z.optional(z.string()),
        limit: z.optional(z.number()),
        actualUsageAmount: z.optional(z.number()),
        forecastedUsageAmount: z.optional(z.number()),
      }),
    ),
  ),
  nextToken: z.optional(z.string()),
});

/** A source that was called and failed: the SDK error reduced to what people need. */
export const sourceErrorSchema = z.object({
  error: z.object({ name: z.string(), message: z.optional(z.string()) }),
});

export type CostAndUsagePage = z.infer<typeof costAndUsagePageSchema>;
export type CostForecast = z.infer<typeof costForecastSchema>;
export type DescribeBudgets = z.infer<typeof describeBudgetsSchema>;
export type FreeTierUsageResponse = z.infer<typeof freeTierUsageSchema>;
export type SourceError = z.infer<typeof sourceErrorSchema>;

/** The four sources, named by their API operation. */
export const digestSources = ['GetCostAndUsage', 'GetCostForecast', 'DescribeBudgets', 'GetFreeTierUsage'] as const;
export type DigestSource = (typeof digestSources)[number];

/**
 * What `collectDigestData` returns and `notifier digest --data FILE` reads: per operation, the raw
 * response (GetCostAndUsage and GetFreeTierUsage: one page or an array of pages) or `{ error }`.
 * Any key may be absent.
 */
export interface DigestData {
  GetCostAndUsage?: CostAndUsagePage | CostAndUsagePage[] | SourceError;
  GetCostForecast?: CostForecast | SourceError;
  DescribeBudgets?: DescribeBudgets | SourceError;
  GetFreeTierUsage?: FreeTierUsageResponse | FreeTierUsageResponse[] | SourceError;
}
