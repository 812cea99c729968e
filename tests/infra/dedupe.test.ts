import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, type CfnTemplate, packagedTemplate, resourcesOfType, roleStatements } from './packaged';

const PACKAGE_TIMEOUT_MS = 120_000;
/** Functions that deliver and so suppress duplicates: function, its role. */
const DEDUPING = [
  ['AlarmLambdaFunction', 'AlarmRole'],
  ['ApiCallLambdaFunction', 'ApiCallRole'],
  ['BudgetLambdaFunction', 'BudgetRole'],
  ['CostDigestLambdaFunction', 'CostDigestRole'],
  ['SlackLambdaFunction', 'SlackRole'],
  ['EmailLambdaFunction', 'EmailRole'],
] as const;
/** The delivery functions, which also read the silences kept in the table (src/lib/adapters/silence-store.ts). */
const SILENCING = ['SlackRole', 'EmailRole'];
const TABLE_ARN = { 'Fn::GetAtt': ['DedupeTable', 'Arn'] };

let template: CfnTemplate;

beforeAll(() => {
  template = packagedTemplate();
}, PACKAGE_TIMEOUT_MS);

const props = (id: string) => template.Resources[id]?.Properties ?? {};
const variables = (id: string) => (props(id).Environment as { Variables: Record<string, unknown> }).Variables;
const dynamodbStatements = (role: string) =>
  roleStatements(template, role).filter((s) => actionsOf(s).some((action) => action.startsWith('dynamodb:')));

describe('infra: dedupe table', () => {
  it('is the one table: on demand, keyed by the string pk, expiring on expiresAt, encrypted', () => {
    expect(resourcesOfType(template, 'AWS::DynamoDB::Table').map(([id]) => id)).toEqual(['DedupeTable']);
    expect(props('DedupeTable')).toEqual({
      TableName: 'notifier-dev-dedupe',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it.each(DEDUPING)('%s is told the table', (functionId) => {
    expect(variables(functionId).DEDUPE_TABLE).toEqual({ Ref: 'DedupeTable' });
  });

  it.each(DEDUPING.filter(([, role]) => !SILENCING.includes(role)))(
    '%s may only put, get and delete items of that table (%s)',
    (_, role) => {
      expect(dynamodbStatements(role).map((s) => [s.Effect, actionsOf(s), s.Resource])).toEqual([
        ['Allow', ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:DeleteItem'], TABLE_ARN],
      ]);
    },
  );

  it.each(SILENCING)(
    '%s may also read the silences (BatchGetItem) and forget expired ids (UpdateItem), once',
    (role) => {
      expect(dynamodbStatements(role).map((s) => [s.Effect, actionsOf(s), s.Resource])).toEqual([
        [
          'Allow',
          [
            'dynamodb:PutItem',
            'dynamodb:GetItem',
            'dynamodb:DeleteItem',
            'dynamodb:BatchGetItem',
            'dynamodb:UpdateItem',
          ],
          TABLE_ARN,
        ],
      ]);
    },
  );

  it('leaves the digest schedule (it only invokes the function) without any dynamodb permission', () => {
    expect(dynamodbStatements('CostDigestScheduleRole')).toEqual([]);
  });
});
