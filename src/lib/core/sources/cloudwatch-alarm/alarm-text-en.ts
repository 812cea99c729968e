import type { Relation } from './relation';

/** English strings of alarm notifications. */
export const en = {
  title: {
    ALARM: (name: string) => `${name} is in ALARM`,
    OK: (name: string) => `${name} is OK`,
    OK_AGAIN: (name: string) => `${name} is OK again`,
    INSUFFICIENT_DATA: (name: string) => `${name} has insufficient data`,
  },
  metricPhrase: (subject: string, aggregate?: string, period?: string) =>
    aggregate && period
      ? `${subject} (${aggregate} over ${period})`
      : aggregate || period
        ? `${subject} (${aggregate ?? `over ${period}`})`
        : subject,
  valueSentence: (metric: string, value: string, relation: string, counts?: { crossed: number; outOf?: number }) =>
    `${metric} was ${value}, ${relation}${counts ? `, in ${counts.crossed} of the last ${counts.outOf ?? counts.crossed} datapoints` : ''}.`,
  relation: {
    above: (t: string) => `above the threshold of ${t}`,
    atOrAbove: (t: string) => `at or above the threshold of ${t}`,
    below: (t: string) => `below the threshold of ${t}`,
    atOrBelow: (t: string) => `at or below the threshold of ${t}`,
    outsideBand: (band: string) => `outside the expected band ${band}`,
    insideBand: (band: string) => `within the expected band ${band}`,
    aboveBand: (band: string) => `above the expected band ${band}`,
    notAboveBand: (band: string) => `not above the expected band ${band}`,
    belowBand: (band: string) => `below the expected band ${band}`,
    notBelowBand: (band: string) => `not below the expected band ${band}`,
  } satisfies Record<Relation, (t: string) => string>,
  band: (low: string, high: string) => `${low} to ${high}`,
  insufficient: (n: number) =>
    `${n} ${n === 1 ? 'datapoint was' : 'datapoints were'} missing, so the alarm could not be evaluated.`,
  triggeredBy: (list: string) => `Triggered by ${list}.`,
  recovered: (duration: string) => `Recovered after ${duration}.`,
  sentenceSeparator: ' ',
  suppressedBy: {
    Alarm: 'Alarm: the suppressor alarm is in ALARM',
    WaitPeriod: 'WaitPeriod: within the wait period, while the suppressor alarm may still go into ALARM',
    ExtensionPeriod: 'ExtensionPeriod: within the extension period after the suppressor alarm returned to OK',
  },
  query: 'Metrics Insights query',
  comparison: {
    GreaterThanThreshold: (t: string) => `greater than ${t}`,
    GreaterThanOrEqualToThreshold: (t: string) => `greater than or equal to ${t}`,
    LessThanThreshold: (t: string) => `less than ${t}`,
    LessThanOrEqualToThreshold: (t: string) => `less than or equal to ${t}`,
    LessThanLowerOrGreaterThanUpperThreshold: (band: string) => `outside the band ${band}`,
    GreaterThanUpperThreshold: (band: string) => `above the band ${band}`,
    LessThanLowerThreshold: (band: string) => `below the band ${band}`,
  },
  statistic: (stat: string, period: string) => `${stat} over ${period}`,
  datapointsToAlarm: (n: number, m: number) => `${n} of ${m}`,
  suppressor: (name: string, wait?: string, extension?: string) =>
    [name, wait && `wait period ${wait}`, extension && `extension period ${extension}`].filter(Boolean).join(', '),
  treatMissing: {
    missing: 'treated as missing',
    notBreaching: 'treated as good (not breaching)',
    breaching: 'treated as bad (breaching)',
    ignore: 'ignored (the current state is kept)',
  },
  evaluationState: {
    PARTIAL_DATA: 'PARTIAL_DATA: evaluated on only part of the data the query matched',
  },
  kind: {
    metric: 'Metric alarm',
    'metric-math': 'Metric math alarm',
    'anomaly-detection': 'Anomaly detection alarm',
    composite: 'Composite alarm',
    'metrics-insights': 'Metrics Insights alarm',
  },
  targets: {
    count: (bad: number, total: number) =>
      total === 0
        ? 'No targets are registered'
        : bad === 0
          ? total === 1
            ? 'The one target is healthy'
            : `All ${total} targets are healthy`
          : `${bad} of ${total} ${total === 1 ? 'target is' : 'targets are'} not healthy`,
    more: (n: number) => `… and ${n} more`,
    healthCheck: (h: { protocol?: string; port?: string; path?: string; matcher?: string }) =>
      [h.protocol, h.port && `port ${h.port}`, h.path && `path ${h.path}`, h.matcher && `expects ${h.matcher}`]
        .filter(Boolean)
        .join(', '),
    unreadable: (name: string, error: string) => `Target health of ${name} could not be read: ${error}`,
  },
  labels: {
    state: 'State',
    since: 'Since',
    sinceUnparsed: 'Since (as sent, not a date)',
    incident: 'Incident duration',
    targets: (name: string) => `Targets of ${name}`,
    healthCheck: (name: string) => `Health check of ${name}`,
    metric: 'Metric',
    metrics: 'Metrics',
    expression: 'Expression',
    query: 'Query',
    statistic: 'Statistic',
    threshold: 'Threshold',
    datapointsToAlarm: 'Datapoints to alarm',
    treatMissing: 'Missing data',
    recentDatapoints: 'Recent datapoints',
    evaluationState: 'Evaluation',
    actionsSuppressed: 'Actions suppressed',
    actionsSuppressor: 'Actions suppressor',
    alarmRule: 'Alarm rule',
    triggeringAlarms: 'Triggering alarms',
    description: 'Description',
    reason: 'Reason (from AWS)',
    kind: 'Alarm type',
    account: 'Account',
    region: 'Region',
  },
  flapping: {
    title: (name: string) => `${name} is flapping`,
    summary: (name: string, changes: number, window: string) =>
      `${name} changed state ${changes} times in ${window}; further changes are muted until it is stable for ${window}.`,
    stable: (state: string, duration: string, muted: number) =>
      `Stable again after flapping: it stayed in ${state} for ${duration}${muted > 0 ? `; ${muted} ${muted === 1 ? 'change was' : 'changes were'} muted` : ''}.`,
    changes: (changes: number, window: string) => `${changes} in ${window}`,
    labels: { state: 'State now', changes: 'State changes' },
  },
  links: {
    alarm: 'Alarm in CloudWatch',
    targetGroup: (name: string) => `Target group ${name}`,
  },
};
