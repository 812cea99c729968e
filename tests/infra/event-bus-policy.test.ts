import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnTemplate, customTemplate, packagedTemplate, resourcesOfType } from './packaged';

const require = createRequire(import.meta.url);
const { eventBusPolicy } = require('../../infra/event-bus-policy.cjs') as {
  eventBusPolicy: (raw: Record<string, string>, prefix: string) => CfnTemplate;
};

const PACKAGE_TIMEOUT_MS = 120_000;
const DEFAULT_BUS = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
  'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default',
};

let template: CfnTemplate;
/** CUSTOM_PARAMS: organizationId=o-a1b2c3d4e5, eventSourceAccountIds=111122223333,444455556666. */
let custom: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
  custom = customTemplate();
}, PACKAGE_TIMEOUT_MS);

const policies = (t: CfnTemplate) =>
  Object.fromEntries(resourcesOfType(t, 'AWS::Events::EventBusPolicy').map(([id, r]) => [id, r.Properties]));

describe('infra: the home event bus accepts forwarded events', () => {
  it('lets no other account put events by default', () => {
    expect(policies(template)).toEqual({});
  });

  it('lets every account of the organization put events on the default bus, and nothing else', () => {
    expect(policies(custom).OrganizationPutsEvents).toEqual({
      EventBusName: 'default',
      StatementId: 'notifier-dev-organization',
      Statement: {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: DEFAULT_BUS,
        Principal: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    });
  });

  it('lets listed accounts put events on the default bus', () => {
    expect(policies(custom).AccountsPutEvents).toEqual({
      EventBusName: 'default',
      StatementId: 'notifier-dev-accounts',
      Statement: {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: DEFAULT_BUS,
        Principal: {
          AWS: [
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
            { 'Fn::Sub': 'arn:${AWS::Partition}:iam::111122223333:root' },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation Fn::Sub, not a JS template
            { 'Fn::Sub': 'arn:${AWS::Partition}:iam::444455556666:root' },
          ],
        },
      },
    });
  });

  it('keeps its rules free of `account`, so they match events other accounts forward', () => {
    for (const [, rule] of resourcesOfType(custom, 'AWS::Events::Rule')) {
      expect(JSON.stringify(rule.Properties?.EventPattern)).not.toContain('"account"');
    }
  });

  it.each([
    [{ organizationId: 'o-short' }, 'Invalid parameter "organizationId": "o-short" is not an organization ID'],
    [
      { eventSourceAccountIds: '111122223333,12345' },
      'Invalid parameter "eventSourceAccountIds": not a 12-digit account ID: 12345',
    ],
  ])('rejects %o at package time with one line naming the parameter', (raw, message) => {
    expect(() => eventBusPolicy(raw, 'notifier-dev')).toThrow(message);
  });

  it('lists an account given twice once', () => {
    const built = eventBusPolicy({ eventSourceAccountIds: '111122223333, 111122223333' }, 'notifier-prod');
    const statement = built.Resources.AccountsPutEvents?.Properties?.Statement as { Principal: { AWS: unknown[] } };
    expect(statement.Principal.AWS).toHaveLength(1);
    expect(built.Resources.AccountsPutEvents?.Properties?.StatementId).toBe('notifier-prod-accounts');
  });
});
