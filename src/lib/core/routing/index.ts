/**
 * Routing: which destinations a notification goes to (routes matched top-down, as Alertmanager's),
 * with what (a mention, a runbook link), or which silence suppresses it. Pure: the clock and the
 * stored silences are passed in. See README.md "Routing" for the file format.
 */
export { DEFAULT_DESTINATIONS, defaultRouting, OWN_NOTIFICATIONS_TOPIC } from './default-routing';
export { compileMatcher, describeMatcher, isCatchAll, MATCH_KEYS, matchValues } from './match';
export { parseMatchArgs } from './match-args';
export { addMention, isMention, MENTION_FORMS, MENTION_PATTERN } from './mention';
export { notificationFor, slackMessageFor } from './prepare';
export {
  type AlarmFollowUp,
  compileRouting,
  DEFAULT_MENTION_SEVERITIES,
  type Delivery,
  type RouteDecision,
  type RouteOptions,
  type Routing,
  route,
} from './route';
export {
  DESTINATION_TYPES,
  type Destination,
  type DestinationType,
  type Matcher,
  type MatchKey,
  type Mention,
  ROUTING_FILE_VERSION,
  type Route,
  type RoutingFile,
  routingFileSchema,
  SILENCE_ID,
  type Silence,
  silenceSchema,
} from './schema';
export {
  type ActiveSilence,
  compileSilence,
  describeSilence,
  isActive,
  type SilenceOrigin,
  silencedAlarmKey,
  silencing,
} from './silence';
export { buildSilence, MAX_SILENCE_DAYS, parseDuration, type SilenceRequest } from './silence-args';
export { describeRouting, type ParsedRouting, parseRouting, parseRoutingJson, ROUTING_FILE_NAME } from './validate';
