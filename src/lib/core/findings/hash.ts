/**
 * FNV-1a over the concatenation of `parts`, hex, without building the concatenation (a generic
 * notification hashes all its `path=value` lines this way, in linear time and memory).
 *
 * @example contentHashOf(['a', 'bc']) === contentHash('abc')
 */
export function contentHashOf(parts: Iterable<string>): string {
  let hash = 0x811c9dc5;
  for (const text of parts) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * FNV-1a of a string, hex: a stable, dependency-free key for content that has no id.
 *
 * @example contentHash('abc') // "1a47e90b"
 */
export function contentHash(text: string): string {
  return contentHashOf([text]);
}
