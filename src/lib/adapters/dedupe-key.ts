import { createHash } from 'node:crypto';

/**
 * Largest partition key value DynamoDB accepts, in UTF-8 bytes.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export const MAX_PARTITION_KEY_BYTES = 2048;

/**
 * The stored form of a key: the key itself when it fits {@link MAX_PARTITION_KEY_BYTES}; else its
 * readable beginning and the SHA-256 of the whole key, so two long keys never collide.
 * @example storedKey('alarm:123456789012:us-east-1:cpu:ALARM:2024-01-01T00:00:00.000Z') // unchanged
 */
export function storedKey(key: string): string {
  if (Buffer.byteLength(key, 'utf8') <= MAX_PARTITION_KEY_BYTES) return key;
  const suffix = `#sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
  let prefix = '';
  let bytes = 0;
  for (const char of key) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > MAX_PARTITION_KEY_BYTES - suffix.length) break;
    prefix += char;
    bytes += size;
  }
  return `${prefix}${suffix}`;
}
