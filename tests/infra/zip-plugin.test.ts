import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from './zip';

const require = createRequire(import.meta.url);
const archiver = require('archiver');
const yauzl = require('yauzl');
const { recompress } = require('../../infra/zip-plugin.cjs') as {
  recompress: (zipPath: string) => Promise<{ before: number; after: number }>;
};

/** Headers of the two-entry zip below: 2 × (30 + 46 + name) + 22 bytes. */
const ZIP_RECORDS_BYTES = 2 * (30 + 46) + 2 * 'src/handlers/fn.mjs'.length + 22;

/** A zip as serverless-esbuild writes it: archiver's defaults (level 1), entries dated 1980. */
function esbuildStyleZip(path: string, files: Record<string, { text: string; mode: number }>): Promise<void> {
  const zip = archiver.create('zip');
  const output = createWriteStream(path);
  const closed = new Promise<void>((resolve) => output.on('close', () => resolve()));
  zip.pipe(output);
  for (const [name, { text, mode }] of Object.entries(files)) {
    zip.append(Buffer.from(text), { name, mode, date: new Date(0) });
  }
  zip.finalize();
  return closed;
}

/** Each entry's name and Unix mode, as a zip reader sees them. */
function modes(path: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, (error: Error | null, zip: import('node:events').EventEmitter) => {
      if (error) return reject(error);
      const found: Record<string, number> = {};
      zip.on('entry', (entry: { fileName: string; externalFileAttributes: number }) => {
        found[entry.fileName] = (entry.externalFileAttributes >>> 16) & 0o777;
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
    });
  });
}

/** Text that compresses differently at level 1 and 9, like a minified bundle: repeats at a distance. */
const bundleLike = Array.from({ length: 4000 }, (_, i) => `function f${i % 97}(a){return a.x${i % 13}+${i % 7}}`).join(
  ';',
);

describe('infra: zip plugin (every function zip deflated by Zopfli)', () => {
  it('rewrites a level-1 zip smaller than zlib level 9 would, with the same entries, contents and modes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-plugin-'));
    const path = join(dir, 'fn.zip');
    await esbuildStyleZip(path, {
      'src/handlers/fn.mjs': { text: bundleLike, mode: 0o644 },
      'bin/run': { text: '#!/bin/sh\necho hi\n', mode: 0o755 },
    });
    const original = readZip(path);

    const { before, after } = await recompress(path);

    expect(after).toBeLessThan(before);
    const level9 = [bundleLike, '#!/bin/sh\necho hi\n'].reduce(
      (sum, text) => sum + deflateRawSync(Buffer.from(text), { level: 9 }).length,
      0,
    );
    expect(after - ZIP_RECORDS_BYTES).toBeLessThanOrEqual(level9);
    expect(readZip(path)).toEqual(original);
    expect(await modes(path)).toEqual({ 'src/handlers/fn.mjs': 0o644, 'bin/run': 0o755 });
  });

  it('gives the same bytes for the same contents, so an unchanged function is not redeployed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-plugin-'));
    const [a, b] = [join(dir, 'a.zip'), join(dir, 'b.zip')];
    await esbuildStyleZip(a, { 'src/handlers/fn.mjs': { text: bundleLike, mode: 0o644 } });
    await esbuildStyleZip(b, { 'src/handlers/fn.mjs': { text: bundleLike, mode: 0o644 } });
    await recompress(a);
    await recompress(b);
    await recompress(b); // twice: rewriting a level-9 zip changes nothing

    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
