#!/usr/bin/env node
/**
 * `npm run bench`: the speed figures of the README, measured on this machine. Not a test: nothing
 * here asserts a time. Ratios to a baseline measured in the same run (interleaved) are what count;
 * absolute times on a shared machine are noise.
 *
 * 1. Each function's zip size (from `npm run package`, run first when .serverless/ is missing).
 * 2. Each function's cold start, as CPU time (user + system) of a fresh `node`: importing the
 *    bundle, and importing it plus its first invocation (a fixture event; its SNS publish or Slack
 *    post goes to a local stub). Ratios to `node -e 0` and to the function's floor: a module
 *    importing only the @aws-sdk modules the bundle imports (the runtime ships them; they are not
 *    in the zip) and making the same first call (one SNS Publish, or one POST to the webhook).
 *    All commands of a function run interleaved, so load on the machine hits them alike.
 *    "own (− SDK)" is measured directly: in one process, the floor's SDK modules are imported
 *    first, then the CPU time of importing the bundle alone (compiling it and running its module
 *    code) is taken.
 * 3. Render throughput: every fixture through the full path (event → Notification → SNS publish,
 *    email and Slack), events per CPU-second on one core.
 * 4. End to end, warm: alarm event → alarm function → SNS (local stub) → Slack forwarder → a
 *    local Slack receiver; p50 and p99 wall time (scripts/bench/e2e.mjs).
 *
 * 5. CLI start: CPU time of `notifier --help` and of `notifier render EXAMPLE` through the built
 *    bin (`npm run build`), as a ratio to `node -e 0`, interleaved.
 *
 * Options: --runs N (cold-start samples per command, default 9), --seconds S (render, default 3),
 * --samples N (end-to-end samples, default 300), --only cli (just the CLI start figures; no packaging), --only render (just the render
 * throughput, with its stages).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { benchEnv, lambdaContextSource, snsEventFor, sqsEventFor, startStubs } from './bench/stubs.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const PACKAGE_DIR = join(ROOT, '.serverless');
/** Under node_modules so the bundles resolve @aws-sdk/* from the project, as Lambda's runtime does. */
const WORK = join(ROOT, 'node_modules/.cache/notifier-bench');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    seconds: { type: 'string', default: '3' },
    only: { type: 'string' },
    samples: { type: 'string', default: '300' },
  },
});
const RUNS = Number(values.runs);
const RENDER_SECONDS = Number(values.seconds);
const E2E_SAMPLES = Number(values.samples);
const ENV = { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const FIXTURES = join(ROOT, 'tests/fixtures');
/**
 * The first event of the functions whose event is a fixture. The Slack forwarder's and the email
 * function's are the alarm's published message (captured from the alarm's own first invocation),
 * as SNS and the email queue deliver it; the cost digest's is its schedule's event.
 */
const FIRST_EVENTS = {
  alarm: 'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
  apiCall: 'cloudtrail/eventbridge-ConsoleLogin-root-success-no-mfa-docs.json',
  budget: 'budgets/sns-event-budget-ACTUAL-monthly-sasa9477.json',
};
/** The EventBridge Scheduler event the digest's schedule sends (its input is the whole event). */
const SCHEDULED_EVENT = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };
/**
 * The first call of each function, as its floor makes it: one SNS Publish; one webhook POST; the
 * digest's reads (a forecast, a GetCostAndUsage, DescribeBudgets, one Free Tier call: a plain POST,
 * where the function signs it) and its Publish.
 */
