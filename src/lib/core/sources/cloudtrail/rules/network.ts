import { isRecord } from '../../../schemas/parse';
import { networkAclDetails, paramDetails, portsOpenToWorld, securityGroupDetails } from '../details';
import { requestParam, succeeded } from '../record';
import type { RuleDescriptions, RuleDetails } from '../rule';
import type { CloudTrailRecord } from '../schemas';
import { defineRule } from './define';

const EC2 = 'ec2.amazonaws.com';

/**
 * The flow logs a DeleteFlowLogs call names. EC2 records this call in its query-API shape:
 * `DeleteFlowLogsRequest.FlowLogId` is one `{ content, tag }` or a list of them.
 */
function flowLogDetails(r: CloudTrailRecord): RuleDetails {
  const raw = requestParam(r, 'DeleteFlowLogsRequest.FlowLogId') ?? requestParam(r, 'flowLogIds');
  const ids = (Array.isArray(raw) ? raw : [raw])
    .map((id) => (isRecord(id) ? id.content : id))
    .filter((id): id is string => typeof id === 'string' && id !== '');
  if (ids.length === 0) return { params: [] };
  return { target: { kind: 'flow-log', name: ids.join(', ') }, params: [['flowLogIds', ids.join(', ')]] };
}

/**
 * Network changes (CIS CloudWatch.10–14). Ingress from 0.0.0.0/0 or ::/0 is critical, and so is
 * deleting VPC flow logs, the record of who talked to what (Security Hub EC2.6).
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
 */
export const networkRules = [
  defineRule({
    id: 'security-group-open-to-world',
    title: { en: 'Security group opened to the internet', ja: 'セキュリティグループがインターネットに開放されました' },
    severity: 'critical',
    eventSource: EC2,
    eventNames: ['AuthorizeSecurityGroupIngress'],
    when: (r) => succeeded(r) && portsOpenToWorld(r).length > 0,
    details: securityGroupDetails,
    reference: 'CIS CloudWatch.10',
  }),
  defineRule({
    id: 'security-group-change',
    title: { en: 'Security group changed', ja: 'セキュリティグループが変更されました' },
    severity: 'warning',
    eventSource: EC2,
    eventNames: [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
    ],
    details: securityGroupDetails,
    reference: 'CIS CloudWatch.10',
  }),
  defineRule({
    id: 'network-acl-change',
    title: { en: 'Network ACL changed', ja: 'ネットワーク ACL が変更されました' },
    severity: 'warning',
    eventSource: EC2,
    eventNames: [
      'CreateNetworkAcl',
      'CreateNetworkAclEntry',
      'DeleteNetworkAcl',
      'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'ReplaceNetworkAclAssociation',
    ],
    details: networkAclDetails,
    reference: 'CIS CloudWatch.11',
  }),
  defineRule({
    id: 'network-gateway-change',
    title: { en: 'Network gateway changed', ja: 'ネットワークゲートウェイが変更されました' },
    severity: 'warning',
    eventSource: EC2,
    eventNames: [
      'CreateCustomerGateway',
      'DeleteCustomerGateway',
      'AttachInternetGateway',
      'CreateInternetGateway',
      'DeleteInternetGateway',
      'DetachInternetGateway',
    ],
    details: paramDetails(
      [
        ['internetGatewayId', 'gateway'],
        ['customerGatewayId', 'gateway'],
      ],
      ['vpcId', 'ipAddress', 'bgpAsn', 'type'],
    ),
    reference: 'CIS CloudWatch.12',
  }),
  defineRule({
    id: 'route-table-change',
    title: { en: 'Route table changed', ja: 'ルートテーブルが変更されました' },
    severity: 'warning',
    eventSource: EC2,
    eventNames: [
      'CreateRoute',
      'CreateRouteTable',
      'ReplaceRoute',
      'ReplaceRouteTableAssociation',
      'DeleteRouteTable',
      'DeleteRoute',
      'DisassociateRouteTable',
    ],
    details: paramDetails(
      [
        ['routeTableId', 'route-table'],
        ['associationId', 'route-table'],
      ],
      [
        'vpcId',
        'subnetId',
        'destinationCidrBlock',
        'destinationIpv6CidrBlock',
        'gatewayId',
        'natGatewayId',
        'transitGatewayId',
        'vpcPeeringConnectionId',
        'instanceId',
        'networkInterfaceId',
      ],
    ),
    reference: 'CIS CloudWatch.13',
  }),
  defineRule({
    id: 'vpc-flow-logs-deleted',
    title: { en: 'VPC flow logs deleted', ja: 'VPC フローログが削除されました' },
    severity: 'critical',
    eventSource: EC2,
    eventNames: ['DeleteFlowLogs'],
    when: succeeded,
    details: flowLogDetails,
    reference: 'Security Hub EC2.6',
  }),
  defineRule({
    id: 'vpc-change',
    title: { en: 'VPC changed', ja: 'VPC が変更されました' },
    severity: 'warning',
    eventSource: EC2,
    eventNames: [
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
      'DeleteFlowLogs',
    ],
    details: paramDetails(
      [
        ['vpcId', 'vpc'],
        ['vpcPeeringConnectionId', 'vpc-peering'],
      ],
      ['cidrBlock', 'peerVpcId', 'peerOwnerId', 'peerRegion', 'instanceId', 'enableDnsSupport', 'enableDnsHostnames'],
    ),
    reference: 'CIS CloudWatch.14',
  }),
];

/**
 * What each rule above reports, one sentence for `notifier rules`. Kept apart from the rules: only
 * the CLI imports it (through ./descriptions.ts), so the function bundles carry none of it.
 */
export const networkRuleDescriptions: RuleDescriptions = {
  'security-group-open-to-world':
    'An ingress rule from 0.0.0.0/0 or ::/0 was added to a security group (the ports are shown).',
  'security-group-change': 'A security group was created or deleted, or its ingress or egress rules changed.',
  'network-acl-change': 'A network ACL or one of its entries or associations was created, changed or deleted.',
  'network-gateway-change': 'A customer or internet gateway was created, deleted, attached or detached.',
  'route-table-change': 'A route table, route or route-table association was created, replaced or deleted.',
  'vpc-flow-logs-deleted':
    'Flow logs of a VPC, subnet or network interface were deleted: network traffic is no longer recorded.',
  'vpc-change':
    'A VPC, VPC peering connection or ClassicLink setting was created, changed or deleted, or deleting flow logs was attempted.',
};
