import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_NAME_CACHE_MS,
  type AccountNameSources,
  awsAccountNameSources,
  createAccountNamer,
} from '../../../src/lib/adapters/account-names';
import { AwsServiceError } from '../../../src/lib/adapters/aws-json';

const OWN = '111122223333';
const MEMBER = '444455556666';

/** Sources answering from tables, counting calls. */
function fakeSources(aliases: Record<string, string | Error>, orgNames: Record<string, string | Error>) {
  const calls: string[] = [];
  const answer = (value: string | Error | undefined) =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
  const sources: AccountNameSources = {
    ownAlias: () => {
      calls.push('alias');
      return answer(aliases.own);
    },
    organizationsName: (id) => {
      calls.push(`organizations:${id}`);
      return answer(orgNames[id]);
    },
  };
  return { sources, calls };
}

describe('adapters: account names', () => {
  it('names the own account by its alias and others by their Organizations name; configured names win without a call', async () => {
    const { sources, calls } = fakeSources({ own: 'acme-prod' }, { [MEMBER]: 'Staging', '777788889999': 'Ignored' });
    const names = createAccountNamer({ configured: new Map([['777788889999', 'sandbox']]), lookUp: true, sources });
    expect(await names([OWN, MEMBER, '777788889999', OWN], OWN)).toEqual(
      new Map([
        ['777788889999', 'sandbox'],
        [OWN, 'acme-prod'],
        [MEMBER, 'Staging'],
      ]),
    );
    expect(calls).toEqual(['alias', `organizations:${MEMBER}`]);
  });

  it('falls back to the Organizations name when the own account has no alias', async () => {
    const { sources } = fakeSources({}, { [OWN]: 'Security tooling' });
    expect(await createAccountNamer({ configured: new Map(), lookUp: true, sources })([OWN], OWN)).toEqual(
      new Map([[OWN, 'Security tooling']]),
    );
  });

  it('shows an account by its id when no lookup can name it (denied, failed), and asks again only after an hour', async () => {
    let now = 0;
    const denied = new AwsServiceError('AccessDeniedException', 'not the management account', 400);
    const { sources, calls } = fakeSources({ own: new Error('throttled') }, { [OWN]: denied, [MEMBER]: denied });
    const names = createAccountNamer({ configured: new Map(), lookUp: true, sources, now: () => now });
    expect(await names([OWN, MEMBER], OWN)).toEqual(new Map());
    await names([OWN, MEMBER], OWN);
    expect(calls).toHaveLength(3);
    now += ACCOUNT_NAME_CACHE_MS;
    await names([MEMBER], OWN);
    expect(calls).toHaveLength(4);
  });

  it('looks nothing up with lookUpAccountNames=false', async () => {
    const { sources, calls } = fakeSources({ own: 'x' }, {});
    const names = createAccountNamer({ configured: new Map([[OWN, 'prod']]), lookUp: false, sources });
    expect(await names([OWN, MEMBER], OWN)).toEqual(new Map([[OWN, 'prod']]));
    expect(calls).toEqual([]);
  });
});

describe('adapters: account name sources on AWS', () => {
  const iam = mockClient(IAMClient);
  beforeEach(() => iam.reset());

  it('reads the alias with IAM ListAccountAliases', async () => {
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: ['acme-prod'] });
    expect(await awsAccountNameSources().ownAlias()).toBe('acme-prod');
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: [] });
    expect(await awsAccountNameSources().ownAlias()).toBeUndefined();
  });

  it('reads the name with Organizations DescribeAccount', async () => {
    const asked: unknown[] = [];
    const call = async (operation: string, input: unknown) => {
      asked.push([operation, input]);
      return { Account: { Id: MEMBER, Name: ' Staging ' } };
    };
    expect(await awsAccountNameSources(call).organizationsName(MEMBER)).toBe('Staging');
    expect(asked).toEqual([['DescribeAccount', { AccountId: MEMBER }]]);
  });
});
