'use strict';

/**
 * The api-call function's rules file: serverless.yml reads `${file(./infra/api-call.cjs):rulesFile}`
 * and `:packagePatterns`; infra/source-events.cjs turns the rule set into EventBridge rules.
 *
 * The TypeScript modules are loaded at package time through tsx's CommonJS API, so the user rules
 * file is read and validated by the same `loadRuleSet` the Lambda calls: a file the function would
 * reject fails packaging instead, and a user rule gets its own EventBridge pattern.
 *
 * IAM, Organizations, STS (global endpoint) and console sign-in events reach EventBridge in
 * us-east-1 only, so rules for them fire only in a stack deployed there:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
 */
const { statSync } = require('node:fs');
const path = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');
const { ParameterError } = require('./param-checks.cjs');
const resolveParams = require('./params.cjs');

const ROOT = path.resolve(__dirname, '..');
/**
 * Where Lambda unpacks the zip (LAMBDA_TASK_ROOT); the rules file keeps its project-relative path there.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
const LAMBDA_TASK_ROOT = '/var/task';
/** Plain relative paths only: the same string is a file name here and a literal `package.patterns` glob. */
const RULES_FILE_PATH = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const EXAMPLE = 'notifier-rules.json';

/** Loads a TypeScript module of src/ (CommonJS through tsx; cached by require). */
const source = (file) => tsxRequire(`../src/${file}`, __filename);

/** The project-relative path of the rules file, checked to exist inside the project ('' = none). */
function checkRulesFile(value) {
  const file = path.posix.normalize(String(value ?? '').trim());
  if (file === '.' || file === '') return '';
  if (!RULES_FILE_PATH.test(file) || file.split('/').includes('..')) {
    throw new ParameterError('rulesFile', `"${value}" is not a relative path inside the project`, EXAMPLE);
  }
  if (!statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile()) {
    throw new ParameterError('rulesFile', `"${file}" is not a file (paths are relative to serverless.yml)`, EXAMPLE);
  }
  return file;
}

/**
 * The api-call function's rule set (for its EventBridge rules, infra/source-events.cjs) and the
 * rules file it ships (pure apart from reading the file).
 * @throws ParameterError naming `rulesFile` and carrying the ConfigError's one-line message
 */
async function apiCallConfig(rulesFileParam) {
  const file = checkRulesFile(rulesFileParam);
  const { loadRuleSet } = source('lib/adapters/rules-file.ts');
  let ruleSet;
  try {
    ruleSet = await loadRuleSet(file === '' ? undefined : path.join(ROOT, file));
  } catch (error) {
    throw new ParameterError('rulesFile', error.message, EXAMPLE);
  }
  return {
    ruleSet,
    rulesFile: file === '' ? '' : `${LAMBDA_TASK_ROOT}/${file}`,
    packagePatterns: file === '' ? [] : [file],
  };
}

module.exports = async (resolver) => apiCallConfig((await resolveParams(resolver)).rulesFile);
module.exports.apiCallConfig = apiCallConfig;
module.exports.source = source;
