'use strict';

/**
 * The release template (`npm run release`): the packaged home template made deployable with the AWS CLI
 * alone. osls points every function's code at its own deployment bucket, which `osls deploy` fills;
 * here the code is the zip next to the template, a local path that `aws cloudformation package` uploads
 * to your bucket and rewrites, and the osls bucket (then unused) is dropped.
 * https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html
 */
const path = require('node:path');

/** What osls adds for its own uploads: https://github.com/oss-serverless/serverless (lib/plugins/aws/package). */
const DEPLOYMENT_BUCKET = 'ServerlessDeploymentBucket';
const DEPLOYMENT_RESOURCES = [DEPLOYMENT_BUCKET, `${DEPLOYMENT_BUCKET}Policy`];
const DEPLOYMENT_OUTPUT = `${DEPLOYMENT_BUCKET}Name`;

/** The zip a function's Code names, as a path relative to the template. */
function localCode(id, code) {
  if (typeof code?.S3Key !== 'string' || JSON.stringify(code.S3Bucket) !== JSON.stringify({ Ref: DEPLOYMENT_BUCKET })) {
    throw new Error(`${id}: Code is not an artifact of the deployment bucket: ${JSON.stringify(code)}`);
  }
  return path.posix.basename(code.S3Key);
}

/**
 * Pure: the template with local code paths and without the deployment bucket.
 * @returns `{ template, artifacts }`, the zip names the template now refers to
 * @throws when anything else still refers to the deployment bucket
 */
function releaseTemplate(packaged) {
  const template = structuredClone(packaged);
  const artifacts = [];
  for (const name of DEPLOYMENT_RESOURCES) delete template.Resources[name];
  if (template.Outputs) delete template.Outputs[DEPLOYMENT_OUTPUT];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    resource.Properties.Code = localCode(id, resource.Properties.Code);
    artifacts.push(resource.Properties.Code);
  }
  const left = JSON.stringify(template).includes(`"${DEPLOYMENT_BUCKET}"`);
  if (left) throw new Error(`the template still refers to ${DEPLOYMENT_BUCKET}`);
  return { template, artifacts };
}

module.exports = { releaseTemplate };
