import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { signRequest } from './sigv4';

/*
 * A minimal client for AWS JSON 1.0 APIs whose SDK package this project does not install (the
 * Free Tier API, SQS for the dead-letter queue): it signs each call itself (SigV4, ./sigv4.ts) with
 * the SDK's credential chain, already a dependency of every SDK client.
 */

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
  const credentials = options.credentials ?? defaultProvider();
  const doFetch = options.fetch ?? fetch;
  return async function callAws(operation, input, signal) {
    const body = JSON.stringify(input);
    const headers = signRequest(
      {
        method: 'POST',
        path: '/',
        headers: {
          host: url.host,
          'content-type': `application/x-amz-json-${options.jsonVersion ?? '1.0'}`,
          'x-amz-target': `${options.targetPrefix}.${operation}`,
        },
        body,
      },
      await credentials(),
      { region: options.region, service: options.service, at: new Date() },
    );
    const response = await doFetch(new URL('/', url), {
      method: 'POST',
      headers,
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
