import { lenientText as text } from '../../schemas/lenient';
import * as z from '../../schemas/zod';

/**
 * EventBridge detail-types of CloudTrail events this notifier handles (spelling as AWS sends them).
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 */
export const API_CALL_DETAIL_TYPE = 'AWS API Call via CloudTrail';
export const SIGN_IN_DETAIL_TYPE = 'AWS Console Sign In via CloudTrail';
/**
 * Events an AWS service records without a public API call (`eventType` AwsServiceEvent). Sign-in
 * records some sign-in steps this way: IAM Identity Center's CredentialChallenge,
 * CredentialVerification and UserAuthentication.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/understanding-sign-in-events.html
 */
export const SERVICE_EVENT_DETAIL_TYPE = 'AWS Service Event via CloudTrail';
export const detailTypes = [API_CALL_DETAIL_TYPE, SIGN_IN_DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE] as const;
export type DetailType = (typeof detailTypes)[number];

/** An object passed through as-is when it is one; otherwise undefined. */
const anyObject = z.catch(z.optional(z.record(z.string(), z.unknown())), undefined);

/**
 * The role (or user) a temporary session was issued from.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export const sessionIssuerSchema = z.looseObject({
  type: text,
  principalId: text,
  arn: text,
  accountId: text,
  userName: text,
});

/** `userIdentity.sessionContext`: who issued the session and whether MFA was used to get it. */
export const sessionContextSchema = z.looseObject({
  sessionIssuer: z.catch(z.optional(sessionIssuerSchema), undefined),
  attributes: z.catch(z.optional(z.looseObject({ mfaAuthenticated: text, creationDate: text })), undefined),
  sourceIdentity: text,
});

/**
 * Identity types CloudTrail records (others may appear; they are shown by their raw type).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export const userIdentityTypes = [
  'Root',
  'IAMUser',
  'AssumedRole',
  'FederatedUser',
  'AWSService',
  'AWSAccount',
  'IdentityCenterUser',
  'Directory',
  'Unknown',
] as const;

/**
 * `userIdentity` of a CloudTrail record. One tolerant shape for every variant: fields differ by
 * `type` and `eventVersion`, so each is optional and unknown fields pass through.
 */
export const userIdentitySchema = z.looseObject({
  type: text,
  principalId: text,
  arn: text,
  accountId: text,
  accessKeyId: text,
  userName: text,
  invokedBy: text,
  sessionContext: z.catch(z.optional(sessionContextSchema), undefined),
  /** IdentityCenterUser: the Identity Center user the call was made for. */
  onBehalfOf: z.catch(z.optional(z.looseObject({ userId: text, identityStoreArn: text })), undefined),
  credentialId: text,
});

/**
 * One CloudTrail record (the `detail` of the EventBridge event, unchanged). Only `eventSource` and
 * `eventName` are required; everything else is optional, of any eventVersion, and passed through.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export const cloudTrailRecordSchema = z.looseObject({
  eventVersion: text,
  userIdentity: z.catch(z.optional(userIdentitySchema), undefined),
  eventTime: text,
  eventSource: z.string({ error: 'is missing or not a string' }).check(z.minLength(1, { error: 'is empty' })),
  eventName: z.string({ error: 'is missing or not a string' }).check(z.minLength(1, { error: 'is empty' })),
  awsRegion: text,
  sourceIPAddress: text,
  userAgent: text,
  /** An object for most calls; null, or even the string "null", for some. */
  requestParameters: anyObject,
  responseElements: anyObject,
  additionalEventData: anyObject,
  /** Service events (eventType AwsServiceEvent) put their outcome here, e.g. `{ "CredentialVerification": "Failure" }`. */
  serviceEventDetails: anyObject,
  errorCode: text,
  errorMessage: text,
  eventID: text,
  eventType: text,
  recipientAccountId: text,
  sessionCredentialFromConsole: text,
});

/**
 * The EventBridge envelope of a CloudTrail event. `detail` passes through as it is, unchecked and
 * not copied: parseCloudTrailEvent checks it once, as the record, so an error names the field
 * (`detail.eventName`), and the record's own parse is its only copy.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 */
export const eventBridgeEnvelopeSchema = z.looseObject({
  version: text,
  id: text,
  'detail-type': z.string({ error: 'is missing or not a string' }),
  source: z.string({ error: 'is missing or not a string' }),
  account: text,
  time: text,
  region: text,
});

export type UserIdentity = z.infer<typeof userIdentitySchema>;
export type CloudTrailRecord = z.infer<typeof cloudTrailRecordSchema>;
export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelopeSchema>;

/** A parsed CloudTrail event: the envelope, the checked record, and the raw detail (for pattern matching). */
export interface CloudTrailEvent {
  /** The envelope; its `detail` is the record (read {@link CloudTrailEvent.record} or `raw`). */
  readonly envelope: EventBridgeEnvelope;
  readonly record: CloudTrailRecord;
  /** `detail` exactly as received: what EventBridge patterns and rule conditions see. */
  readonly raw: Record<string, unknown>;
}
