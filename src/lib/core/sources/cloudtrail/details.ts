import { requestParam, showValue } from './record';
import type { RuleDetails } from './rule';
import type { CloudTrailRecord } from './schemas';
import type { TargetKind } from './strings';

/** Layout choice: parameters shown for a call no rule describes specially. */
const MAX_GENERIC_PARAMS = 5;

/**
 * A details extractor from parameter names: the first of `targets` present names the target, and
 * every listed parameter present (targets included) is shown.
 *
 * @example paramDetails([['name', 'trail']], ['s3BucketName'])
 */
export function paramDetails(
  targets: ReadonlyArray<readonly [string, TargetKind]>,
  extra: readonly string[] = [],
): (record: CloudTrailRecord) => RuleDetails {
  const paths = [...targets.map(([path]) => path), ...extra];
  return function describeParams(record) {
    // Plain loops: this runs for most matched calls, and the chained map/find/filter allocated a
    // pair and a closure per parameter.
    let target: { kind: TargetKind; name: string } | undefined;
    const params: Array<readonly [string, string]> = [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as string;
      const shown = showValue(requestParam(record, path));
      if (shown === undefined) continue;
      if (target === undefined && i < targets.length)
        target = { kind: (targets[i] as readonly [string, TargetKind])[1], name: shown };
      params.push([path, shown]);
    }
    return target ? { target, params } : { params };
  };
}

/** The first few scalar request parameters, for rules without their own extractor. */
export function genericDetails(record: CloudTrailRecord): RuleDetails {
  const params: Array<readonly [string, string]> = [];
  const parameters = record.requestParameters ?? {};
  let scalars = 0;
  for (const k in parameters) {
    if (!Object.hasOwn(parameters, k)) continue;
    const v = parameters[k];
    const type = typeof v;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') continue;
    if (scalars++ === MAX_GENERIC_PARAMS) break;
    const shown = showValue(v) ?? '';
    if (shown !== '') params.push([k, shown]);
  }
  return { params };
}

/** IP protocol numbers CloudTrail records for network ACLs, and "-1" for all. */
const protocolNames: Readonly<Record<string, string>> = {
  '-1': 'all traffic',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '58': 'icmpv6',
};

/** A port as a number: the console records `"fromPort": "443"`, SDKs `443`. */
function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined;
}

/** "tcp 22", "tcp 1024-65535", "all traffic", "icmp"; ports may be numbers or numeric strings. */
export function describePorts(protocol: unknown, fromPort: unknown, toPort: unknown): string {
  const name = protocolNames[String(protocol)] ?? String(protocol ?? '?');
  const from = portNumber(fromPort);
  const to = portNumber(toPort);
  if (name === 'all traffic' || from === undefined || from < 0) return name;
  return from === to || to === undefined ? `${name} ${from}` : `${name} ${from}-${to}`;
}

const items = (value: unknown): Array<Record<string, unknown>> => {
  const list = (value as { items?: unknown } | undefined)?.items;
  return Array.isArray(list)
    ? list.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    : [];
};

/** The address ranges that mean "anyone on the internet". */
export const WORLD_CIDRS: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

interface Permission {
  readonly ports: string;
  readonly sources: string[];
}

/** The permissions of a security-group call: `ipPermissions.items`, or the legacy top-level form. */
function permissions(record: CloudTrailRecord): Permission[] {
  const listed = items(requestParam(record, 'ipPermissions')).map((p) => ({
    ports: describePorts(p.ipProtocol, p.fromPort, p.toPort),
    sources: [
      ...items(p.ipRanges).map((r) => r.cidrIp),
      ...items(p.ipv6Ranges).map((r) => r.cidrIpv6),
      ...items(p.prefixListIds).map((r) => r.prefixListId),
      ...items(p.groups).map((r) => r.groupId ?? r.groupName),
    ].filter((s): s is string => typeof s === 'string'),
  }));
  const cidr = requestParam(record, 'cidrIp');
  if (typeof cidr !== 'string') return listed;
  const legacy = {
    ports: describePorts(
      requestParam(record, 'ipProtocol'),
      requestParam(record, 'fromPort'),
      requestParam(record, 'toPort'),
    ),
    sources: [cidr],
  };
  return [...listed, legacy];
}

/**
 * "from" for ingress, "to" for egress: the address range of an egress rule is where traffic may go.
 * The Egress calls (AuthorizeSecurityGroupEgress, RevokeSecurityGroupEgress…) carry egress
 * permissions; others may say so with `egress: true`.
 */
const directionOf = (record: CloudTrailRecord) =>
  record.eventName.endsWith('Egress') || requestParam(record, 'egress') === true ? 'to' : 'from';

/** The ports a security-group call opens to 0.0.0.0/0 or ::/0, e.g. `["tcp 22 from 0.0.0.0/0"]`. */
export function portsOpenToWorld(record: CloudTrailRecord): string[] {
  const direction = directionOf(record);
  return permissions(record).flatMap((p) => {
    const world = p.sources.filter((s) => WORLD_CIDRS.has(s));
    return world.length > 0 ? [`${p.ports} ${direction} ${world.join(', ')}`] : [];
  });
}

/** Security-group calls: the group, and each permission as "tcp 22 from 203.0.113.0/24" ("… to …" for egress). */
export function securityGroupDetails(record: CloudTrailRecord): RuleDetails {
  const base = paramDetails(
    [
      ['groupId', 'security-group'],
      ['groupName', 'security-group'],
    ],
    ['vpcId', 'securityGroupRuleIds'],
  )(record);
  const direction = directionOf(record);
  const rules = permissions(record).map(
    (p, i) => [`permission ${i + 1}`, `${p.ports} ${direction} ${p.sources.join(', ') || '?'}`] as const,
  );
  const open = portsOpenToWorld(record);
  return { ...base, params: [...base.params, ...rules], ...(open.length > 0 ? { highlight: open.join('; ') } : {}) };
}

/** Network ACL entries: rule number, allow/deny, direction, protocol and ports, CIDR. */
export function networkAclDetails(record: CloudTrailRecord): RuleDetails {
  const base = paramDetails(
    [
      ['networkAclId', 'network-acl'],
      ['associationId', 'network-acl'],
    ],
    ['vpcId', 'ruleNumber', 'ruleAction', 'egress', 'cidrBlock', 'ipv6CidrBlock'],
  )(record);
  const protocol = requestParam(record, 'aclProtocol') ?? requestParam(record, 'protocol');
  if (protocol === undefined) return base;
  const ports = describePorts(protocol, requestParam(record, 'portRange.from'), requestParam(record, 'portRange.to'));
  return { ...base, params: [...base.params, ['ports', ports]] };
}
