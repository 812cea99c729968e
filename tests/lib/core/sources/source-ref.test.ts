import { describe, expect, it } from 'vitest';
import { sourceRef, sourceRefIdFirst } from '../../../../src/lib/core/sources/source-ref';

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
