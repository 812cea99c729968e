import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface Check {
  level: 'ok' | 'skip' | 'fail';
  message: string;
}
type Send = (name: string, signal: AbortSignal) => Promise<{ Parameter?: { Type?: string; Value?: string } }>;
const { deployTarget, checkSlackParameter } = require('../../infra/check-deploy.cjs') as {
  deployTarget: (args: string[]) => { region?: string; parameter?: string; error?: string };
  checkSlackParameter: (options: { send: Send; region: string; parameter: string }) => Promise<Check>;
};

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/secretsecret';
const named = (name: string) => Object.assign(new Error(`${name} happened`), { name });
const check = (send: Send) =>
  checkSlackParameter({ send, region: 'ap-northeast-1', parameter: '/notifier/slack-webhook-url' });

describe('npm run deploy: where the stack goes', () => {
  it.each([
    [['--region', 'ap-northeast-1'], 'ap-northeast-1'],
    [['--region=eu-west-1', '--stage', 'prod'], 'eu-west-1'],
    [['-r', 'us-east-1'], 'us-east-1'],
  ])('reads the region from %j', (args, region) => {
    expect(deployTarget(args)).toEqual({ region, parameter: '/notifier/slack-webhook-url' });
  });

  it('refuses to guess a region: the parameter and the stack must be in the same one', () => {
    expect(deployTarget(['--stage', 'prod']).error).toMatch(/^npm run deploy needs --region REGION/);
  });

  it('checks the parameter named by slackWebhookParameter, the last --param winning as in osls', () => {
    const args = [
      '--region',
      'eu-west-1',
      '--param=slackWebhookParameter=/a',
      '--param',
      'slackWebhookParameter=/team/slack',
    ];
    expect(deployTarget(args).parameter).toBe('/team/slack');
  });
});

describe('npm run deploy: the Slack webhook parameter', () => {
  it('passes when the SecureString exists in the deploy region, without printing its value', async () => {
    const result = await check(async () => ({ Parameter: { Type: 'SecureString', Value: WEBHOOK } }));
    expect(result).toEqual({ level: 'ok', message: '/notifier/slack-webhook-url exists in ap-northeast-1' });
  });

  it('passes a plain String but says anyone who can read parameters reads the URL', async () => {
    const result = await check(async () => ({ Parameter: { Type: 'String', Value: WEBHOOK } }));
    expect(result.level).toBe('ok');
    expect(result.message).toContain('not a SecureString');
    expect(result.message).not.toContain(WEBHOOK);
  });

  it('stops the deploy when the parameter is missing in that region, with the command to create it there', async () => {
    const result = await check(async () => {
      throw named('ParameterNotFound');
    });
    expect(result.level).toBe('fail');
    expect(result.message).toContain('does not exist in ap-northeast-1');
    expect(result.message).toContain('aws ssm put-parameter --region ap-northeast-1 --cli-input-json');
    expect(result.message).toContain('"Name":"/notifier/slack-webhook-url","Type":"SecureString"');
  });

  it.each([
    ['CredentialsProviderError', 'skipped: no AWS credentials'],
    [
      'AccessDeniedException',
      'skipped: could not read /notifier/slack-webhook-url in ap-northeast-1 (AccessDeniedException)',
    ],
    ['TimeoutError', 'skipped: could not read /notifier/slack-webhook-url in ap-northeast-1 (TimeoutError)'],
  ])('does not stop the deploy on %s, and says it did not check', async (name, message) => {
    const result = await check(async () => {
      throw named(name);
    });
    expect(result.level).toBe('skip');
    expect(result.message).toContain(message);
  });

  it('gives SSM a deadline', async () => {
    let signal: AbortSignal | undefined;
    await check(async (_name, abortSignal) => {
      signal = abortSignal;
      return { Parameter: { Type: 'SecureString' } };
    });
    expect(signal).toBeInstanceOf(AbortSignal);
  });
});
