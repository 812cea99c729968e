import { describeAwsError } from './aws-errors';
import type { AwsJsonCall } from './aws-json';
import { createAwsJsonClient } from './aws-json';
import type { Clock } from './clock';
import { logger } from './logger';
import { withTimeout } from './timeout';

/** How long a name (or the lack of one) is reused: names rarely change; a container lives for hours. */
export const ACCOUNT_NAME_CACHE_MS = 3_600_000;

/** Budget of one lookup; past it the account is shown by its id alone. */
export const ACCOUNT_NAME_TIMEOUT_MS = 1_000;

/**
 * The Organizations API's one endpoint in the aws partition.
 * @see https://docs.aws.amazon.com/general/latest/gr/ao.html
 */
const ORGANIZATIONS_ENDPOINT = 'https://organizations.us-east-1.amazonaws.com';

/** Where names come from besides the configured ones; each answers undefined when it has none. */
export interface AccountNameSources {
  /** The function's own account's alias (IAM ListAccountAliases). */
  readonly ownAlias: () => Promise<string | undefined>;
  /** An account's name in the organization (Organizations DescribeAccount: management or delegated admin). */
  readonly organizationsName: (accountId: string) => Promise<string | undefined>;
}

/** Options of {@link createAccountNamer}. */
export interface AccountNamerOptions {
  /** Names from the `accountNames` parameter: they win, and need no call. */
  readonly configured: ReadonlyMap<string, string>;
  /** False: configured names only (the `lookUpAccountNames` parameter). */
  readonly lookUp: boolean;
  readonly sources?: AccountNameSources;
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly now?: Clock;
}

/** IAM's ListAccountAliases, loaded on first use (the SDK client is in the Lambda runtime). */
async function iamAlias(): Promise<string | undefined> {
  const { IAMClient, ListAccountAliasesCommand } = await import('@aws-sdk/client-iam');
  const { sdkClientConfig } = await import('./sdk-client');
  const answer = await new IAMClient(sdkClientConfig({ region: 'us-east-1' })).send(new ListAccountAliasesCommand({}));
  return answer.AccountAliases?.[0];
}

/** Organizations' DescribeAccount through the project's signed JSON client (JSON 1.1). */
function organizationsDescriber(call?: AwsJsonCall): (accountId: string) => Promise<string | undefined> {
  let client = call;
  return async (accountId) => {
    client ??= createAwsJsonClient({
      endpoint: ORGANIZATIONS_ENDPOINT,
      region: 'us-east-1',
      service: 'organizations',
      targetPrefix: 'AWSOrganizationsV20161128',
      jsonVersion: '1.1',
    });
    const answer = await client('DescribeAccount', { AccountId: accountId });
    const name = (answer.Account as { Name?: unknown } | undefined)?.Name;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  };
}

/** The real sources: IAM for the own account's alias, Organizations for any account's name. */
export const awsAccountNameSources = (organizations?: AwsJsonCall): AccountNameSources => ({
  ownAlias: iamAlias,
  organizationsName: organizationsDescriber(organizations),
});

/**
 * Names accounts for people: a configured name first; else, for the function's own account, its IAM
 * alias; else its name in AWS Organizations (which only the management account or a delegated
 * administrator may read). Answers, and the lack of one, are cached; a lookup never throws and never
 * holds a notification back beyond its timeout: the account is then shown by its id.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeAccount.html
 * @example const names = await createAccountNamer({ configured, lookUp: true })(['111122223333'], '111122223333');
 */
export function createAccountNamer(
  options: AccountNamerOptions,
): (accountIds: readonly string[], ownAccount?: string) => Promise<Map<string, string>> {
  const sources = options.sources ?? awsAccountNameSources();
  const timeoutMs = options.timeoutMs ?? ACCOUNT_NAME_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? ACCOUNT_NAME_CACHE_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { name: string | undefined; until: number }>();

  const ask = async (what: string, call: () => Promise<string | undefined>) => {
    try {
      return await withTimeout(timeoutMs, () => call());
    } catch (error) {
      logger.info('account name not available', { lookup: what, error: describeAwsError(error) });
      return undefined;
    }
  };

  async function lookUp(accountId: string, own: boolean): Promise<string | undefined> {
    const cached = cache.get(accountId);
    if (cached && cached.until > now()) return cached.name;
    const name =
      (own ? await ask('alias', sources.ownAlias) : undefined) ??
      (await ask('organizations', () => sources.organizationsName(accountId)));
    cache.set(accountId, { name, until: now() + cacheMs });
    return name;
  }

  return async function accountNames(accountIds, ownAccount) {
    const names = new Map<string, string>();
    const unknown = [...new Set(accountIds)].filter((id) => {
      const configured = options.configured.get(id);
      if (configured) names.set(id, configured);
      return !configured;
    });
    if (!options.lookUp) return names;
    const found = await Promise.all(unknown.map(async (id) => [id, await lookUp(id, id === ownAccount)] as const));
    for (const [id, name] of found) if (name) names.set(id, name);
    return names;
  };
}
