import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** One file in a zip archive. */
export interface ZipEntry {
  name: string;
  content: Buffer;
}

// Record signatures and offsets from the ZIP format:
// https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.7 local header, 4.3.12 central directory, 4.3.16 end)
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_MIN_SIZE = 22;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

function findEndRecord(zip: Buffer): number {
  for (let offset = zip.length - END_RECORD_MIN_SIZE; offset >= 0; offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip archive: no end of central directory record');
}

function entryContent(zip: Buffer, method: number, localOffset: number, size: number): Buffer {
  if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw new Error(`no local header at ${localOffset}`);
  const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  const data = zip.subarray(start, start + size);
  if (method === METHOD_STORED) return data;
  if (method === METHOD_DEFLATE) return inflateRawSync(data);
  throw new Error(`unsupported compression method ${method}`);
}

/**
 * Reads every file of a (non-zip64) archive: enough to inspect the Lambda zips without a dependency.
 * @example readZip('.serverless/alarm.zip').map((entry) => entry.name) // ['src/handlers/alarm.mjs']
 */
export function readZip(path: string): ZipEntry[] {
  const zip = readFileSync(path);
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) throw new Error(`bad central directory at ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (!name.endsWith('/')) {
      entries.push({ name, content: entryContent(zip, method, localOffset, compressedSize) });
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
