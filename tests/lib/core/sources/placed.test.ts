import { describe, expect, it } from 'vitest';
import { NOTIFICATION_SCHEMA_VERSION } from '../../../../src/lib/core/notification';
import { placed } from '../../../../src/lib/core/sources/placed';

const head = (): Parameters<typeof placed>[0] => ({
  schemaVersion: NOTIFICATION_SCHEMA_VERSION,
  category: 'event',
  severity: 'info',
  locale: 'en',
  title: 't',
  summary: 's',
  fields: [],
  links: [],
  notes: [],
});
const tail = { occurredAt: '2024-01-01T00:00:00.000Z', dedupeKey: 'k', labels: { rule: 'r' }, source: { type: 'x' } };
const before = ['schemaVersion', 'category', 'severity', 'locale', 'title', 'summary', 'fields', 'links', 'notes'];
const after = ['occurredAt', 'dedupeKey', 'labels', 'source'];

describe('placed', () => {
  it.each([
    ['both', '123456789012', 'us-east-1', ['account', 'region']],
    ['the account only', '123456789012', undefined, ['account']],
    ['the region only', undefined, 'us-east-1', ['region']],
    ['neither', undefined, undefined, []],
    ['neither, when they are empty', '', '', []],
  ])('writes the keys in published order with %s', (_, account, region, place) => {
    const n = placed(head(), account, region, tail);
    expect(Object.keys(n)).toEqual([...before, ...place, ...after]);
    expect(JSON.stringify(n)).toBe(
      JSON.stringify({ ...head(), ...(account ? { account } : {}), ...(region ? { region } : {}), ...tail }),
    );
  });
});
