import type { Locale } from '../../locale';
import type { Field } from '../../notification';
import { alarmText } from './alarm-text';
import type { TargetHealth, TargetHealthReport } from './target-health';

/** Targets listed one per line before "… and N more"; keeps a field readable and under channel limits. */
export const MAX_TARGETS_LISTED = 20;

/** `i-0f76fade:80 unhealthy — Target.Timeout: Connection to target timed out` */
function describeTarget(target: TargetHealth): string {
  const where = target.port !== undefined ? `${target.id}:${target.port}` : target.id;
  const why = [target.reason, target.description].filter(Boolean).join(': ');
  return `${where} ${target.state}${why ? ` — ${why}` : ''}`;
}

/**
 * Fields telling, per target group, how many targets are not healthy and why each one is not,
 * and how the group checks health. Reports that could not be read give no fields (see
 * {@link targetHealthNotes}).
 */
export function targetHealthFields(reports: readonly TargetHealthReport[], locale: Locale): Field[] {
  const t = alarmText[locale];
  return reports.flatMap((report): Field[] => {
    if (report.error) return [];
    const name = report.targetGroup.name;
    const bad = report.targets.filter((target) => target.state !== 'healthy');
    const listed = bad.slice(0, MAX_TARGETS_LISTED).map(describeTarget);
    const more = bad.length > MAX_TARGETS_LISTED ? [t.targets.more(bad.length - MAX_TARGETS_LISTED)] : [];
    const value = [t.targets.count(bad.length, report.targets.length), ...listed, ...more].join('\n');
    const check = report.healthCheck ? t.targets.healthCheck(report.healthCheck) : '';
    return [
      { label: t.labels.targets(name), value },
      ...(check ? [{ label: t.labels.healthCheck(name), value: check }] : []),
    ];
  });
}

/** A visible note for each target group whose health could not be read. */
export function targetHealthNotes(reports: readonly TargetHealthReport[], locale: Locale): string[] {
  return reports.flatMap((r) => (r.error ? [alarmText[locale].targets.unreadable(r.targetGroup.name, r.error)] : []));
}
