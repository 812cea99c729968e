import { type FindingView, findingNotification } from '../../findings/finding-notification';
import { contentHash } from '../../findings/hash';
import { findingInstant } from '../../findings/time';
import { securityHubFindingUrl } from '../../links/console';
import { isRegionCode, partitionOfArn } from '../../links/partition';
import type { RenderContext } from '../../locale';
import { lookup } from '../../lookup';
import type { Notification, Severity } from '../../notification';
import type { EventBridgeEvent } from '../../schemas/eventbridge';
import { eventSourceType, sourceRef } from '../source-ref';
import type { AsffFinding } from './schema';
import { closedStates, normalizedLabels, type SecurityHubLabel, securityHubSeverities } from './severity';

const productField = (f: AsffFinding, key: string): string | undefined => {
  const value = f.ProductFields?.[key];
  return typeof value === 'string' && value ? value : undefined;
};

/** The finding's label: its own, else derived from `Normalized`, else the one Security Hub copied into ProductFields. */
export function labelOf(f: AsffFinding): SecurityHubLabel | undefined {
  const own = f.Severity?.Label?.toUpperCase();
  if (own && Object.hasOwn(securityHubSeverities, own)) return own as SecurityHubLabel;
  const score = f.Severity?.Normalized;
  if (score !== undefined) return normalizedLabels.find((l) => score >= l.from)?.label;
  const copied = productField(f, 'aws/securityhub/SeverityLabel')?.toUpperCase();
  return copied && Object.hasOwn(securityHubSeverities, copied) ? (copied as SecurityHubLabel) : undefined;
}

/** Our severity, or `ignored` for a suppressed finding: closed states win over the label. */
export function severityOf(f: AsffFinding): Severity | 'ignored' {
  const workflow = lookup(closedStates.workflow, f.Workflow?.Status ?? f.WorkflowState);
  if (workflow) return workflow;
  if (lookup(closedStates.record, f.RecordState)) return 'ok';
  const label = labelOf(f);
  return label ? securityHubSeverities[label] : 'info';
}

/** The product that found it: "Security Hub" for its own controls, else GuardDuty, Inspector, Macie… */
export function productOf(f: AsffFinding): string | undefined {
  return f.ProductName ?? productField(f, 'aws/securityhub/ProductName') ?? f.ProductArn?.split('/').at(-1);
}

/** The finding's Id, or the one Security Hub keeps in ProductFields when a product sent none. */
const idOf = (f: AsffFinding) => f.Id ?? productField(f, 'aws/securityhub/FindingId');

/**
 * The notification of one ASFF finding, from Security Hub's own controls or imported from another
 * product (GuardDuty, Inspector, Macie, a partner); the reporting product is named in the title.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html
 */
export function securityHubNotification(
  event: EventBridgeEvent,
  f: AsffFinding,
  severity: Severity,
  ctx: RenderContext,
): Notification {
  const resources = (f.Resources ?? []).flatMap((r) => (r.Id ? [r.Type ? `${r.Type} ${r.Id}` : r.Id] : []));
  const region = [f.Region, f.Resources?.[0]?.Region, event.region].find(isRegionCode);
  const id = idOf(f);
  const partition = f.Resources?.[0]?.Partition ?? (id ? partitionOfArn(id) : undefined);
  const product = productOf(f);
  const label = labelOf(f);
  const control = f.Compliance?.SecurityControlId ?? productField(f, 'ControlId');
  const status = [f.Workflow?.Status ?? f.WorkflowState, f.RecordState].filter(Boolean).join(' / ');
  const types = (f.Types ?? []).filter((t): t is string => typeof t === 'string');
  const view: FindingView = {
    product: 'security-hub',
    reportedBy: product && product !== 'Security Hub' ? product : undefined,
    severity,
    productSeverity: label ?? f.Severity?.Original ?? '-',
    title: f.Title ?? types[0] ?? id ?? '-',
    description: f.Description || undefined,
    type: types.length ? types.join('\n') : undefined,
    status: status || undefined,
    resources,
    account: f.AwsAccountId || event.account ? (f.AwsAccountId ?? event.account) : undefined,
    region,
    firstSeen: findingInstant(f.FirstObservedAt),
    lastSeen: findingInstant(f.LastObservedAt),
    remediation:
      [f.Remediation?.Recommendation?.Text, f.Remediation?.Recommendation?.Url].filter(Boolean).join('\n') || undefined,
    facts: [
      ['compliance', f.Compliance?.Status],
      ['control', control],
      [
        'importedFrom',
        product && product !== 'Security Hub' ? [product, f.CompanyName].filter(Boolean).join(' / ') : undefined,
      ],
    ],
    findingId: id ?? '-',
    link: id && region ? securityHubFindingUrl({ id, region, partition }) : undefined,
    occurredAt: findingInstant(f.UpdatedAt) ?? findingInstant(event.time),
    // Each update of a finding (new UpdatedAt, workflow or record state) is news; a redelivery is not.
    dedupeKey: `finding:security-hub:${id ?? contentHash(JSON.stringify(f))}:${f.UpdatedAt ?? ''}:${status}`,
    source: sourceRef(eventSourceType(event.source, event['detail-type']), event.id),
  };
  return findingNotification(view, ctx);
}
