import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costAnomalyMessageSchema,
  parseCostAnomaly,
} from '../../../../../src/lib/core/sources/cost-anomaly/anomaly-message';

/** parseCostAnomaly as the schema alone decides it: the reference for its early "no anomalyId" answer. */
function bySchemaAlone(value: unknown) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const isEvent = v.source === 'aws.ce' && v['detail-type'] === 'Anomaly Detected';
  const detail = isEvent ? v.detail : undefined;
  const candidate =
    typeof detail === 'object' && detail !== null && !Array.isArray(detail) ? { accountId: v.account, ...detail } : v;
  const parsed = costAnomalyMessageSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

const FIXTURES = 'tests/fixtures';
/** Every JSON fixture, and the JSON message of each SNS record in one. */
const inputs: unknown[] = [];
for (const f of readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
  const value = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>;
  inputs.push(value);
  for (const record of Array.isArray(value.Records) ? value.Records : []) {
    const message = (record as { Sns?: { Message?: unknown } }).Sns?.Message;
    if (typeof message === 'string' && message.trimStart().startsWith('{')) inputs.push(JSON.parse(message));
  }
}

describe('parseCostAnomaly: the same answer as the schema alone', () => {
  it('on every fixture and SNS message, anomalies among them', () => {
    let anomalies = 0;
    for (const input of inputs) {
      const expected = bySchemaAlone(input);
      expect(parseCostAnomaly(input)).toEqual(expected);
      if (expected) anomalies += 1;
    }
    expect(anomalies).toBeGreaterThan(0);
  });

  it('on anomalies whose id is missing, odd or inside an event', () => {
    const anomaly = inputs.find((i) => bySchemaAlone(i) !== undefined && !('detail' in (i as object)));
    expect(anomaly).toBeDefined();
    const id = fc.oneof(fc.constant(undefined), fc.string(), fc.integer(), fc.constant(null), fc.constant({}));
    fc.assert(
      fc.property(id, fc.boolean(), (anomalyId, asEvent) => {
        const message = { ...(anomaly as object), anomalyId };
        const input = asEvent ? { source: 'aws.ce', 'detail-type': 'Anomaly Detected', detail: message } : message;
        expect(parseCostAnomaly(input)).toEqual(bySchemaAlone(input));
      }),
      { numRuns: 500 },
    );
  });
});
