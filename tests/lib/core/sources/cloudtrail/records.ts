import { wrapRecord } from './fixtures';

/** An ordinary successful CLI call by IAM user alice with a long-term key; tests override what matters. */
export const baseRecord = {
  eventVersion: '1.08',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEALICE',
    arn: 'arn:aws:iam::111122223333:user/alice',
    accountId: '111122223333',
    accessKeyId: 'AKIAEXAMPLEALICE',
    userName: 'alice',
  },
  eventTime: '2025-03-04T05:06:07Z',
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: 'aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/linux',
  requestParameters: {},
  responseElements: null,
  requestID: 'req-1',
  eventID: '11111111-2222-4333-8444-555555555555',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
} as const;

/** The EventBridge event of a call, with fields of the record replaced. */
export function call(eventSource: string, eventName: string, overrides: Record<string, unknown> = {}) {
  return wrapRecord({ ...structuredClone(baseRecord), eventSource, eventName, ...overrides });
}

const root = {
  type: 'Root',
  principalId: '111122223333',
  arn: 'arn:aws:iam::111122223333:root',
  accountId: '111122223333',
};

/** A console sign-in event (detail-type "AWS Console Sign In via CloudTrail"). */
export function signIn(options: { root?: boolean; success: boolean; mfa?: 'Yes' | 'No' }) {
  return call('signin.amazonaws.com', 'ConsoleLogin', {
    eventType: 'AwsConsoleSignIn',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    ...(options.root ? { userIdentity: root } : {}),
    responseElements: { ConsoleLogin: options.success ? 'Success' : 'Failure' },
    ...(options.success ? {} : { errorMessage: 'Failed authentication' }),
    additionalEventData: { MobileVersion: 'No', MFAUsed: options.mfa ?? 'No' },
  });
}

/** A call made by the root user. */
export const byRoot = (eventSource: string, eventName: string, overrides: Record<string, unknown> = {}) =>
  call(eventSource, eventName, { userIdentity: root, ...overrides });

/** An ingress rule from `cidr` (IPv4 or IPv6) on `port`. */
export const ingress = (cidr: string, port: number) => ({
  groupId: 'sg-0123456789abcdef0',
  ipPermissions: {
    items: [
      {
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        ...(cidr.includes(':')
          ? { ipv6Ranges: { items: [{ cidrIpv6: cidr }] } }
          : { ipRanges: { items: [{ cidrIp: cidr }] } }),
      },
    ],
  },
});
