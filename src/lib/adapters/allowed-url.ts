/** Plain http is allowed only for a receiver on this machine (tests, local runs). */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * True for a URL a webhook may be posted to: https, or http to this machine. Shared by the
 * functions (the URL from SSM) and `notifier send` (the URL from a flag or the environment).
 * @example isAllowedWebhookUrl('https://hooks.slack.com/services/T0/B0/x') // true
 */
export function isAllowedWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}
