/** FNV-1a's offset basis: the hash of nothing. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a state `hash` carried on over `text`. */
export function fnvOf(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An FNV-1a state as the 8 hex digits the keys show. */
export const fnvHex = (hash: number): string => hash.toString(16).padStart(8, '0');

/**
 * FNV-1a of a string, hex: a stable, dependency-free key for content that has no id.
 *
 * @example contentHash('abc') // "1a47e90b"
 */
export function contentHash(text: string): string {
  return fnvHex(fnvOf(FNV_OFFSET, text));
}
