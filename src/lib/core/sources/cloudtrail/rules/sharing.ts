import { isRecord } from '../../../schemas/parse';
import { paramDetails } from '../details';
import { requestParam, succeeded } from '../record';
import type { RuleDescriptions, RuleDetails } from '../rule';
import type { CloudTrailRecord } from '../schemas';
import { defineRule } from './define';

/** The group that means "every AWS account" in EC2 launch and create-volume permissions. */
const EVERYONE = 'all';
const EC2_SHARING = ['ModifySnapshotAttribute', 'ModifyImageAttribute'];
const RDS_SHARING = ['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute'];

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Who an EC2 permission call adds: `createVolumePermission` (snapshots) or `launchPermission` (AMIs),
 * `add.items[]` of `{ group: "all" }` or `{ userId: "111122223333" }`.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html
 */
function ec2Grantees(r: CloudTrailRecord): string[] {
  return ['createVolumePermission', 'launchPermission'].flatMap((attribute) =>
    list(requestParam(r, `${attribute}.add.items`)).flatMap((item) => {
      if (!isRecord(item)) return [];
      const who = item.group ?? item.userId ?? item.organizationArn ?? item.organizationalUnitArn;
      return typeof who === 'string' ? [who] : [];
    }),
  );
}

/**
 * Who an RDS snapshot call adds to its `restore` attribute: account ids, or "all" for public.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html
 */
function rdsGrantees(r: CloudTrailRecord): string[] {
  if (requestParam(r, 'attributeName') !== 'restore') return [];
  return list(requestParam(r, 'valuesToAdd')).filter((v): v is string => typeof v === 'string');
}

const withGrantees =
  (base: (r: CloudTrailRecord) => RuleDetails, grantees: (r: CloudTrailRecord) => string[]) =>
  (r: CloudTrailRecord): RuleDetails => {
    const who = grantees(r);
    const details = base(r);
    if (who.length === 0) return details;
    return { ...details, params: [...details.params, ['shared with', who.join(', ')]], highlight: who.join(', ') };
  };

const ec2Details = withGrantees(
  paramDetails(
    [
      ['snapshotId', 'snapshot'],
      ['imageId', 'image'],
    ],
    ['attributeType'],
  ),
  ec2Grantees,
);
const rdsDetails = withGrantees(
  paramDetails(
    [
      ['dBSnapshotIdentifier', 'db-snapshot'],
      ['dBClusterSnapshotIdentifier', 'db-cluster-snapshot'],
    ],
    ['attributeName', 'valuesToRemove'],
  ),
  rdsGrantees,
);

/**
 * Snapshots and machine images shared outside the account (MITRE ATT&CK T1537, transfer data to a
 * cloud account): made public is critical; any other permission change is a warning, so a share with
 * one unknown account is still seen.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1
 */
export const sharingRules = [
  defineRule({
    id: 'ec2-snapshot-or-image-made-public',
    title: { en: 'EBS snapshot or AMI made public', ja: 'EBS スナップショットまたは AMI が公開されました' },
    severity: 'critical',
    eventSource: 'ec2.amazonaws.com',
    eventNames: EC2_SHARING,
    when: (r) => succeeded(r) && ec2Grantees(r).includes(EVERYONE),
    details: ec2Details,
    reference: 'Security Hub EC2.1',
  }),
  defineRule({
    id: 'ec2-snapshot-or-image-shared',
    title: {
      en: 'EBS snapshot or AMI permissions changed',
      ja: 'EBS スナップショットまたは AMI の権限が変更されました',
    },
    severity: 'warning',
    eventSource: 'ec2.amazonaws.com',
    eventNames: EC2_SHARING,
    details: ec2Details,
    reference: 'MITRE ATT&CK T1537',
  }),
  defineRule({
    id: 'rds-snapshot-made-public',
    title: { en: 'RDS snapshot made public', ja: 'RDS スナップショットが公開されました' },
    severity: 'critical',
    eventSource: 'rds.amazonaws.com',
    eventNames: RDS_SHARING,
    when: (r) => succeeded(r) && rdsGrantees(r).includes(EVERYONE),
    details: rdsDetails,
    reference: 'Security Hub RDS.1',
  }),
  defineRule({
    id: 'rds-snapshot-shared',
    title: { en: 'RDS snapshot sharing changed', ja: 'RDS スナップショットの共有設定が変更されました' },
    severity: 'warning',
    eventSource: 'rds.amazonaws.com',
    eventNames: RDS_SHARING,
    details: rdsDetails,
    reference: 'MITRE ATT&CK T1537',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const sharingRuleDescriptions: RuleDescriptions = {
  'ec2-snapshot-or-image-made-public':
    'An EBS snapshot or an AMI was shared with group "all": any AWS account can copy it.',
  'ec2-snapshot-or-image-shared':
    'The permissions or another attribute of an EBS snapshot or AMI changed, e.g. shared with an account.',
  'rds-snapshot-made-public': 'An RDS DB or cluster snapshot was shared with "all": any AWS account can restore it.',
  'rds-snapshot-shared': 'An RDS DB or cluster snapshot was shared with or unshared from other accounts.',
};
