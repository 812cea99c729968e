import { formatPath } from '../schemas/parse';
import type * as z from '../schemas/zod';

/** The value at `path` in `input`, or undefined when the path leads nowhere. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const quote = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);
const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

/** How each kind of zod issue the schema leaves to zod reads (zod/mini alone says only "Invalid input"). */
const issueTexts: Partial<Record<string, (issue: z.core.$ZodIssue, value: unknown) => string>> = {
  unrecognized_keys: (issue) => {
    const keys = (issue as z.core.$ZodIssueUnrecognizedKeys).keys;
    return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
  },
  invalid_type: (issue, value) =>
    value === undefined
      ? 'is required'
      : `must be ${(issue as z.core.$ZodIssueInvalidType).expected === 'array' ? 'a list' : `a ${(issue as z.core.$ZodIssueInvalidType).expected}`}, not ${quote(value)}`,
  invalid_value: (issue, value) =>
    `${quote(value)} is not one of ${list((issue as z.core.$ZodIssueInvalidValue).values)}`,
  invalid_union: (issue, value) => {
    const u = issue as { note?: string; options?: unknown[] };
    return u.note === 'No matching discriminator' && u.options
      ? `${value === undefined ? 'is required' : `${quote(value)} is not one`}: one of ${list(u.options)}`
      : issue.message;
  },
};

/**
 * One line per zod issue: `<source>: <path>: <what is wrong>`, with the offending value where it helps.
 * @example issueLines(result.error.issues, raw, 'routes.json') // ['routes.json: routes[2].to: must be a list, not "oncall"']
 */
export function issueLines(issues: readonly z.core.$ZodIssue[], input: unknown, source: string): string[] {
  return issues.map((issue) => {
    const path = formatPath('', issue.path);
    const value = valueAt(input, issue.path);
    // The schema's own messages (formats, lengths, custom checks) say it best; zod's words for these
    // kinds depend on whether a locale was loaded, so they are always ours.
    const text = issueTexts[issue.code]?.(issue, value) ?? (issue.message || 'is not valid');
    return `${source}: ${path ? `${path}: ` : ''}${text}`;
  });
}
