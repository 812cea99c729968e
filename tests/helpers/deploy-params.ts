import { readFileSync } from 'node:fs';

/**
 * serverless.yml's `params.default`, read from the file itself (flat `name: value` lines, quotes
 * removed), so tests that derive parameters start from what a deploy gets and never from a copy.
 * @example deriveParams({ ...deployDefaults(), alertEmail: 'ops@example.com' }, 'notifier-dev-')
 */
export function deployDefaults(): Record<string, string> {
  const yaml = readFileSync(new URL('../../serverless.yml', import.meta.url), 'utf8');
  const block = yaml.slice(yaml.indexOf('\nparams:\n')).split('\n  default:\n')[1] ?? '';
  const params: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (/^\S/.test(line)) break; // the next top-level key
    const match = /^ {4}([A-Za-z]+): ?(.*)$/.exec(line);
    if (match) params[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return params;
}
