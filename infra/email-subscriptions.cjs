'use strict';

/**
 * One `AWS::SNS::Subscription` (protocol email) per address in the `alertEmail` parameter, each
 * filtered on the `severity` message attribute (`emailSeverities`). No address, no subscription.
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

/** Pure: the Resources for these addresses. */
function emailSubscriptions(emails, filterPolicy) {
  const entries = emails.map((email) => [
    logicalId(email),
    {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'NotificationsTopic' },
        Protocol: 'email',
        Endpoint: email,
        FilterPolicyScope: 'MessageAttributes',
        FilterPolicy: filterPolicy,
      },
    },
  ]);
  return { Resources: Object.fromEntries(entries) };
}

module.exports = async (resolver) => {
  const params = await resolveParams(resolver);
  return emailSubscriptions(params.alertEmails, params.emailFilterPolicy);
};
module.exports.emailSubscriptions = emailSubscriptions;
