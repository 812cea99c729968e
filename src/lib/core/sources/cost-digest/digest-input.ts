import { z } from 'zod';

/*
 * The raw responses the digest is computed from, as the SDK returns them (extra keys such as
 * `$metadata` are kept and ignored). Schemas are loose on purpose: a field AWS adds must not
 * turn a digest into "unreadable".
 */

const metricValue = z.looseObject({ Amount: z.string().optional(), Unit: z.string().optional() });

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html */
export const costAndUsagePageSchema = z.looseObject({
  ResultsByTime: z
    .array(
      z.looseObject({
        TimePeriod: z.looseObject({ Start: z.string(), End: z.string() }),
        Total: z.record(z.string(), metricValue).optional(),
        Groups: z
          .array(
            z.looseObject({
              Keys: z.array(z.string()).optional(),
              Metrics: z.record(z.string(), metricValue).optional(),
            }),
          )
          .optional(),
        Estimated: z.boolean().optional(),
      }),
    )
    .optional(),
  NextPageToken: z.string().optional(),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html */
export const costForecastSchema = z.looseObject({
  Total: metricValue.optional(),
  ForecastResultsByTime: z
    .array(
      z.looseObject({
        TimePeriod: z.looseObject({ Start: z.string(), End: z.string() }).optional(),
        MeanValue: z.string().optional(),
      }),
    )
    .optional(),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_DescribeBudgets.html */
export const describeBudgetsSchema = z.looseObject({
  Budgets: z
    .array(
      z.looseObject({
        BudgetName: z.string(),
        BudgetType: z.string().optional(),
        TimeUnit: z.string().optional(),
        BudgetLimit: metricValue.optional(),
        CalculatedSpend: z
          .looseObject({ ActualSpend: metricValue.optional(), ForecastedSpend: metricValue.optional() })
          .optional(),
      }),
    )
    .optional(),
  NextToken: z.string().optional(),
});

/** @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_freetier_GetFreeTierUsage.html */
export const freeTierUsageSchema = z.looseObject({
  freeTierUsages: z
    .array(
      z.looseObject({
        service: z.string().optional(),
        operation: z.string().optional(),
        usageType: z.string().optional(),
        region: z.string().optional(),
        description: z.string().optional(),
        freeTierType: z.string().optional(),
        unit: z.string().optional(),
        limit: z.number().optional(),
        actualUsageAmount: z.number().optional(),
        forecastedUsageAmount: z.number().optional(),
      }),
    )
    .optional(),
  nextToken: z.string().optional(),
});

/** A source that was called and failed: the SDK error reduced to what people need. */
export const sourceErrorSchema = z.object({
  error: z.object({ name: z.string(), message: z.string().optional() }),
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
