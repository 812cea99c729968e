'use strict';

/**
 * Deployment parameters: read once, validated, and turned into the values the template needs.
 *
 * serverless.yml declares the defaults in `params.default`; users override them with
 * `--param="key=value"`. The template refers to the derived values as
 * `${file(./infra/params.cjs):<key>}`. osls (Serverless Framework v3) calls an exported function
 * with `{ options, resolveVariable, resolveConfigurationProperty }` and then reads `<key>` from
 * the object it returns:
 * https://www.serverless.com/framework/docs/providers/aws/guide/variables#exporting-a-function
 *
 * Failing here, at package time, beats a Lambda that fails on its first alarm.
 */

const { ParameterError, parseBoolean, parseTimeZone, splitList } = require('./param-checks.cjs');
const { deriveDigestParams, DIGEST_PARAM_NAMES } = require('./digest-params.cjs');

/** Severities of a Notification (src/lib/core/notification.ts); subscriptions filter on them. */
const SEVERITIES = ['critical', 'warning', 'info', 'ok'];
const LOCALES = ['en', 'ja'];
/** `findingsMinSeverity` values (src/lib/core/sources/source.ts FINDINGS_MIN_SEVERITIES). */
const FINDINGS_MIN_SEVERITIES = ['critical', 'warning', 'info'];
/** Categories with their own email severities; every other category uses `emailSeverities`. */
const OWN_EMAIL_CATEGORIES = ['api-call', 'finding'];
const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'];
/** Must stay well under the alarm function's timeout (serverless.yml), which also covers the publish. */
const MAX_TARGET_HEALTH_TIMEOUT_MS = 10_000;
/** CloudWatch alarm names are at most 255 characters, so a longer prefix can never match:
 *  https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html */
