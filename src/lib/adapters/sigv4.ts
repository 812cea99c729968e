import { createHash, createHmac } from 'node:crypto';

/*
 * AWS Signature Version 4 for the one request shape aws-json.ts sends (a POST with a JSON body to
 * `/`, no query), with node:crypto: the SDK's general signer (@smithy/signature-v4) weighed 15 KB
 * of every bundle for it. tests/lib/adapters/sigv4.test.ts checks it against that signer.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */

/** Credentials as the SDK's credential providers give them. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** What to sign: lower-case header names; `host` must be among them. */
export interface SignableRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** `20240601T000000Z`: the ISO instant without separators or milliseconds. */
const amzDate = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Returns the request's headers plus `x-amz-date`, `x-amz-security-token` (with a session token),
 * `x-amz-content-sha256` and `authorization`, every header signed.
 * @example const headers = signRequest(request, credentials, { region: 'us-east-1', service: 'sqs', at: new Date() });
 */
export function signRequest(
  request: SignableRequest,
  credentials: SigningCredentials,
  { region, service, at }: { region: string; service: string; at: Date },
): Record<string, string> {
  const date = amzDate(at);
  const day = date.slice(0, 8);
  const payloadHash = sha256Hex(request.body);
  const headers: Record<string, string> = {
    ...request.headers,
    'x-amz-date': date,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
    'x-amz-content-sha256': payloadHash,
  };
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lowered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const canonicalHeaders = names
    .map((name) => `${name}:${String(lowered[name]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [request.method, request.path, '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
