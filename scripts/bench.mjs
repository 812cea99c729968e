#!/usr/bin/env node
/**
 * `npm run bench`: the speed figures of the README, measured on this machine. Not a test: nothing
 * here asserts a time. Ratios to a baseline measured in the same run (interleaved) are what count;
 * absolute times on a shared machine are noise.
 *
 * 1. Each function's zip size (from `npm run package`, run first when .serverless/ is missing).
 * 2. Each function's cold import, as CPU time (user + system) of a fresh `node` importing the
 *    bundle, as a ratio to `node -e 0` and to its floor: a module importing only the @aws-sdk
 *    clients the bundle imports (the runtime ships them; they are not in the zip).
 * 3. Render throughput: every fixture through the full path (event → Notification → SNS publish,
 *    email and Slack), events per CPU-second on one core.
 *
 * 4. CLI start: CPU time of `notifier --help` and of `notifier render EXAMPLE` through the built
 *    bin (`npm run build`), as a ratio to `node -e 0`, interleaved.
 *
 * Options: --runs N (cold-start samples per command, default 9), --seconds S (render, default 3),
 * --only cli (just the CLI start figures; no packaging).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const PACKAGE_DIR = join(ROOT, '.serverless');
/** Under node_modules so the bundles resolve @aws-sdk/* from the project, as Lambda's runtime does. */
const WORK = join(ROOT, 'node_modules/.cache/notifier-bench');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    seconds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const RENDER_SECONDS = Number(values.seconds);
const ENV = { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** CPU milliseconds (user + system) of one fresh `node` that imports `args[0]` (or nothing). */
function cpuMs(args) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', WRAPPER, ...args], {
    env: ENV,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.split('\n')[0]}`);
  return Number(r.stdout.trim());
}

/** Imports the module named by argv (or nothing) and prints the process's CPU time so far, in ms. */
const WRAPPER = `const target = process.argv[1];
if (target) await import(target);
const u = process.cpuUsage();
process.stdout.write(String((u.user + u.system) / 1000));`;

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
      const sdk = [...new Set(readFileSync(bundle, 'utf8').match(/@aws-sdk\/[a-z0-9-]+/g) ?? [])].sort();
      const floor = join(dir, 'floor.mjs');
      writeFileSync(floor, sdk.map((m) => `import '${m}';`).join('\n') || 'export {};');
      return { name, bundle, floor, sdk, zipBytes: statSync(join(PACKAGE_DIR, zip)).size };
    });
}

function findBundle(dir) {
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.mjs')) return join(dir, entry);
  }
  throw new Error(`no .mjs bundle in ${dir}`);
}

/** Cold-import CPU, interleaved with `node -e 0` and the floor so load on the machine hits all alike. */
function coldStarts(functions) {
  return functions.map((fn) => {
    const base = [];
    const floor = [];
    const own = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(cpuMs([]));
      floor.push(cpuMs([fn.floor]));
      own.push(cpuMs([fn.bundle]));
    }
    return { ...fn, base: median(base), floorMs: median(floor), ownMs: median(own) };
  });
}

/** Events per CPU-second through the full render path, in-process (tsx compiles the sources once). */
function renderThroughput() {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/bench-render.ts'), String(RENDER_SECONDS)],
    {
      env: ENV,
      encoding: 'utf8',
      cwd: ROOT,
    },
  );
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

if (values.only === 'cli') {
  cliStarts();
  process.exit(0);
}
ensurePackage();
const functions = coldStarts(prepareFunctions());
console.log(
  `machine: ${process.arch}, ${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU'}, node ${process.version}`,
);
console.log(`\nfunction      zip        import CPU   × node -e 0   × floor   (floor: ${'SDK clients it imports'})`);
for (const f of functions) {
  console.log(
    `${f.name.padEnd(12)}  ${kb(f.zipBytes).padStart(9)}  ${`${f.ownMs.toFixed(0)} ms`.padStart(10)}   ${(f.ownMs / f.base).toFixed(2).padStart(10)}   ${(f.ownMs / f.floorMs).toFixed(2).padStart(7)}   ${f.sdk.map((m) => m.replace('@aws-sdk/client-', '')).join(', ') || '-'}`,
  );
}
console.log(`node -e 0: ${median(functions.map((f) => f.base)).toFixed(0)} ms CPU (median of ${RUNS} per function)`);
const render = renderThroughput();
console.log(
  `\nrender: ${render.events} fixture events, ${render.eventsPerCpuSecond.toFixed(0)} events per CPU-second (${render.microsPerEvent.toFixed(0)} µs each), full path: event → Notification → SNS publish, email, Slack`,
);
cliStarts();
