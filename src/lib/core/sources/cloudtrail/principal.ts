import { mfaUsedAtSignIn } from './record';
import type { CloudTrailRecord, UserIdentity } from './schemas';
import type { MfaUse, PrincipalKind } from './strings';

/** Who made a call, in the terms people use. */
export interface Principal {
  readonly kind: PrincipalKind;
  /** `userIdentity.type` as recorded, when it is not one we know. */
  readonly rawType?: string;
  /** User name, session name (for a role session), service or account. */
  readonly name: string;
  readonly arn?: string;
  /** The role behind an assumed-role session. */
  readonly role?: string;
  readonly accountId?: string;
  readonly mfa: MfaUse;
  /** What to link to in the IAM console. */
  readonly iam?: { readonly kind: 'user' | 'role'; readonly name: string };
}

/**
 * What a describer found: every optional key present (undefined when absent), so every principal
 * has one shape and the code reading it stays monomorphic when many event kinds pass through.
 */
interface Base {
  readonly kind: PrincipalKind;
  readonly rawType: string | undefined;
  readonly name: string;
  readonly role: string | undefined;
  readonly iam: Principal['iam'];
}

/** Identity Center permission-set roles; their sessions are named after the person. */
const IDENTITY_CENTER_ROLE_PREFIX = 'AWSReservedSSO_';

/** The text after the last "/" of an ARN, or undefined when that is empty. */
function lastSegment(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  return arn.slice(arn.lastIndexOf('/') + 1) || undefined;
}

const base = (kind: PrincipalKind, name: string, role?: string, iam?: Principal['iam'], rawType?: string): Base => ({
  kind,
  rawType,
  name,
  role,
  iam,
});

/** Role and session of `arn:aws:sts::123456789012:assumed-role/ROLE/SESSION`: the 2nd and 3rd "/" parts of the resource. */
function roleAndSession(arn: string | undefined): [string | undefined, string | undefined] {
  if (arn === undefined) return [undefined, undefined];
  // The resource is what follows the 5th ":"; an ARN with fewer colons has an empty resource.
  let at = 0;
  for (let colons = 0; colons < 5; colons++) {
    const next = arn.indexOf(':', at);
    if (next === -1) return [undefined, undefined];
    at = next + 1;
  }
  const first = arn.indexOf('/', at);
  if (first === -1) return [undefined, undefined];
  const second = arn.indexOf('/', first + 1);
  if (second === -1) return [arn.slice(first + 1), undefined];
  const third = arn.indexOf('/', second + 1);
  return [arn.slice(first + 1, second), arn.slice(second + 1, third === -1 ? undefined : third)];
}

function assumedRole(ui: UserIdentity): Base {
  const [roleFromArn, session] = roleAndSession(ui.arn);
  const role = ui.sessionContext?.sessionIssuer?.userName ?? roleFromArn;
  const kind = role?.startsWith(IDENTITY_CENTER_ROLE_PREFIX) ? 'identity-center' : 'assumed-role';
  const name = session ?? role ?? ui.principalId ?? 'unknown';
  return role ? base(kind, name, role, { kind: 'role', name: role }) : base(kind, name);
}

/** Describers by `userIdentity.type`; anything else falls back to the ARN or principal id. */
const describers: Record<string, (ui: UserIdentity) => Base> = {
  Root: () => base('root', 'root'),
  IAMUser: (ui) => {
    const name = ui.userName ?? lastSegment(ui.arn) ?? ui.principalId ?? 'unknown';
    return base('iam-user', name, undefined, { kind: 'user', name });
  },
  AssumedRole: assumedRole,
  FederatedUser: (ui) =>
    base(
      'federated',
      lastSegment(ui.arn) ?? ui.principalId ?? 'unknown',
      ui.sessionContext?.sessionIssuer?.userName || undefined,
    ),
  AWSService: (ui) => base('aws-service', ui.invokedBy ?? ui.principalId ?? 'unknown'),
  AWSAccount: (ui) => base('aws-account', ui.accountId ?? ui.principalId ?? 'unknown'),
  IdentityCenterUser: (ui) =>
    base('identity-center', ui.onBehalfOf?.userId ?? ui.userName ?? ui.principalId ?? 'unknown'),
};

function fallback(ui: UserIdentity): Base {
  return base(
    'unknown',
    ui.userName ?? lastSegment(ui.arn) ?? ui.principalId ?? ui.invokedBy ?? 'unknown',
    undefined,
    undefined,
    // "Unknown" is a documented type (e.g. Identity Center sign-in steps): say it in the reader's words.
    ui.type && ui.type !== 'Unknown' ? ui.type : undefined,
  );
}

/** Long-term IAM access keys start with AKIA; a call signed with one cannot carry MFA. */
const LONG_TERM_KEY_PREFIX = 'AKIA';

function mfaOf(record: CloudTrailRecord, ui: UserIdentity): MfaUse {
  const signIn = mfaUsedAtSignIn(record);
  if (signIn !== undefined) return signIn === 'yes' ? 'yes' : 'no';
  const session = ui.sessionContext?.attributes?.mfaAuthenticated?.toLowerCase();
  if (session !== undefined) return session === 'true' ? 'yes' : 'no';
  return ui.accessKeyId?.startsWith(LONG_TERM_KEY_PREFIX) ? 'no' : 'unknown';
}

/**
 * Describes `userIdentity`: kind and name, the role and session behind an assumed role (an IAM
 * Identity Center permission set shows as an Identity Center user), and whether MFA was used.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 *
 * @example describePrincipal(record) // { kind: 'assumed-role', name: 'ryan@example.com', role: 'Operator', mfa: 'no', … }
 */
export function describePrincipal(record: CloudTrailRecord): Principal {
  const ui: UserIdentity = record.userIdentity ?? {};
  const describe =
    (ui.type !== undefined && Object.hasOwn(describers, ui.type) ? describers[ui.type] : undefined) ?? fallback;
  const found = describe(ui);
  return {
    kind: found.kind,
    rawType: found.rawType,
    name: found.name,
    arn: ui.arn || undefined,
    role: found.role,
    accountId: ui.accountId || undefined,
    mfa: mfaOf(record, ui),
    iam: found.iam,
  };
}
