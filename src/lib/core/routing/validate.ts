import { ConfigFileError } from '../errors';
import { runbookUrl } from '../links/runbook';
import { issueLines } from './issues';
import { isCatchAll } from './match';
import { isMention, MENTION_FORMS } from './mention';
import { compileRouting, type Routing } from './route';
import { type DestinationType, type RoutingFile, routingFileSchema } from './schema';

/** The default name of the routing file, used in messages. */
export const ROUTING_FILE_NAME = 'routes.json';

/** Destination types that read `mention` (the others have no such thing, or their own syntax). */
const MENTIONABLE: ReadonlySet<DestinationType> = new Set(['slack-webhook', 'slack-app']);

/** A validated, compiled routing file and what looked wrong without being an error. */
export interface ParsedRouting {
  readonly routing: Routing;
  /** One line each, naming the file and the entry, e.g. `routes.json: destinations.teams: not used by any route or the default`. */
  readonly warnings: readonly string[];
}

/** Errors the schema cannot see: names that refer to nothing, bad mentions and URLs, silence windows. */
function semanticErrors(file: RoutingFile, at: (path: string, text: string) => string): string[] {
  const errors: string[] = [];
  const known = Object.keys(file.destinations);
  const knownText = known.length > 0 ? known.join(', ') : 'none';
  const checkNames = (names: readonly string[], path: string) => {
    for (const [j, name] of names.entries()) {
      if (!(name in file.destinations))
        errors.push(at(`${path}[${j}]`, `"${name}" is not a destination (known: ${knownText})`));
    }
  };
  const routeNames = new Set<string>();
  for (const [i, r] of (file.routes ?? []).entries()) {
    checkNames(r.to, `routes[${i}].to`);
    if (r.name !== undefined) {
      if (routeNames.has(r.name)) errors.push(at(`routes[${i}].name`, `"${r.name}" names another route too`));
      routeNames.add(r.name);
    }
    if (r.mention && !isMention(r.mention.text))
      errors.push(
        at(`routes[${i}].mention.text`, `"${r.mention.text.slice(0, 80)}" is not a mention (use ${MENTION_FORMS})`),
      );
    if (r.runbook !== undefined && runbookUrl(r.runbook) === undefined)
      errors.push(at(`routes[${i}].runbook`, `"${r.runbook.slice(0, 80)}" is not an https URL`));
  }
  checkNames(file.default, 'default');
  const silenceIds = new Set<string>();
  for (const [k, s] of (file.silences ?? []).entries()) {
    if (silenceIds.has(s.id)) errors.push(at(`silences[${k}].id`, `"${s.id}" is the id of another silence too`));
    silenceIds.add(s.id);
    if (Date.parse(s.end) <= Date.parse(s.start)) errors.push(at(`silences[${k}].end`, 'must be after start'));
    if (isCatchAll(s.match))
      errors.push(
        at(
          `silences[${k}].match`,
          'must name at least one key (category, severity, account, region, source, alarm, rule)',
        ),
      );
  }
  return errors;
}

/** What is legal but probably a mistake: destinations nobody uses, routes nothing reaches, mentions nobody reads. */
function warningsOf(file: RoutingFile, at: (path: string, text: string) => string): string[] {
  const warnings: string[] = [];
  const routes = file.routes ?? [];
  const used = new Set([...file.default, ...routes.flatMap((r) => r.to)]);
  for (const name of Object.keys(file.destinations)) {
    if (!used.has(name)) warnings.push(at(`destinations.${name}`, 'not used by any route or the default'));
  }
  const stop = routes.findIndex((r) => isCatchAll(r.match) && !r.continue);
  for (let i = stop + 1; stop !== -1 && i < routes.length; i++) {
    warnings.push(at(`routes[${i}]`, `never reached: routes[${stop}] matches everything and does not continue`));
  }
  for (const [i, r] of routes.entries()) {
    const types = r.to.map((name) => file.destinations[name]?.type);
    if (r.mention && !types.some((t) => t !== undefined && MENTIONABLE.has(t)))
      warnings.push(at(`routes[${i}].mention`, 'none of its destinations is Slack, so the mention is never shown'));
  }
  return warnings;
}

/**
 * Validates a parsed routing file and compiles it: every problem is reported at once, one line each,
 * naming the entry (`routes.json: routes[2].to[0]: "oncal" is not a destination (known: oncall, notices)`).
 * Unknown keys are errors (a misspelt `contine` must not silently route differently).
 * @throws ConfigFileError with `lines`
 * @example const { routing, warnings } = parseRouting(JSON.parse(text), 'routes.json');
 */
export function parseRouting(value: unknown, source: string = ROUTING_FILE_NAME): ParsedRouting {
  const at = (path: string, text: string) => `${source}: ${path}: ${text}`;
  const result = routingFileSchema.safeParse(value);
  if (!result.success)
    throw new ConfigFileError(issueLines(result.error.issues, value, source), { cause: result.error });
  const errors = semanticErrors(result.data, at);
  if (errors.length > 0) throw new ConfigFileError(errors);
  return { routing: compileRouting(result.data), warnings: warningsOf(result.data, at) };
}

/**
 * {@link parseRouting} from the file's text.
 * @throws ConfigFileError when the text is not JSON or the content is invalid.
 */
export function parseRoutingJson(text: string, source: string = ROUTING_FILE_NAME): ParsedRouting {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigFileError([`${source}: not valid JSON (${reason})`], { cause: error });
  }
  return parseRouting(value, source);
}

/** One line saying what a routing file holds, for `notifier routes --check`. */
export function describeRouting(routing: Routing, source: string = ROUTING_FILE_NAME): string {
  const { file } = routing;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `${source}: ok: ${count(Object.keys(file.destinations).length, 'destination')}, ${count(routing.routes.length, 'route')}, ${count(routing.silences.length, 'silence')}, default → ${file.default.join(', ')}`;
}
