import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigFileError } from '../core/errors';
import { type ParsedRouting, parseRoutingJson } from '../core/routing';

/**
 * Reads and validates a routing file (README "Routing"), named in every message by its base name.
 * @throws ConfigFileError with one line per problem, or saying the file cannot be read
 * @example const { routing, warnings } = await loadRoutingFile('routes.json');
 */
export async function loadRoutingFile(path: string): Promise<ParsedRouting> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigFileError([`${path}: cannot read the routing file (${code})`], { cause: error });
  }
  return parseRoutingJson(text, basename(path));
}
