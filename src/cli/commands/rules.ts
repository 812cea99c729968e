import { loadRuleSet } from '../../lib/adapters/rules-file';
import { type ApiCallRule, eventPatterns, type IgnoreRule } from '../../lib/core/sources/cloudtrail';
import { ruleDescription } from '../../lib/core/sources/cloudtrail/rules/descriptions';
import { EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags, toFormat } from '../options';

/** Usage text of `notifier rules`. */
export const rulesUsage = `Usage: notifier rules [--format text|json] [--rules-file FILE] [--patterns]

Lists the effective sensitive-API-call rules: the built-in ones (CIS AWS Foundations monitoring
controls and Organizations changes) plus those of a rules file, and the ignore rules.

  --format       text (default) or json ({"rules":[...],"ignore":[...]})
  --rules-file   a notifier-rules.json with extra "rules" and "ignore" entries
  --patterns     print the EventBridge event patterns generated from the rules instead (JSON)`;

const flags = {
  format: { type: 'string', default: 'text' },
  'rules-file': { type: 'string' },
  patterns: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A rule as `notifier rules --format json` shows it. */
function describeRule(r: ApiCallRule) {
  return {
    id: r.id,
    severity: r.severity,
    eventSource: r.eventSource ?? '*',
    eventNames: r.eventNames ?? ['*'],
    description: ruleDescription(r),
    title: r.title,
    detailTypes: r.detailTypes,
    ...(r.conditions ? { conditions: r.conditions } : {}),
    ...(r.reference ? { reference: r.reference } : {}),
    origin: r.origin,
  };
}

function ruleText(r: ReturnType<typeof describeRule>): string {
  const conditions = r.conditions ? `\n    when ${JSON.stringify(r.conditions)}` : '';
  return `${r.severity.padEnd(8)} ${r.id}${r.reference ? ` (${r.reference})` : ''}\n    ${r.description}\n    ${r.eventSource}: ${r.eventNames.join(', ')}${conditions}`;
}

function ignoreText(i: IgnoreRule): string {
  const conditions = Object.entries(i)
    .filter(([k]) => k !== 'id' && k !== 'reason')
    .map(([k, v]) => `${k}=${(v as string[]).join('|')}`);
  return `ignore   ${i.id}: ${conditions.join(' ')}${i.reason ? ` (${i.reason})` : ''}`;
}

/** `notifier rules`: the effective rule set, as text or JSON, or the EventBridge patterns. */
export async function rulesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, rulesUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`rules: unexpected argument "${positionals[0]}"`);
  const format = toFormat(values.format);
  const ruleSet = await loadRuleSet(values['rules-file']);
  if (values.patterns) {
    writeLine(io.stdout, JSON.stringify(eventPatterns(ruleSet), null, 2));
    return EXIT.ok;
  }
  const rules = ruleSet.rules.map(describeRule);
  if (format === 'json') {
    writeLine(io.stdout, JSON.stringify({ rules, ignore: ruleSet.ignores }, null, 2));
    return EXIT.ok;
  }
  writeLine(io.stdout, [...ruleSet.ignores.map(ignoreText), ...rules.map(ruleText)].join('\n'));
  return EXIT.ok;
}
