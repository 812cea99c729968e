#!/usr/bin/env node
// Entry point of `npx notifier`: runs the TypeScript sources through tsx, so the CLI works right
// after `npm ci` with no build step, and exercises exactly the code the Lambdas bundle.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
