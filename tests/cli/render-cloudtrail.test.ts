import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NOW } from './memory-io';

const RECORDS = join(import.meta.dirname, '..', 'fixtures', 'cloudtrail', 'records');

async function renderJson(file: string) {
  const { code, stdout, stderr } = await cli(['render', '--format', 'json', '--now', NOW, file]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as {
    notifications: Array<{ category: string; severity: string; subject: string; email: string }>;
    ignored: Array<{ rule: string; reason: string }>;
  };
}

describe('notifier render: CloudTrail records and log files, as EventBridge would deliver them', () => {
  it.each([
    ['StopLogging', 'panther-StopLogging-assumed-role.json', 'critical', /StopLogging/],
    ['a root console sign-in', 'docs-ConsoleLogin-root-success-no-mfa.json', 'critical', /ConsoleLogin by root/],
    ['ingress from 0.0.0.0/0', 'panther-AuthorizeSecurityGroupIngress-0.0.0.0-0.json', 'critical', /0\.0\.0\.0\/0/],
    ['an AccessDenied call', 'panther-PutBucketAcl-AccessDenied.json', 'warning', /AccessDenied/],
    [
      'a denied DescribeInstances (an unauthorized call)',
      'fivexl-unauthorized_operation.json',
      'warning',
      /UnauthorizedOperation/,
    ],
  ])('notifies %s', async (_name, file, severity, text) => {
    const output = await renderJson(join(RECORDS, file));
    expect(output.notifications).toHaveLength(1);
    expect(output.notifications[0]).toMatchObject({ category: 'api-call', severity });
    expect(output.notifications[0]?.email).toMatch(text);
  });

  it('ignores a successful DescribeInstances, saying which rule and why', async () => {
    const record = JSON.parse(readFileSync(join(RECORDS, 'fivexl-unauthorized_operation.json'), 'utf8'));
    delete record.errorCode;
    delete record.errorMessage;
    const { code, stdout } = await cli(['render', '--format', 'json', '-'], JSON.stringify(record));
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.notifications).toEqual([]);
    expect(output.ignored).toEqual([
      { rule: 'no-rule-matches', reason: 'no rule matches ec2.amazonaws.com DescribeInstances', path: '' },
    ]);
  });

  it('reads a CloudTrail log file record by record', async () => {
    const output = await renderJson(join(RECORDS, 'docs-log-file-Insights-ApiCallRateInsight.json'));
    const log = JSON.parse(readFileSync(join(RECORDS, 'docs-log-file-Insights-ApiCallRateInsight.json'), 'utf8'));
    expect(output.notifications.length + output.ignored.length).toBe(log.Records.length);
  });
});
