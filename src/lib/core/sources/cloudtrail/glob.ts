const REGEX_SPECIAL = /[.+?^${}()|[\]\\*]/g;

/**
 * Compiles a glob (`*` any run of characters, `?` one character; everything else literal) to an
 * anchored, case-sensitive test. With `singleCharacter: false`, `?` is literal (EventBridge wildcards).
 *
 * @example globMatcher('arn:aws:sts::*:assumed-role/terraform/*')('arn:aws:sts::1:assumed-role/terraform/ci') // true
 */
export function globMatcher(glob: string, options: { singleCharacter?: boolean } = {}): (value: string) => boolean {
  const single = options.singleCharacter ?? true;
  const source = Array.from(glob, (c) => {
    if (c === '*') return '.*';
    if (c === '?' && single) return '.';
    return c.replace(REGEX_SPECIAL, '\\$&');
  }).join('');
  const re = new RegExp(`^${source}$`, 's');
  return (value) => re.test(value);
}
