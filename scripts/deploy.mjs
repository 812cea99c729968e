#!/usr/bin/env node
/**
 * `npm run deploy -- --region R [--stage S] [--param="k=v" …]`: checks that the Slack webhook parameter
 * exists in region R (infra/check-deploy.cjs), then runs `osls deploy` with the same arguments.
 * `--check-only` stops after the check. Exit 2 when --region is missing, 1 when the parameter is missing.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const { deployTarget, checkSlackParameter } = createRequire(import.meta.url)('../infra/check-deploy.cjs');

const args = process.argv.slice(2);
const checkOnly = args.includes('--check-only');
const oslsArgs = args.filter((arg) => arg !== '--check-only');
const target = deployTarget(oslsArgs);
if (target.error) {
  console.error(`deploy: ${target.error}`);
  process.exit(2);
}

// The SDK's Node 20 notice is about its releases after January 2027 (README, "Node versions").
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { GetParameterCommand, SSMClient } = await import('@aws-sdk/client-ssm');
// osls' --aws-profile, so the check reads with the credentials the deploy uses.
const profile = oslsArgs[oslsArgs.indexOf('--aws-profile') + 1];
const ssm = new SSMClient({
  region: target.region,
  maxAttempts: 2,
  ...(oslsArgs.includes('--aws-profile') && profile ? { profile } : {}),
});
const send = (name, abortSignal) => ssm.send(new GetParameterCommand({ Name: name }), { abortSignal });
const result = await checkSlackParameter({ send, ...target });
console.log(`deploy: ${result.message}`);
if (result.level === 'fail') process.exit(1);
if (checkOnly) process.exit(0);

const deployed = spawnSync(join(ROOT, 'node_modules/.bin/osls'), ['deploy', ...oslsArgs], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(deployed.status ?? 1);
