import { ConfigError } from '../core/errors';
import { defaultRuleSet, parseRulesJson, type RuleSet } from '../core/sources/cloudtrail';

/**
 * Reads a user rules file (see src/lib/core/cloudtrail/README.md) and returns the effective rule
 * set; without a path, the default rules.
 * @throws ConfigError naming the file and the bad entry, or saying the file cannot be read
 * @example const ruleSet = await loadRuleSet('notifier-rules.json');
 */
export async function loadRuleSet(path: string | undefined): Promise<RuleSet> {
  if (path === undefined || path === '') return defaultRuleSet;
  // Imported here, not at the top: only a function given a rules file reads one, and each built-in
  // a bundle imports costs every cold start.
  const [{ readFile }, { basename }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${path}: cannot read the rules file (${code})`, { cause: error });
  }
  return parseRulesJson(text, basename(path));
}
