import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { TrailStatusReport } from '../../lib/adapters/cloudtrail-status';
import { EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags, toFormat } from '../options';

/** Usage text of `notifier doctor`. */
export const doctorUsage = `Usage: notifier doctor [--region REGION] [--format text|json]

Checks that a CloudTrail trail with logging enabled covers the region (EventBridge delivers
"AWS API Call via CloudTrail" events only then) and says what is missing and how to fix it.
Uses the AWS credentials of the environment (AWS_PROFILE, "aws configure", "aws sso login").
Exit code 0 when healthy, 1 when not, 2 when no usable credentials were found (nothing checked).

  --region   the region to check (default: AWS_REGION or AWS_DEFAULT_REGION)
  --format   text (default) or json`;

const flags = {
  region: { type: 'string' },
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** What the doctor needs from outside; tests pass a mocked client. */
export interface DoctorDeps {
  readonly createClient: (region: string) => CloudTrailClient | Promise<CloudTrailClient>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

// The SDK is loaded only when doctor runs, so every other command starts without it.
const defaultDeps: DoctorDeps = {
  createClient: async (region) => new (await import('@aws-sdk/client-cloudtrail')).CloudTrailClient({ region }),
  env: process.env,
};
const marks = { ok: 'OK     ', problem: 'PROBLEM', info: 'NOTE   ' } as const;

function reportText(report: TrailStatusReport): string {
  const lines = [`CloudTrail in ${report.region}: ${report.healthy ? 'healthy' : 'NOT healthy'}`];
  for (const f of report.findings) {
    lines.push(`${marks[f.level]} ${f.message}`);
    if (f.fix) lines.push(...f.fix.split('\n').map((l) => `        ${l}`));
  }
  return lines.join('\n');
}

/** `notifier doctor`: is there a logging trail covering the region? */
export async function doctorCommand(args: string[], io: CliIo, deps: DoctorDeps = defaultDeps): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, doctorUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`doctor: unexpected argument "${positionals[0]}"`);
  const format = toFormat(values.format);
  const region = values.region ?? deps.env.AWS_REGION ?? deps.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('doctor: --region is required (or set AWS_REGION)');
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    throw new UsageError(`--region: "${region}" is not a region code such as us-east-1`);
  const { checkTrails } = await import('../../lib/adapters/cloudtrail-status');
  const report = await checkTrails(await deps.createClient(region), region);
  writeLine(io.stdout, format === 'json' ? JSON.stringify(report, null, 2) : reportText(report));
  return report.healthy ? EXIT.ok : EXIT.failure;
}
