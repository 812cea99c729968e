#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm ci` / `npm install` through `prepare`): bundles the `notifier`
 * command into dist/ with esbuild, so `npx notifier` starts as plain JavaScript, nothing compiled
 * at run time. Each command is its own chunk, loaded only when it runs (`--help` and `render` never
 * load the AWS SDK or the preview server). Packages stay external: they are installed next to it.
 * Takes well under a second; prints one line.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** The plugins every bundle of ours is built with (zod builders marked pure). */
const sharedPlugins = createRequire(import.meta.url)('../infra/esbuild-plugins.cjs');
const OUT_DIR = join(ROOT, 'dist');

/**
 * zod re-exports its error messages in ~50 languages as `z.locales`, which no module here uses;
 * they are most of zod's size and so of the CLI's parse time. The bundle keeps English only (zod's
 * default, which it imports directly, not through this index).
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'/'}zod${'/'}`) ? { path: 'zod-locales', namespace: 'english-only-zod' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'english-only-zod' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: ROOT,
    }));
  },
};

const started = performance.now();
rmSync(OUT_DIR, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-sdk/*', '@aws-lambda-powertools/*', '@smithy/*', '@middy/*', 'tsx'],
  plugins: [englishOnlyZod, ...sharedPlugins],
  // Minified: less for V8 to parse on every start (about a third less CPU for `render`, measured).
  minify: true,
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.mjs'))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
const ms = (performance.now() - started).toFixed(0);
console.log(
  `build: dist/cli.mjs and ${Object.keys(result.metafile.outputs).filter((f) => f.includes('chunks/') && f.endsWith('.mjs')).length} chunks, ${(bytes / 1024).toFixed(0)} KB, ${ms} ms`,
);
