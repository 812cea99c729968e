import type { Notification, SubjectPart, SubjectRole } from '../notification';
import { SNS_SUBJECT_MAX_CHARS } from '../publish/limits';
import { joinLine, tidyLine } from './join-line';
import { inLine, oneLine } from './sanitize';
import { categoryLabel, severityStyle } from './severity-style';
import { ellipsizeAtBoundary, ellipsizeMiddleAtBoundary } from './word-cut';

/** Layout choice: a target or reason cut shorter than this says nothing; it is left out instead. */
const MIN_CUT_CHARS = 8;

/**
 * How a too-long subject is shortened, least important first: the region goes, then the target is
 * shortened and dropped, then the detail beside the actor's name and the outcome's reason give way,
 * and only then are the outcome, the action and the actor themselves cut, at a word break. The
 * severity tag is never touched. The order of the issue: tag, actor, action, outcome, target, region.
 */
const SHORTENING: ReadonlyArray<readonly [SubjectRole, 'short' | 'cut' | 'drop']> = [
  ['target', 'short'],
  ['target', 'cut'],
  ['target', 'drop'],
  ['actor', 'short'],
  ['outcome', 'short'],
  ['outcome', 'cut'],
  ['action', 'cut'],
  ['actor', 'cut'],
];

interface Piece {
  readonly role: SubjectRole;
  lead: string;
  value: string;
  tail: string;
  short?: string;
}

const clean = (p: SubjectPart): Piece => ({
  role: p.role,
  lead: inLine(p.lead ?? ''),
  value: oneLine(p.value),
  tail: inLine(p.tail ?? ''),
  ...(p.short !== undefined ? { short: inLine(p.short) } : {}),
});
/** The pieces as one line: joints of dropped pieces leave no double or outer spaces. */
const rendered = (pieces: readonly Piece[]) => joinLine(pieces.map((p) => p.lead + p.value + p.tail));

/** `[CRITICAL] `: the subject's prefix by severity and locale, made once. */
const PREFIXES = Object.fromEntries(
  Object.entries(severityStyle).map(([severity, { label }]) => [
    severity,
    { en: `[${label.en}] `, ja: `[${label.ja}] ` },
  ]),
) as Record<Notification['severity'], Record<Notification['locale'], string>>;

/**
 * The title a notification's parts make: {@link rendered} of the cleaned parts, written part by
 * part without making a piece of each (pieces are made only when a line too long is shortened).
 */
function partsTitle(parts: readonly SubjectPart[]): string {
  let line = '';
  for (const p of parts) {
    if (p.lead !== undefined) line += inLine(p.lead);
    line += oneLine(p.value);
    if (p.tail !== undefined) line += inLine(p.tail);
  }
  return tidyLine(line);
}

function subjectParts(n: Notification) {
  const prefix = PREFIXES[n.severity][n.locale];
  const parts = n.subjectParts ?? NO_PARTS;
  const title = (parts.length > 0 ? partsTitle(parts) : oneLine(n.title)) || categoryLabel[n.category][n.locale];
  const region = oneLine(n.region ?? '');
  return { prefix, title, parts, region, suffix: regionSuffix(title, region) };
}

const NO_PARTS: readonly SubjectPart[] = [];

/** " (region)" unless the text already names the region. */
const regionSuffix = (text: string, region: string) => (region && !text.includes(region) ? ` (${region})` : '');

/** The order parts get back what shortening took, most important first; the region comes last. */
const RESTORING: readonly SubjectRole[] = ['actor', 'action', 'outcome', 'target'];

const dropped = (piece: Piece) => Object.assign(piece, { lead: '', value: '', tail: '' });
const shortened = (piece: Piece, short: string) => Object.assign(piece, { lead: '', value: short, tail: '' });

/**
 * The parts fitted into `max` with the prefix: shortened in {@link SHORTENING} order until they fit,
 * then, most important first, given back what still fits (a target dropped to make room for a long
 * reason is restored when the reason had to be shortened anyway), and the region last.
 */
