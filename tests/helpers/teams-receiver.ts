import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  TEAMS_MAX_CARD_VERSION,
  TEAMS_MESSAGE_MAX_BYTES,
} from '../../src/lib/core/channels/teams/limits';
import type { AdaptiveCard } from '../../src/lib/core/channels/teams/teams-types';
import type { ReceivedRequest } from './slack-receiver';

/**
 * How the receiver answers one request besides checking it: `check` answers as Workflows does for
 * what it received; the others are scripted failures (429 with Retry-After, 5xx, a dropped
 * connection).
 */
export type TeamsReply =
  | { kind: 'check' }
  | { kind: 'status'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'reset' };

/** Ready-made replies, shaped like the Logic Apps / Power Automate request trigger's errors. */
export const teamsReplies = {
  check: { kind: 'check' },
  throttled: (retryAfterSeconds: number) =>
    ({
      kind: 'status',
      status: 429,
      body: JSON.stringify({ error: { code: 'WorkflowRequestsThrottled', message: 'Rate limit is exceeded.' } }),
      headers: { 'retry-after': String(retryAfterSeconds) },
    }) as const,
  serverError: {
    kind: 'status',
    status: 502,
    body: JSON.stringify({ error: { code: 'BadGateway', message: 'The service is unavailable.' } }),
  },
  reset: { kind: 'reset' },
} as const satisfies Record<string, TeamsReply | ((n: number) => TeamsReply)>;

/** A local stand-in for a Teams Workflows webhook. */
export interface TeamsReceiver {
  /** A Workflows-shaped URL on 127.0.0.1 whose `sig` query value is the secret. */
  url: string;
  /** The `sig` value, to search for in logs and errors. */
  sig: string;
  requests: ReceivedRequest[];
  /** The cards it accepted (answered 202), in order. */
  cards: AdaptiveCard[];
  /** Replies for the next requests; then `check`. */
  script(replies: TeamsReply[]): void;
  close(): Promise<void>;
}

const version = (v: unknown) => (typeof v === 'string' && /^\d+\.\d+$/.test(v) ? v.split('.').map(Number) : undefined);

/** Why Workflows + Teams would refuse this body, as [status, error code, message]; undefined if it would show. */
function refusal(body: string): [number, string, string] | undefined {
  if (Buffer.byteLength(body, 'utf8') > TEAMS_MESSAGE_MAX_BYTES) {
    return [
      413,
      'RequestEntityTooLarge',
      `message is ${Buffer.byteLength(body)} bytes, over ${TEAMS_MESSAGE_MAX_BYTES}`,
    ];
  }
  let message: { type?: unknown; attachments?: Array<{ contentType?: unknown; content?: Partial<AdaptiveCard> }> };
  try {
    message = JSON.parse(body);
  } catch {
    return [400, 'InvalidRequestContent', 'the request body is not valid JSON'];
  }
  const [attachment] = Array.isArray(message.attachments) ? message.attachments : [];
  if (message.type !== 'message' || attachment === undefined) {
    return [400, 'TriggerInputSchemaMismatch', 'expected {"type":"message","attachments":[…]}'];
  }
  const card = attachment.content;
  if (attachment.contentType !== ADAPTIVE_CARD_CONTENT_TYPE || card?.type !== 'AdaptiveCard') {
    return [400, 'TriggerInputSchemaMismatch', 'the attachment is not an Adaptive Card'];
  }
  const [major, minor] = version(card.version) ?? [];
  const [maxMajor, maxMinor] = version(TEAMS_MAX_CARD_VERSION) ?? [0, 0];
  if (major === undefined || minor === undefined || major > maxMajor! || (major === maxMajor && minor > maxMinor!)) {
    return [
      400,
      'InvalidAdaptiveCardVersion',
      `card version ${String(card.version)} is not 1.0 to ${TEAMS_MAX_CARD_VERSION}`,
    ];
  }
  if (!Array.isArray(card.body)) return [400, 'InvalidAdaptiveCard', 'the card has no body'];
  return undefined;
}

function answer(res: ServerResponse, req: IncomingMessage, reply: TeamsReply, body: string, cards: AdaptiveCard[]) {
  if (reply.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (reply.kind === 'status') {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    return;
  }
  const refused = refusal(body);
  if (refused) {
    const [status, code, message] = refused;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
    return;
  }
  cards.push(JSON.parse(body).attachments[0].content);
  res.writeHead(202).end();
}

/**
 * Starts a Teams Workflows stand-in on 127.0.0.1 (random port). It answers 202 to a message with an
 * Adaptive Card of version at most {@link TEAMS_MAX_CARD_VERSION} within
 * {@link TEAMS_MESSAGE_MAX_BYTES}, and records the card. Stricter than the real webhook on purpose:
 * Workflows answers 202 to any JSON and fails an oversized or unsupported card later, inside the
 * flow run, where the sender cannot see it; here it answers 413 or 400 so a test does see it.
 * @example const teams = await startTeamsReceiver(); await postTeamsMessage(teams.url, card, { deadline });
 */
export async function startTeamsReceiver(): Promise<TeamsReceiver> {
  const sig = `not-a-secret-sig-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const workflow = Math.random().toString(16).slice(2, 14);
  const requests: ReceivedRequest[] = [];
  const cards: AdaptiveCard[] = [];
  let queue: TeamsReply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() });
      answer(res, req, queue.shift() ?? teamsReplies.check, body, cards);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const query = `api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
  return {
    url: `http://127.0.0.1:${port}/workflows/${workflow}/triggers/manual/paths/invoke?${query}`,
    sig,
    requests,
    cards,
    script(next) {
      queue = [...next];
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
