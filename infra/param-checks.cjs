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

const { statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/**
 * Where Lambda unpacks the zip (LAMBDA_TASK_ROOT); a shipped file keeps its project-relative path there.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
const LAMBDA_TASK_ROOT = '/var/task';
/** Plain relative paths only: the same string is a file name here and a literal `package.patterns` glob. */
const PROJECT_FILE_PATH = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/**
 * The project-relative path of a file a parameter names (the rules file, the routing file), checked
 * to exist inside the project; '' when the parameter is empty.
 */
function checkProjectFile(name, value, example) {
  const file = path.posix.normalize(String(value ?? '').trim());
  if (file === '.' || file === '') return '';
  if (!PROJECT_FILE_PATH.test(file) || file.split('/').includes('..')) {
    throw new ParameterError(name, `"${value}" is not a relative path inside the project`, example);
  }
  if (!statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile()) {
    throw new ParameterError(name, `"${file}" is not a file (paths are relative to serverless.yml)`, example);
  }
  return file;
}

module.exports = {
  ParameterError,
  splitList,
  parseTimeZone,
  parseBoolean,
  checkProjectFile,
  LAMBDA_TASK_ROOT,
  ROOT,
};
