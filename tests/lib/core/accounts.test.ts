import { describe, expect, it } from 'vitest';
import { accountLabel, parseAccountNames, withAccountNames } from '../../../src/lib/core/accounts';
import { renderEmail } from '../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../src/lib/core/channels/slack/render-slack';
import { albAlarm } from './render/sample-notifications';

describe('accounts: names for people', () => {
  it('shows the id, and the name beside it when one is known', () => {
    expect(accountLabel({ account: '111122223333', accountName: 'prod' })).toBe('111122223333 (prod)');
    expect(accountLabel({ account: '111122223333' })).toBe('111122223333');
    expect(accountLabel({ account: '111122223333', accountName: '111122223333' })).toBe('111122223333');
    expect(accountLabel({})).toBe('');
  });

  it('names each notification’s account it knows, keeping a name already given', () => {
    const named = withAccountNames(
      [
        { ...albAlarm, account: '111122223333' },
        { ...albAlarm, account: '444455556666' },
        { ...albAlarm, account: '111122223333', accountName: 'given' },
      ],
      new Map([['111122223333', 'prod']]),
    );
    expect(named.map((n) => n.accountName)).toEqual(['prod', undefined, 'given']);
  });

  it('reads the accountNames parameter, and names the entry that is wrong', () => {
    expect([...parseAccountNames(' 111122223333=prod , 444455556666 = staging one ')]).toEqual([
      ['111122223333', 'prod'],
      ['444455556666', 'staging one'],
    ]);
    expect(parseAccountNames('').size).toBe(0);
    expect(() => parseAccountNames('111122223333=prod,12345=short')).toThrow(
      '"12345=short" is not ACCOUNT_ID=NAME (a 12-digit account id, then a name)',
    );
    expect(() => parseAccountNames('111122223333=')).toThrow('"111122223333="');
  });

  it('shows the named account in the email rows and the Slack context line', () => {
    const n = { ...albAlarm, account: '111122223333', accountName: 'acme-prod' };
    expect(renderEmail(n)).toMatch(/^Account: +111122223333 \(acme-prod\)$/m);
    const context = renderSlack(n).blocks.find((b) => b.type === 'context');
    expect(JSON.stringify(context)).toContain('111122223333 (acme-prod)');
  });
});
