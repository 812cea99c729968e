import { isRegionCode, parseArn, partitionOfArn, partitionOfRegion } from '../../links/partition';
import { regionCodeOf } from './region-names';

/** Where an alarm lives, as far as its source tells. */
export interface AlarmPlace {
  account?: string;
  region?: string;
  regionName?: string;
  partition: string;
}

const ACCOUNT_ID = /^\d+$/;

/**
 * Resolves account, region code and partition, preferring what the alarm ARN says (placeholder
 * ARNs such as `arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:x` are ignored), then the event's
 * own fields, then a region display name ("US East (Ohio)") looked up in a table.
 */
export function placeOf(hints: { arn?: string; account?: string; region?: string; regionName?: string }): AlarmPlace {
  const arn = hints.arn ? parseArn(hints.arn) : undefined;
  const named = hints.regionName ? regionCodeOf(hints.regionName) : undefined;
  const region = [arn?.region, hints.region, named].find(isRegionCode);
  const account = [arn?.account, hints.account].find((a) => a !== undefined && ACCOUNT_ID.test(a));
  const partition = (hints.arn && partitionOfArn(hints.arn)) ?? (region ? partitionOfRegion(region) : 'aws');
  // Every key written (undefined when unknown) rather than spread in: a place is only read.
  return {
    account: account || undefined,
    region: region || undefined,
    regionName: !region && hints.regionName ? hints.regionName : undefined,
    partition,
  };
}
