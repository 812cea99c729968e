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

type Base = Omit<Principal, 'mfa' | 'accountId' | 'arn'>;

/** Identity Center permission-set roles; their sessions are named after the person. */
const IDENTITY_CENTER_ROLE_PREFIX = 'AWSReservedSSO_';

const lastSegment = (arn: string | undefined) => arn?.split('/').pop() || undefined;

function assumedRole(ui: UserIdentity): Base {
  // arn:aws:sts::123456789012:assumed-role/ROLE/SESSION
  const [, roleFromArn, session] = ui.arn?.split(':').slice(5).join(':').split('/') ?? [];
  const role = ui.sessionContext?.sessionIssuer?.userName ?? roleFromArn;
  const kind = role?.startsWith(IDENTITY_CENTER_ROLE_PREFIX) ? 'identity-center' : 'assumed-role';
  const name = session ?? role ?? ui.principalId ?? 'unknown';
  return { kind, name, ...(role ? { role, iam: { kind: 'role', name: role } } : {}) };
}

/** Describers by `userIdentity.type`; anything else falls back to the ARN or principal id. */
const describers: Record<string, (ui: UserIdentity) => Base> = {
  Root: () => ({ kind: 'root', name: 'root' }),
  IAMUser: (ui) => {
    const name = ui.userName ?? lastSegment(ui.arn) ?? ui.principalId ?? 'unknown';
    return { kind: 'iam-user', name, iam: { kind: 'user', name } };
  },
  AssumedRole: assumedRole,
  FederatedUser: (ui) => ({
    kind: 'federated',
    name: lastSegment(ui.arn) ?? ui.principalId ?? 'unknown',
    ...(ui.sessionContext?.sessionIssuer?.userName ? { role: ui.sessionContext.sessionIssuer.userName } : {}),
  }),
  AWSService: (ui) => ({ kind: 'aws-service', name: ui.invokedBy ?? ui.principalId ?? 'unknown' }),
  AWSAccount: (ui) => ({ kind: 'aws-account', name: ui.accountId ?? ui.principalId ?? 'unknown' }),
  IdentityCenterUser: (ui) => ({
    kind: 'identity-center',
    name: ui.onBehalfOf?.userId ?? ui.userName ?? ui.principalId ?? 'unknown',
  }),
};

function fallback(ui: UserIdentity): Base {
  return {
    kind: 'unknown',
    // "Unknown" is a documented type (e.g. Identity Center sign-in steps): say it in the reader's words.
    ...(ui.type && ui.type !== 'Unknown' ? { rawType: ui.type } : {}),
    name: ui.userName ?? lastSegment(ui.arn) ?? ui.principalId ?? ui.invokedBy ?? 'unknown',
  };
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
  return {
    ...describe(ui),
    ...(ui.arn ? { arn: ui.arn } : {}),
    ...(ui.accountId ? { accountId: ui.accountId } : {}),
    mfa: mfaOf(record, ui),
  };
}
