import { InputError } from '../errors';

/*
 * Size and nesting bounds, checked at the edge before anything else reads an input: every later
 * step (schemas, interpreters, renderers) may then assume a bounded input, and no recursion over
 * it can overflow the stack. Each check is one iterative pass that stops at the first violation.
 */

/**
 * The largest message AWS accepts: an SNS `Publish` message (attributes included) and an
 * EventBridge `PutEvents` entry are both limited to 256 KB.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
export const MAX_MESSAGE_BYTES = 262_144;

/** Room for what the delivering service wraps around a maximum-size message (SNS record fields, EventBridge envelope). */
const ENVELOPE_ALLOWANCE_BYTES = 8_192;

/** The largest event (or SNS record) read: a maximum-size message in its envelope. */
export const MAX_EVENT_BYTES = MAX_MESSAGE_BYTES + ENVELOPE_ALLOWANCE_BYTES;

/** Objects and arrays nested in one event or message at most; AWS events use fewer than 10. */
export const MAX_DEPTH = 64;

/** Keys shown in full in an error path; longer ones are cut (an error message stays one short line). */
const MAX_KEY_CHARS = 24;
/** Characters of an error path kept on each side of the "…" when it is long. */
const PATH_END_CHARS = 100;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * UTF-8 bytes of `text` (a lone surrogate counts 3, as U+FFFD), counted only as far as `limit`:
 * past it the exact figure does not matter, and a string never has fewer bytes than UTF-16 units.
 */
export function utf8Bytes(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent?: Frame;
  readonly key?: string | number;
}

/** `base.key[3].other`, each key cut to {@link MAX_KEY_CHARS}, the middle cut when it is long. */
function pathOf(base: string, frame: Frame): string {
  const keys: Array<string | number> = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  let path = base;
  for (const key of keys.reverse()) {
    if (typeof key === 'number') path += `[${key}]`;
    else {
      const name = key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS - 1)}…` : key;
      path += path ? `.${name}` : name;
    }
  }
  const max = 2 * PATH_END_CHARS + 1;
  return path.length <= max ? path : `${path.slice(0, PATH_END_CHARS)}…${path.slice(-PATH_END_CHARS)}`;
}

/** The fewest JSON bytes a value that is not a string or a container can take ("1", "true", "null"). */
const scalarBytes = (value: unknown): number => (typeof value === 'boolean' || value === null ? 4 : 1);

/** A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4). */
const MAX_BYTES_PER_UNIT = 3;

/** The most a string or scalar can count: strings at 3 bytes a UTF-16 unit, so none is scanned. */
const leafBytes = (value: unknown): number =>
  typeof value === 'string' ? value.length * MAX_BYTES_PER_UNIT + 2 : scalarBytes(value);

/**
 * What is left of `budget` after `value`, counting strings as {@link leafBytes} does, or -1 when
 * the budget runs out or `value` nests deeper than {@link MAX_DEPTH}. Recursive only into objects
 * and arrays (leaves are counted in the loop), so never deeper than MAX_DEPTH + 1 calls.
 */
function budgetAfter(value: unknown, depth: number, budget: number): number {
  if (typeof value !== 'object' || value === null) return budget - leafBytes(value);
  if (depth > MAX_DEPTH) return -1;
  let left = budget - 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) {
      const v = value[i];
      left = typeof v === 'object' && v !== null ? budgetAfter(v, depth + 1, left - 1) : left - 1 - leafBytes(v);
    }
  } else {
    // for…in may also visit inherited keys: more than the exact pass counts, so still an upper bound.
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      left -= key.length * MAX_BYTES_PER_UNIT + 3;
      left = typeof v === 'object' && v !== null ? budgetAfter(v, depth + 1, left) : left - leafBytes(v);
      if (left < 0) return -1;
    }
  }
  return left < 0 ? -1 : left;
}

/**
 * True when `value` is certainly within {@link checkBounds}'s limits, proved cheaply (see
 * budgetAfter): an ordinary event, far below the limit, needs nothing more; anything else (near or
 * over the limit, too deep) is left to the exact pass.
 */
const surelyWithin = (value: unknown, maxBytes: number): boolean => budgetAfter(value, 1, maxBytes) >= 0;

/**
 * Checks that `value` (an event, an SNS record, a parsed message) is at most `maxBytes` as JSON
 * and nested at most {@link MAX_DEPTH} levels, in one iterative pass that stops at the first
 * violation (so a 100 MB or 100,000-level input costs no more than a legal one). The size counted
 * is the least the value takes as JSON (no whitespace, shortest numbers), so nothing AWS could
 * have delivered is refused.
 *
 * @throws InputError at `path` when it is too large, or at the path of the first too-deep value.
 * @example checkBounds(event, 'Records[0]', MAX_EVENT_BYTES)
 */
export function checkBounds(value: unknown, path: string, maxBytes = MAX_EVENT_BYTES): void {
  if (surelyWithin(value, maxBytes)) return;
  const tooLarge = () => new InputError(`larger than ${kb(maxBytes)}, the most an event can be`, path);
  let bytes = 0;
  const stack: Frame[] = [{ value, depth: 1 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const v = frame.value;
    if (typeof v === 'string') bytes += utf8Bytes(v, maxBytes - bytes) + 2;
    else if (typeof v !== 'object' || v === null) bytes += scalarBytes(v);
    else {
      if (frame.depth > MAX_DEPTH) throw new InputError(`nested deeper than ${MAX_DEPTH} levels`, pathOf(path, frame));
      bytes += 2;
      const depth = frame.depth + 1;
      if (Array.isArray(v)) {
        // By index, not over a copy of the keys: a huge array stops at the limit, not after it.
        for (let i = 0; i < v.length && bytes <= maxBytes; i++, bytes++) {
          stack.push({ value: v[i], depth, parent: frame, key: i });
        }
      } else {
        for (const key of Object.keys(v)) {
          bytes += utf8Bytes(key, maxBytes - bytes) + 3;
          if (bytes > maxBytes) break;
          stack.push({ value: (v as Record<string, unknown>)[key], depth, parent: frame, key });
        }
      }
    }
    if (bytes > maxBytes) throw tooLarge();
  }
}

/**
 * Checks a message body before it is parsed: at most {@link MAX_MESSAGE_BYTES} of UTF-8, the most
 * SNS accepts in one message.
 * @throws InputError at `path` when it is larger.
 */
export function checkMessageText(text: string, path: string): void {
  // Short enough whatever its characters: no need to count them.
  if (text.length * MAX_BYTES_PER_UNIT <= MAX_MESSAGE_BYTES) return;
  const bytes = utf8Bytes(text, MAX_MESSAGE_BYTES);
  if (bytes > MAX_MESSAGE_BYTES) {
    throw new InputError(`message larger than ${kb(MAX_MESSAGE_BYTES)}, the most SNS accepts`, path);
  }
}
