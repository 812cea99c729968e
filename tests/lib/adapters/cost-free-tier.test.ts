import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreeTierReader, FREE_TIER_ENDPOINT, freeTierEndpoint } from '../../../src/lib/adapters/free-tier';

const credentials = async () => ({ accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret' });

/** A stand-in for the Free Tier endpoint on 127.0.0.1: records requests, answers what the test queued. */
const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let reply: { status: number; body: unknown; headers?: Record<string, string> } = { status: 200, body: {} };
const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  seen.push({ headers: req.headers, body });
  res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.0', ...reply.headers });
  res.end(JSON.stringify(reply.body));
});
let endpoint = '';

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('adapters: free tier reader', () => {
  it.each([
    [{}, FREE_TIER_ENDPOINT],
    [{ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }, 'http://127.0.0.1:4566'],
    [
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_FREETIER: 'http://127.0.0.1:9000' },
      'http://127.0.0.1:9000',
    ],
  ])('answers at the endpoint the environment names, as the SDK clients do (%o)', (env, expected) => {
    expect(freeTierEndpoint(env)).toBe(expected);
  });

  it('sends a SigV4-signed JSON 1.0 GetFreeTierUsage call and returns the response', async () => {
    const usages = { freeTierUsages: [{ service: 'AWS Glue', limit: 1_000_000, actualUsageAmount: 287 }] };
    reply = { status: 200, body: usages };
    const read = createFreeTierReader({ endpoint, credentials });
    await expect(read({ maxResults: 1000 })).resolves.toEqual(usages);
    const request = seen.at(-1)!;
    expect(request.headers['x-amz-target']).toBe('AWSFreeTierService.GetFreeTierUsage');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTESTTESTTEST\/\d{8}\/us-east-1\/freetier\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(request.body)).toEqual({ maxResults: 1000 });
  });

  it.each([
    [
      400,
      { __type: 'com.amazonaws.freetier#ValidationException', message: 'bad filter' },
      {},
      'ValidationException',
      'bad filter',
    ],
    [
      403,
      { Message: 'not authorized' },
      { 'x-amzn-errortype': 'AccessDeniedException:http://internal' },
      'AccessDeniedException',
      'not authorized',
    ],
    [500, {}, {}, 'UnknownError', 'UnknownError'],
  ])('turns HTTP %d into an error named like the SDK would', async (status, body, headers, name, message) => {
    reply = { status, body, headers };
    const error = await createFreeTierReader({ endpoint, credentials })({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name, message, $metadata: { httpStatusCode: status } });
  });
});
