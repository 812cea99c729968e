#!/usr/bin/env node
/**
 * `npm run screenshots`: a browser test of `notifier preview`, and the README's pictures. Not part
 * of `npm test`: it needs Chromium, which a user's machine may not have (Debian: `apt-get install
 * chromium fonts-noto-color-emoji`, the font for the severity emoji; another binary with CHROMIUM_PATH).
 * `.ci/run` may call it where Chromium is installed.
 *
 * Starts the built preview on a free port of 127.0.0.1, opens it in headless Chromium through
 * playwright-core, checks that every example is shown (email text, Slack rendering, Block Kit
 * Builder link) with no console error and no failed request, and writes PNGs of an alarm, an API
 * call and the cost digest to docs/images/. Prints one line per check; exits 1 on the first failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BIN = join(ROOT, 'bin/notifier.mjs');
const IMAGES = join(ROOT, 'docs/images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A fixed instant, so the pictures change only when the messages do. */
const NOW = '2026-11-24T00:00:00Z';
/** Wide enough for the email and the Slack message side by side. */
const VIEWPORT = { width: 1280, height: 900 };
/** Generous: a loaded 2-core machine starts Chromium slowly. */
const TIMEOUT_MS = 60_000;
/** The pictures: the example's id on the page → the file in docs/images/. */
const SHOTS = [
  ['alb-unhealthy-hosts-alarm', 'alarm.png'],
  ['security-group-open-to-world', 'api-call.png'],
  ['cost-digest', 'cost-digest.png'],
];

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

function loadPlaywright() {
  try {
    return createRequire(join(ROOT, 'package.json'))('playwright-core');
  } catch {
    return fail('playwright-core is not installed: run "npm ci" (it is a devDependency)');
  }
}

/** Starts `notifier preview --port 0` and resolves with the child and the URL it prints. */
function startPreview() {
  const child = spawn(process.execPath, [BIN, 'preview', '--port', '0', '--now', NOW], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePreview, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) resolvePreview({ child, url });
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${err.split('\n')[0]}`)));
  });
}

if (!existsSync(CHROMIUM)) {
  fail(`no Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`);
}
const { chromium } = loadPlaywright();
if (!existsSync(join(ROOT, 'dist/cli.mjs'))) fail('the CLI is not built: run "npm run build"');
const manifest = JSON.parse(readFileSync(join(ROOT, 'examples/examples.json'), 'utf8'));

const { child, url } = await startPreview().catch((error) => fail(error.message));
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));

  const response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
  if (response?.status() !== 200) throw new Error(`the page answered ${response?.status()}`);
  const expected = manifest.length + 1; // every example, and the cost digest
  const sections = await page.locator('section.example').count();
  if (sections !== expected) throw new Error(`${sections} examples shown, expected ${expected}`);
  for (const { title } of manifest) {
    if (!(await page.getByRole('heading', { name: title, exact: true }).isVisible())) {
      throw new Error(`example not visible: ${title}`);
    }
  }
  const counts = await page.evaluate(() => ({
    emails: document.querySelectorAll('pre.email-text').length,
    slacks: document.querySelectorAll('.sk-message .sk-header').length,
    builders: [...document.querySelectorAll('.builder a')].filter((a) =>
      a.href.startsWith('https://app.slack.com/block-kit-builder/#'),
    ).length,
    notifications: document.querySelectorAll('article.notification').length,
  }));
  const { notifications, emails, slacks, builders } = counts;
  if (notifications < expected || emails !== notifications || slacks !== notifications || builders !== notifications) {
    throw new Error(`each notification needs an email, a Slack message and a builder link: ${JSON.stringify(counts)}`);
  }
  if (problems.length > 0) throw new Error(problems[0]);
  console.log(`screenshots: ${url} shows ${sections} examples, ${notifications} notifications, no console error`);

  mkdirSync(IMAGES, { recursive: true });
  for (const [id, file] of SHOTS) {
    const article = page.locator(`#ex-${id} article.notification`).first();
    await article.scrollIntoViewIfNeeded();
    await article.screenshot({ path: join(IMAGES, file), animations: 'disabled' });
    console.log(`screenshots: docs/images/${file} (${id})`);
  }
  if (problems.length > 0) throw new Error(problems[0]);
} catch (error) {
  process.exitCode = 1;
  console.error(`screenshots: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
} finally {
  await browser?.close();
  child.kill('SIGINT');
}
