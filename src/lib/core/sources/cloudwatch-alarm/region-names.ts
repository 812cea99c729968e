import { replaceEach } from '../../render/replace';

/**
 * Region display names as classic CloudWatch SNS messages spell them (`"Region": "US East (N. Virginia)"`),
 * including older spellings ("EU (Ireland)"), mapped to region codes.
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const regionDisplayNames = {
  'US East (N. Virginia)': 'us-east-1',
  'US (Virginia)': 'us-east-1',
  'US - N. Virginia': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'Africa (Cape Town)': 'af-south-1',
  'Asia Pacific (Hong Kong)': 'ap-east-1',
  'Asia Pacific (Taipei)': 'ap-east-2',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Osaka)': 'ap-northeast-3',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Asia Pacific (Hyderabad)': 'ap-south-2',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Jakarta)': 'ap-southeast-3',
  'Asia Pacific (Melbourne)': 'ap-southeast-4',
  'Asia Pacific (Malaysia)': 'ap-southeast-5',
  'Asia Pacific (Thailand)': 'ap-southeast-7',
  'Canada (Central)': 'ca-central-1',
  'Canada West (Calgary)': 'ca-west-1',
  'Europe (Frankfurt)': 'eu-central-1',
  'EU (Frankfurt)': 'eu-central-1',
  'Europe (Zurich)': 'eu-central-2',
  'Europe (Stockholm)': 'eu-north-1',
  'EU (Stockholm)': 'eu-north-1',
  'Europe (Milan)': 'eu-south-1',
  'EU (Milan)': 'eu-south-1',
  'Europe (Spain)': 'eu-south-2',
  'Europe (Ireland)': 'eu-west-1',
  'EU (Ireland)': 'eu-west-1',
  'Europe (London)': 'eu-west-2',
  'EU (London)': 'eu-west-2',
  'Europe (Paris)': 'eu-west-3',
  'EU (Paris)': 'eu-west-3',
  'Israel (Tel Aviv)': 'il-central-1',
  'Middle East (UAE)': 'me-central-1',
  'Middle East (Bahrain)': 'me-south-1',
  'Mexico (Central)': 'mx-central-1',
  'South America (Sao Paulo)': 'sa-east-1',
  'South America (São Paulo)': 'sa-east-1',
  'AWS GovCloud (US-East)': 'us-gov-east-1',
  'AWS GovCloud (US-West)': 'us-gov-west-1',
  'AWS GovCloud (US)': 'us-gov-west-1',
  'China (Beijing)': 'cn-north-1',
  'China (Ningxia)': 'cn-northwest-1',
} as const;

/** Spelling-insensitive key: "EU - Ireland", "EU (Ireland)" and "eu ireland" meet; so do "US-East-2" and "us-east-2". */
const normalize = (name: string): string => replaceEach(name.toLowerCase(), /[^a-z0-9]/g, '');

/** The lookup tables of {@link regionCodeOf}: by normalized name, and by the names and codes as spelt. */
interface RegionTables {
  readonly byNormalizedName: ReadonlyMap<string, string>;
  readonly byExactName: ReadonlyMap<string, string>;
}

function buildTables(): RegionTables {
  const byNormalizedName = new Map(
    Object.entries(regionDisplayNames).flatMap(([name, code]) => [
      [normalize(name), code],
      [normalize(code), code],
    ]),
  );
  // The same answers for the names and codes as the table spells them.
  const byExactName = new Map(
    Object.entries(regionDisplayNames).flatMap(([name, code]) => [
      [name, byNormalizedName.get(normalize(name)) as string],
      [code, byNormalizedName.get(normalize(code)) as string],
    ]),
  );
  return { byNormalizedName, byExactName };
}

/**
 * Built on first use, not at import: only classic (SNS) alarm messages name their region in words,
 * and most alarms come through EventBridge.
 */
let tables: RegionTables | undefined;

/**
 * The region code for a display name or a code in any spelling; undefined when unknown.
 *
 * @example regionCodeOf('US East (N. Virginia)') // "us-east-1"
 * @example regionCodeOf('US-East-2')             // "us-east-2"
 */
export function regionCodeOf(name: string): string | undefined {
  tables ??= buildTables();
  // A name spelt as in the table (as CloudWatch writes it) needs no normalizing.
  return tables.byExactName.get(name) ?? tables.byNormalizedName.get(normalize(name));
}
