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
const path = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');
const { checkProjectFile, LAMBDA_TASK_ROOT, ParameterError, ROOT } = require('./param-checks.cjs');
const resolveParams = require('./params.cjs');

const EXAMPLE = 'notifier-rules.json';

/** Loads a TypeScript module of src/ (CommonJS through tsx; cached by require). */
const source = (file) => tsxRequire(`../src/${file}`, __filename);

/**
 * The api-call function's rule set (for its EventBridge rules, infra/source-events.cjs) and the
 * rules file it ships (pure apart from reading the file).
 * @throws ParameterError naming `rulesFile` and carrying the ConfigError's one-line message
 */
async function apiCallConfig(rulesFileParam) {
  const file = checkProjectFile('rulesFile', rulesFileParam, EXAMPLE);
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
