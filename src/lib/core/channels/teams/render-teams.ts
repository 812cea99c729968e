import type { Notification } from '../../notification';
import { renderText } from '../../render/render-text';
import { utf8Length } from '../../render/truncate';
import { TEAMS_CARD_VERSION, TEAMS_MAX_ACTIONS, TEAMS_MESSAGE_MAX_BYTES } from './limits';
import { bodyOf, type CardParts, cardParts, notesBlock, teamsMessage } from './teams-card';
import type { TeamsMessage } from './teams-types';

/** How many of each kind of piece a card leaves out. */
interface Cut {
  readonly facts: number;
  readonly notes: number;
  readonly actions: number;
}

function message(parts: CardParts, cut: Cut, n: Notification): TeamsMessage {
  const facts = parts.facts.slice(0, parts.facts.length - cut.facts);
  const notes = parts.notes.slice(0, parts.notes.length - cut.notes);
  const actions = parts.actions.slice(0, parts.actions.length - cut.actions);
  const any = cut.facts + cut.notes + cut.actions > 0;
  const leftOut = any ? renderText[n.locale].leftOut(cut.facts, cut.actions, cut.notes) : undefined;
  return teamsMessage(bodyOf({ ...parts, facts }, notesBlock(notes, n), leftOut), actions);
}

/** The size Teams counts: the whole JSON body in UTF-8. */
export const teamsMessageBytes = (m: TeamsMessage): number => utf8Length(JSON.stringify(m));

/**
 * The `r`-th cut in the order pieces are given up: facts from the last, then notes, then actions
 * from the last. Links past {@link TEAMS_MAX_ACTIONS} are always cut.
 */
function cutOf(parts: CardParts, r: number): Cut {
  const extraActions = Math.max(0, parts.actions.length - TEAMS_MAX_ACTIONS);
  const facts = Math.min(r, parts.facts.length);
  const notes = Math.min(r - facts, parts.notes.length);
  const actions = Math.min(r - facts - notes + extraActions, parts.actions.length);
  return { facts, notes, actions };
}

/**
 * The Teams message for a Workflows webhook: one Adaptive Card (version {@link TEAMS_CARD_VERSION})
 * with a title coloured by severity (attention, warning, good), the summary, a FactSet of the
 * fields, the notes, up to {@link TEAMS_MAX_ACTIONS} Action.OpenUrl links and a context line.
 * Every event value is markdown-escaped, so it can never become a link or formatting. When the
 * message would pass {@link TEAMS_MESSAGE_MAX_BYTES}, facts are left out from the end, then notes,
 * then links, and a line says how many (the fewest cuts that fit, found by bisection).
 *
 * @example await sendWebhook(teamsWebhook, { url, payload: renderTeams(n) }, { deadline });
 */
export function renderTeams(n: Notification): TeamsMessage {
  const parts = cardParts(n);
  const pieces = parts.facts.length + parts.notes.length + Math.min(parts.actions.length, TEAMS_MAX_ACTIONS);
  const fits = (r: number) => teamsMessageBytes(message(parts, cutOf(parts, r), n)) <= TEAMS_MESSAGE_MAX_BYTES;
  if (fits(0)) return message(parts, cutOf(parts, 0), n);
  // Size falls as pieces go (the "not shown" line grows by a digit at most): bisect, then step on.
  let low = 0;
  let high = pieces;
  while (low + 1 < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid;
  }
  let r = high;
  while (r < pieces && !fits(r)) r++;
  return message(parts, cutOf(parts, r), n);
}

export type { TeamsMessage } from './teams-types';
