import { describe, expect, it } from 'vitest';
import { MAX_PARTITION_KEY_BYTES, storedKey } from '../../../src/lib/adapters/dedupe-key';

const alarmKey = 'alarm:123456789012:us-east-1:ServerCpuTooHigh:ALARM:2019-10-02T17:04:40.989Z';

describe('adapters: dedupe key', () => {
  it('keeps keys up to the limit as they are', () => {
    expect(storedKey(alarmKey)).toBe(alarmKey);
    const atLimit = 'k'.repeat(MAX_PARTITION_KEY_BYTES);
    expect(storedKey(atLimit)).toBe(atLimit);
  });

  it.each([
    ['ASCII', 'a'.repeat(5000)],
    ['multi-byte characters', `アラーム:${'監視'.repeat(1000)}`],
  ])('shortens a longer key (%s) to the limit, keeping its readable beginning', (_, key) => {
    const stored = storedKey(key);
    expect(Buffer.byteLength(stored, 'utf8')).toBeLessThanOrEqual(MAX_PARTITION_KEY_BYTES);
    expect(stored).toMatch(/#sha256:[0-9a-f]{64}$/);
    expect(key.startsWith(stored.replace(/#sha256:[0-9a-f]{64}$/, ''))).toBe(true);
    expect(stored.length).toBeGreaterThan(500);
    expect(storedKey(`${key}!`)).not.toBe(stored);
  });
});
