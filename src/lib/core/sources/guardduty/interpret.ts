import { type FindingView, findingNotification } from '../../findings/finding-notification';
import { findingInstant } from '../../findings/time';
import { guardDutyFindingUrl } from '../../links/console';
import { isRegionCode, partitionOfArn } from '../../links/partition';
import type { RenderContext } from '../../locale';
import type { Notification } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { eventSourceType, sourceRef } from '../source-ref';
import type { GuardDutyFinding, RemoteIp } from './schema';
import { guardDutyLevel } from './severity';

type Resource = NonNullable<GuardDutyFinding['resource']>;

/** What names the affected resource, per kind of resource detail, in the order GuardDuty documents them. */
const resourceNames: ReadonlyArray<(r: Resource) => Array<string | undefined>> = [
  (r) => [r.instanceDetails?.instanceId],
  (r) => (r.s3BucketDetails ?? []).map((b) => b?.arn ?? b?.name),
  (r) => [r.eksClusterDetails?.arn ?? r.eksClusterDetails?.name],
  (r) => [r.ecsClusterDetails?.arn ?? r.ecsClusterDetails?.name],
  (r) => [r.lambdaDetails?.functionArn ?? r.lambdaDetails?.functionName],
  (r) => [r.rdsDbInstanceDetails?.dbInstanceIdentifier],
  (r) => {
    const k = r.accessKeyDetails;
    return [k?.userName && `${k.userType ?? 'user'} ${k.userName}${k.accessKeyId ? ` (${k.accessKeyId})` : ''}`];
  },
];

const resourcesOf = (r: Resource | undefined): string[] =>
  r ? resourceNames.flatMap((names) => names(r)).filter((v): v is string => Boolean(v)) : [];

/** "111.111.111.111 (London, United Kingdom; British Telecommunications PLC)". */
function remoteText(ip: RemoteIp | undefined): string | undefined {
  if (!ip?.ipAddressV4) return undefined;
  const place = [ip.city?.cityName, ip.country?.countryName].filter(Boolean).join(', ');
  const org = ip.organization?.asnOrg ?? ip.organization?.org;
  const about = [place, org].filter(Boolean).join('; ');
  return about ? `${ip.ipAddressV4} (${about})` : ip.ipAddressV4;
}

/** "AWS_API_CALL PutBucketPublicAccessBlock (s3.amazonaws.com)", "NETWORK_CONNECTION INBOUND TCP". */
function actionText(action: NonNullable<GuardDutyFinding['service']>['action']): string | undefined {
  if (!action) return undefined;
  const api = action.awsApiCallAction;
  const net = action.networkConnectionAction;
  const detail = api
    ? [api.api, api.serviceName && `(${api.serviceName})`]
    : net
      ? [net.connectionDirection, net.protocol]
      : [action.dnsRequestAction?.domain];
  return [action.actionType, ...detail].filter(Boolean).join(' ') || undefined;
}

/**
 * The notification of one GuardDuty finding, severity from GuardDuty's own levels.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html
 */
export function guardDutyNotification(event: EventBridgeEvent, f: GuardDutyFinding, ctx: RenderContext): Notification {
  const level = guardDutyLevel(f.severity);
  const service = f.service;
  const region = [f.region, event.region].find(isRegionCode);
  const partition = f.partition ?? (f.arn ? partitionOfArn(f.arn) : undefined);
  const remote = remoteText(
    service?.action?.awsApiCallAction?.remoteIpDetails ?? service?.action?.networkConnectionAction?.remoteIpDetails,
  );
  const view: FindingView = {
    product: 'guardduty',
    severity: level.severity,
    productSeverity: `${level.level} (${f.severity})`,
    title: f.title ?? f.type ?? f.id,
    description: f.description || undefined,
    type: f.type || undefined,
    resources: resourcesOf(f.resource),
    account: f.accountId || event.account ? (f.accountId ?? event.account) : undefined,
    region,
    firstSeen: findingInstant(service?.eventFirstSeen),
    lastSeen: findingInstant(service?.eventLastSeen),
    count: service?.count,
    facts: [
      ['action', actionText(service?.action)],
      ['remote', remote],
    ],
    findingId: f.arn ?? f.id,
    link: region ? guardDutyFindingUrl({ id: f.id, region, partition }) : undefined,
    occurredAt: findingInstant(f.updatedAt) ?? findingInstant(event.time),
    // An update of the same finding (GuardDuty aggregates repeats into `count`) is news; a redelivery is not.
    dedupeKey: `finding:guardduty:${f.arn ?? f.id}:${f.updatedAt ?? ''}:${service?.count ?? ''}`,
    source: sourceRef(eventSourceType(event.source, event['detail-type']), event.id),
  };
  return findingNotification(view, ctx);
}
