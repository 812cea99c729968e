import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { type CapturedLogs, captureLogs } from './capture-logs';

/**
 * How the receiver answers one request. `hang` never answers (until the server closes); `reset`
 * drops the connection without an answer; `slow` answers `reply` after `delayMs`; `echo` answers
 * `status` with a body quoting the request's path and Authorization header (as some servers'
 * error pages do).
 */
export type Reply =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number; reply: Reply }
  | { kind: 'echo'; status: number };

/** Ready-made replies, named as Slack behaves. */
export const replies = {
  ok: { kind: 'ok' },
  rateLimited: (retryAfterSeconds: number) =>
    ({
      kind: 'status',
      status: 429,
      body: 'rate_limited',
      headers: { 'retry-after': String(retryAfterSeconds) },
    }) as const,
  serverError: { kind: 'status', status: 500, body: 'internal_error' },
  invalidPayload: { kind: 'status', status: 400, body: 'invalid_payload' },
  noService: { kind: 'status', status: 404, body: 'no_service' },
  hang: { kind: 'hang' },
  reset: { kind: 'reset' },
  slowOk: (delayMs: number) => ({ kind: 'slow', delayMs, reply: { kind: 'ok' } }) as const,
  echo: (status: number) => ({ kind: 'echo', status }) as const,
} as const satisfies Record<string, Reply | ((n: number) => Reply)>;

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Epoch ms the request arrived. */
  at: number;
}

/** A local stand-in for a Slack incoming webhook. */
export interface SlackReceiver {
  /** Webhook URL on 127.0.0.1 whose path looks like a secret token (unique per receiver). */
  url: string;
  /** The path token, to search for in logs and errors. */
  token: string;
  /** Every secret part of the path, Slack-shaped: team ID, bot ID, token. */
  segments: string[];
  requests: ReceivedRequest[];
  /** Replies for the next requests, in order; after the script runs out, `then` (default ok). */
  script(replies: Reply[], then?: Reply): void;
  close(): Promise<void>;
}

function answer(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'slow':
      setTimeout(() => answer(req, res, reply.reply), reply.delayMs);
      return;
    case 'ok':
      res.writeHead(200, { 'content-type': 'text/html' }).end('ok');
      return;
    case 'echo':
      res
        .writeHead(reply.status, { 'content-type': 'text/plain' })
        .end(`no route for POST ${req.url} (authorization: ${req.headers.authorization ?? 'none'})`);
      return;
    default:
      res.writeHead(reply.status, { 'content-type': 'text/html', ...reply.headers }).end(reply.body);
  }
}

/**
 * Starts a real HTTP server on 127.0.0.1 (random port) answering as scripted and recording every
 * request. Close it in `afterEach`.
 * @example const slack = await startSlackReceiver(); slack.script([replies.serverError]);
 */
export async function startSlackReceiver(): Promise<SlackReceiver> {
  const token = `not-a-secret-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const id = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const segments = [id('T0'), id('B0'), token];
  const requests: ReceivedRequest[] = [];
  let queue: Reply[] = [];
  let fallback: Reply = replies.ok;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      answer(req, res, queue.shift() ?? fallback);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/${segments.join('/')}`,
    token,
    segments,
    requests,
    script(next, then = replies.ok) {
      queue = [...next];
      fallback = then;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The receiver and the captured logs of the test that is running. */
export interface SlackTestBed {
  slack: SlackReceiver;
  logs: CapturedLogs;
}

/**
 * Starts a fresh Slack receiver and captures log lines around every test of the calling file;
 * the returned object always holds the current test's pair.
 */
export function useSlackReceiverAndLogs(): SlackTestBed {
  const bed = {} as SlackTestBed;
  beforeEach(async () => {
    bed.slack = await startSlackReceiver();
    bed.logs = captureLogs();
  });
  afterEach(async () => {
    bed.logs.restore();
    await bed.slack.close();
  });
  return bed;
}
