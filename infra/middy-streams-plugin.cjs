'use strict';

/**
 * An esbuild plugin: @middy/core's top imports `node:stream`, `node:stream/promises` and
 * `node:stream/web` for response streaming (`streamifyResponse`), which no function of ours uses,
 * and `node:timers` for `setTimeout`, the global one. Each ESM import of a built-in costs the module
 * its facade on every cold start, and `node:stream/web` loads the rest of Node's web streams: about a
 * tenth of the apiCall function's own import work. This rewrites middy's source so the streaming
 * code takes each built-in where it uses it (`process.getBuiltinModule`, Node 22.3+; the functions
 * run on nodejs22.x) and the timer is the global `setTimeout` (the same function as node:timers').
 *
 * The rewrite is exact: every import and use is named below with the number of times it occurs, and
 * any other text (a new middy version) fails the build, so that this file is checked again.
 * https://esbuild.github.io/plugins/#on-load
 */
const { readFile } = require('node:fs/promises');

/** Middy's own file; the plugin touches nothing else. */
const MIDDY_CORE = /[\\/]node_modules[\\/]@middy[\\/]core[\\/]index\.js$/;

/** Each text to replace, what replaces it, and how many times middy's source holds it. */
const REWRITES = [
  ['import { Readable } from "node:stream";\n', '', 1],
  ['import { pipeline } from "node:stream/promises";\n', '', 1],
  ['import { ReadableStream } from "node:stream/web";\n', '', 1],
  ['import { setTimeout } from "node:timers";\n', '', 1],
  ['instanceof ReadableStream', 'instanceof process.getBuiltinModule("node:stream/web").ReadableStream', 1],
  ['Readable.from(', 'process.getBuiltinModule("node:stream").Readable.from(', 1],
  ['await pipeline(', 'await process.getBuiltinModule("node:stream/promises").pipeline(', 1],
];

/** How many times `text` occurs in `source`. */
const count = (source, text) => source.split(text).length - 1;

/**
 * Middy's source with its streaming built-ins taken on use.
 * @throws Error when the source is not the one these rewrites were written for.
 */
function deferStreams(source) {
  let out = source;
  for (const [from, to, times] of REWRITES) {
    const found = count(out, from);
    if (found !== times) {
      throw new Error(
        `middy-streams plugin: @middy/core holds ${JSON.stringify(from)} ${found} times, not ${times}; check infra/middy-streams-plugin.cjs against this middy version`,
      );
    }
    out = out.split(from).join(to);
  }
  const left = /from\s*["']node:/.exec(out);
  if (left)
    throw new Error('middy-streams plugin: @middy/core imports another built-in; check infra/middy-streams-plugin.cjs');
  return out;
}

/** The plugin: applies {@link deferStreams} to @middy/core. */
const middyStreamsPlugin = {
  name: 'middy-streams',
  setup(build) {
    build.onLoad({ filter: MIDDY_CORE }, async ({ path }) => ({
      contents: deferStreams(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};

module.exports = { middyStreamsPlugin, deferStreams };
