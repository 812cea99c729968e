import { replaceEach } from '../../../render/replace';
import { paramDetails } from '../details';
import { requestParam, succeeded } from '../record';
import type { RuleDescriptions } from '../rule';
import type { CloudTrailRecord } from '../schemas';
import { defineRule } from './define';

const S3 = 's3.amazonaws.com';
/** Canned ACLs that grant access to everyone, or to every AWS account. */
const PUBLIC_CANNED_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
/** Grantee groups meaning everyone / every AWS account. */
const PUBLIC_GRANTEES = /\/global\/(AllUsers|AuthenticatedUsers)$/;

const bucketDetails = paramDetails(
  [['bucketName', 'bucket']],
  ['x-amz-acl', 'bucketPolicy', 'PublicAccessBlockConfiguration'],
);

const toArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isAnyone = (principal: unknown): boolean =>
  principal === '*' ||
  (typeof principal === 'object' && principal !== null && toArray((principal as { AWS?: unknown }).AWS).includes('*'));

/** A bucket policy statement that allows anyone, with no condition narrowing it. */
function policyIsPublic(r: CloudTrailRecord): boolean {
  let policy = requestParam(r, 'bucketPolicy');
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return false;
    }
  }
  const statements = toArray((policy as { Statement?: unknown } | undefined)?.Statement);
  return statements.some((s) => {
    const st = s as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
    return st.Effect === 'Allow' && isAnyone(st.Principal) && st.Condition === undefined;
  });
}

function aclIsPublic(r: CloudTrailRecord): boolean {
  const canned = toArray(requestParam(r, 'x-amz-acl'));
  const granted = JSON.stringify(requestParam(r, 'AccessControlPolicy') ?? '');
  return (
    canned.some((a) => PUBLIC_CANNED_ACLS.includes(String(a))) || PUBLIC_GRANTEES.test(replaceEach(granted, /"/g, ''))
  );
}

/** The four switches of S3 Block Public Access; a switch left out of a Put is off. */
const BLOCK_PUBLIC_ACCESS_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
const isOn = (v: unknown) => v === true || v === 'true';

/**
 * True when an account-level Block Public Access call leaves a switch off: the configuration was
 * deleted, or a Put sets (or leaves out) one of the four. A Put whose configuration CloudTrail did not
 * record cannot be judged and stays with the warning rule.
 */
function accountBlockWeakened(r: CloudTrailRecord): boolean {
  if (r.eventName === 'DeleteAccountPublicAccessBlock') return true;
  const config = requestParam(r, 'PublicAccessBlockConfiguration');
  if (typeof config !== 'object' || config === null) return false;
  return BLOCK_PUBLIC_ACCESS_FLAGS.some((flag) => !isOn((config as Record<string, unknown>)[flag]));
}
const accountBlockDetails = paramDetails([], ['PublicAccessBlockConfiguration']);
/**
 * CloudTrail names the S3 Control account-level calls (DeletePublicAccessBlock,
 * PutPublicAccessBlock) after the permission: DeleteAccountPublicAccessBlock and
 * PutAccountPublicAccessBlock, with event source s3.amazonaws.com.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html#cloudtrail-account-level-tracking
 */
const ACCOUNT_BLOCK_CALLS = ['DeleteAccountPublicAccessBlock', 'PutAccountPublicAccessBlock'];

/** Tests by event name for "this call made the bucket public". */
const madePublic: Record<string, (r: CloudTrailRecord) => boolean> = {
  PutBucketPolicy: policyIsPublic,
  PutBucketAcl: aclIsPublic,
  DeleteBucketPublicAccessBlock: () => true,
};

/**
 * S3 bucket access changes (CIS CloudWatch.8), and the account-level Block Public Access that
 * overrides every bucket (Security Hub S3.1).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-8
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1
 */
export const storageRules = [
  defineRule({
    id: 's3-account-public-access-block-removed',
    title: {
      en: 'Account-level S3 Block Public Access removed or weakened',
      ja: 'アカウントの S3 ブロックパブリックアクセスが削除または緩和されました',
    },
    severity: 'critical',
    eventSource: S3,
    eventNames: ACCOUNT_BLOCK_CALLS,
    when: (r) => succeeded(r) && accountBlockWeakened(r),
    details: accountBlockDetails,
    reference: 'Security Hub S3.1',
  }),
  defineRule({
    id: 's3-account-public-access-block-change',
    title: {
      en: 'Account-level S3 Block Public Access changed',
      ja: 'アカウントの S3 ブロックパブリックアクセス設定が変更されました',
    },
    severity: 'warning',
    eventSource: S3,
    eventNames: ACCOUNT_BLOCK_CALLS,
    details: accountBlockDetails,
    reference: 'Security Hub S3.1',
  }),
  defineRule({
    id: 's3-bucket-made-public',
    title: { en: 'S3 bucket opened to the public', ja: 'S3 バケットが公開されました' },
    severity: 'critical',
    eventSource: S3,
    eventNames: Object.keys(madePublic),
    when: (r) => succeeded(r) && (madePublic[r.eventName]?.(r) ?? false),
    details: bucketDetails,
    reference: 'CIS CloudWatch.8',
  }),
  defineRule({
    id: 's3-bucket-policy-change',
    title: { en: 'S3 bucket access changed', ja: 'S3 バケットのアクセス設定が変更されました' },
    severity: 'warning',
    eventSource: S3,
    eventNames: [
      'PutBucketAcl',
      'PutBucketPolicy',
      'PutBucketCors',
      'PutBucketLifecycle',
      'PutBucketReplication',
      'DeleteBucketPolicy',
      'DeleteBucketCors',
      'DeleteBucketLifecycle',
      'DeleteBucketReplication',
      'PutBucketPublicAccessBlock',
      'DeleteBucketPublicAccessBlock',
    ],
    details: bucketDetails,
    reference: 'CIS CloudWatch.8',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const storageRuleDescriptions: RuleDescriptions = {
  's3-account-public-access-block-removed':
    'The account-level S3 Block Public Access configuration was deleted or one of its four settings turned off: every bucket may now be made public.',
  's3-account-public-access-block-change':
    'The account-level S3 Block Public Access configuration was set, or a change to it failed.',
  's3-bucket-made-public':
    'A bucket policy allowing Principal "*" without conditions, a public ACL, or removal of the public access block.',
  's3-bucket-policy-change': 'A bucket ACL, policy, CORS, lifecycle, replication or public access block was changed.',
};
