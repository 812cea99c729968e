#!/usr/bin/env node
/**
 * `npm run release [-- --region R --param="k=v" …]`: one folder, `release/`, that the AWS CLI deploys
 * without Node or osls:
 *
 * - `template.json`: the home stack, each function's Code a zip in the folder (infra/release-template.cjs);
 * - `alarm.zip`, `apiCall.zip`, …: the functions;
 * - `forwarder.json`: the forwarder stack for other regions and accounts.
 *
 * Parameters are baked in at packaging, as for `osls deploy`: release once per configuration. Arguments
 * go to `npm run package` (and so to osls); no email is subscribed unless `--param="alertEmail=…"`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(ROOT, 'release');
const { releaseTemplate } = createRequire(import.meta.url)('../infra/release-template.cjs');
/** What osls writes that the release does not need (the create-stack template holds only the bucket). */
const OSLS_ONLY = [
  'cloudformation-template-create-stack.json',
  'cloudformation-template-update-stack.json',
  'serverless-state.json',
];

rmSync(OUT, { recursive: true, force: true });
const args = ['scripts/package.mjs', '--param=alertEmail=', ...process.argv.slice(2), '--package', OUT];
const packaged = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
if (packaged.status !== 0) {
  console.error('release: packaging failed, nothing written');
  process.exit(packaged.status ?? 1);
}

try {
  const packagedTemplate = JSON.parse(readFileSync(join(OUT, 'cloudformation-template-update-stack.json'), 'utf8'));
  const { template, artifacts } = releaseTemplate(packagedTemplate);
  const missing = artifacts.filter((zip) => !existsSync(join(OUT, zip)));
  if (missing.length > 0) throw new Error(`zips missing from release/: ${missing.join(', ')}`);
  writeFileSync(join(OUT, 'template.json'), `${JSON.stringify(template, null, 2)}\n`);
  for (const name of OSLS_ONLY) rmSync(join(OUT, name), { force: true });
  console.log(`release: release/ holds template.json, forwarder.json, ${artifacts.join(', ')}`);
} catch (error) {
  console.error(`release: ${error.message}`);
  process.exit(1);
}
