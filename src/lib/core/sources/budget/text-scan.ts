/*
 * Linear-time readers for the pieces of a Budgets text that used to be single regexes with lazy or
 * overlapping groups (`(.+?) … (.+?)`, `\S*budgets\S*`, `[ \t]*(.+)$`, `^\s*…` with the `m` flag).
 * Those were retried at every start position and re-read the rest of the line each time:
 * quadratic on a long line of a hostile message. Each reader here reads a line a bounded number of
 * times; the few regexes left are anchored or literal, or run on a window of bounded length.
 */

/** Longest stretch a sentence pattern is tried on. AWS's sentences are under 300 characters (a budget name is at most 100). */
const SENTENCE_WINDOW = 400;

/** Characters `.` does not match in a regex without the `s` flag. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

const LABEL = /^[A-Za-z][A-Za-z ]{1,40}$/;
const LEADING_BLANKS = /^[ \t]+/;
const OPERATORS = new Set(['>', '<', '=']);

/**
 * `sentence` run on the {@link SENTENCE_WINDOW} characters from the first place `start` matches,
 * so its lazy groups cost a constant however long the text is.
 *
 * @example execFrom(flat, /alert you when/i, SENTENCE)
 */
export function execFrom(text: string, start: RegExp, sentence: RegExp): RegExpExecArray | null {
  const at = start.exec(text)?.index;
  return at === undefined ? null : sentence.exec(text.slice(at, at + SENTENCE_WINDOW));
}

/**
 * A `Label: value` line (a label of 2–41 letters and spaces), as `/^([A-Za-z][A-Za-z ]{1,40}):[ \t]*(.+)$/`
 * read it, without its backtracking.
 *
 * @example labelAndValue('Budget Name: Test Budget') // ['Budget Name', 'Test Budget']
 */
export function labelAndValue(line: string): [label: string, value: string] | undefined {
  const colon = line.indexOf(':');
  if (colon < 2 || colon > 41 || !LABEL.test(line.slice(0, colon))) return undefined;
  const value = line.slice(colon + 1).replace(LEADING_BLANKS, '');
  return value && !LINE_TERMINATOR.test(value) ? [line.slice(0, colon), value] : undefined;
}

/**
 * A leading comparison operator and the rest, as `/^([><=])\s*(.*)$/` read a trimmed text.
 *
 * @example splitOperator('> $0.75') // ['>', '$0.75']
 */
export function splitOperator(text: string): [operator: '>' | '<' | '=', rest: string] | undefined {
  const operator = text[0];
  if (operator === undefined || !OPERATORS.has(operator)) return undefined;
  const rest = text.slice(1).trimStart();
  return LINE_TERMINATOR.test(rest) ? undefined : [operator as '>' | '<' | '=', rest];
}

/**
 * The first http(s) URL whose path names "budgets", to the end of its word, as
 * `/(https?:\/\/\S*budgets\S*)/` found it.
 *
 * @example budgetsUrl('see https://console.aws.amazon.com/billing/home#/budgets now') // "https://console.aws.amazon.com/billing/home#/budgets"
 */
export function budgetsUrl(text: string): string | undefined {
  for (const word of text.split(/\s+/)) {
    const last = word.lastIndexOf('budgets');
    if (last === -1) continue;
    const schemeAt = (scheme: string) => {
      const at = word.indexOf(scheme);
      return at !== -1 && at + scheme.length <= last ? at : Number.POSITIVE_INFINITY;
    };
    const at = Math.min(schemeAt('http://'), schemeAt('https://'));
    if (at !== Number.POSITIVE_INFINITY) return word.slice(at);
  }
  return undefined;
}

/** True when some line reads "…associated with your … budget…", as `/associated with your .+ budget/im` tested. */
function namesBudget(line: string): boolean {
  const at = /associated with your /i.exec(line);
  return at !== null && / budget/i.test(line.slice(at.index + at[0].length + 1));
}

/**
 * True when the text has a line starting "Budget Name:" or a line naming "your … budget", as
 * `/^\s*Budget Name:|associated with your .+ budget/im` tested, line by line.
 */
export function hasBudgetLine(text: string): boolean {
  return text.split(/[\n\r\u2028\u2029]/).some((line) => /^\s*budget name:/i.test(line) || namesBudget(line));
}
