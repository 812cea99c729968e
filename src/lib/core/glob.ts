/**
 * True when `value` matches `pattern` (`*` any run of UTF-16 units, `?` one when `single`), in
 * O(value × pattern) steps at worst. A pattern compiled to a regex (`a*a*a*b` → `^a.*a.*a.*b$`)
 * backtracks polynomially in the value, once per star; this keeps only the last star's position
 * and moves it forward, which is enough for globs.
 */
function wildcardMatch(pattern: string, value: string, single: boolean): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let starValue = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      starValue = v;
    } else if (c !== undefined && ((c === '?' && single) || c === value[v])) {
      p++;
      v++;
    } else if (star !== -1) {
      p = star + 1;
      v = ++starValue;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Compiles a glob (`*` any run of characters, `?` one character; everything else literal) to an
 * anchored, case-sensitive test. With `singleCharacter: false`, `?` is literal (EventBridge wildcards).
 *
 * @example globMatcher('arn:aws:sts::*:assumed-role/terraform/*')('arn:aws:sts::1:assumed-role/terraform/ci') // true
 */
export function globMatcher(glob: string, options: { singleCharacter?: boolean } = {}): (value: string) => boolean {
  const single = options.singleCharacter ?? true;
  return (value) => wildcardMatch(glob, value, single);
}
