/**
 * One line from pieces that are each already one line (outputs of `inLine` or `oneLine` from
 * ./sanitize, substrings of them, "…"): joined, runs of spaces at the joints collapsed to one, the
 * ends trimmed. Exactly `oneLine(pieces.join(''))` for such pieces, whose only white space is the
 * plain space, without scanning every character again for controls.
 *
 * @example joinLine(['StopLogging', ' on trail ', '', ' by ', 'alice']) // "StopLogging on trail by alice"
 */
export function joinLine(pieces: readonly string[]): string {
  let line = '';
  for (const piece of pieces) line += piece;
  return tidyLine(line);
}

/**
 * {@link joinLine} of pieces already joined: `line`, made of such pieces, with runs of spaces
 * collapsed to one and its ends trimmed.
 *
 * @example tidyLine('StopLogging on trail  by alice') // "StopLogging on trail by alice"
 */
export function tidyLine(line: string): string {
  if (!line.includes('  ') && line.charCodeAt(0) !== SPACE && line.charCodeAt(line.length - 1) !== SPACE) return line;
  return line
    .split(' ')
    .filter((word) => word !== '')
    .join(' ');
}

const SPACE = 0x20;
