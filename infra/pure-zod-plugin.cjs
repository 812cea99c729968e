'use strict';

/**
 * An esbuild plugin: marks every `z.<builder>(…)` call in our TypeScript sources as pure
 * (`/* @__PURE__ *\/`), so a schema a bundle never uses is dropped, and is not built at import.
 *
 * zod/mini's builders carry `@__NO_SIDE_EFFECTS__`, but esbuild honours that annotation only
 * within one file (https://github.com/evanw/esbuild/issues/4369), so without this every schema of
 * every module a function imports is bundled and constructed on each cold start. Calls are found
 * with the TypeScript parser (never inside strings or comments); `z.config` (which sets zod's
 * global error messages) is the one builder with a side effect and stays as it is.
 * https://esbuild.github.io/plugins/#on-load
 */
const { readFile } = require('node:fs/promises');
const ts = require('typescript');

/** The namespace every schema in src/ is written with (src/lib/core/schemas/zod.ts). */
const NAMESPACE = 'z';
/** zod calls made for their effect, never to be dropped. */
const EFFECTFUL = new Set(['config']);
const PURE = '/* @__PURE__ */ ';

/** Offsets of every `z.name(` call's start in `source` (a TypeScript file's text). */
function pureCallOffsets(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const offsets = [];
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === NAMESPACE &&
      !EFFECTFUL.has(node.expression.name.text)
    ) {
      offsets.push(node.getStart(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return offsets;
}

/** `source` with {@link PURE} before each zod builder call. */
function markPureZodCalls(source, fileName) {
  if (!source.includes(`${NAMESPACE}.`)) return source;
  let out = '';
  let from = 0;
  for (const offset of pureCallOffsets(source, fileName).sort((a, b) => a - b)) {
    out += source.slice(from, offset) + PURE;
    from = offset;
  }
  return out + source.slice(from);
}

/**
 * Each file's last text and its marked form: osls bundles six functions in one process, mostly
 * from the same files, and parsing is the plugin's whole cost.
 */
const marked = new Map();

/** The plugin: applies {@link markPureZodCalls} to every .ts file outside node_modules. */
const pureZodPlugin = {
  name: 'pure-zod',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes('/node_modules/')) return undefined;
      const source = await readFile(path, 'utf8');
      const cached = marked.get(path);
      if (cached?.source !== source) marked.set(path, { source, contents: markPureZodCalls(source, path) });
      return { contents: marked.get(path).contents, loader: 'ts' };
    });
  },
};

module.exports = { pureZodPlugin, markPureZodCalls };
