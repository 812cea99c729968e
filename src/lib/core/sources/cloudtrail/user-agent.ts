import type { CloudTrailRecord } from './schemas';
import type { ViaKind } from './strings';

/** Longest user-agent excerpt shown next to the client kind. */
const MAX_USER_AGENT_CHARS = 60;

/**
 * User-agent tests in order; the first match names the client. Terraform and CloudFormation come
 * before the SDKs they are built on.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (userAgent)
 */
const userAgentKinds: ReadonlyArray<readonly [RegExp, ViaKind]> = [
  [/terraform/i, 'terraform'],
  [/cloudformation/i, 'cloudformation'],
  [/^aws-cli\//i, 'cli'],
  [/^(signin|console)\.amazonaws\.com$|^console\.[a-z0-9.-]+\.amazonaws\.com$|^Mozilla\/|S3Console\//i, 'console'],
  [/^AWS Internal/i, 'aws-internal'],
  [/aws-sdk|boto3|botocore|^APN\//i, 'sdk'],
  [/\.amazonaws\.com$/i, 'aws-service'],
];

/** Client kinds whose user agent adds nothing (a browser string). */
const quietKinds: ReadonlySet<ViaKind> = new Set(['console', 'aws-internal', 'unknown']);

/** How a call was made, and a short excerpt of the user agent when it tells more. */
export interface Via {
  readonly kind: ViaKind;
  readonly userAgent?: string;
}

/**
 * Classifies the client from `sessionCredentialFromConsole` and `userAgent`: console, AWS CLI,
 * Terraform, CloudFormation, an SDK, an AWS service, or other.
 *
 * @example describeVia({ userAgent: 'aws-cli/2.17.60 md/awscrt#0.21.2 …' }) // { kind: 'cli', userAgent: 'aws-cli/2.17.60' }
 */
export function describeVia(record: Pick<CloudTrailRecord, 'userAgent' | 'sessionCredentialFromConsole'>): Via {
  // A console session says it all (the console is quiet): no user-agent test to run.
  if (record.sessionCredentialFromConsole === 'true') return { kind: 'console' };
  const ua = record.userAgent?.trim() ?? '';
  if (ua === '') return { kind: 'unknown' };
  const match = userAgentKinds.find(([re]) => re.test(ua));
  const kind: ViaKind = match?.[1] ?? 'other';
  if (quietKinds.has(kind)) return { kind };
  // The token that named the client ("Terraform/1.9.0" inside an APN/… string), else the first one.
  const tokens = ua.split(/\s+/);
  const first = (match && tokens.find((t) => match[0].test(t))) ?? tokens[0] ?? ua;
  const excerpt = first.length <= MAX_USER_AGENT_CHARS ? first : `${first.slice(0, MAX_USER_AGENT_CHARS - 1)}…`;
  return { kind, userAgent: excerpt };
}
