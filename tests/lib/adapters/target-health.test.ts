import { readFileSync } from 'node:fs';
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type DescribeTargetHealthCommandOutput,
  ElasticLoadBalancingV2Client,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTargetHealthReader } from '../../../src/lib/adapters/target-health';
import type { TargetGroupRef } from '../../../src/lib/core/sources/cloudwatch-alarm/target-health';

const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const client = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });
beforeEach(() => elbv2.reset());

const ref = (name: string, id = '73e2d6bc24d8a067'): TargetGroupRef => ({
  arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/${id}`,
  name,
  loadBalancer: 'app/my-alb/50dc6c495c0c9188',
  region: 'us-east-1',
  account: '123456789012',
  partition: 'aws',
});

/** A recorded response; the one that is a bare array is wrapped as the SDK would return it. */
function recorded(file: string): DescribeTargetHealthCommandOutput {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/elbv2/${file}`, import.meta.url), 'utf8'));
  return { $metadata: {}, ...(Array.isArray(json) ? { TargetHealthDescriptions: json } : (json as object)) };
}

function awsError(name: string, message: string, status: number, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status }, ...extra });
}

const web = ref('web');
// Generous: a mocked answer must never lose a race with the timer on a loaded machine.
const read = createTargetHealthReader(client, { timeoutMs: 10_000 });

