import { parseInstant } from '../../instant';
import type { Locale } from '../../locale';
import { formatDuration } from '../../time';
import type { AlarmMetric } from './model';

/** A period in seconds as a duration ("5 min", "5分"). */
export function formatPeriod(seconds: number, locale: Locale): string {
  return formatDuration(seconds * 1000, locale);
}

/**
 * A metric with its dimensions, e.g. "AWS/EC2 CPUUtilization (InstanceId=i-1234)".
 * Expressions have no metric of their own and give their expression.
 */
export function formatMetric(metric: AlarmMetric): string {
  if (!metric.namespace || !metric.name) return metric.expression ?? metric.id ?? '';
  const dimensions = Object.entries(metric.dimensions).map(([k, v]) => `${k}=${v}`);
  return `${metric.namespace} ${metric.name}${dimensions.length ? ` (${dimensions.join(', ')})` : ''}`;
}

/**
 * The alarm name inside an alarm ARN (`arn:aws:cloudwatch:us-east-1:1:alarm:Name` → "Name"), or the ARN
 * itself when it is not one.
 */
export function alarmNameOfArn(arn: string): string {
  const at = arn.indexOf(':alarm:');
  return at === -1 ? arn : arn.slice(at + ':alarm:'.length);
}

/** Milliseconds from `from` to `to` (ISO instants), or undefined when either is missing or not a date. */
export function millisBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const ms = parseInstant(to) - parseInstant(from);
  return Number.isNaN(ms) ? undefined : ms;
}
