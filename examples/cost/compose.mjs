// Rebuilds recorded-month.json from the real fixtures it is based on (see README.md in this folder).
// Run: node examples/cost/compose.mjs > examples/cost/recorded-month.json
import { readFileSync } from 'node:fs';

const fixture = (name) =>
  JSON.parse(readFileSync(new URL(`../../tests/fixtures/cost-explorer/${name}`, import.meta.url), 'utf8'));
const byService = fixture('GetCostAndUsage-groupby-SERVICE-AmortizedCost-sdkv3-mock.json');
const forecast = fixture('GetCostForecast-month-sdkv3-mock.json');
const freeTier = fixture('GetFreeTierUsage-docs-glue-always-free.json');

const UNIT = 10n ** 10n; // amounts are kept exactly at 10 decimals, as Cost Explorer writes them
const exact = (s) => {
  const [w, f = ''] = s.split('.');
  return BigInt(w) * UNIT + BigInt(f.padEnd(10, '0').slice(0, 10));
};
const text = (n) => {
  const s = n.toString().padStart(11, '0');
  return `${s.slice(0, -10)}.${s.slice(-10)}`.replace(/\.?0+$/, '') || '0';
};
const days = Array.from({ length: 13 }, (_, i) => `2024-05-${String(i + 1).padStart(2, '0')}`);

// Composed: how each service's real month-to-date amount is spread over the 13 days (weights per day).
const even = days.map(() => 1n);
const growing = days.map((_, i) => BigInt(i + 1));
const spread = {
  'AWS Amplify': even,
  'AWS Cost Explorer': days.map((d) => (['02', '05', '08', '10', '12', '13'].includes(d.slice(8)) ? 1n : 0n)),
  'AWS Lambda': growing,
  'AWS Systems Manager': days.map((_, i) => (i % 4 === 0 ? 1n : 0n)),
  'Amazon Simple Storage Service': growing,
  Tax: days.map((_, i) => (i === 0 ? 5n : i === 11 ? 1n : 0n)),
};
const route53 = (total, i) => {
  const fee = exact('0.50'); // the hosted-zone fee, charged on the 1st
  const queries = total - fee;
  const each = queries / 13n;
  return (i === 0 ? fee : 0n) + (i === 12 ? queries - each * 12n : each);
};

const groups = byService.ResultsByTime[0].Groups;
const split = (name, total) => {
  if (name === 'Amazon Route 53') return days.map((_, i) => route53(total, i));
  const weights = spread[name];
  if (!weights || total === 0n) return days.map(() => 0n);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const last = weights.findLastIndex((w) => w > 0n);
  parts[last] += total - parts.reduce((a, b) => a + b, 0n); // remainder on the last charged day
  return parts;
};
const perService = groups.map((g) => [g.Keys[0], split(g.Keys[0], exact(g.Metrics.AmortizedCost.Amount))]);

const page = {
  $metadata: { httpStatusCode: 200, requestId: '', attempts: 1, totalRetryDelay: 0 },
  DimensionValueAttributes: [],
  GroupDefinitions: [{ Key: 'SERVICE', Type: 'DIMENSION' }],
  ResultsByTime: days.map((start, i) => ({
    Estimated: true,
    Groups: perService.map(([name, parts]) => ({
      Keys: [name],
      Metrics: { AmortizedCost: { Amount: text(parts[i]), Unit: 'USD' } },
    })),
    TimePeriod: { End: i === 12 ? '2024-05-14' : days[i + 1], Start: start },
    Total: {},
  })),
};

const budgets = {
  $metadata: { httpStatusCode: 200, requestId: '', attempts: 1, totalRetryDelay: 0 },
  Budgets: [
    {
      BudgetName: 'AwsCostNotificationStack-MonthlyCostBudget',
      BudgetLimit: { Amount: '0.01', Unit: 'USD' },
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      TimePeriod: { Start: '2024-05-01T00:00:00.000Z', End: '2087-06-15T00:00:00.000Z' },
      CalculatedSpend: {
        ActualSpend: { Amount: '0.646', Unit: 'USD' },
        ForecastedSpend: { Amount: '1.113', Unit: 'USD' },
      },
    },
  ],
};

const ebs = {
  actualUsageAmount: 18.5,
  description: '30.0 GB-Mo for free for 12 months as part of AWS Free Usage Tier (Global-EBS:VolumeUsage)',
  forecastedUsageAmount: 42.9,
  freeTierType: '12 Months Free',
  limit: 30.0,
  operation: '',
  region: 'global',
  service: 'Amazon Elastic Compute Cloud',
  unit: 'GB-Mo',
  usageType: 'EBS:VolumeUsage',
};

const recorded = {
  GetCostAndUsage: [page],
  GetCostForecast: forecast,
  DescribeBudgets: budgets,
  GetFreeTierUsage: { freeTierUsages: [...freeTier.freeTierUsages, ebs] },
};
process.stdout.write(`${JSON.stringify(recorded, null, 2)}\n`);