describe('adapters: target health', () => {
  it('converts a real response with an unhealthy target, adding the health check settings', async () => {
    elbv2
      .on(DescribeTargetHealthCommand)
      .resolves(recorded('target-health-descriptions-ResponseCodeMismatch-InvalidState.json'));
    elbv2.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [
        {
          HealthCheckProtocol: 'HTTP',
          HealthCheckPort: 'traffic-port',
          HealthCheckPath: '/health',
          Matcher: { HttpCode: '200' },
        },
      ],
    });
    expect(await read([web])).toEqual([
      {
        targetGroup: web,
        targets: [
          {
            id: 'i-019ebfaf92631c228',
            port: 3000,
            state: 'unhealthy',
            reason: 'Target.ResponseCodeMismatch',
            description: 'Health checks failed with these codes: [500]',
          },
          {
            id: 'i-0b314f9c31a99621c',
            port: 3000,
            state: 'unused',
            reason: 'Target.InvalidState',
            description: 'Target is in the stopped state',
          },
        ],
        healthCheck: { protocol: 'HTTP', port: 'traffic-port', path: '/health', matcher: '200' },
      },
    ]);
    expect(elbv2).toHaveReceivedCommandWith(DescribeTargetHealthCommand, { TargetGroupArn: web.arn });
    expect(elbv2).toHaveReceivedCommandWith(DescribeTargetGroupsCommand, { TargetGroupArns: [web.arn] });
  });

  it.each([
    ['describe-target-health-botocore-example-1-unused-and-healthy.json', ['unused', 'healthy']],
    ['describe-target-health-cli-initial-Elb.RegistrationInProgress.json', ['initial']],
    ['describe-target-health-cli-lambda-unavailable-Target.HealthCheckDisabled.json', ['unavailable']],
    ['describe-target-health-cli-single-healthy.json', ['healthy']],
    ['describe-target-health-cli-two-healthy.json', ['healthy', 'healthy']],
    ['describe-target-health-cli-unhealthy-Target.Timeout.json', ['unhealthy']],
    ['describe-target-health-cli-unused-Target.NotInUse.json', ['unused']],
  ])('reads %s', async (file, states) => {
    elbv2.on(DescribeTargetHealthCommand).resolves(recorded(file));
    const [report] = await read([web]);
    expect(report?.error).toBeUndefined();
    expect(report?.targets.map((t) => t.state)).toEqual(states);
    expect(report?.healthCheck).toBeUndefined();
  });

  it('keeps the Lambda target’s availability zone and has no port for it', async () => {
    elbv2
      .on(DescribeTargetHealthCommand)
      .resolves(recorded('describe-target-health-cli-lambda-unavailable-Target.HealthCheckDisabled.json'));
    const [report] = await read([web]);
    expect(report?.targets[0]).toEqual({
      id: 'arn:aws:lambda:us-west-2:123456789012:function:my-function',
      availabilityZone: 'all',
      state: 'unavailable',
      reason: 'Target.HealthCheckDisabled',
      description: 'Health checks are not enabled for this target',
    });
  });

  it('reads several groups in parallel, each with an abort signal', async () => {
    const api = ref('api', '0123456789abcdef');
    elbv2
      .on(DescribeTargetHealthCommand, { TargetGroupArn: web.arn })
      .resolves(recorded('describe-target-health-cli-single-healthy.json'))
      .on(DescribeTargetHealthCommand, { TargetGroupArn: api.arn })
      .resolves(recorded('describe-target-health-cli-unhealthy-Target.Timeout.json'));
    const reports = await read([web, api]);
    expect(reports.map((r) => [r.targetGroup.name, r.targets[0]?.state])).toEqual([
      ['web', 'healthy'],
      ['api', 'unhealthy'],
    ]);
    const options = elbv2.commandCalls(DescribeTargetHealthCommand).map((call) => (call.args as unknown[])[1]);
    expect(options).toEqual([{ abortSignal: expect.any(AbortSignal) }, { abortSignal: expect.any(AbortSignal) }]);
  });

  it.each([
    [
      'AccessDenied',
      awsError(
        'AccessDenied',
        'User: arn:aws:sts::123456789012:assumed-role/notifier/alarm is not authorized to perform: elasticloadbalancing:DescribeTargetHealth',
        403,
      ),
      /^AccessDenied: User: arn:aws:sts::123456789012:assumed-role\/notifier\/alarm is not authorized/,
    ],
    [
      'throttling',
      awsError('Throttling', 'Rate exceeded', 400, { $retryable: { throttling: true } }),
      /^Throttling: Rate exceeded$/,
    ],
    [
      'a deleted target group',
      new TargetGroupNotFoundException({ message: 'One or more target groups not found', $metadata: {} }),
      /^TargetGroupNotFoundException: One or more target groups not found$/,
    ],
    [
      'a network error',
      Object.assign(new Error('connect ETIMEDOUT 52.94.0.1:443'), { code: 'ETIMEDOUT' }),
      /^Error: connect ETIMEDOUT/,
    ],
    ['a non-Error rejection', 'boom', /^Error: boom$/],
  ])('reports %s as a note instead of throwing', async (_, error, note) => {
    elbv2.on(DescribeTargetHealthCommand).rejects(error as Error);
    elbv2.on(DescribeTargetGroupsCommand).rejects(error as Error);
    const [report] = await read([web]);
    expect(report).toEqual({ targetGroup: web, targets: [], error: expect.stringMatching(note) });
  });

  it('keeps every note to one line of at most 200 characters', async () => {
    elbv2.on(DescribeTargetHealthCommand).rejects(awsError('AccessDenied', `not\nauthorized ${'x'.repeat(400)}`, 403));
    const [report] = await read([web]);
    expect(report?.error).not.toContain('\n');
    expect(report?.error?.length).toBeLessThanOrEqual(200);
    expect(report?.error).toMatch(/^AccessDenied: not authorized x+…$/);
  });

  it('gives up on a call that hangs longer than the timeout', async () => {
    elbv2.on(DescribeTargetHealthCommand).callsFake(() => new Promise(() => {}));
    elbv2.on(DescribeTargetGroupsCommand).callsFake(() => new Promise(() => {}));
    // A call that never answers always loses to the timer, however loaded the machine.
    const impatient = createTargetHealthReader(client, { timeoutMs: 200 });
    const [report] = await impatient([web]);
    expect(report).toEqual({ targetGroup: web, targets: [], error: 'TimeoutError: no answer within 200 ms' });
  });

  it('still reports the targets when only the health check settings cannot be read', async () => {
    elbv2.on(DescribeTargetHealthCommand).resolves(recorded('describe-target-health-cli-single-healthy.json'));
    elbv2.on(DescribeTargetGroupsCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    const [report] = await read([web]);
    expect(report).toEqual({ targetGroup: web, targets: [{ id: 'i-0f76fade', port: 80, state: 'healthy' }] });
  });

  it('asks the client of the target group’s region when given one per region', async () => {
    elbv2.on(DescribeTargetHealthCommand).resolves(recorded('describe-target-health-cli-single-healthy.json'));
    const regions: string[] = [];
    const perRegion = createTargetHealthReader(
      (region) => {
        regions.push(region);
        return client;
      },
      { timeoutMs: 10_000 },
    );
    await perRegion([{ ...web, region: 'eu-west-1' }]);
    expect(regions).toEqual(['eu-west-1']);
  });

  it('answers an empty list for no target groups without calling AWS', async () => {
    expect(await read([])).toEqual([]);
    expect(elbv2).not.toHaveReceivedAnyCommand();
  });
});
