import { ConfigError } from '../../errors';
import { severitySchema } from '../../notification';
import { formatPath } from '../../schemas/parse';
import * as z from '../../schemas/zod';
import { parseCidr } from './cidr';
import { eventPatternSchema } from './pattern-match';
import type { ApiCallRule, IgnoreRule, RuleSet } from './rule';
import { defaultRules } from './rules';
import { API_CALL_DETAIL_TYPE, type DetailType, SERVICE_EVENT_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE } from './schemas';

/** The default name of the user rules file, used in error messages. */
export const RULES_FILE_NAME = 'notifier-rules.json';

/** A string or a non-empty list of strings, each checked by `valid`; always a list afterwards. */
const oneOrMore = (valid: (s: string) => boolean, what: string) =>
  z.pipe(
    z
      .union([z.string(), z.array(z.string()).check(z.minLength(1))], {
        error: 'must be a string or a non-empty list of strings',
      })
      .check(
        z.superRefine((value, ctx) => {
          for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
            if (!valid(item))
              ctx.addIssue({
                code: 'custom',
                message: `"${item}" is not ${what}`,
                path: Array.isArray(value) ? [i] : [],
              });
          }
        }),
      ),
    z.transform((value) => (Array.isArray(value) ? value : [value])),
  );

const nonEmpty = (s: string) => s.trim() !== '';
const IGNORE_CONDITIONS = ['principalArn', 'eventName', 'eventSource', 'sourceIp', 'account', 'region'] as const;
const ID = /^[a-z0-9][a-z0-9-]*$/;

// The rules file's schemas are built on first use (z.lazy), not at import: most invocations read no
// rules file, and building them was ~3 ms of the apiCall function's cold start.
const ignoreSchema = z.lazy(() =>
  z
    .strictObject({
      id: z.optional(z.string().check(z.regex(ID, { error: 'use lower-case letters, digits and hyphens' }))),
      reason: z.optional(z.string()),
      principalArn: z.optional(
        oneOrMore((s) => s.startsWith('arn:') || s === '*', 'an ARN pattern (arn:…, * and ? allowed)'),
      ),
      eventName: z.optional(oneOrMore(nonEmpty, 'an event name')),
      eventSource: z.optional(oneOrMore((s) => /^[a-z0-9.*?-]+$/.test(s), 'an event source such as ec2.amazonaws.com')),
      sourceIp: z.optional(oneOrMore((s) => parseCidr(s) !== undefined, 'a CIDR')),
      account: z.optional(oneOrMore((s) => /^[0-9*?]{1,12}$/.test(s), 'a 12-digit account id')),
      region: z.optional(oneOrMore((s) => /^[a-z0-9*?-]+$/.test(s), 'a region code such as us-east-1')),
    })
    .check(
      z.refine((entry) => IGNORE_CONDITIONS.some((k) => entry[k] !== undefined), {
        error: `needs at least one of ${IGNORE_CONDITIONS.join(', ')}`,
      }),
    ),
);

const ruleSchema = z.lazy(() =>
  z.strictObject({
    id: z.string().check(z.regex(ID, { error: 'use lower-case letters, digits and hyphens' })),
    title: z.union(
      [
        z.string().check(z.minLength(1)),
        z.strictObject({ en: z.string().check(z.minLength(1)), ja: z.string().check(z.minLength(1)) }),
      ],
      {
        error: 'must be a string or { "en": …, "ja": … }',
      },
    ),
    description: z.optional(z.string()),
    severity: z._default(severitySchema, 'warning'),
    eventSource: z
      .string()
      .check(z.regex(/^[a-z0-9.-]+\.amazonaws\.com$/, { error: 'must look like "lambda.amazonaws.com"' })),
    eventNames: z
      .array(z.string().check(z.minLength(1)))
      .check(z.minLength(1, { error: 'must list at least one event name' })),
    conditions: z.optional(eventPatternSchema),
  }),
);

/**
 * The user rules file: extra `rules` and `ignore` entries. See README.md next to this file.
 */
export const rulesFileSchema = z.lazy(() =>
  z
    .strictObject({
      $schema: z.optional(z.string()),
      rules: z._default(z.array(ruleSchema), []),
      ignore: z._default(z.array(ignoreSchema), []),
    })
    .check(
      z.superRefine((file, ctx) => {
        const taken = new Set(defaultRules.map((r) => r.id));
        for (const [i, rule] of file.rules.entries()) {
          if (taken.has(rule.id))
            ctx.addIssue({ code: 'custom', message: `"${rule.id}" is already a rule id`, path: ['rules', i, 'id'] });
          taken.add(rule.id);
        }
      }),
    ),
);
export type RulesFile = z.output<typeof rulesFileSchema>;

function toRule(rule: RulesFile['rules'][number]): ApiCallRule {
  const title = typeof rule.title === 'string' ? { en: rule.title, ja: rule.title } : rule.title;
  const detailTypes: DetailType[] =
    rule.eventSource === 'signin.amazonaws.com'
      ? [SIGN_IN_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE]
      : [API_CALL_DETAIL_TYPE];
  return {
    id: rule.id,
    title,
    description: rule.description ?? title.en,
    severity: rule.severity,
    detailTypes,
    eventSource: rule.eventSource,
    eventNames: rule.eventNames,
    ...(rule.conditions ? { conditions: rule.conditions } : {}),
    origin: 'user',
  };
}

/**
 * Validates a parsed rules file and builds the effective rule set: the user's rules before the
 * defaults (so they win ties), and the user's ignore rules (ids default to `ignore[N]`).
 * @throws ConfigError naming the bad entry, e.g. `notifier-rules.json: ignore[2].sourceIp: "10.0.0.0/33" is not a CIDR`
 */
export function parseRulesFile(value: unknown, source: string = RULES_FILE_NAME): RuleSet {
  const result = rulesFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${formatPath('', issue.path)}: ` : '';
    throw new ConfigError(`${source}: ${where}${issue?.message ?? 'is not valid'}`, { cause: result.error });
  }
  const ignores: IgnoreRule[] = result.data.ignore.map(({ id, ...rest }, i) => ({ id: id ?? `ignore[${i}]`, ...rest }));
  return { rules: [...result.data.rules.map(toRule), ...defaultRules], ignores };
}

/**
 * {@link parseRulesFile} from the file's text.
 * @throws ConfigError when the text is not JSON or the content is invalid.
 */
export function parseRulesJson(text: string, source: string = RULES_FILE_NAME): RuleSet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  return parseRulesFile(value, source);
}

/** The built-in rules with no user rules or ignores. */
export const defaultRuleSet: RuleSet = { rules: defaultRules, ignores: [] };
