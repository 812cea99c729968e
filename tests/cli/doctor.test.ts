import { Readable } from 'node:stream';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CredentialsProviderError } from '@smithy/core/config';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../src/cli/commands/doctor';
import { UsageError } from '../../src/cli/errors';
import { CredentialsError } from '../../src/lib/adapters/errors';
import { cli } from './memory-io';

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

  describe('without usable credentials: exit 2 and the fix, not "NOT healthy"', () => {
    it.each([
      [
        'none found',
        new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }),
      ],
      [
        'an expired SSO token',
        Object.assign(new Error('The security token included in the request is expired'), {
          name: 'ExpiredTokenException',
        }),
      ],
    ])('%s', async (_case, error) => {
      cloudTrail.on(DescribeTrailsCommand).rejects(error);
      const { code, stdout, stderr } = await cli(['doctor', '--region', 'ap-northeast-1']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^notifier: no usable AWS credentials \(\w+: .+\): set AWS_PROFILE/);
      expect(stderr).toContain('"aws configure"');
      expect(stderr).toContain('"aws sso login"');
      expect(stderr).toContain('--region');
      expect(stderr).not.toMatch(/healthy/i);
    });

    it('throws a CredentialsError from the command itself', async () => {
      cloudTrail
        .on(DescribeTrailsCommand)
        .rejects(new CredentialsProviderError('Could not load credentials', { tryNextLink: false }));
      await expect(run(['--region', 'us-east-1'])).rejects.toThrow(CredentialsError);
    });
  });

  it('exits 1 through the command line when the trail is not healthy (credentials worked)', async () => {
    cloudTrail
      .on(DescribeTrailsCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    const { code, stdout, stderr } = await cli(['doctor', '--region', 'us-east-1']);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout).toMatch(
      /^CloudTrail in us-east-1: NOT healthy\nPROBLEM Could not list CloudTrail trails in us-east-1: AccessDeniedException/,
    );
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
