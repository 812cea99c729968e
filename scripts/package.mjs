#!/usr/bin/env node
/**
 * `npm run package [-- osls args]`: builds the CloudFormation template and the function zips with
 * `osls package`, offline and without AWS credentials (the tests read the result).
 *
 * - Extra arguments go to osls, e.g. `--package .serverless-eu --region eu-west-1`.
 * - `--param="k=v"` sets a deploy parameter, e.g. `--param="alertEmail=you@example.com"` to see
 *   the email subscriptions; without it nobody is subscribed (serverless.yml's `params.default`).
 *   `--param="k="` (empty, which osls itself rejects) is dropped, so the default applies.
 * - Prints one line: the time taken and each zip's size. Exits with osls' exit code.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OSLS = join(ROOT, 'node_modules/.bin/osls');
/** Dummies only: `osls package` resolves a region and credentials but never calls AWS. */
const OFFLINE_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDPACKAGEONLY',
  AWS_SECRET_ACCESS_KEY: 'package-only-not-a-secret',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_DEPRECATION_NOTIFICATION_MODE: 'warn',
  SLS_INTERACTIVE_SETUP_DISABLE: '1',
  CI: '1',
};
/** Packaging takes seconds; a hung osls (it has hung after build errors) must fail CI, not stall it. */
const TIMEOUT_MS = 300_000;
/** Never let a developer's profile or session leak into a packaging run. */
const DROPPED_ENV = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN'];

/** Splits CLI args into `--param` values (by key) and everything else, in order. */
function splitArgs(args) {
  const params = new Map();
  const rest = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = arg === '--param' ? args[++i] : arg.startsWith('--param=') ? arg.slice('--param='.length) : undefined;
    if (value === undefined) {
      rest.push(arg);
      continue;
    }
    const eq = value.indexOf('=');
    if (eq < 1) throw new Error(`--param needs key=value, got "${value}"`);
    params.set(value.slice(0, eq), value.slice(eq + 1));
  }
  return { params, rest };
}

function oslsArgs(args) {
  const { params, rest } = splitArgs(args);
  const paramArgs = [...params].filter(([, value]) => value !== '').map(([key, value]) => `--param=${key}=${value}`);
  const hasStage = rest.some((arg) => arg === '--stage' || arg === '-s' || arg.startsWith('--stage='));
  return ['package', ...(hasStage ? [] : ['--stage', 'dev']), ...paramArgs, ...rest];
}

function packageDir(args) {
  const index = args.findIndex((arg) => arg === '--package' || arg === '-p');
  const inline = args.find((arg) => arg.startsWith('--package='));
  const dir = index >= 0 ? args[index + 1] : inline?.slice('--package='.length);
  return resolve(ROOT, dir ?? '.serverless');
}

function zipSummary(dir) {
  const zips = readdirSync(dir).filter((name) => name.endsWith('.zip'));
  return zips.map((name) => `${name} ${(statSync(join(dir, name)).size / 1024).toFixed(1)} KB`).join(', ');
}

const args = process.argv.slice(2);
const env = { ...process.env, ...OFFLINE_ENV };
for (const name of DROPPED_ENV) delete env[name];

const started = performance.now();
const result = spawnSync(OSLS, oslsArgs(args), { cwd: ROOT, env, stdio: 'inherit', timeout: TIMEOUT_MS });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.error) {
  const timedOut = result.error.code === 'ETIMEDOUT';
  console.error(`package: ${timedOut ? `osls still running after ${seconds} s, killed` : result.error.message}`);
  process.exit(1);
}
const code = result.status ?? 1;
if (code === 0) {
  const dir = packageDir(args);
  console.log(`package: ${seconds} s, ${dir.slice(ROOT.length + 1) || '.'}: ${zipSummary(dir) || 'no zips'}`);
} else {
  console.error(`package: osls exited with ${code} after ${seconds} s`);
}
process.exit(code);
