import { describe, expect, it } from 'vitest';
import { messageAttributes } from '../../../../src/lib/core/publish/attributes';
import { samples } from '../render/sample-notifications';

describe('render: SNS message attributes', () => {
  it.each(Object.entries(samples))('carries category and severity of %s for subscription filters', (_, n) => {
    expect(messageAttributes(n)).toEqual({
      category: { DataType: 'String', StringValue: n.category },
      severity: { DataType: 'String', StringValue: n.severity },
    });
  });
});
