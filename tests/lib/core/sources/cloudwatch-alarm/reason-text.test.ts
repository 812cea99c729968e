import { describe, expect, it } from 'vitest';
import { readReason } from '../../../../../src/lib/core/sources/cloudwatch-alarm/reason-text';

describe('alarm: reason text', () => {
  it.each([
    [
      'Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).',
      {
        datapoints: [{ value: 99.50160229693434, timestamp: '2019-10-02T16:59:00.000Z' }],
        crossed: 1,
        outOf: 1,
        comparison: 'GreaterThanThreshold',
        breaching: true,
        threshold: 50,
        datapointsToAlarm: 1,
      },
    ],
    [
      'Threshold Crossed: 2 out of the last 2 datapoints [10.0 (05/10/20 06:42:00), 10.0 (05/10/20 06:37:00)] were not greater than or equal to the threshold (30.0) (minimum 1 datapoint for ALARM -> OK transition).',
      {
        datapoints: [
          { value: 10, timestamp: '2020-10-05T06:37:00.000Z' },
          { value: 10, timestamp: '2020-10-05T06:42:00.000Z' },
        ],
        crossed: 2,
        outOf: 2,
        comparison: 'GreaterThanOrEqualToThreshold',
        breaching: false,
        threshold: 30,
      },
    ],
    [
      'Threshold Crossed: 1 datapoint (1.0) was greater than the threshold (0.0).',
      { datapoints: [{ value: 1 }], crossed: 1, comparison: 'GreaterThanThreshold', breaching: true, threshold: 0 },
    ],
    [
      'Threshold Crossed: 1 datapoint [1.0 (12/02/19 15:44:00)] was not less than the threshold (1.0).',
      {
        datapoints: [{ value: 1, timestamp: '2019-02-12T15:44:00.000Z' }],
        crossed: 1,
        comparison: 'LessThanThreshold',
        breaching: false,
        threshold: 1,
      },
    ],
    [
      'Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.020599444741798756] or greater than the upper thresholds [0.3006915352732461] (minimum 1 datapoint for OK -> ALARM transition).',
      {
        datapoints: [{ value: 0, timestamp: '2019-10-03T15:58:00.000Z' }],
        crossed: 1,
        outOf: 1,
        comparison: 'LessThanLowerOrGreaterThanUpperThreshold',
        breaching: true,
        lowerThreshold: 0.020599444741798756,
        upperThreshold: 0.3006915352732461,
        datapointsToAlarm: 1,
      },
    ],
    ['Insufficient Data: 10 datapoints were unknown.', { datapoints: [], unknownCount: 10 }],
    ['Insufficient Data: 1 datapoint was unknown.', { datapoints: [], unknownCount: 1 }],
    ['Unchecked: Initial alarm creation', { datapoints: [] }],
    ['test', { datapoints: [] }],
    [undefined, { datapoints: [] }],
  ])('reads %j', (text, facts) => {
    expect(readReason(text)).toEqual(facts);
  });
});
