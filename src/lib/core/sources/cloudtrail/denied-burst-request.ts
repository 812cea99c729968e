import type { DeniedBurstDecision, DeniedBurstSettings, DeniedCall } from './denied-burst';
import type { CloudTrailEvent } from './schemas';

/** What the pipeline asks the burst store: add `call` to the burst of the principal `key`, then decide. */
export interface DeniedBurstRequest {
  /** `denied-burst:{account}:{principal ARN, or principal id, or source IP}` */
  readonly key: string;
  readonly call: DeniedCall;
  readonly settings: DeniedBurstSettings;
}

/** The store's answer, or why there is none (the call is then told alone: nothing is lost). */
export type DeniedBurstOutcome = DeniedBurstDecision | { readonly kind: 'unavailable'; readonly error: string };

/** Who a burst belongs to: the principal's ARN, else its id, else the address the calls came from. */
function principalKeyOf({ record }: CloudTrailEvent): string | undefined {
  const identity = record.userIdentity;
  if (identity?.arn) return identity.arn;
  if (identity?.principalId) return `principal:${identity.principalId}`;
  return record.sourceIPAddress ? `ip:${record.sourceIPAddress}` : undefined;
}

/**
 * The burst request for a refused call, or undefined when it is told alone: bursts are off (threshold
 * 1 or none), or the record lacks what a burst needs (its event id, a readable time, a principal).
 * @example deniedBurstRequest(event, { threshold: 5, windowMinutes: 10 })?.key // "denied-burst:123456789012:arn:aws:iam::123456789012:user/alice"
 */
export function deniedBurstRequest(
  event: CloudTrailEvent,
  settings: DeniedBurstSettings | undefined,
): DeniedBurstRequest | undefined {
  if (!settings || settings.threshold <= 1) return undefined;
  const { record, envelope } = event;
  const at = Date.parse(record.eventTime ?? '');
  const principal = principalKeyOf(event);
  if (!record.eventID || !Number.isFinite(at) || !principal) return undefined;
  const account = record.recipientAccountId ?? envelope.account ?? '';
  const region = record.awsRegion ?? envelope.region;
  return {
    key: `denied-burst:${account}:${principal}`,
    call: {
      eventId: record.eventID,
      at,
      eventSource: record.eventSource,
      eventName: record.eventName,
      ...(record.errorCode ? { errorCode: record.errorCode } : {}),
      ...(region ? { region } : {}),
    },
    settings,
  };
}