const FLOOR_CALLS = {
  publish: `import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
await new SNSClient({}).send(new PublishCommand({ TopicArn: process.env.NOTIFICATIONS_TOPIC_ARN, Message: '{}' }));`,
  post: `await (await fetch(process.env.SLACK_WEBHOOK_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' })).text();`,
  digest: `import { BudgetsClient, DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
const costExplorer = new CostExplorerClient({ region: 'us-east-1' });
const TimePeriod = { Start: '2024-05-01', End: '2024-06-01' };
await Promise.all([
  costExplorer.send(new GetCostForecastCommand({ TimePeriod, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' })),
  costExplorer.send(new GetCostAndUsageCommand({ TimePeriod, Granularity: 'DAILY', Metrics: ['UnblendedCost'] })),
  new BudgetsClient({ region: 'us-east-1' }).send(new DescribeBudgetsCommand({ AccountId: '123456789012' })),
  fetch(process.env.AWS_ENDPOINT_URL_FREETIER, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSFreeTierService.GetFreeTierUsage' }, body: '{}' }).then((r) => r.text()),
]);
await new SNSClient({}).send(new PublishCommand({ TopicArn: process.env.NOTIFICATIONS_TOPIC_ARN, Message: '{}' }));`,
};
/** Which floor call each function's first invocation is measured against. */
const FIRST_CALLS = {
  alarm: 'publish',
  apiCall: 'publish',
  budget: 'publish',
  email: 'publish',
  costDigest: 'digest',
  slack: 'post',
};
const execFileAsync = promisify(execFile);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * CPU milliseconds (user + system) of one fresh `node` that imports `args[0]` (or nothing) and,
 * given `args[1]`, invokes its `main` with that event file. Asynchronous: the stubs answering the
 * first calls live in this process.
 */
async function cpuMs(args, env = ENV) {
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', WRAPPER, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error) => {
    throw new Error(`node ${args.join(' ')} failed: ${String(error.stderr ?? error).split('\n')[0]}`);
  });
  return Number(stdout.trim().split('\n').at(-1));
}

/**
 * Imports the floor module named by argv[0] (the bundle's @aws-sdk modules), then the bundle
 * (argv[1]), and prints the CPU ms of the second import alone: the bundle's own import work, its
 * SDK modules excluded because they are loaded already.
 */
const OWN_WRAPPER = `const [floor, bundle] = process.argv.slice(1);
await import(floor);
const start = process.cpuUsage();
await import(bundle);
const u = process.cpuUsage(start);
process.stdout.write('\\n' + String((u.user + u.system) / 1000));`;

/** CPU ms of a bundle's own import work (see OWN_WRAPPER), in a fresh `node`. */
async function ownImportMs(fn, env) {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--input-type=module', '-e', OWN_WRAPPER, fn.floor, fn.bundle],
    {
      env,
      encoding: 'utf8',
    },
  );
  return Number(stdout.trim().split('\n').at(-1));
}

/** Imports the module named by argv (or nothing), invokes it with the event file if one is named, prints CPU ms. */
const WRAPPER = `const [target, eventFile] = process.argv.slice(1);
const mod = target ? await import(target) : undefined;
if (eventFile) {
  const { readFileSync } = await import('node:fs');
  await mod.main(JSON.parse(readFileSync(eventFile, 'utf8')), ${lambdaContextSource});
}
const u = process.cpuUsage();
process.stdout.write('\\n' + String((u.user + u.system) / 1000));`;

