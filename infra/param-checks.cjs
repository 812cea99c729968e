'use strict';

/**
 * What every infra/*.cjs resolver shares: the error for a bad `--param` and the checks used by more
 * than one of them.
 */

/**
 * Names the parameter, says what is wrong and shows an example. osls prints `error.stack`, so the
 * stack is the message alone: one line a user can act on, without frames.
 */
class ParameterError extends Error {
  constructor(name, problem, example) {
    super(`Invalid parameter "${name}": ${problem}. Example: --param="${name}=${example}"`);
    this.name = 'ParameterError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** "a, b,,c" → ['a', 'b', 'c']. */
const splitList = (value) =>
  String(value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** An IANA zone name, as Intl (and so src/lib/core/time.ts and EventBridge Scheduler) accepts it. */
function parseTimeZone(name, value) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch (cause) {
    throw new ParameterError(name, `"${value}" is not an IANA time zone (${cause.message})`, 'Asia/Tokyo');
  }
}

/** "true" or "false", any case. */
function parseBoolean(name, value) {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text !== 'true' && text !== 'false') throw new ParameterError(name, `"${value}" is not true or false`, 'false');
  return text === 'true';
}

module.exports = { ParameterError, splitList, parseTimeZone, parseBoolean };
