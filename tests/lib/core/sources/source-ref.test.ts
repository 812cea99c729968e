import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSourceType, sourceRef, sourceRefIdFirst } from '../../../../src/lib/core/sources/source-ref';

describe('sources: a notification source reference', () => {
  it('writes type then id, and no id when there is none (the JSON keeps its key order)', () => {
    expect(JSON.stringify(sourceRef('aws.guardduty/GuardDuty Finding', 'e1'))).toBe(
      '{"type":"aws.guardduty/GuardDuty Finding","id":"e1"}',
    );
    expect(sourceRef('sns/text', undefined)).toStrictEqual({ type: 'sns/text' });
    expect(sourceRef('sns/text', '')).toStrictEqual({ type: 'sns/text' });
  });

  it('writes id then type for the sources that always have', () => {
    expect(JSON.stringify(sourceRefIdFirst('e1', 'budgets'))).toBe('{"id":"e1","type":"budgets"}');
    expect(sourceRefIdFirst(undefined, 'budgets')).toStrictEqual({ type: 'budgets' });
  });
});

describe("sources: eventSourceType, an EventBridge event's `source/detail-type`", () => {
  it('is the two joined by a slash, for any pair, asked once or many times', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (source, detailType) => {
          expect(eventSourceType(source, detailType)).toBe(`${source}/${detailType}`);
          expect(eventSourceType(source, detailType)).toBe(`${source}/${detailType}`);
        },
      ),
    );
  });

  it('is the same text past the pairs and length it keeps', () => {
    for (let i = 0; i < 300; i++) expect(eventSourceType(`aws.s${i}`, 'Event')).toBe(`aws.s${i}/Event`);
    const long = 'D'.repeat(600);
    expect(eventSourceType('aws.x', long)).toBe(`aws.x/${long}`);
    expect(eventSourceType('aws.guardduty', 'GuardDuty Finding')).toBe('aws.guardduty/GuardDuty Finding');
  });
});
