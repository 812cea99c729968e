import type { defaultProvider } from '@aws-sdk/credential-provider-node';
import { createAwsJsonClient } from './aws-json';

/*
 * The Free Tier API through the minimal JSON 1.0 client (aws-json.ts): `@aws-sdk/client-freetier`
 * is not on the npm registry this project installs from. Swap it for the SDK client when that
 * package can be installed: `FreeTierReader` is the only thing callers see.
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

/**
 * Where the Free Tier API answers: the environment's endpoint override (a local server; the same
 * variables the SDK clients honour), else the API's own endpoint.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export function freeTierEndpoint(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.AWS_ENDPOINT_URL_FREETIER ?? env.AWS_ENDPOINT_URL ?? FREE_TIER_ENDPOINT;
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
  const call = createAwsJsonClient({
    endpoint: options.endpoint ?? freeTierEndpoint(),
    region: SIGNING_REGION,
    service: SIGNING_SERVICE,
    targetPrefix: 'AWSFreeTierService',
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return function getFreeTierUsage(input, signal) {
    return call('GetFreeTierUsage', input, signal);
  };
}
