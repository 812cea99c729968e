import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A CloudFormation resource as osls writes it (intrinsics stay plain objects, e.g. `{ Ref: 'X' }`). */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
}

/** The parts of a template the tests read. */
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown }>;
  Parameters?: Record<string, Record<string, unknown>>;
  Conditions?: Record<string, unknown>;
}

/** An IAM policy statement, with single values left as osls wrote them. */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Other parameter sets go elsewhere (git-ignored), so no run clobbers another's output. One folder per
 * checkout: git worktrees can share one node_modules, and a build from another checkout's sources is
 * newer than this one's inputs, so it would pass for fresh.
 */
const CACHE = join(
  ROOT,
  'node_modules/.cache/notifier-infra',
  createHash('sha256').update(ROOT).digest('hex').slice(0, 12),
);
export const variantDir = (name: string) => join(CACHE, name);
/**
 * The default-parameter build the tests read. Not `.serverless/` (where `npm run package` writes):
 * osls deletes `.serverless/` whenever it packages, even into another folder, so a test file packaging
 * a variant would pull the default build from under another file reading it.
 */
export const DEFAULT_DIR = variantDir('default');
/**
 * The one non-default parameter set the tests package (each packaging costs seconds, so every
 * override any test needs goes into this one build): no email, narrowed alarms, a user rules file, a routing file,
 * findings only at critical, access-denied bursts of 3 in 15 min, quiet alarm defaults off, a digest in
 * Tokyo at 08:30, turned off, with other figures, and forwarders of an organization and two accounts
 * allowed to put events on the home bus.
 */
export const CUSTOM_DIR = variantDir('custom-params');
export const CUSTOM_RULES_FILE = 'tests/infra/fixtures/notifier-rules.json';
export const CUSTOM_ROUTES_FILE = 'tests/infra/fixtures/routes.json';
export const CUSTOM_PARAMS = [
  'alertEmail=',
  'alarmNamePrefixes=prod-,billing-',
  `rulesFile=${CUSTOM_RULES_FILE}`,
  `routesFile=${CUSTOM_ROUTES_FILE}`,
  'findingsMinSeverity=critical',
  'excludedAlarmNamePrefixes=none',
  'accountNames=111122223333=prod',
  'lookUpAccountNames=false',
  'reportInsufficientDataToOk=true',
  'accessDeniedBurstThreshold=3',
  'accessDeniedBurstWindowMinutes=15',
  'digestEnabled=false',
  'digestSchedule=cron(30 8 ? * MON-FRI *)',
  'digestTimeZone=Asia/Tokyo',
  'digestTopN=8',
  'costMetric=AmortizedCost',
  'includeCreditsAndRefunds=true',
  'organizationId=o-a1b2c3d4e5',
  'eventSourceAccountIds=111122223333,444455556666',
] as const;
/**
 * A build with two example addresses, for the tests of email subscriptions: a plain
 * `npm run package` subscribes nobody.
 */
export const EMAIL_DIR = variantDir('example-emails');
export const EMAIL_PARAMS = ['alertEmail=ops@example.com,oncall@example.com'] as const;
/** Test files run in parallel, but two osls runs would share serverless-esbuild's `.esbuild/` folder. */
const LOCK = join(CACHE, 'package.lock');
const LOCK_POLL_MS = 200;
/** A lock older than any packaging run was left by a killed process. */
const LOCK_STALE_MS = 120_000;
const TEMPLATE = 'cloudformation-template-update-stack.json';
/** infra/forwarder-plugin.cjs writes it on every packaging. */
const FORWARDER_TEMPLATE = 'forwarder.json';
/** The parameters a build used, so a build with other parameters is not taken for fresh. */
const PARAMS_STAMP = 'test-params.json';
/** What the template and zips are built from: newer than the template means rebuild. */
const INPUTS = ['serverless.yml', 'infra', 'src', 'scripts/package.mjs', 'tests/infra/fixtures'];

function newestInput(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestInput(join(path, name))));
}

function isFresh(dir: string, params: readonly string[]): boolean {
  const template = join(dir, TEMPLATE);
  if (!existsSync(template)) return false;
  const stamp = join(dir, PARAMS_STAMP);
  // `npm run package` writes no stamp: the default build has no parameters from a test.
  const stamped = existsSync(stamp) ? readFileSync(stamp, 'utf8') : JSON.stringify([]);
  if (stamped !== JSON.stringify(params)) return false;
  const built = statSync(template).mtimeMs;
  return INPUTS.every((input) => newestInput(join(ROOT, input)) <= built);
}

/**
 * The packaged template in `dir`, running `scripts/package.mjs` first when it is missing or older
 * than its inputs. Packaging takes a few seconds: call from `beforeAll` with a long timeout.
 */
export function packagedTemplate(dir = DEFAULT_DIR, params: readonly string[] = []): CfnTemplate {
  if (!isFresh(dir, params)) {
    withLock(() => {
      if (isFresh(dir, params)) return; // another test file built it while we waited
      const args = ['scripts/package.mjs', '--package', dir, ...params.map((param) => `--param=${param}`)];
      execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe' });
      if (params.length > 0) writeFileSync(join(dir, PARAMS_STAMP), JSON.stringify(params));
    });
  }
  return JSON.parse(readFileSync(join(dir, TEMPLATE), 'utf8')) as CfnTemplate;
}

function withLock(run: () => void): void {
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
    }
  }
  try {
    run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The forwarder stack's template that the packaging of `dir` wrote next to the home template. */
export function forwarderTemplate(dir = DEFAULT_DIR, params: readonly string[] = []): CfnTemplate {
  packagedTemplate(dir, params);
  return JSON.parse(readFileSync(join(dir, FORWARDER_TEMPLATE), 'utf8')) as CfnTemplate;
}
/** The build with {@link EMAIL_PARAMS}. */
export const emailTemplate = (): CfnTemplate => packagedTemplate(EMAIL_DIR, EMAIL_PARAMS);

/** The build with {@link CUSTOM_PARAMS}. */
export const customTemplate = (): CfnTemplate => packagedTemplate(CUSTOM_DIR, CUSTOM_PARAMS);

/** `[logicalId, resource]` pairs of one type. */
export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** Every statement of a role's inline policies. */
export function roleStatements(template: CfnTemplate, roleId: string): Statement[] {
  const policies = (template.Resources[roleId]?.Properties?.Policies ?? []) as {
    PolicyDocument: { Statement: Statement[] };
  }[];
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

/** A statement's actions as an array. */
export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** The EventBridge rules that invoke a function, as `[logicalId, properties]`. */
export function rulesTargeting(template: CfnTemplate, functionId: string): [string, Record<string, unknown>][] {
  return resourcesOfType(template, 'AWS::Events::Rule')
    .map(([id, rule]): [string, Record<string, unknown>] => [id, rule.Properties ?? {}])
    .filter(([, props]) =>
      (props.Targets as { Arn: unknown }[]).some(
        (target) => JSON.stringify(target.Arn) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
      ),
    );
}

/** The zips osls wrote into `dir`. */
export const zipsIn = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.zip'));
