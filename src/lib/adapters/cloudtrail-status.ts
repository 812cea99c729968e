import {
  type CloudTrailClient,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { describeAwsError, isCredentialsError } from './aws-errors';
import { CredentialsError } from './errors';

/**
 * The region where EventBridge receives events of global services (IAM, STS global endpoint,
 * Organizations) and most console sign-ins.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html
 */
export const GLOBAL_EVENTS_REGION = 'us-east-1';

/** One trail as the doctor sees it. */
export interface TrailSummary {
  readonly name: string;
  readonly arn?: string;
  readonly homeRegion?: string;
  readonly multiRegion: boolean;
  readonly organizationTrail: boolean;
  /** undefined when the status could not be read. */
  readonly logging?: boolean;
  readonly coversRegion: boolean;
  readonly statusError?: string;
}

/** A plain-language finding; `fix` says what to run or click. */
export interface TrailFinding {
  readonly level: 'ok' | 'problem' | 'info';
  readonly message: string;
  readonly fix?: string;
}

/** Whether EventBridge in `region` receives CloudTrail API-call events, and why. */
export interface TrailStatusReport {
  readonly region: string;
  readonly healthy: boolean;
  readonly trails: readonly TrailSummary[];
  readonly findings: readonly TrailFinding[];
}

async function summarize(client: CloudTrailClient, trail: Trail, region: string): Promise<TrailSummary> {
  const name = trail.Name ?? trail.TrailARN ?? '(unnamed)';
  const base = {
    name,
    ...(trail.TrailARN ? { arn: trail.TrailARN } : {}),
    ...(trail.HomeRegion ? { homeRegion: trail.HomeRegion } : {}),
    multiRegion: trail.IsMultiRegionTrail === true,
    organizationTrail: trail.IsOrganizationTrail === true,
    coversRegion: trail.IsMultiRegionTrail === true || trail.HomeRegion === region,
  };
  try {
    // A shadow trail (a multi-region trail seen from another region) must be named by its ARN.
    const status = await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? name }));
    return { ...base, logging: status.IsLogging === true };
  } catch (error) {
    return { ...base, statusError: describeAwsError(error) };
  }
}

const createTrailFix = (region: string) =>
  `Create a multi-region trail (its S3 bucket needs the CloudTrail bucket policy; the console's "Create trail" sets it up):\n` +
  `  aws cloudtrail create-trail --region ${region} --name management-events --s3-bucket-name BUCKET --is-multi-region-trail\n` +
  `  aws cloudtrail start-logging --region ${region} --name management-events`;

function findings(region: string, trails: readonly TrailSummary[]): TrailFinding[] {
  const covering = trails.filter((t) => t.coversRegion);
  const logging = covering.filter((t) => t.logging === true);
  const out: TrailFinding[] = logging.map((t) => ({
    level: 'ok',
    message: `Trail "${t.name}" (${t.multiRegion ? 'multi-region' : `single-region, ${t.homeRegion}`}) is logging and covers ${region}: EventBridge receives API-call events here.`,
  }));
  if (trails.length === 0) {
    out.push({
      level: 'problem',
      message: `No CloudTrail trail exists for ${region}. EventBridge delivers "AWS API Call via CloudTrail" events only when a trail with logging enabled covers the region.`,
      fix: createTrailFix(region),
    });
  } else if (covering.length === 0) {
    const names = trails.map((t) => `"${t.name}" (${t.homeRegion ?? '?'})`).join(', ');
    out.push({
      level: 'problem',
      message: `No trail covers ${region}: ${names} ${trails.length === 1 ? 'logs' : 'log'} only ${trails.length === 1 ? 'its' : 'their'} home region.`,
      fix: trails
        .map(
          (t) =>
            `aws cloudtrail update-trail --region ${t.homeRegion ?? region} --name ${t.arn ?? t.name} --is-multi-region-trail`,
        )
        .join('\n'),
    });
  } else if (logging.length === 0) {
    for (const t of covering) {
      out.push(
        t.logging === false
          ? {
              level: 'problem',
              message: `Trail "${t.name}" covers ${region} but its logging is stopped.`,
              fix: `aws cloudtrail start-logging --region ${t.homeRegion ?? region} --name ${t.arn ?? t.name}`,
            }
          : {
              level: 'problem',
              message: `Could not read the status of trail "${t.name}": ${t.statusError ?? 'unknown error'}.`,
              fix: 'Allow cloudtrail:GetTrailStatus for the credentials running the doctor, then run it again.',
            },
      );
    }
  }
  if (region !== GLOBAL_EVENTS_REGION) {
    out.push({
      level: 'info',
      message: `IAM, Organizations and console sign-in events reach EventBridge in ${GLOBAL_EVENTS_REGION} only: deploy the notifier there too to see them.`,
    });
  }
  return out;
}

/**
 * Checks that a trail with logging enabled covers `region` (a multi-region trail counts), which
 * EventBridge needs to deliver API-call events; reports in plain language with fix instructions.
 * Never throws for AWS errors but one: a failed DescribeTrails is an unhealthy report saying so.
 * @throws CredentialsError when there are no usable credentials: nothing was checked, so the
 *   trail is neither healthy nor unhealthy.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 *
 * @example const report = await checkTrails(new CloudTrailClient({ region }), region);
 */
/** What to do without credentials, in one line. */
const CREDENTIALS_FIX =
  'set AWS_PROFILE to a configured profile, or run "aws configure" (access keys) or "aws sso login" (IAM Identity Center), and give the region with --region';

export async function checkTrails(client: CloudTrailClient, region: string): Promise<TrailStatusReport> {
  let trailList: Trail[];
  try {
    trailList = (await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
  } catch (error) {
    if (isCredentialsError(error)) {
      throw new CredentialsError(`no usable AWS credentials (${describeAwsError(error)}): ${CREDENTIALS_FIX}`, {
        cause: error,
      });
    }
    const message = `Could not list CloudTrail trails in ${region}: ${describeAwsError(error)}.`;
    const fix = 'Run the doctor with credentials allowed cloudtrail:DescribeTrails and cloudtrail:GetTrailStatus.';
    return { region, healthy: false, trails: [], findings: [{ level: 'problem', message, fix }] };
  }
  const trails = await Promise.all(trailList.map((t) => summarize(client, t, region)));
  const healthy = trails.some((t) => t.coversRegion && t.logging === true);
  return { region, healthy, trails, findings: findings(region, trails) };
}
