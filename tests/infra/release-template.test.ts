import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnTemplate, DEFAULT_DIR, packagedTemplate, resourcesOfType, zipsIn } from './packaged';

const require = createRequire(import.meta.url);
const { releaseTemplate } = require('../../infra/release-template.cjs') as {
  releaseTemplate: (template: CfnTemplate) => { template: CfnTemplate; artifacts: string[] };
};

const PACKAGE_TIMEOUT_MS = 120_000;

let packaged: CfnTemplate;
let zips: string[];

beforeAll(() => {
  packaged = packagedTemplate();
  zips = zipsIn(DEFAULT_DIR);
}, PACKAGE_TIMEOUT_MS);

describe('infra: the release template (npm run release)', () => {
  it('points every function at its zip next to the template, for `aws cloudformation package` to upload', () => {
    const { template, artifacts } = releaseTemplate(packaged);
    const codes = resourcesOfType(template, 'AWS::Lambda::Function').map(([, fn]) => fn.Properties?.Code);
    expect(codes).toEqual(['alarm.zip', 'apiCall.zip', 'budget.zip', 'costDigest.zip', 'slack.zip', 'email.zip']);
    expect(artifacts).toEqual(codes);
    expect([...artifacts].sort()).toEqual([...zips].sort());
  });

  it('drops the osls deployment bucket, its policy and its output, and nothing else', () => {
    const { template } = releaseTemplate(packaged);
    expect(JSON.stringify(template)).not.toContain('ServerlessDeploymentBucket');
    expect(Object.keys(template.Resources).sort()).toEqual(
      Object.keys(packaged.Resources)
        .filter((id) => !id.startsWith('ServerlessDeploymentBucket'))
        .sort(),
    );
    expect(Object.keys(template.Outputs ?? {})).toEqual(
      Object.keys(packaged.Outputs ?? {}).filter((name) => name !== 'ServerlessDeploymentBucketName'),
    );
  });

  it('leaves the packaged template as it was', () => {
    const before = JSON.stringify(packaged);
    releaseTemplate(packaged);
    expect(JSON.stringify(packaged)).toBe(before);
  });

  it('refuses a function whose code is not an artifact of the deployment bucket', () => {
    const odd = structuredClone(packaged);
    const alarm = odd.Resources.AlarmLambdaFunction?.Properties as Record<string, unknown>;
    alarm.Code = { ZipFile: 'exports.handler = () => {}' };
    expect(() => releaseTemplate(odd)).toThrow('AlarmLambdaFunction: Code is not an artifact of the deployment bucket');
  });

  it('refuses a template that still refers to the deployment bucket elsewhere', () => {
    const odd = structuredClone(packaged);
    odd.Resources.Extra = { Type: 'AWS::SSM::Parameter', Properties: { Value: { Ref: 'ServerlessDeploymentBucket' } } };
    expect(() => releaseTemplate(odd)).toThrow('the template still refers to ServerlessDeploymentBucket');
  });
});