function fitParts(prefix: string, parts: readonly Piece[], region: string, max: number): string {
  const pieces = parts.map((p) => ({ ...p }));
  const fits = () => prefix.length + rendered(pieces).length <= max;
  shrink: for (const [role, step] of SHORTENING) {
    for (const piece of pieces.filter((p) => p.role === role).reverse()) {
      if (fits()) break shrink;
      if (step === 'short' && piece.short !== undefined) shortened(piece, piece.short);
      else if (step === 'drop') dropped(piece);
      else if (step === 'cut' && piece.value) {
        const room = piece.value.length - (prefix.length + rendered(pieces).length - max);
        const cut = ellipsizeAtBoundary(piece.value, room, role === 'target' ? 'nothing' : 'keep-first-word');
        if (role === 'target' && cut.length < MIN_CUT_CHARS) dropped(piece);
        else piece.value = cut;
      }
    }
  }
  if (!fits()) return prefix + ellipsizeAtBoundary(rendered(pieces), max - prefix.length);
  for (const role of RESTORING) {
    pieces.forEach((piece, i) => {
      if (piece.role !== role) return;
      const before = { ...piece };
      const full = parts[i]!;
      Object.assign(piece, { lead: full.lead, value: full.value, tail: full.tail });
      if (fits()) return;
      // The actor keeps its short form (the name) rather than a cut of the full one (half a label);
      // an outcome's reason, a target or an action may come back cut at a word.
      if (role !== 'actor' && full.value) {
        const room = full.value.length - (prefix.length + rendered(pieces).length - max);
        const cut = ellipsizeAtBoundary(full.value, room, 'nothing');
        piece.value = cut;
        if (fits() && cut.length >= MIN_CUT_CHARS && cut.length > before.value.length) return;
      }
      Object.assign(piece, before);
    });
  }
  // The region is named again if the line left room and no longer names it (a bucket name may have).
  const line = prefix + rendered(pieces);
  const suffix = regionSuffix(line, region);
  return (line + suffix).length <= max ? line + suffix : line;
}

/**
 * The subject line without the SNS length limit, for places with room (the first line of the
 * email body), so a long alarm name is never shown cut.
 */
export function fullSubject(n: Notification): string {
  const { prefix, title, suffix } = subjectParts(n);
  return `${prefix}${title}${suffix}`;
}

/**
 * The one subject line of a notification, shared by every channel: the SNS/email Subject and the
 * Slack header. `[SEVERITY] title (region)`; the region is added when the title does not already
 * name it. One line, no control characters, at most `max` characters ({@link SNS_SUBJECT_MAX_CHARS},
 * the SNS limit, unless a channel has more room), never empty (an empty title falls back to the category's name).
 *
 * Too long, it keeps what matters: the region goes first; a title given in parts (`subjectParts`)
 * then loses its target, the detail and reason beside the actor and the outcome, and only then are
 * the outcome, the action and the actor cut; a plain title is cut in the middle, so its start and the
 * state at its end stay. Every cut falls at a word break (a space, a separator, or a change of script
 * in Japanese, which has no spaces), never inside a word or a surrogate pair, unless one word is
 * longer than the whole line.
 *
 * @example renderSubject(n) // "[CRITICAL] web-tg-unhealthy is in ALARM (ap-northeast-1)"
 * @example renderSubject(n) // "[WARNING] StopLogging by terraform-apply-production-pipeline-20240315 failed: InvalidTrailNameException"
 */
export function renderSubject(n: Notification, max: number = SNS_SUBJECT_MAX_CHARS): string {
  return subjectLines(n, max).subject;
}

/** A notification's {@link renderSubject} and its {@link fullSubject}. */
export interface SubjectLines {
  readonly subject: string;
  readonly full: string;
}

/**
 * {@link renderSubject} and {@link fullSubject} at once (the SNS publish needs both: the Subject,
 * and the email body's first line), the parts cleaned once.
 * @example subjectLines(n).full.startsWith(subjectLines(n).subject.replace(/….*$/, ''))
 */
export function subjectLines(n: Notification, max: number = SNS_SUBJECT_MAX_CHARS): SubjectLines {
  const { prefix, title, parts, region, suffix } = subjectParts(n);
  const full = `${prefix}${title}${suffix}`;
  return { subject: fittedSubject(full, prefix, title, parts, region, max), full };
}

function fittedSubject(
  full: string,
  prefix: string,
  title: string,
  parts: readonly SubjectPart[],
  region: string,
  max: number,
): string {
  if (full.length <= max) return full;
  if (`${prefix}${title}`.length <= max) return `${prefix}${title}`;
  if (parts.length > 0) return fitParts(prefix, parts.map(clean), region, max);
  return `${prefix}${ellipsizeMiddleAtBoundary(title, max - prefix.length)}`;
}
