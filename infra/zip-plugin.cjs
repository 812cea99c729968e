'use strict';

/**
 * A local osls plugin: once serverless-esbuild has zipped each function (on `osls package`, and so
 * on `osls deploy`, and on `osls deploy function`), it rewrites every function zip with its entries
 * deflated by Zopfli, the slowest and smallest encoder of the deflate format every unzip reads.
 * serverless-esbuild zips through archiver at zlib level 1: the apiCall zip came out at 64.3 KB,
 * 11% over zlib's level 9 and 15% over Zopfli. Same entries, names, modes and contents; every
 * entry dated 1980-01-01 as before, so an unchanged function still zips to the same bytes and a
 * deploy does not replace it. Runs before osls hashes the artifacts (package:compileFunctions).
 * https://www.serverless.com/framework/docs/guides/plugins/creating-plugins
 */
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { deflateAsync } = require('@gfx/zopfli');
const yauzl = require('yauzl');

/** Zopfli's passes per block: its own default; more passes gain bytes only in the hundreds. */
const ZOPFLI_ITERATIONS = 15;

// Record layouts of the ZIP format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
// (4.3.7 local file header, 4.3.12 central directory header, 4.3.16 end of central directory).
const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate. */
const VERSION_NEEDED = 20;
/** Made by Unix (3, in the high byte), so the external attributes carry the file's mode. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAMES = 0x0800;
const METHOD_DEFLATE = 8;
/** MS-DOS date of 1980-01-01 (zip's epoch), time 00:00: the date serverless-esbuild gives every entry. */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
/** A regular file readable by all, for an entry whose zip records no mode. */
const DEFAULT_MODE = 0o100644;
const S_IFREG = 0o100000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 a zip entry records (ISO 3309; `zlib.crc32` needs Node 20.15). */
function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

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
            const mode = entry.externalFileAttributes >>> 16 || DEFAULT_MODE;
            entries.push({ name: entry.fileName, mode: mode | S_IFREG, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * The fields a local header and a central directory record share, in the same order, from "version
 * needed to extract" to "file name length", written at `at`.
 */
function writeSharedFields(header, at, { crc, compressedSize, size, nameLength }) {
  header.writeUInt16LE(VERSION_NEEDED, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(METHOD_DEFLATE, at + 4);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, at + 6);
  header.writeUInt16LE(DOS_DATE_1980_01_01, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(compressedSize, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** One entry's local header and central directory record, around its deflated bytes. */
function entryRecords(entry, deflated, offset) {
  const name = Buffer.from(entry.name, 'utf8');
  const fields = {
    crc: crc32(entry.data),
    compressedSize: deflated.length,
    size: entry.data.length,
    nameLength: name.length,
  };
  const local = Buffer.alloc(30); // extra field length (28): 0
  local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  writeSharedFields(local, 4, fields);
  const central = Buffer.alloc(46); // extra field, comment, disk number, internal attributes: 0
  central.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
  central.writeUInt16LE(VERSION_MADE_BY, 4);
  writeSharedFields(central, 6, fields);
  central.writeUInt32LE((entry.mode << 16) >>> 0, 38);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, name, deflated]), central: Buffer.concat([central, name]) };
}

/** A zip of `entries`, each deflated by Zopfli. */
async function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const deflated = await deflateAsync(entry.data, { numiterations: ZOPFLI_ITERATIONS });
    const { local, central } = entryRecords(entry, deflated, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Rewrites one zip with Zopfli-deflated entries; returns its sizes before and after, in bytes.
 * @example await recompress('.serverless/apiCall.zip') // { before: 65879, after: 58163 }
 */
async function recompress(zipPath) {
  const before = readFileSync(zipPath).length;
  const zip = await zipOf(await readEntries(zipPath));
  const temporary = `${zipPath}.zopfli`;
  writeFileSync(temporary, zip);
  renameSync(temporary, zipPath);
  return { before, after: zip.length };
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
    const recompressAll = () => Promise.all(artifacts().map(recompress));
    this.hooks = {
      'after:package:createDeploymentArtifacts': recompressAll,
      'after:deploy:function:packageFunction': recompressAll,
    };
  }
}

module.exports = ZipPlugin;
module.exports.recompress = recompress;
