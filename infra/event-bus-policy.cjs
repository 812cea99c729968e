'use strict';

/**
 * Who may put events on this region's default event bus, so that forwarder stacks (infra/forwarder.cjs)
 * in other accounts reach the home stack: every account of an organization (`organizationId`) and/or
 * listed accounts (`eventSourceAccountIds`). Neither = no policy: the home account's own forwarders in
 * other regions need none (same account), and no other account can put events here.
 *
 * The home stack's rules match forwarded events because their patterns never name an `account`
 * ("rules with an account field do not match any events sent from other accounts"):
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutPermission.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-eventbuspolicy.html
 *
 * Merged into `resources` by serverless.yml as `${file(./infra/event-bus-policy.cjs)}`.
 */
const { ParameterError, splitList } = require('./param-checks.cjs');

/** Organization IDs: https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const ACCOUNT_ID = /^\d{12}$/;

/** The default bus of this account and region, the only bus the notifier's rules read. */
const DEFAULT_BUS_ARN = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
  'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default',
};

function parseOrganizationId(value) {
  const id = String(value ?? '').trim();
  if (id !== '' && !ORGANIZATION_ID.test(id)) {
    throw new ParameterError('organizationId', `"${id}" is not an organization ID`, 'o-a1b2c3d4e5');
  }
  return id;
}

function parseAccountIds(value) {
  const ids = [...new Set(splitList(value))];
  const bad = ids.filter((id) => !ACCOUNT_ID.test(id));
  if (bad.length > 0) {
    throw new ParameterError('eventSourceAccountIds', `not a 12-digit account ID: ${bad.join(', ')}`, '111122223333');
  }
  return ids;
}

/** A statement of the default bus's policy; `StatementId` is unique per stack (the bus is shared). */
const busPolicy = (statementId, statement) => ({
  Type: 'AWS::Events::EventBusPolicy',
  Properties: {
    EventBusName: 'default',
    StatementId: statementId,
    Statement: { Effect: 'Allow', Action: 'events:PutEvents', Resource: DEFAULT_BUS_ARN, ...statement },
  },
});

/**
 * Pure: the Resources for these parameters.
 * @param prefix the stack's name prefix, e.g. `notifier-dev`, to keep statement IDs apart per stack
 */
function eventBusPolicy(raw, prefix) {
  const organizationId = parseOrganizationId(raw.organizationId);
  const accountIds = parseAccountIds(raw.eventSourceAccountIds);
  const resources = {};
  if (organizationId !== '') {
    // Senders in an organization must put events through a role (the forwarder's ForwarderRole).
    resources.OrganizationPutsEvents = busPolicy(`${prefix}-organization`, {
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
    });
  }
  if (accountIds.length > 0) {
    resources.AccountsPutEvents = busPolicy(`${prefix}-accounts`, {
      Principal: { AWS: accountIds.map((id) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::${id}:root` })) },
    });
  }
  return { Resources: resources };
}

module.exports = async ({ resolveVariable }) => {
  const [organizationId, eventSourceAccountIds, service, stage] = await Promise.all([
    resolveVariable('param:organizationId'),
    resolveVariable('param:eventSourceAccountIds'),
    resolveVariable('self:service'),
    resolveVariable('sls:stage'),
  ]);
  return eventBusPolicy({ organizationId, eventSourceAccountIds }, `${service}-${stage}`);
};
module.exports.eventBusPolicy = eventBusPolicy;
