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

const isAccountId = (value: string | undefined): value is string => value !== undefined && ACCOUNT_ID.test(value);

/** The first region code of: the ARN's region, the event's own, the code of a region's display name. */
function regionOf(arnRegion: string | undefined, hints: { region?: string; regionName?: string }): string | undefined {
  if (isRegionCode(arnRegion)) return arnRegion;
  if (isRegionCode(hints.region)) return hints.region;
  const named = hints.regionName ? regionCodeOf(hints.regionName) : undefined;
  return isRegionCode(named) ? named : undefined;
}

/**
 * Resolves account, region code and partition, preferring what the alarm ARN says (placeholder
 * ARNs such as `arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:x` are ignored), then the event's
 * own fields, then a region display name ("US East (Ohio)") looked up in a table.
 */
export function placeOf(hints: { arn?: string; account?: string; region?: string; regionName?: string }): AlarmPlace {
  const arn = hints.arn ? parseArn(hints.arn) : undefined;
  const region = regionOf(arn?.region, hints);
  const account = isAccountId(arn?.account) ? arn?.account : isAccountId(hints.account) ? hints.account : undefined;
  const partition = (hints.arn && partitionOfArn(hints.arn)) ?? (region ? partitionOfRegion(region) : 'aws');
  // Key by key in the model's order (no small object spread for each optional one).
  const place: Partial<AlarmPlace> = {};
  if (account) place.account = account;
  if (region) place.region = region;
  else if (hints.regionName) place.regionName = hints.regionName;
  place.partition = partition;
  return place as AlarmPlace;
}
