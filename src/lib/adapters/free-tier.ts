import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/*
 * A minimal Free Tier API client. `@aws-sdk/client-freetier` is not on the npm registry this project
 * installs from, so this signs the one JSON 1.0 call itself with the SDK's own SigV4 signer and
 * credential chain (both already dependencies of every SDK client). Swap it for the SDK client
 * when that package can be installed: `FreeTierReader` is the only thing callers see.
 */

/**
 * The Free Tier API's only endpoint (global, us-east-1 signing region).
 * @see https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_Operations_AWS_Free_Tier.html
 */
export const FREE_TIER_ENDPOINT = 'https://freetier.us-east-1.api.aws';
const SIGNING_REGION = 'us-east-1';
const SIGNING_SERVICE = 'freetier';
/** Most offers one GetFreeTierUsage page may return (the API's maximum). */
export const FREE_TIER_MAX_RESULTS = 1000;

/** One GetFreeTierUsage call: request in, raw JSON response out (throws an error named like the SDK's). */
export type FreeTierReader = (
  input: { nextToken?: string; maxResults?: number },
  signal?: AbortSignal,
) => Promise<unknown>;

/** SHA-256 in the shape the SigV4 signer expects, from node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const toBytes = (data: SourceData) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** An AWS service error, named as the SDK would name it (e.g. "AccessDeniedException"). */
class FreeTierServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

/** Options of {@link createFreeTierReader}; tests point `endpoint` at 127.0.0.1. */
export interface FreeTierReaderOptions {
  readonly endpoint?: string;
  readonly credentials?: ReturnType<typeof defaultProvider>;
  readonly fetch?: typeof fetch;
}

/**
 * Creates the GetFreeTierUsage caller (SigV4-signed POST, `X-Amz-Target: AWSFreeTierService.GetFreeTierUsage`).
 * @example const read = createFreeTierReader(); await read({ maxResults: 1000 });
 */
export function createFreeTierReader(options: FreeTierReaderOptions = {}): FreeTierReader {
  const url = new URL(options.endpoint ?? FREE_TIER_ENDPOINT);
  const signer = new SignatureV4({
    credentials: options.credentials ?? defaultProvider(),
    region: SIGNING_REGION,
    service: SIGNING_SERVICE,
    sha256: NodeSha256,
  });
  const doFetch = options.fetch ?? fetch;
  return async function getFreeTierUsage(input, signal) {
    const body = JSON.stringify(input);
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSFreeTierService.GetFreeTierUsage',
      },
      body,
    });
    const response = await doFetch(new URL('/', url), {
      method: 'POST',
      headers: signed.headers,
      body,
      ...(signal ? { signal } : {}),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (response.ok) return json;
    const type = String(response.headers.get('x-amzn-errortype') ?? json.__type ?? 'UnknownError');
    const name = type.split(':')[0]!.split('#').at(-1)!;
    throw new FreeTierServiceError(name, String(json.message ?? json.Message ?? name), response.status);
  };
}
