import { type FindingFact, type FindingView, findingNotification } from '../../findings/finding-notification';
import { findingText } from '../../findings/strings';
import { findingInstant } from '../../findings/time';
import { inspectorFindingUrl } from '../../links/console';
import { isRegionCode, partitionOfArn } from '../../links/partition';
import type { Locale, RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import type { Notification, Severity } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { eventSourceType, sourceRef } from '../source-ref';
import type { InspectorFinding } from './schema';

/** Inspector writes "None Provided" where it has no advice; that is no remediation. */
const NO_REMEDIATION = 'None Provided';

/** The facts worth a line per kind of finding: the CVE and packages, the code location, the open path. */
function factsOf(f: InspectorFinding, locale: Locale): FindingFact[] {
  const availability = (value: string | undefined) => lookup(findingText[locale].availability, value) ?? value;
  const pkg = f.packageVulnerabilityDetails;
  const code = f.codeVulnerabilityDetails;
  const net = f.networkReachabilityDetails;
  const ports = net?.openPortRange;
  return [
    ['cve', pkg?.vulnerabilityId && [pkg.vulnerabilityId, pkg.sourceUrl].filter(Boolean).join('\n')],
    [
      'packages',
      (pkg?.vulnerablePackages ?? [])
        .map((p) => `${p.name ?? '?'} ${p.version ?? ''}${p.fixedInVersion ? ` → ${p.fixedInVersion}` : ''}`.trim())
        .join('\n') || undefined,
    ],
    [
      'location',
      code?.detectorName && `${code.detectorName}: ${code.filePath?.filePath ?? ''}:${code.filePath?.startLine ?? ''}`,
    ],
    [
      'network',
      ports &&
        [
          `${net?.protocol ?? ''} ${ports.begin === ports.end ? ports.begin : `${ports.begin}-${ports.end}`}`.trim(),
          (net?.networkPath?.steps ?? [])
            .map((s) => s.componentId)
            .filter(Boolean)
            .join(' → '),
        ]
          .filter(Boolean)
          .join('\n'),
    ],
    ['score', f.inspectorScore],
    ['fix', availability(f.fixAvailable)],
    ['exploit', availability(f.exploitAvailable)],
  ];
}

/**
 * The notification of one Amazon Inspector finding (package, code or network), severity from
 * Inspector's own label.
 */
export function inspectorNotification(
  event: EventBridgeEvent,
  f: InspectorFinding,
  severity: Severity,
  ctx: RenderContext,
): Notification {
  const first = f.resources?.[0];
  const region = [first?.region, event.region].find(isRegionCode);
  const advice = f.remediation?.recommendation?.text;
  const view: FindingView = {
    product: 'inspector',
    severity,
    productSeverity:
      [f.severity, f.inspectorScore !== undefined ? `(${f.inspectorScore})` : ''].filter(Boolean).join(' ') || '-',
    title: f.title ?? f.findingArn,
    description: f.description || undefined,
    type: f.type || undefined,
    status: f.status || undefined,
    resources: (f.resources ?? []).flatMap((r) => (r.id ? [r.type ? `${r.type} ${r.id}` : r.id] : [])),
    account: f.awsAccountId || event.account ? (f.awsAccountId ?? event.account) : undefined,
    region,
    firstSeen: findingInstant(f.firstObservedAt),
    lastSeen: findingInstant(f.lastObservedAt),
    remediation: advice && advice !== NO_REMEDIATION ? advice : undefined,
    facts: factsOf(f, ctx.locale),
    findingId: f.findingArn,
    link: region
      ? inspectorFindingUrl({ arn: f.findingArn, region, partition: first?.partition ?? partitionOfArn(f.findingArn) })
      : undefined,
    occurredAt: findingInstant(f.updatedAt) ?? findingInstant(event.time),
    // A status change (ACTIVE → CLOSED) or an update is news; a redelivery is not.
    dedupeKey: `finding:inspector:${f.findingArn}:${f.updatedAt ?? ''}:${f.status ?? ''}`,
    source: sourceRef(eventSourceType(event.source, event['detail-type']), event.id),
  };
  return findingNotification(view, ctx);
}
