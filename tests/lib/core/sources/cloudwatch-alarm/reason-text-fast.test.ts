import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReason } from '../../../../../src/lib/core/sources/cloudwatch-alarm/reason-text';

/*
 * The reference: the reason reader as it was before each pattern was tried only on texts holding
 * its words and the datapoints were sorted without a collator — every pattern on every text.
 */
const NUMBER = String.raw`-?(?<!\d)\d+(?:\.\d+)?(?:E-?\d+)?`;
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
const operators: Record<string, string> = {
  'greater than or equal to': 'GreaterThanOrEqualToThreshold',
  'greater than': 'GreaterThanThreshold',
  'less than or equal to': 'LessThanOrEqualToThreshold',
  'less than': 'LessThanThreshold',
};

function reference(text: string): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    datapoints: [...text.matchAll(DATED_POINT)]
      .map(([, value, dd, mm, yy, h, m, s]) => ({
        value: Number(value),
        timestamp: `20${yy}-${mm}-${dd}T${h}:${m}:${s}.000Z`,
      }))
      .filter((p) => !Number.isNaN(Date.parse(p.timestamp)))
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp)),
  };
  const undated = UNDATED_POINT.exec(text);
  if ((facts.datapoints as unknown[]).length === 0 && undated?.[1]) facts.datapoints = [{ value: Number(undated[1]) }];
  const counts = COUNTS.exec(text);
  if (counts) Object.assign(facts, { crossed: Number(counts[1]), outOf: Number(counts[2]) });
  else if (SINGLE.test(text)) facts.crossed = 1;
  const threshold = THRESHOLD.exec(text);
  if (threshold)
    Object.assign(facts, {
      comparison: operators[threshold[2] as string],
      breaching: !threshold[1],
      threshold: Number(threshold[3]),
    });
  const band = BAND.exec(text);
  if (band)
    Object.assign(facts, {
      comparison: 'LessThanLowerOrGreaterThanUpperThreshold',
      breaching: !band[1],
      lowerThreshold: Number(band[2]),
      upperThreshold: Number(band[3]),
    });
  const unknown = UNKNOWN.exec(text);
  if (unknown) facts.unknownCount = Number(unknown[1]);
  const toAlarm = TO_ALARM.exec(text);
  if (toAlarm) facts.datapointsToAlarm = Number(toAlarm[1]);
  return facts;
}

/** Pieces of real reason texts, to be put together in any order. */
const pieces = [
  'Threshold Crossed: ',
  '1 datapoint ',
  '3 out of the last 5 datapoints ',
  '[99.5 (02/10/19 16:59:00), ',
  '1.0E-4 (31/01/24 23:59:59)] ',
  '7 (30/02/24 00:00:00) ',
  '(2.0) ',
  'was ',
  'were not ',
  'greater than or equal to the threshold (50.0) ',
  'less than the threshold (-1) ',
  'less than the lower thresholds [1.5, 2] or greater than the upper thresholds [9.0, 10] ',
  '10 datapoints were unknown. ',
  '(minimum 2 datapoints for OK -> ALARM transition).',
  'Insufficient Data: ',
  '12',
  ':',
  ' ',
];

describe('alarm: reading the reason text the fast way gives what every pattern on every text gives', () => {
  it('for texts made of pieces of real reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        if (text === '') return;
        expect(readReason(text)).toStrictEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts dated points by time the way a collator does', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const point = fc
      .record({
        value: fc.integer({ min: 0, max: 99 }),
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 }),
        year: fc.integer({ min: 0, max: 99 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
      })
      .map((p) => `${p.value} (${two(p.day)}/${two(p.month)}/${two(p.year)} ${two(p.hour)}:${two(p.minute)}:00)`);
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 8 }), (points) => {
        const text = `Threshold Crossed: [${points.join(', ')}]`;
        expect(readReason(text).datapoints).toStrictEqual(reference(text).datapoints);
      }),
    );
  });
});
