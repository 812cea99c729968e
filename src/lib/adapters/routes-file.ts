import { ConfigFileError } from '../core/errors';
import { defaultRouting, type ParsedRouting, parseRoutingJson, type Routing } from '../core/routing';

/**
 * Reads and validates a routing file (README "Routing"), named in every message by its base name.
 * @throws ConfigFileError with one line per problem, or saying the file cannot be read
 * @example const { routing, warnings } = await loadRoutingFile('routes.json');
 */
export async function loadRoutingFile(path: string): Promise<ParsedRouting> {
  // Imported here, not at the top: only a deploy with a routing file reads one, and each built-in a
  // bundle imports costs every cold start.
  const [{ readFile }, { basename }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigFileError([`${path}: cannot read the routing file (${code})`], { cause: error });
  }
  return parseRoutingJson(text, basename(path));
}

/**
 * The routing a delivering function applies: its routing file when the deploy has one, else the
 * default routing (today's behaviour: the one Slack webhook and the email subscriptions). Warnings
 * were shown at package time; call once per container.
 * @throws ConfigFileError when the file is unreadable or invalid (packaging checked it, so only a changed zip)
 * @example const routing = await loadRouting(loadRoutingConfig().routesFile, '/notifier/slack-webhook-url');
 */
export async function loadRouting(routesFile: string | undefined, slackParameter: string): Promise<Routing> {
  return routesFile ? (await loadRoutingFile(routesFile)).routing : defaultRouting({ slackParameter });
}
