'use strict';

/**
 * The esbuild plugins every bundle of ours is built with: the functions (serverless.yml,
 * custom.esbuild.plugins), the CLI (scripts/build.mjs) and the render bench.
 * https://github.com/floydspace/serverless-esbuild#esbuild-plugins
 */
const { middyStreamsPlugin } = require('./middy-streams-plugin.cjs');
const { pureZodPlugin } = require('./pure-zod-plugin.cjs');

module.exports = [pureZodPlugin, middyStreamsPlugin];
