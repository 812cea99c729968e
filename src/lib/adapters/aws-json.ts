import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/*
 * A minimal client for AWS JSON 1.0 APIs whose SDK package this project does not install (the
 * Free Tier API, SQS for the dead-letter queue): it signs each call itself with the SDK's own SigV4
 * signer and credential chain, both already dependencies of every SDK client.
 */

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
export class AwsServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  readonly $fault: 'client' | 'server';
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
    this.$fault = status >= 500 ? 'server' : 'client';
  }
}

/** Where and how to sign; tests point `endpoint` at 127.0.0.1. */
export interface AwsJsonClientOptions {
  readonly endpoint: string;
  readonly region: string;
  /** The SigV4 signing name, e.g. "freetier", "sqs". */
  readonly service: string;
  /** The `X-Amz-Target` prefix, e.g. "AWSFreeTierService", "AmazonSQS". */
  readonly targetPrefix: string;
  /** The protocol version of the API: "1.0" (default; Free Tier, SQS) or "1.1" (Organizations). */
  readonly jsonVersion?: '1.0' | '1.1';
  readonly credentials?: ReturnType<typeof defaultProvider>;
  readonly fetch?: typeof fetch;
}

/** One JSON 1.0 call: operation and input in, the parsed response out; throws {@link AwsServiceError}. */
export type AwsJsonCall = (operation: string, input: unknown, signal?: AbortSignal) => Promise<Record<string, unknown>>;

/**
 * Creates a caller of one AWS JSON 1.0 API: SigV4-signed POST to `/` with
 * `X-Amz-Target: <targetPrefix>.<operation>`.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
 * @example const call = createAwsJsonClient({ endpoint, region, service: 'sqs', targetPrefix: 'AmazonSQS' });
 */
export function createAwsJsonClient(options: AwsJsonClientOptions): AwsJsonCall {
  const url = new URL(options.endpoint);
  const signer = new SignatureV4({
    credentials: options.credentials ?? defaultProvider(),
    region: options.region,
    service: options.service,
    sha256: NodeSha256,
  });
  const doFetch = options.fetch ?? fetch;
  return async function callAws(operation, input, signal) {
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
        'content-type': `application/x-amz-json-${options.jsonVersion ?? '1.0'}`,
        'x-amz-target': `${options.targetPrefix}.${operation}`,
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
    throw new AwsServiceError(name, String(json.message ?? json.Message ?? name), response.status);
  };
}
