import { parseInstant } from '../../instant';
import type { Datapoint } from './model';

/** What CloudWatch's English reason text says, read with the patterns it has used for years. */
export interface ReasonFacts {
  /** Datapoints named in the text, oldest first (`[2.0 (18/05/20 01:07:00), …]` or `1 datapoint (1.0)`). */
  datapoints: Datapoint[];
  /** "3 out of the last 5 datapoints" → crossed 3, outOf 5. */
  crossed?: number;
  outOf?: number;
  /** Comparison operator the text implies, e.g. "GreaterThanThreshold". */
  comparison?: string;
  /** False when the text says "was not greater than…" (the condition no longer holds). */
  breaching?: boolean;
  threshold?: number;
  lowerThreshold?: number;
  upperThreshold?: number;
  /** "Insufficient Data: 10 datapoints were unknown." → 10. */
  unknownCount?: number;
  /** "(minimum 2 datapoints for OK -> ALARM transition)" → 2. */
  datapointsToAlarm?: number;
}

/*
 * A pattern that starts with digits is tried at every position of a run of digits, each try
 * reading to the end of the run: quadratic on a long one. `(?<!\d)` lets a match start only where
 * a run starts (the leftmost match is the same), so each run is read about once.
 */
const NUMBER = String.raw`-?(?<!\d)\d+(?:\.\d+)?(?:E-?\d+)?`;
/** `value (dd/MM/yy HH:mm:ss)` — the time is UTC, day first. */
const DATED_POINT = new RegExp(String.raw`(${NUMBER}) \((\d\d)/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)\)`, 'g');
const UNDATED_POINT = new RegExp(String.raw`(?<!\d)\d+ datapoints? \((${NUMBER})\)`);
const COUNTS = /(?<!\d)(\d+) out of the last (\d+) datapoints?/;
const SINGLE = /Threshold Crossed: 1 datapoint\b/;
const THRESHOLD = new RegExp(
  String.raw`(?:was|were) (not )?(greater than or equal to|greater than|less than or equal to|less than) the threshold \((${NUMBER})\)`,
);
const BAND = new RegExp(
  String.raw`(?:was|were) (not )?less than the lower thresholds \[(${NUMBER})[^\]]*\] or (?:not )?greater than the upper thresholds \[(${NUMBER})`,
);
const UNKNOWN = /(?<!\d)(\d+) datapoints? (?:was|were) unknown/;
const TO_ALARM = /minimum (\d+) datapoints? for OK -> ALARM transition/;

/** Reason-text phrases → comparison operators. */
const phraseOperators = {
  'greater than or equal to': 'GreaterThanOrEqualToThreshold',
  'greater than': 'GreaterThanThreshold',
  'less than or equal to': 'LessThanOrEqualToThreshold',
  'less than': 'LessThanThreshold',
} as const;

function datedPoints(text: string): Datapoint[] {
  return (
    [...text.matchAll(DATED_POINT)]
      .map(([, value, dd, mm, yy, h, m, s]) => ({
        value: Number(value),
        timestamp: `20${yy}-${mm}-${dd}T${h}:${m}:${s}.000Z`,
      }))
      .filter((point) => !Number.isNaN(parseInstant(point.timestamp)))
      // Same-layout ISO texts differ only in digits: code-unit order is time order (no collator needed).
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
  );
}

const int = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/**
 * Reads the facts out of an alarm's `reason` / `NewStateReason`. Unknown text gives no facts.
 *
 * @example readReason('Threshold Crossed: 1 out of the last 1 datapoints [99.5 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).')
 * // { datapoints: [{ value: 99.5, timestamp: '2019-10-02T16:59:00.000Z' }], crossed: 1, outOf: 1, comparison: 'GreaterThanThreshold', breaching: true, threshold: 50, datapointsToAlarm: 1 }
 */
export function readReason(text: string | undefined): ReasonFacts {
  if (!text) return { datapoints: [] };
  // One alarm's summary, fields and derivation all ask about the same text: read it once.
  if (text === last.text) return last.facts;
  last = { text, facts: parseReason(text) };
  return last.facts;
}

/** The last text read and its facts (a one-entry cache; the facts are never modified after parsing). */
let last: { text: string | undefined; facts: ReasonFacts } = { text: undefined, facts: { datapoints: [] } };

/**
 * Words each pattern cannot match without: a text that lacks them is not searched with it. The
 * patterns that start with a number are tried at every digit of the text otherwise.
 */
const NEEDS = {
  datedPoint: ':',
  undatedPoint: ' datapoint',
  counts: ' out of the last ',
  single: 'Threshold Crossed: 1 datapoint',
  threshold: ' the threshold (',
  band: ' the lower thresholds [',
  unknown: ' unknown',
  toAlarm: 'minimum ',
} as const;

function parseReason(text: string): ReasonFacts {
  const facts: ReasonFacts = { datapoints: text.includes(NEEDS.datedPoint) ? datedPoints(text) : [] };
  const undated = text.includes(NEEDS.undatedPoint) ? UNDATED_POINT.exec(text) : null;
  if (facts.datapoints.length === 0 && undated?.[1]) facts.datapoints = [{ value: Number(undated[1]) }];
  const counts = text.includes(NEEDS.counts) ? COUNTS.exec(text) : null;
  if (counts) Object.assign(facts, { crossed: int(counts[1]), outOf: int(counts[2]) });
  else if (text.includes(NEEDS.single) && SINGLE.test(text)) facts.crossed = 1;
  const threshold = text.includes(NEEDS.threshold) ? THRESHOLD.exec(text) : null;
  if (threshold) {
    const phrase = threshold[2] as keyof typeof phraseOperators;
    Object.assign(facts, {
      comparison: phraseOperators[phrase],
      breaching: !threshold[1],
      threshold: Number(threshold[3]),
    });
  }
  const band = text.includes(NEEDS.band) ? BAND.exec(text) : null;
  if (band) {
    Object.assign(facts, {
      comparison: 'LessThanLowerOrGreaterThanUpperThreshold',
      breaching: !band[1],
      lowerThreshold: Number(band[2]),
      upperThreshold: Number(band[3]),
    });
  }
  const unknown = text.includes(NEEDS.unknown) ? UNKNOWN.exec(text) : null;
  if (unknown) facts.unknownCount = int(unknown[1]);
  const toAlarm = text.includes(NEEDS.toAlarm) ? TO_ALARM.exec(text) : null;
  if (toAlarm) facts.datapointsToAlarm = int(toAlarm[1]);
  return facts;
}