function ensurePackage() {
  if (existsSync(PACKAGE_DIR) && readdirSync(PACKAGE_DIR).some((f) => f.endsWith('.zip'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { stdio: 'inherit' });
}

/** Unzips each function's bundle and writes its floor module; returns [name, bundle, floor, zipBytes]. */
function prepareFunctions() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  return readdirSync(PACKAGE_DIR)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((zip) => {
      const name = zip.replace(/\.zip$/, '');
      const dir = join(WORK, name);
      execFileSync('unzip', ['-q', '-o', join(PACKAGE_DIR, zip), '-d', dir]);
      const bundle = findBundle(dir);
      // Static imports only: a module imported on first use (ELBv2 in alarm) is no part of the cold start.
      const staticImport = /(?:from|import)\s*["'](@aws-sdk\/[a-z0-9-]+)["']/g;
      const sdk = [...new Set([...readFileSync(bundle, 'utf8').matchAll(staticImport)].map(([, m]) => m))].sort();
      const floor = join(dir, 'floor.mjs');
      const imports = sdk.map((m) => `import '${m}';`).join('\n');
      writeFileSync(floor, imports || 'export {};');
      const call = FLOOR_CALLS[FIRST_CALLS[name]];
      const floorCall = call ? join(dir, 'floor-call.mjs') : undefined;
      if (floorCall) writeFileSync(floorCall, `${imports}\n${call}\n`);
      const event = FIRST_EVENTS[name] ? join(FIXTURES, FIRST_EVENTS[name]) : join(dir, 'event.json');
      if (name === 'costDigest') writeFileSync(event, JSON.stringify(SCHEDULED_EVENT));
      return { name, bundle, floor, floorCall, event, sdk, zipBytes: statSync(join(PACKAGE_DIR, zip)).size };
    });
}

function findBundle(dir) {
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.mjs')) return join(dir, entry);
  }
  throw new Error(`no .mjs bundle in ${dir}`);
}

/** Cold-start CPU, every command of a function interleaved so load on the machine hits all alike. */
async function coldStarts(functions) {
  let lastPublish;
  // The floors publish `{}`; a function publishes MessageStructure json with a `lambda` body.
  const stubs = await startStubs({
    onPublish: (params) => {
      if (params.get('MessageStructure') === 'json') lastPublish ??= params;
    },
  });
  const env = { ...ENV, ...benchEnv(stubs) };
  const results = [];
  for (const fn of functions) {
    if (fn.name === 'slack') {
      // What SNS delivers to the forwarder: the `lambda` body of the alarm's publish.
      const topic = lastPublish.get('TopicArn');
      writeFileSync(fn.event, JSON.stringify(snsEventFor(JSON.parse(lastPublish.get('Message')).lambda, topic)));
    }
    if (fn.name === 'email') {
      // What the email queue delivers (raw message delivery): the `sqs` body of the alarm's publish.
      writeFileSync(fn.event, JSON.stringify(sqsEventFor(JSON.parse(lastPublish.get('Message')).sqs)));
    }
    const samples = { base: [], floor: [], own: [], ownOnly: [], floorCall: [], ownCall: [] };
    for (let i = 0; i < RUNS; i++) {
      samples.base.push(await cpuMs([], env));
      samples.floor.push(await cpuMs([fn.floor], env));
      samples.own.push(await cpuMs([fn.bundle], env));
      samples.ownOnly.push(await ownImportMs(fn, env));
      if (fn.floorCall) {
        samples.floorCall.push(await cpuMs([fn.floorCall], env));
        samples.ownCall.push(await cpuMs([fn.bundle, fn.event], env));
      }
    }
    const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, xs.length ? median(xs) : undefined]));
    results.push({
      ...fn,
      base: m.base,
      floorMs: m.floor,
      ownMs: m.own,
      ownOnlyMs: m.ownOnly,
      floorCallMs: m.floorCall,
      ownCallMs: m.ownCall,
    });
  }
  await stubs.close();
  return results;
}

