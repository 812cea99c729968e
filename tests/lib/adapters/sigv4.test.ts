import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/lib/adapters/sigv4';

/** The SDK's own signer, the reference: our signer must produce exactly its headers. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const at = new Date('2024-06-01T12:34:56.789Z');
const withToken = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE',
};
const withoutToken = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('sigv4', () => {
  it.each([
    [
      'SQS with a session token',
      'sqs.us-east-1.amazonaws.com',
      'us-east-1',
      'sqs',
      'AmazonSQS.SendMessage',
      withToken,
      '{"QueueUrl":"q","MessageBody":"日本語 ✓"}',
    ],
    [
      'Free Tier without a token',
      'freetier.us-east-1.api.aws',
      'us-east-1',
      'freetier',
      'AWSFreeTierService.GetFreeTierUsage',
      withoutToken,
      '{}',
    ],
    ['a local endpoint with a port', '127.0.0.1:4566', 'eu-west-1', 'sqs', 'AmazonSQS.SendMessage', withToken, ''],
  ])('signs %s exactly as the SDK signer does', async (_name, host, region, service, target, credentials, body) => {
    const headers = { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target };
    const reference = await new SignatureV4({ credentials, region, service, sha256: NodeSha256 }).sign(
      { method: 'POST', protocol: 'https:', hostname: host.split(':')[0]!, path: '/', query: {}, headers, body },
      { signingDate: at },
    );
    expect(signRequest({ method: 'POST', path: '/', headers, body }, credentials, { region, service, at })).toEqual(
      reference.headers,
    );
  });
});
