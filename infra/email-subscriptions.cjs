'use strict';

/**
 * The email path, when `alertEmail` names any address: the email queue subscribed to the
 * notifications topic with the email filter policy (the email function groups its batches and
 * publishes one email per group to the email topic), and one `AWS::SNS::Subscription` (protocol
 * email) per address on the email topic, each with the same filter policy, so an address's policy
 * can still be changed on its own. No address, no subscription (and the email function is never
 * invoked).
 *
 * Merged into `resources` by serverless.yml as `${file(./infra/email-subscriptions.cjs)}`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-subscription.html
 */
const { createHash } = require('node:crypto');
const resolveParams = require('./params.cjs');

/**
 * The logical ID comes from the address, not its position: reordering the list must not replace
 * a subscription (a replaced one needs its confirmation mail clicked again).
 */
const logicalId = (email) =>
  `EmailSubscription${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 12)}`;

/** The email queue's subscription: raw delivery, so a message is the Notification JSON (the `sqs` body). */
const queueSubscription = (filterPolicy) => ({
  Type: 'AWS::SNS::Subscription',
  Properties: {
    TopicArn: { Ref: 'NotificationsTopic' },
    Protocol: 'sqs',
    Endpoint: { 'Fn::GetAtt': ['EmailQueue', 'Arn'] },
    RawMessageDelivery: true,
    FilterPolicyScope: 'MessageAttributes',
    FilterPolicy: filterPolicy,
    RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['EmailDeadLetterQueue', 'Arn'] } },
  },
});

/** Pure: the Resources for these addresses. */
function emailSubscriptions(emails, filterPolicy) {
  if (emails.length === 0) return { Resources: {} };
  const entries = emails.map((email) => [
    logicalId(email),
    {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'EmailTopic' },
        Protocol: 'email',
        Endpoint: email,
        FilterPolicyScope: 'MessageAttributes',
        FilterPolicy: filterPolicy,
      },
    },
  ]);
  return { Resources: { EmailQueueSubscription: queueSubscription(filterPolicy), ...Object.fromEntries(entries) } };
}

module.exports = async (resolver) => {
  const params = await resolveParams(resolver);
  return emailSubscriptions(params.alertEmails, params.emailFilterPolicy);
};
module.exports.emailSubscriptions = emailSubscriptions;