/** Warm end-to-end latency, alarm → SNS stub → Slack forwarder → receiver, in a process of its own. */
function endToEnd(functions) {
  const bundle = (name) => functions.find((f) => f.name === name).bundle;
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts/bench/e2e.mjs'),
      bundle('alarm'),
      bundle('slack'),
      join(FIXTURES, FIRST_EVENTS.alarm),
      String(E2E_SAMPLES),
    ],
    { env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`end-to-end bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/**
 * Events per CPU-second through the full render path, in-process: scripts/bench-render.ts bundled
 * and minified by esbuild as the deployed functions are (serverless.yml, custom.esbuild), then run.
 */
async function renderThroughput() {
  const { build } = await import('esbuild');
  // A directory of this run's own: node_modules may be shared by several checkouts (worktrees).
  const outfile = join(mkdtempSync(join(tmpdir(), 'notifier-bench-render-')), 'bench-render.mjs');
  await build({
    entryPoints: [join(ROOT, 'scripts/bench-render.ts')],
    outfile,
    bundle: true,
    minify: true,
    keepNames: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: createRequire(import.meta.url)('../infra/esbuild-plugins.cjs'),
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [outfile, FIXTURES, String(RENDER_SECONDS)], { env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`render bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * Preloaded into every measured `node`: at exit, prints the process's CPU time (user + system, ms)
 * on stderr, so a whole command is measured as it runs, with no wrapper script of its own.
 */
const CPU_AT_EXIT = `data:text/javascript,import { writeSync } from 'node:fs';
process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`;

/** CPU ms of one `node ARGS` run to its end (output discarded). */
function commandCpuMs(args) {
  const r = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, ...args], { env: ENV, encoding: 'utf8', cwd: ROOT });
  const ms = /cpu-ms ([\d.]+)\s*$/.exec(r.stderr)?.[1];
  if (r.status !== 0 || ms === undefined) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.split('\n')[0]}`);
  return Number(ms);
}

const BIN = join(ROOT, 'bin/notifier.mjs');
/** The commands timed, each a ratio to `node -e 0` measured between them. */
const CLI_COMMANDS = [
  ['--help', [BIN, '--help']],
  ['render', [BIN, 'render', 'ec2-cpu-alarm']],
];

/** CLI start, interleaved with the baseline so load on the machine hits all alike. */
function cliStarts() {
  if (!existsSync(join(ROOT, 'dist/cli.mjs')))
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const base = [];
  const own = CLI_COMMANDS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    base.push(commandCpuMs(['-e', '0']));
    for (const [n, [, args]] of CLI_COMMANDS.entries()) own[n].push(commandCpuMs(args));
  }
  const baseMs = median(base);
  console.log(`\nCLI start (built bin, CPU, median of ${RUNS}): node -e 0 ${baseMs.toFixed(0)} ms`);
  CLI_COMMANDS.forEach(([name], n) => {
    const ms = median(own[n]);
    console.log(
      `  notifier ${name.padEnd(8)} ${`${ms.toFixed(0)} ms`.padStart(7)}   ${(ms / baseMs).toFixed(2)} × node -e 0`,
    );
  });
}

/** Render throughput alone (`--only render`): the figure to watch while working on the hot path. */
function printRender(render) {
  console.log(
    `render: ${render.events} fixture events, ${render.eventsPerCpuSecond.toFixed(0)} events per CPU-second (${render.microsPerEvent.toFixed(0)} µs each), full path: event → Notification → SNS publish, email, Slack`,
  );
  console.log(
    `  per stage, alone (µs an event): ${Object.entries(render.stages)
      .map(([stage, us]) => `${stage} ${us.toFixed(0)}`)
      .join(', ')}`,
  );
  console.log(
    `  warmed first until three half-second windows in a row were no faster (CPU-s): ${Object.entries(render.warmUp)
      .map(([step, seconds]) => `${step} ${seconds}`)
      .join(', ')}`,
  );
}

if (values.only === 'cli') {
  cliStarts();
  process.exit(0);
}
if (values.only === 'render') {
  printRender(await renderThroughput());
  process.exit(0);
}
ensurePackage();
const functions = await coldStarts(prepareFunctions());
const ratio = (a, b) => (a === undefined || b === undefined ? '-' : (a / b).toFixed(2));
const ms = (x) => (x === undefined ? '-' : `${x.toFixed(0)} ms`);
console.log(
  `machine: ${process.arch}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU'}, ${availableParallelism()} cores, node ${process.version}`,
);
console.log(
  '\nfunction      zip        import CPU  × node -e 0  × floor  own (− SDK)   import + 1st call  × node -e 0  × floor   (floor: SDK modules it imports)',
);
for (const f of functions) {
  console.log(
    [
      f.name.padEnd(12),
      kb(f.zipBytes).padStart(9),
      ms(f.ownMs).padStart(11),
      ratio(f.ownMs, f.base).padStart(11),
      ratio(f.ownMs, f.floorMs).padStart(7),
      ms(f.ownOnlyMs).padStart(11),
      ms(f.ownCallMs).padStart(18),
      ratio(f.ownCallMs, f.base).padStart(11),
      ratio(f.ownCallMs, f.floorCallMs).padStart(7),
      `  ${f.sdk.map((m) => m.replace('@aws-sdk/client-', '')).join(', ') || '-'}`,
    ].join('  '),
  );
}
console.log(`node -e 0: ${median(functions.map((f) => f.base)).toFixed(0)} ms CPU (median of ${RUNS} per function)`);
console.log('');
printRender(await renderThroughput());
const e2e = endToEnd(functions);
console.log(
  `\nend to end (warm, ${e2e.samples} samples): alarm event → alarm → SNS stub → slack → receiver: p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms`,
);
cliStarts();
