import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkTrails } from '../../../src/lib/adapters/cloudtrail-status';

const cloudTrail = mockClient(CloudTrailClient);
const client = new CloudTrailClient({ region: 'us-east-1' });
const arn = (region: string, name: string) => `arn:aws:cloudtrail:${region}:111122223333:trail/${name}`;
const trail = (name: string, homeRegion: string, multiRegion: boolean) => ({
  Name: name,
  TrailARN: arn(homeRegion, name),
  HomeRegion: homeRegion,
  IsMultiRegionTrail: multiRegion,
});
const accessDenied = Object.assign(new Error('User is not authorized to perform cloudtrail:DescribeTrails'), {
  name: 'AccessDeniedException',
  $metadata: { httpStatusCode: 400 },
  $fault: 'client',
});

describe('adapters: cloudtrail status (doctor)', () => {
  beforeEach(() => cloudTrail.reset());

  it('is healthy with a logging multi-region trail homed elsewhere (a shadow trail, read by ARN)', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('org', 'eu-west-1', true)] });
    cloudTrail.on(GetTrailStatusCommand, { Name: arn('eu-west-1', 'org') }).resolves({ IsLogging: true });
    const report = await checkTrails(client, 'ap-northeast-1');
    expect(report.healthy).toBe(true);
    expect(report.findings.map((f) => f.level)).toEqual(['ok', 'info']);
    expect(cloudTrail.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
  });

  it('says how to create a trail when there is none', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [] });
    const report = await checkTrails(client, 'us-east-1');
    expect(report).toMatchObject({ healthy: false, trails: [] });
    expect(report.findings).toMatchSnapshot();
  });

  it('says how to start logging when the covering trail is stopped', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main', 'us-east-1', false)] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: false });
    const report = await checkTrails(client, 'us-east-1');
    expect(report.healthy).toBe(false);
    expect(report.findings[0]).toEqual({
      level: 'problem',
      message: 'Trail "main" covers us-east-1 but its logging is stopped.',
      fix: `aws cloudtrail start-logging --region us-east-1 --name ${arn('us-east-1', 'main')}`,
    });
  });

  it('does not count a single-region trail of another region', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('west', 'us-west-2', false)] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const report = await checkTrails(client, 'us-east-1');
    expect(report.healthy).toBe(false);
    expect(report.findings[0]?.message).toBe(
      'No trail covers us-east-1: "west" (us-west-2) logs only its home region.',
    );
    expect(report.findings[0]?.fix).toContain('--is-multi-region-trail');
  });

  it('reports an unreadable trail status instead of failing', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('main', 'us-east-1', true)] });
    cloudTrail.on(GetTrailStatusCommand).rejects(accessDenied);
    const report = await checkTrails(client, 'us-east-1');
    expect(report.healthy).toBe(false);
    expect(report.trails[0]?.statusError).toMatch(/^AccessDeniedException: User is not authorized/);
  });

  it('reports a failed DescribeTrails as unhealthy, with the permission to add', async () => {
    cloudTrail.on(DescribeTrailsCommand).rejects(accessDenied);
    const report = await checkTrails(client, 'us-east-1');
    expect(report.healthy).toBe(false);
    expect(report.findings[0]?.message).toBe(
      'Could not list CloudTrail trails in us-east-1: AccessDeniedException: User is not authorized to perform cloudtrail:DescribeTrails.',
    );
  });
});
