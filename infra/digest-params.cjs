'use strict';

/**
 * The cost digest's parameters (issue 4): which period it reports, when it runs, in which zone, and
 * what it reads. Part of infra/params.cjs's `deriveParams`; pure, so it is unit-tested.
 */
const { ParameterError, parseBoolean, parseTimeZone } = require('./param-checks.cjs');

const DIGEST_PARAM_NAMES = [
  'digestEnabled',
  'digestPeriod',
  'digestSchedule',
  'digestTimeZone',
  'digestTopN',
  'costMetric',
  'includeCreditsAndRefunds',
];
/** Same bounds as DIGEST_TOP_N in src/lib/cost-config.ts (Slack and email stay readable). */
const MAX_DIGEST_TOP_N = 20;
/**
 * Cost Explorer metrics the digest can read; the same list as `costMetrics` in src/lib/cost-config.ts
 * (tests/infra/params.test.ts keeps the two equal).
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html
 */
const COST_METRICS = ['UnblendedCost', 'BlendedCost', 'AmortizedCost', 'NetUnblendedCost', 'NetAmortizedCost'];
/**
 * Each digest period (src/lib/core/sources/cost-digest/periods.ts) and its default schedule, the
 * `schedule` of its row there (tests/infra/digest-params.test.ts keeps the two equal): 09:00 every
 * day, every Monday, on the 1st.
 */
const DIGEST_PERIOD_SCHEDULES = {
  daily: 'cron(0 9 * * ? *)',
  weekly: 'cron(0 9 ? * MON *)',
  monthly: 'cron(0 9 1 * ? *)',
};
const DIGEST_PERIODS = Object.keys(DIGEST_PERIOD_SCHEDULES);
/**
 * EventBridge Scheduler's recurring expressions: `cron(minutes hours day-of-month month day-of-week year)`
 * with `?` in one of the two day fields, or `rate(value unit)`. One-time `at()` makes no digest.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
const CRON = /^cron\(([^()]+)\)$/;
const RATE = /^rate\((\d+) (minutes?|hours?|days?)\)$/;
const CRON_FIELDS = 6;
const SCHEDULE_EXAMPLE = 'cron(0 9 * * ? *)';

/** One of DIGEST_PERIODS; empty is daily, as an empty DIGEST_PERIOD is for the function. */
function parsePeriod(value) {
  const period =
    String(value ?? '')
      .trim()
      .toLowerCase() || DIGEST_PERIODS[0];
  if (!DIGEST_PERIODS.includes(period)) {
    throw new ParameterError('digestPeriod', `"${value}" is not one of ${DIGEST_PERIODS.join(', ')}`, 'weekly');
  }
  return period;
}

/** The expression given, or (empty) the period's default. */
function parseSchedule(value, period) {
  const expression = String(value ?? '').trim() || DIGEST_PERIOD_SCHEDULES[period];
  const fail = (problem) => {
    throw new ParameterError('digestSchedule', `"${expression}" ${problem}`, SCHEDULE_EXAMPLE);
  };
  const cron = CRON.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== CRON_FIELDS) fail(`has ${fields.length} cron fields, not ${CRON_FIELDS}`);
    if (fields[2] !== '?' && fields[4] !== '?') fail('needs "?" as the day-of-month or the day-of-week');
    return expression;
  }
  const rate = RATE.exec(expression);
  if (rate && Number(rate[1]) > 0) return expression;
  return fail('is not a cron() or rate() expression');
}

function parseTopN(value) {
  const n = Number(String(value ?? '').trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_DIGEST_TOP_N) {
    throw new ParameterError('digestTopN', `"${value}" is not an integer from 1 to ${MAX_DIGEST_TOP_N}`, '5');
  }
  return String(n);
}

function parseMetric(value) {
  const metric = String(value ?? '').trim();
  if (!COST_METRICS.includes(metric)) {
    throw new ParameterError('costMetric', `"${metric}" is not one of ${COST_METRICS.join(', ')}`, 'AmortizedCost');
  }
  return metric;
}

/**
 * The digest's template values. `timeZone` is the validated `timeZone` parameter, the default zone
 * of the schedule (an empty `digestTimeZone`); an empty `digestSchedule` is the period's default.
 */
function deriveDigestParams(raw, timeZone) {
  const zone = String(raw.digestTimeZone ?? '').trim();
  const digestPeriod = parsePeriod(raw.digestPeriod);
  return {
    digestState: parseBoolean('digestEnabled', raw.digestEnabled) ? 'ENABLED' : 'DISABLED',
    digestPeriod,
    digestSchedule: parseSchedule(raw.digestSchedule, digestPeriod),
    digestTimeZone: zone === '' ? timeZone : parseTimeZone('digestTimeZone', zone),
    digestTopN: parseTopN(raw.digestTopN),
    costMetric: parseMetric(raw.costMetric),
    includeCreditsAndRefunds: String(parseBoolean('includeCreditsAndRefunds', raw.includeCreditsAndRefunds)),
  };
}

module.exports = { deriveDigestParams, DIGEST_PARAM_NAMES, COST_METRICS, DIGEST_PERIOD_SCHEDULES };
