import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { digestPeriods } from '../../src/lib/core/sources/cost-digest/periods';

/** infra/digest-params.cjs is CommonJS for osls' `${file()}` resolver. */
interface DigestParamsModule {
  deriveDigestParams(raw: Record<string, string>, timeZone: string): Record<string, string>;
  DIGEST_PERIOD_SCHEDULES: Record<string, string>;
}
const require = createRequire(import.meta.url);
const { deriveDigestParams, DIGEST_PERIOD_SCHEDULES } = require('../../infra/digest-params.cjs') as DigestParamsModule;

/** The digest's part of serverless.yml's `params.default`. */
const DEFAULTS = {
  digestEnabled: 'true',
  digestPeriod: 'daily',
  digestSchedule: '',
  digestTimeZone: '',
  digestTopN: '5',
  costMetric: 'UnblendedCost',
  includeCreditsAndRefunds: 'false',
};
const derive = (overrides: Partial<typeof DEFAULTS>) => deriveDigestParams({ ...DEFAULTS, ...overrides }, 'UTC');

describe('infra: digest params', () => {
  it('knows the same periods and default schedules as the period table', () => {
    expect(DIGEST_PERIOD_SCHEDULES).toEqual(
      Object.fromEntries(Object.entries(digestPeriods).map(([period, row]) => [period, row.schedule])),
    );
  });

  it('sends the daily digest at 09:00 by default, as before', () => {
    expect(derive({})).toMatchObject({ digestPeriod: 'daily', digestSchedule: 'cron(0 9 * * ? *)' });
    expect(derive({ digestPeriod: '' }).digestPeriod).toBe('daily');
  });

  it.each([
    ['weekly', 'cron(0 9 ? * MON *)'],
    ['monthly', 'cron(0 9 1 * ? *)'],
    ['Monthly', 'cron(0 9 1 * ? *)'],
  ])('runs a %s digest on its own schedule unless digestSchedule says otherwise', (digestPeriod, schedule) => {
    expect(derive({ digestPeriod })).toMatchObject({
      digestPeriod: digestPeriod.toLowerCase(),
      digestSchedule: schedule,
    });
    expect(derive({ digestPeriod, digestSchedule: 'cron(30 8 ? * FRI *)' }).digestSchedule).toBe(
      'cron(30 8 ? * FRI *)',
    );
  });

  it('rejects an unknown period in one line naming the parameter', () => {
    expect(() => derive({ digestPeriod: 'hourly' })).toThrow(
      'Invalid parameter "digestPeriod": "hourly" is not one of daily, weekly, monthly. Example: --param="digestPeriod=weekly"',
    );
  });
});
