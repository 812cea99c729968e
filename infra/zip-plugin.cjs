'use strict';

/**
 * A local osls plugin: once serverless-esbuild has zipped each function (on `osls package`, and so
 * on `osls deploy`, and on `osls deploy function`), it rewrites every function zip at deflate level
 * 9. serverless-esbuild zips through archiver, whose default is level 1: the apiCall zip came out
 * at 64.3 KB, 11% larger than the same bytes at level 9. Same entries, names, modes and contents;
 * every entry dated 1980-01-01 as before, so an unchanged function still zips to the same bytes
 * and a deploy does not replace it. Runs before osls hashes the artifacts (package:compileFunctions).
 * https://www.serverless.com/framework/docs/guides/plugins/creating-plugins
 */
const { createWriteStream, readFileSync, renameSync } = require('node:fs');
const path = require('node:path');
const archiver = require('archiver');
const yauzl = require('yauzl');

/** zlib's best compression. https://nodejs.org/api/zlib.html#constants */
const DEFLATE_LEVEL = 9;
/** The date serverless-esbuild gives every entry (zips are reproducible); zip's epoch is 1980. */
const ENTRY_DATE = new Date(0);

/** Every file entry of a zip: its name, Unix mode and contents, in the zip's order. */
function readEntries(zipPath) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(readFileSync(zipPath), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks = [];
          stream.on('error', reject);
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('end', () => {
            // The high 16 bits of the external attributes hold the Unix mode (0 when not recorded).
            const mode = entry.externalFileAttributes >>> 16 || undefined;
            entries.push({ name: entry.fileName, mode, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Writes `entries` to `zipPath` at {@link DEFLATE_LEVEL}, through a temporary file. */
function writeEntries(zipPath, entries) {
  const temporary = `${zipPath}.level9`;
  return new Promise((resolve, reject) => {
    const zip = archiver.create('zip', { zlib: { level: DEFLATE_LEVEL } });
    const output = createWriteStream(temporary);
    output.on('close', () => {
      renameSync(temporary, zipPath);
      resolve();
    });
    zip.on('error', reject);
    zip.pipe(output);
    for (const { name, mode, data } of entries) zip.append(data, { name, mode, date: ENTRY_DATE });
    zip.finalize();
  });
}

/**
 * Rewrites one zip at level 9; returns its sizes before and after, in bytes.
 * @example await recompress('.serverless/apiCall.zip') // { before: 65879, after: 59196 }
 */
async function recompress(zipPath) {
  const before = readFileSync(zipPath).length;
  await writeEntries(zipPath, await readEntries(zipPath));
  return { before, after: readFileSync(zipPath).length };
}

class ZipPlugin {
  constructor(serverless, options) {
    const serviceDir = serverless.serviceDir ?? serverless.config.servicePath;
    /** The zips of the functions packaged in this run (one, on `deploy function`). */
    const artifacts = () => {
      const names = options.function ? [options.function] : serverless.service.getAllFunctions();
      return names
        .map((name) => serverless.service.getFunction(name).package?.artifact)
        .filter((artifact) => typeof artifact === 'string' && artifact.endsWith('.zip'))
        .map((artifact) => path.resolve(serviceDir, artifact));
    };
    const recompressAll = async () => {
      for (const zipPath of artifacts()) await recompress(zipPath);
    };
    this.hooks = {
      'after:package:createDeploymentArtifacts': recompressAll,
      'after:deploy:function:packageFunction': recompressAll,
    };
  }
}

module.exports = ZipPlugin;
module.exports.recompress = recompress;
