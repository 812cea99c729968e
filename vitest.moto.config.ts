import { defineConfig } from 'vitest/config';

/**
 * The moto suite (`.ci/moto`): tests against moto_server, which the script starts and names in
 * AWS_ENDPOINT_URL. Not part of `npm test`, which must pass with Node alone.
 */
export default defineConfig({
  test: {
    include: ['tests-moto/**/*.test.ts'],
    env: {
      // moto accepts any credentials; these are dummies, never real.
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_DEV: 'false',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
    testTimeout: 30_000,
    pool: 'forks',
    // One moto server for every file: files run one after another, each with its own names.
    fileParallelism: false,
  },
});
