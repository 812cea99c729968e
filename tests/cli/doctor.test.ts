import { Readable } from 'node:stream';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../src/cli/commands/doctor';
import { UsageError } from '../../src/cli/errors';

const cloudTrail = mockClient(CloudTrailClient);
beforeEach(() => cloudTrail.reset());

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  const write = (s: string) => {
    stdout += s;
    return true;
  };
  const io = { stdout: { write }, stderr: { write: () => true }, stdin: Readable.from(['']) };
  const regions: string[] = [];
  const createClient = (region: string) => {
    regions.push(region);
    return new CloudTrailClient({ region });
  };
  const code = await doctorCommand(args, io as never, { createClient, env });
  return { code, stdout, regions };
}

const trail = {
  Name: 'main',
  TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main',
  HomeRegion: 'us-east-1',
  IsMultiRegionTrail: true,
};

describe('cli: notifier doctor', () => {
  it('exits 0 when a logging trail covers the region', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    const { code, stdout } = await run(['--region', 'us-east-1']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'CloudTrail in us-east-1: healthy\nOK      Trail "main" (multi-region) is logging and covers us-east-1: EventBridge receives API-call events here.\n',
    );
  });

  it('exits 1 and says how to fix it when logging is stopped', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [trail] });
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: false });
    const { code, stdout } = await run([], { AWS_REGION: 'eu-west-1' });
    expect(code).toBe(1);
    expect(stdout).toMatchSnapshot();
  });

  it('prints the report as JSON', async () => {
    cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [] });
    const { code, stdout, regions } = await run(['--region', 'ap-northeast-1', '--format', 'json'], {
      AWS_REGION: 'us-east-1',
    });
    expect([code, regions]).toEqual([1, ['ap-northeast-1']]);
    expect(JSON.parse(stdout)).toMatchObject({ region: 'ap-northeast-1', healthy: false, trails: [] });
  });

  it.each([
    [[], 'doctor: --region is required (or set AWS_REGION)'],
    [['--region', 'Tokyo'], '--region: "Tokyo" is not a region code such as us-east-1'],
    [['--format', 'xml', '--region', 'us-east-1'], '--format: "xml" is not one of text, json'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j as a usage error (exit 2)', async (args, message) => {
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(message);
  });
});
