import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The preview binds here only: the page is for the person at this machine. */
export const PREVIEW_HOST = '127.0.0.1';

/**
 * The page has no script and loads nothing: this policy makes sure of it even if some event text
 * got past escaping.
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

const PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

/**
 * Serves the page made by `page()` (called per request, so a reload shows edited examples) on
 * 127.0.0.1. Only GET/HEAD of `/` answer; a failure to build the page is a 500 with one line.
 * @throws the listen error (e.g. EADDRINUSE) when the port cannot be bound.
 */
export async function startPreviewServer(options: {
  port: number;
  page: () => Promise<string>;
}): Promise<PreviewServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    if (!PAGE_PATHS.has(path)) return plain(res, 404, 'not found: the preview is at /');
    try {
      const html = await options.page();
      res.writeHead(200, PAGE_HEADERS).end(req.method === 'HEAD' ? undefined : html);
    } catch (error) {
      plain(res, 500, `preview failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, PREVIEW_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
