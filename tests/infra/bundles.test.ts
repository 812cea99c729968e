import { statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleDescriptions } from '../../src/lib/core/sources/cloudtrail/rules/descriptions';
import { DEFAULT_DIR, packagedTemplate, zipsIn } from './packaged';
import { readZip, type ZipEntry } from './zip';

const PACKAGE_TIMEOUT_MS = 120_000;
/** Far above today's bundles; crossing it means a dependency slipped in (cold starts grow with size). */
const MAX_ZIP_BYTES = 1.5 * 1024 * 1024;
/** Local and central headers, data descriptor and end record of a one-file zip, with room to spare. */
const ZIP_HEADERS_SLACK_BYTES = 512;
/** The SDK v3 user-agent prefix: only bundled SDK code contains it. */
const SDK_CODE_MARKER = 'aws-sdk-js';
/** `@aws-sdk/...` may appear only as a whole import specifier (the runtime provides the SDK). */
const SDK_SPECIFIER = /["'`]@aws-sdk\/[a-z0-9-]+(?:\/[a-z0-9-/]+)?["'`]/g;

/** Function name in serverless.yml → handler file. */
const HANDLERS = {
  alarm: 'alarm',
  apiCall: 'api-call',
  budget: 'budget',
  costDigest: 'cost-digest',
  slack: 'slack',
  email: 'email',
} as const;
const FUNCTIONS = Object.keys(HANDLERS) as (keyof typeof HANDLERS)[];
/**
 * The SDK packages each bundle imports from the runtime, and nothing else of `@aws-sdk/`. Calls
 * without an installed SDK client are signed by the function itself (src/lib/adapters/aws-json.ts):
 * the digest's Free Tier reader, and the delivering functions' dead-letter SendMessage; they take
 * the credential chain from the runtime too, and sign with node:crypto (src/lib/adapters/sigv4.ts). The
 * delivering functions use DynamoDB for the dedupe store (src/lib/adapters/dedupe-store.ts). Only the
 * alarm function reads target health: it alone imports ELBv2 (on the first target-group alarm) and
 * CloudWatch (the quiet defaults, adapters/alarm-actions.ts). The ingest functions load IAM (the
 * account alias, adapters/account-names.ts) on first use.
 */
const DELIVERING = [
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/client-iam',
  '@aws-sdk/client-sns',
  '@aws-sdk/credential-provider-node',
];
const SDK_IMPORTS: Record<keyof typeof HANDLERS, string[]> = {
  alarm: [...DELIVERING, '@aws-sdk/client-cloudwatch', '@aws-sdk/client-elastic-load-balancing-v2'].sort(),
  apiCall: DELIVERING,
  budget: DELIVERING,
  costDigest: [
    '@aws-sdk/client-budgets',
    '@aws-sdk/client-cost-explorer',
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-sns',
    '@aws-sdk/credential-provider-node',
  ],
  // client-sns: routed delivery publishes to email destinations' topics.
  slack: [
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/client-sns',
    '@aws-sdk/client-ssm',
    '@aws-sdk/credential-provider-node',
  ],
  email: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-sns', '@aws-sdk/credential-provider-node'],
};
/**
 * esbuild's stand-in for require() in an ESM bundle, emitted only when bundled CommonJS code calls
 * it; it throws at run time without the createRequire banner, which serverless.yml leaves out.
 */
const REQUIRE_SHIM = 'Dynamic require of';
/** SigV4's algorithm name: present only where the signer is bundled. */
const SIGV4_MARKER = 'AWS4-HMAC-SHA256';
const zips = new Map<string, ZipEntry[]>();

beforeAll(() => {
  packagedTemplate();
  for (const name of zipsIn(DEFAULT_DIR)) zips.set(name, readZip(join(DEFAULT_DIR, name)));
}, PACKAGE_TIMEOUT_MS);

/** Excerpts around each `@aws-sdk/` that is not an import specifier. */
function nonImportMentions(text: string): string[] {
  const withoutImports = text.replace(SDK_SPECIFIER, '');
  return [...withoutImports.matchAll(/@aws-sdk\//g)].map(({ index }) =>
    withoutImports.slice(Math.max(0, index - 40), index + 40),
  );
}
const entries = (fn: string) => zips.get(`${fn}.zip`) ?? [];
const bundleText = (fn: string) => entries(fn).map((entry) => entry.content.toString('utf8'));

describe('infra: function bundles', () => {
  it('packages one zip per function', () => {
    expect([...zips.keys()].sort()).toEqual(FUNCTIONS.map((fn) => `${fn}.zip`).sort());
  });

  it.each(FUNCTIONS)('%s.zip holds the ESM bundle of its handler and nothing else', (fn) => {
    expect(entries(fn).map((entry) => entry.name)).toEqual([`src/handlers/${HANDLERS[fn]}.mjs`]);
  });

  it.each(FUNCTIONS)('%s.zip calls no require(): it needs no createRequire banner (serverless.yml)', (fn) => {
    for (const text of bundleText(fn)) {
      expect(text).not.toContain(REQUIRE_SHIM);
      expect(text).not.toContain('createRequire');
    }
  });

  it.each(FUNCTIONS)('%s.zip stays under the size budget', (fn) => {
    const size = statSync(join(DEFAULT_DIR, `${fn}.zip`)).size;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(MAX_ZIP_BYTES);
  });

  it.each(FUNCTIONS)(
    '%s.zip is deflated at least as tightly as zlib level 9, not at the level 1 of archiver (infra/zip-plugin.cjs)',
    (fn) => {
      const best = entries(fn).reduce((sum, entry) => sum + deflateRawSync(entry.content, { level: 9 }).length, 0);
      // Level 1 comes out ~11% over level 9 on these bundles; headers are a few hundred bytes.
      expect(statSync(join(DEFAULT_DIR, `${fn}.zip`)).size).toBeLessThan(best * 1.02 + ZIP_HEADERS_SLACK_BYTES);
    },
  );

  it('apiCall.zip carries the rules but not their descriptions (only `notifier rules` shows them)', () => {
    const text = bundleText('apiCall').join('');
    expect(text.includes('root-console-sign-in'), 'a rule id is in the bundle').toBe(true);
    const described = Object.values(defaultRuleDescriptions).filter((sentence) => text.includes(sentence));
    expect(described).toEqual([]);
  });

  it.each(FUNCTIONS)('%s.zip bundles no AWS SDK code (nodejs22.x ships it)', (fn) => {
    for (const text of bundleText(fn)) {
      // booleans and short excerpts: a failing toContain would print the whole minified bundle
      expect(text.includes(SDK_CODE_MARKER), `"${SDK_CODE_MARKER}" is in the bundle`).toBe(false);
      expect(nonImportMentions(text)).toEqual([]);
    }
  });

  it.each(FUNCTIONS)('%s.zip imports only the SDK packages it uses, from the runtime', (fn) => {
    const specifiers = bundleText(fn).flatMap((text) => [...text.matchAll(SDK_SPECIFIER)].map(([m]) => m.slice(1, -1)));
    expect([...new Set(specifiers)].sort()).toEqual(SDK_IMPORTS[fn]);
  });

  it('alarm.zip imports ELBv2 only when a target-group alarm needs it, never at init', () => {
    const [text = ''] = bundleText('alarm');
    expect(text).toMatch(/import\(\s*["']@aws-sdk\/client-elastic-load-balancing-v2["']\s*\)/);
    expect(text).not.toMatch(/from\s*["']@aws-sdk\/client-elastic-load-balancing-v2["']/);
  });

  it('bundles the SigV4 signer only into functions that sign a call themselves (Free Tier, dead letters)', () => {
    const signing = FUNCTIONS.filter((fn) => bundleText(fn).some((text) => text.includes(SIGV4_MARKER)));
    expect(signing).toEqual(['alarm', 'apiCall', 'budget', 'costDigest', 'slack', 'email']);
  });
});
