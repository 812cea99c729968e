import { replaceEach } from '../../../render/replace';
import { paramDetails } from '../details';
import { requestParam, succeeded } from '../record';
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

/** Tests by event name for "this call made the bucket public". */
const madePublic: Record<string, (r: CloudTrailRecord) => boolean> = {
  PutBucketPolicy: policyIsPublic,
  PutBucketAcl: aclIsPublic,
  DeleteBucketPublicAccessBlock: () => true,
};

/**
 * S3 bucket access changes (CIS CloudWatch.8).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-8
 */
export const storageRules = [
  defineRule({
    id: 's3-bucket-made-public',
    title: { en: 'S3 bucket opened to the public', ja: 'S3 バケットが公開されました' },
    description:
      'A bucket policy allowing Principal "*" without conditions, a public ACL, or removal of the public access block.',
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
    description: 'A bucket ACL, policy, CORS, lifecycle, replication or public access block was changed.',
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
