import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the stub saw it. */
export interface SlackApiCall {
  method: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** A message as the stub keeps it: what a channel would show, with its thread and edits. */
export interface StubMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  edited: boolean;
}

/** A scripted failure for the next call: an error word (HTTP 200, or 429 for `ratelimited`) or a 5xx. */
export type SlackApiFailure =
  | { kind: 'error'; error: string }
  | { kind: 'ratelimited'; retryAfterSeconds: number }
  | { kind: 'server-error'; status: number };

/** A local stand-in for Slack's Web API (chat.postMessage, chat.update). */
export interface SlackApiStub {
  /** Base URL of the methods, like https://slack.com/api/. */
  baseUrl: string;
  /** The only token it accepts (an `xoxb-` token made for this stub). */
  token: string;
  calls: SlackApiCall[];
  messages: StubMessage[];
  /** Failures for the next calls, in order; then the stub answers as Slack would. */
  script(failures: SlackApiFailure[]): void;
  close(): Promise<void>;
}

/**
 * Channels of the stub's workspace: `C0ONCALL` (#oncall) and `C0NOTICES` (#aws-notices) have the bot as a
 * member; `C0PRIVATE` exists without it (`not_in_channel`); any other is `channel_not_found`.
 */
export const STUB_CHANNELS = { C0ONCALL: 'oncall', C0NOTICES: 'aws-notices', C0PRIVATE: 'private' } as const;
const MEMBER_OF: ReadonlySet<string> = new Set(['C0ONCALL', 'C0NOTICES']);

const json = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

/**
 * Starts a Slack Web API stub on 127.0.0.1 (random port) with Slack's response shapes: HTTP 200
 * `{"ok":true,"channel","ts","message"}` for chat.postMessage and `{"ok":true,"channel","ts","text"}`
 * for chat.update; HTTP 200 `{"ok":false,"error":…}` for `invalid_auth` (wrong or missing token),
 * `channel_not_found`, `not_in_channel`, `message_not_found`, `no_text`; HTTP 429 with
 * Retry-After and `{"ok":false,"error":"ratelimited"}` when scripted. Channels are found by ID or
 * by name (`#oncall`), answers always name the ID. Records every call.
 * @see https://api.slack.com/methods/chat.postMessage
 * @see https://api.slack.com/methods/chat.update
 * @example const slack = await startSlackApiStub(); const api = createSlackApi({ token: slack.token, baseUrl: slack.baseUrl, … });
 */
export async function startSlackApiStub(): Promise<SlackApiStub> {
  const token = `xoxb-000000000-111111111-${Math.random().toString(36).slice(2)}`;
  const calls: SlackApiCall[] = [];
  const messages: StubMessage[] = [];
  let failures: SlackApiFailure[] = [];
  let clock = 1_700_000_000_000_100;

  const channelId = (value: unknown) => {
    const name = String(value ?? '').replace(/^#/, '');
    return Object.entries(STUB_CHANNELS).find(([id, n]) => id === name || n === name)?.[0];
  };

  const handle = (method: string, body: Record<string, unknown>, res: ServerResponse) => {
    const failure = failures.shift();
    if (failure?.kind === 'ratelimited') {
      return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfterSeconds) });
    }
    if (failure?.kind === 'server-error') return json(res, failure.status, { ok: false, error: 'internal_error' });
    if (failure?.kind === 'error') return json(res, 200, { ok: false, error: failure.error });
    const channel = channelId(body.channel);
    if (!channel) return json(res, 200, { ok: false, error: 'channel_not_found' });
    if (!MEMBER_OF.has(channel)) return json(res, 200, { ok: false, error: 'not_in_channel' });
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : [];
    if (!text && blocks.length === 0) return json(res, 200, { ok: false, error: 'no_text' });
    if (method === 'chat.update') {
      const message = messages.find((m) => m.channel === channel && m.ts === body.ts);
      if (!message) return json(res, 200, { ok: false, error: 'message_not_found' });
      Object.assign(message, { text, blocks, edited: true });
      return json(res, 200, { ok: true, channel, ts: message.ts, text });
    }
    clock += 100;
    const ts = `${Math.floor(clock / 1_000_000)}.${String(clock % 1_000_000).padStart(6, '0')}`;
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    if (threadTs && !messages.some((m) => m.channel === channel && m.ts === threadTs)) {
      return json(res, 200, { ok: false, error: 'thread_not_found' });
    }
    messages.push({ channel, ts, text, blocks, edited: false, ...(threadTs ? { threadTs } : {}) });
    return json(res, 200, {
      ok: true,
      channel,
      ts,
      message: { type: 'message', text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) },
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return json(res, 200, { ok: false, error: 'invalid_json' });
      }
      calls.push({ method, authorization: req.headers.authorization, body });
      if (method !== 'chat.postMessage' && method !== 'chat.update') {
        return json(res, 404, { ok: false, error: 'unknown_method' });
      }
      if (req.headers.authorization !== `Bearer ${token}`) return json(res, 200, { ok: false, error: 'invalid_auth' });
      return handle(method, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/`,
    token,
    calls,
    messages,
    script(next) {
      failures = [...next];
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
