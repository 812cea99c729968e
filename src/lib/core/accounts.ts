import type { Notification } from './notification';

/** An AWS account id: twelve digits. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/**
 * "111122223333 (prod)" — how an account is shown: its id, which is what the console and the CLI
 * take, and its name when one is known.
 * @example accountLabel({ account: '111122223333', accountName: 'prod' }) // "111122223333 (prod)"
 */
export function accountLabel(n: Pick<Notification, 'account' | 'accountName'>): string {
  if (!n.account) return '';
  return n.accountName && n.accountName !== n.account ? `${n.account} (${n.accountName})` : n.account;
}

/**
 * The notifications with the name of their account, where `names` knows it (a name already set stays).
 * @example withAccountNames([n], new Map([['111122223333', 'prod']]))[0].accountName // "prod"
 */
export function withAccountNames(
  notifications: readonly Notification[],
  names: ReadonlyMap<string, string>,
): Notification[] {
  return notifications.map((n) => {
    const name = n.account && !n.accountName ? names.get(n.account) : undefined;
    return name ? { ...n, accountName: name } : n;
  });
}

/**
 * Reads the `accountNames` parameter, "111122223333=prod, 444455556666=staging".
 * @throws Error naming the entry that is not `12-digit id=name`.
 * @example parseAccountNames('111122223333=prod').get('111122223333') // "prod"
 */
export function parseAccountNames(text: string): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const id = entry.slice(0, at).trim();
    const name = entry.slice(at + 1).trim();
    if (at < 0 || !ACCOUNT_ID_PATTERN.test(id) || name === '') {
      throw new Error(`"${entry}" is not ACCOUNT_ID=NAME (a 12-digit account id, then a name)`);
    }
    names.set(id, name);
  }
  return names;
}
