/** HTML escaping for the preview page: every text and attribute value passes through here. */

const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' } as const;

/**
 * Escapes text for HTML element content and quoted attribute values alike.
 * @example escapeHtml('<script>"x"</script>') // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c as keyof typeof HTML_ENTITIES]);
}

/** Schemes a link in the preview may use; anything else (javascript:, data:) is shown as text. */
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

/** True when `url` parses and uses a scheme safe to put in an href. */
export function isSafeHref(url: string): boolean {
  return URL.canParse(url) && SAFE_SCHEMES.has(new URL(url).protocol);
}
