#!/usr/bin/env node
// Entry point of `npx notifier`: the JavaScript built into dist/ by `npm run build` (which `npm ci`
// and `npm install` run through `prepare`), so nothing is compiled at run time.
import { existsSync } from 'node:fs';

const BUILT = new URL('../dist/cli.mjs', import.meta.url);

if (!existsSync(BUILT)) {
  process.stderr.write('notifier: the command is not built yet: run "npm run build" (npm ci does it too)\n');
  process.exit(1);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runCli } = await import(BUILT.href);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
