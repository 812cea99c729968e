import { ConfigError } from '../errors';
import { issueLines } from './issues';
import { MATCH_KEYS } from './match';
import { type Matcher, type MatchKey, matcherSchema } from './schema';

/**
 * Reads `--match` arguments (`alarm=web-*`, `severity=critical,warning`; each given once or more, a
 * key's values comma-separated) into a validated matcher.
 * @throws ConfigError naming the bad argument, e.g. `--match "alarm": expected KEY=GLOB[,GLOB…]`
 * @example parseMatchArgs(['alarm=web-*', 'region=eu-west-1']) // { alarm: ['web-*'], region: ['eu-west-1'] }
 */
export function parseMatchArgs(args: readonly string[]): Matcher {
  const raw: Partial<Record<MatchKey, string[]>> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const key = arg.slice(0, eq) as MatchKey;
    if (eq <= 0 || eq === arg.length - 1) throw new ConfigError(`--match "${arg}": expected KEY=GLOB[,GLOB…]`);
    if (!MATCH_KEYS.includes(key))
      throw new ConfigError(`--match "${arg}": "${key}" is not a key (use ${MATCH_KEYS.join(', ')})`);
    raw[key] = [
      ...(raw[key] ?? []),
      ...arg
        .slice(eq + 1)
        .split(',')
        .map((v) => v.trim()),
    ];
  }
  const result = matcherSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(issueLines(result.error.issues, raw, '--match')[0] ?? '--match: not valid', {
      cause: result.error,
    });
  }
  return result.data;
}