const MAX_ALARM_NAME_LENGTH = 255;
/** Flapping: at most this many changes (src/lib/core/flapping/history.ts MAX_FLAP_THRESHOLD), 0 = off. */
const MAX_FLAP_THRESHOLD = 63;
/** Flapping window, at most a day (src/lib/config.ts MAX_FLAP_WINDOW_MINUTES). */
const MAX_FLAP_WINDOW_MINUTES = 1440;
/** Deliberately loose: SNS sends a confirmation mail, which is the real check. */
const EMAIL_PATTERN = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[^\s@,;<>"']+$/;
const PARAM_NAMES = [
  'alertEmail',
  'slackWebhookParameter',
  'locale',
  'timeZone',
  'alarmNamePrefixes',
  'emailSeverities',
  'emailApiCallSeverities',
  'emailFindingSeverities',
  'findingsMinSeverity',
  'reportInsufficientDataToOk',
  'excludedAlarmNamePrefixes',
  'accountNames',
  'lookUpAccountNames',
  'reportAlarmsWithActionsDisabled',
  'accessDeniedBurstThreshold',
  'accessDeniedBurstWindowMinutes',
  'slackSeverities',
  'targetHealthTimeoutMs',
  'flapThreshold',
  'flapWindowMinutes',
  'logLevel',
  'rulesFile',
  'routesFile',
  ...DIGEST_PARAM_NAMES,
];

function parseEmails(value) {
  const emails = splitList(value);
  const invalid = emails.filter((email) => !EMAIL_PATTERN.test(email));
  if (invalid.length > 0) {
    throw new ParameterError(
      'alertEmail',
      `not an email address: ${invalid.join(', ')}`,
      'ops@example.com,oncall@example.com',
    );
  }
  // Same address twice would be two subscriptions with one logical ID; keep the first spelling.
  const seen = new Set();
  return emails.filter((email) => !seen.has(email.toLowerCase()) && seen.add(email.toLowerCase()));
}

function parseSeverities(name, value) {
  const severities = [...new Set(splitList(value).map((item) => item.toLowerCase()))];
  const unknown = severities.filter((severity) => !SEVERITIES.includes(severity));
  if (severities.length === 0 || unknown.length > 0) {
    const problem = unknown.length > 0 ? `unknown severity ${unknown.join(', ')}` : 'empty';
    throw new ParameterError(name, `${problem} (allowed: ${SEVERITIES.join(', ')})`, 'critical,warning');
  }
  return severities;
}

/**
 * The email subscriptions' filter: API-call alerts and security findings (which go to Slack anyway)
 * only at `emailApiCallSeverities` and `emailFindingSeverities` (critical by default), every other
 * category at `emailSeverities`. SNS `$or` filter policies:
 * https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html
 */
function emailFilterPolicy(raw) {
  const severities = parseSeverities('emailSeverities', raw.emailSeverities);
  const apiCall = parseSeverities('emailApiCallSeverities', raw.emailApiCallSeverities);
  const finding = parseSeverities('emailFindingSeverities', raw.emailFindingSeverities);
  return {
    $or: [
      { category: ['api-call'], severity: apiCall },
      { category: ['finding'], severity: finding },
      { category: [{ 'anything-but': OWN_EMAIL_CATEGORIES }], severity: severities },
    ],
  };
}

function parsePrefixes(value) {
  const prefixes = splitList(value);
  const tooLong = prefixes.filter((prefix) => prefix.length > MAX_ALARM_NAME_LENGTH);
  if (tooLong.length > 0) {
    throw new ParameterError('alarmNamePrefixes', `longer than ${MAX_ALARM_NAME_LENGTH} characters`, 'prod-,billing-');
  }
  return prefixes;
}

/** "111122223333=prod, 444455556666=staging" (src/lib/core/accounts.ts reads the same at run time). */
function parseAccountNames(value) {
  const entries = splitList(value);
  const bad = entries.find((entry) => !/^\d{12}\s*=\s*\S/.test(entry));
  if (bad !== undefined) {
    throw new ParameterError(
      'accountNames',
      `"${bad}" is not ACCOUNT_ID=NAME (a 12-digit account id, then a name)`,
      '111122223333=prod',
    );
  }
  return entries.join(',');
}

/** `none`, or alarm name prefixes; the function reads "none" as "exclude nothing" (src/lib/config.ts). */
function parseExcludedPrefixes(value) {
  const text = String(value ?? '').trim();
  if (text === 'none') return text;
  const prefixes = splitList(text);
  if (prefixes.length === 0 || prefixes.some((prefix) => prefix.length > MAX_ALARM_NAME_LENGTH)) {
    throw new ParameterError(
      'excludedAlarmNamePrefixes',
      `"${text}" is neither none nor alarm name prefixes of up to ${MAX_ALARM_NAME_LENGTH} characters`,
      'TargetTracking-',
    );
  }
  return prefixes.join(',');
}

function oneOf(name, value, allowed) {
  if (!allowed.includes(value)) {
    throw new ParameterError(name, `"${value}" is not one of ${allowed.join(', ')}`, allowed[0]);
  }
  return value;
}

function parseTimeout(value) {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TARGET_HEALTH_TIMEOUT_MS) {
    throw new ParameterError(
      'targetHealthTimeoutMs',
      `"${value}" is not an integer from 1 to ${MAX_TARGET_HEALTH_TIMEOUT_MS}`,
      '2000',
    );
  }
  return String(ms);
}

/** A whole number from `min` to `max`, as the string the environment variable gets. */
function parseWholeNumber(name, value, min, max, example) {
  const text = String(value ?? '').trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new ParameterError(name, `"${value}" is not a whole number from ${min} to ${max}`, example);
  }
  return String(n);
}

/** Bounds of the access-denied burst parameters (src/lib/config.ts checks the same at run time). */
const MAX_ACCESS_DENIED_BURST_THRESHOLD = 50;
const MAX_ACCESS_DENIED_BURST_WINDOW_MINUTES = 1440;

function parseParameterName(value) {
  const name = String(value ?? '').trim();
  // SSM names: letters, digits and . - _ /, hierarchies start with "/":
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html
  if (!/^\/?[A-Za-z0-9_.\-/]+$/.test(name) || name.includes('//')) {
    throw new ParameterError(
      'slackWebhookParameter',
      `"${name}" is not an SSM parameter name`,
      '/notifier/slack-webhook-url',
    );
  }
  return name;
}

