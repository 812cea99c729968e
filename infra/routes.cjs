'use strict';

/**
 * The slack function's routing file: serverless.yml reads `${file(./infra/routes.cjs):routesFile}`
 * (the ROUTES_FILE environment variable: where the file is inside the zip) and `:packagePatterns`
 * (the file, shipped in the slack function's zip).
 *
 * The file is read and validated at package time by the same `loadRoutingFile` the function and
 * `notifier routes --check` use (through tsx, as infra/api-call.cjs loads the rules file): a file the
 * function would reject fails packaging, with one line per problem. Warnings (unused destinations,
 * unreachable routes) are printed and do not fail.
 */
const path = require('node:path');
const { checkProjectFile, LAMBDA_TASK_ROOT, ParameterError, ROOT } = require('./param-checks.cjs');
const { source } = require('./api-call.cjs');
const resolveParams = require('./params.cjs');

const EXAMPLE = 'routes.json';

/**
 * The routing file's settings for the template, and what it names: the SSM parameters holding
 * destination secrets (for the function's IAM policy) and the SNS topics of email destinations.
 * @throws ParameterError naming `routesFile` and carrying every problem, one per line
 */
async function routesConfig(routesFileParam, warn = (line) => console.warn(`Warning: ${line}`)) {
  const file = checkProjectFile('routesFile', routesFileParam, EXAMPLE);
  if (file === '') return { routesFile: '', packagePatterns: [], parameters: [], topics: [] };
  const { loadRoutingFile } = source('lib/adapters/routes-file.ts');
  let parsed;
  try {
    parsed = await loadRoutingFile(path.join(ROOT, file));
  } catch (error) {
    const lines = error.lines ?? [error.message];
    throw new ParameterError('routesFile', lines.join('; '), EXAMPLE);
  }
  for (const line of parsed.warnings) warn(line);
  const destinations = Object.values(parsed.routing.file.destinations);
  return {
    routesFile: `${LAMBDA_TASK_ROOT}/${file}`,
    packagePatterns: [file],
    parameters: [...new Set(destinations.flatMap((d) => (d.parameter ? [d.parameter] : [])))],
    topics: [...new Set(destinations.flatMap((d) => (d.topic ? [d.topic] : [])))],
  };
}

module.exports = async (resolver) => routesConfig((await resolveParams(resolver)).routesFile);
module.exports.routesConfig = routesConfig;
