'use strict';

/**
 * What `npm run deploy` checks before `osls deploy`: the Slack webhook parameter exists in the region
 * the stack goes to. The slack function reads it in its own region; a parameter created in another one
 * (a CLI whose default region differs) would send every Slack message to the dead-letter queue.
 */

const DEFAULT_PARAMETER = '/notifier/slack-webhook-url';
/** The check waits at most this long for SSM; a deploy takes minutes, a missing answer is not a reason to stop. */
const CHECK_TIMEOUT_MS = 10_000;

/** The value of `--flag value` or `--flag=value` in `args`, or undefined. */
function flag(args, ...names) {
  for (let i = 0; i < args.length; i += 1) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

/** The `--param="key=value"` value for `key`, the last one winning (as osls reads them). */
function param(args, key) {
  let value;
  for (let i = 0; i < args.length; i += 1) {
    const raw = args[i] === '--param' ? args[i + 1] : args[i].startsWith('--param=') ? args[i].slice(8) : undefined;
    if (raw?.startsWith(`${key}=`)) value = raw.slice(key.length + 1);
  }
  return value;
}

/**
 * Where and what to check, from the deploy arguments.
 * @returns `{ region, parameter }`, or `{ error }` with one line saying what is missing
 */
function deployTarget(args) {
  const region = flag(args, '--region', '-r');
  if (!region) {
    return {
      error:
        'npm run deploy needs --region REGION (e.g. -- --region ap-northeast-1): the stack and its Slack webhook parameter live in that region',
    };
  }
  return { region, parameter: param(args, 'slackWebhookParameter') || DEFAULT_PARAMETER };
}

/** As JSON input: AWS CLI v1 would fetch a `--value` that starts with https:// instead of storing it. */
const putCommand = (region, parameter) =>
  `aws ssm put-parameter --region ${region} --cli-input-json '${JSON.stringify({ Name: parameter, Type: 'SecureString', Value: 'https://hooks.slack.com/services/…' })}'`;

/**
 * Checks the parameter with `ssm.getParameter` (an SSM client of the deploy region; no decryption, so
 * the value never leaves SSM in clear and needs no KMS permission).
 * @returns `{ level: 'ok' | 'skip' | 'fail', message }`: `fail` stops the deploy, `skip` says why it could not check
 */
async function checkSlackParameter({ send, region, parameter }) {
  try {
    const { Parameter } = await send(parameter, AbortSignal.timeout(CHECK_TIMEOUT_MS));
    if (Parameter?.Type !== 'SecureString') {
      return {
        level: 'ok',
        message: `${parameter} exists in ${region} but is a ${Parameter?.Type}, not a SecureString: anyone who can read parameters can read the webhook URL`,
      };
    }
    return { level: 'ok', message: `${parameter} exists in ${region}` };
  } catch (error) {
    const name = error?.name ?? '';
    if (name === 'ParameterNotFound') {
      return {
        level: 'fail',
        message: `the Slack webhook parameter ${parameter} does not exist in ${region}, so every Slack message would fail. Create it first: ${putCommand(region, parameter)}`,
      };
    }
    if (name === 'CredentialsProviderError') {
      return { level: 'skip', message: `skipped: no AWS credentials, so ${parameter} in ${region} is not checked` };
    }
    return { level: 'skip', message: `skipped: could not read ${parameter} in ${region} (${name || error?.message})` };
  }
}

module.exports = { deployTarget, checkSlackParameter, DEFAULT_PARAMETER };