/** The ARN of a parameter: a hierarchical name already starts with "/". */
const parameterArn = (name) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ssm:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:parameter${name.startsWith('/') ? '' : '/'}${name}`,
    ],
  ],
});

/**
 * Validates raw parameter values and derives the template values. Pure, so it is unit-tested.
 * `ownAlarmPrefix` names this stack's own alarms (dead-letter queues): when the user narrows the
 * alarms with prefixes, ours are added so a failing notifier still reports itself.
 */
function deriveParams(raw, ownAlarmPrefix) {
  const userPrefixes = parsePrefixes(raw.alarmNamePrefixes);
  const prefixes = userPrefixes.length > 0 ? [...new Set([...userPrefixes, ownAlarmPrefix])] : [];
  const slackWebhookParameter = parseParameterName(raw.slackWebhookParameter);
  const timeZone = parseTimeZone('timeZone', String(raw.timeZone ?? ''));
  return {
    alertEmails: parseEmails(raw.alertEmail),
    emailFilterPolicy: emailFilterPolicy(raw),
    slackFilterPolicy: { severity: parseSeverities('slackSeverities', raw.slackSeverities) },
    alarmNamePrefixes: prefixes.join(','),
    slackWebhookParameter,
    slackWebhookParameterArn: parameterArn(slackWebhookParameter),
    locale: oneOf('locale', String(raw.locale ?? ''), LOCALES),
    timeZone,
    targetHealthTimeoutMs: parseTimeout(raw.targetHealthTimeoutMs),
    // Unset (an older serverless.yml) means the defaults; 0 changes turns the flapping check off.
    flapThreshold: parseWholeNumber('flapThreshold', raw.flapThreshold ?? '4', 0, MAX_FLAP_THRESHOLD, '4'),
    flapWindowMinutes: parseWholeNumber(
      'flapWindowMinutes',
      raw.flapWindowMinutes ?? '10',
      1,
      MAX_FLAP_WINDOW_MINUTES,
      '10',
    ),
    findingsMinSeverity: oneOf(
      'findingsMinSeverity',
      String(raw.findingsMinSeverity ?? '')
        .trim()
        .toLowerCase(),
      FINDINGS_MIN_SEVERITIES,
    ),
    accountNames: parseAccountNames(raw.accountNames),
    lookUpAccountNames: String(parseBoolean('lookUpAccountNames', raw.lookUpAccountNames)),
    reportInsufficientDataToOk: String(parseBoolean('reportInsufficientDataToOk', raw.reportInsufficientDataToOk)),
    excludedAlarmNamePrefixes: parseExcludedPrefixes(raw.excludedAlarmNamePrefixes),
    reportAlarmsWithActionsDisabled: String(
      parseBoolean('reportAlarmsWithActionsDisabled', raw.reportAlarmsWithActionsDisabled),
    ),
    accessDeniedBurstThreshold: parseWholeNumber(
      'accessDeniedBurstThreshold',
      raw.accessDeniedBurstThreshold,
      1,
      MAX_ACCESS_DENIED_BURST_THRESHOLD,
      '5',
    ),
    accessDeniedBurstWindowMinutes: parseWholeNumber(
      'accessDeniedBurstWindowMinutes',
      raw.accessDeniedBurstWindowMinutes,
      1,
      MAX_ACCESS_DENIED_BURST_WINDOW_MINUTES,
      '10',
    ),
    logLevel: oneOf('logLevel', String(raw.logLevel ?? '').toUpperCase(), LOG_LEVELS),
    // Checked, loaded and turned into EventBridge rules by infra/api-call.cjs.
    rulesFile: String(raw.rulesFile ?? '').trim(),
    // Checked, validated and shipped in the slack function's zip by infra/routes.cjs.
    routesFile: String(raw.routesFile ?? '').trim(),
    ...deriveDigestParams(raw, timeZone),
  };
}

/** What osls calls: reads every parameter through its resolver, then derives. */
async function resolveParams({ resolveVariable }) {
  const values = await Promise.all(PARAM_NAMES.map((name) => resolveVariable(`param:${name}`)));
  const raw = Object.fromEntries(PARAM_NAMES.map((name, index) => [name, values[index]]));
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  return deriveParams(raw, `${service}-${stage}-`);
}

module.exports = resolveParams;
module.exports.deriveParams = deriveParams;
module.exports.ParameterError = ParameterError;
module.exports.SEVERITIES = SEVERITIES;
