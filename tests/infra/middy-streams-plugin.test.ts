import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ReadableStream } from 'node:stream/web';
import { setTimeout as timersSetTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { deferStreams, middyStreamsPlugin } = require('../../infra/middy-streams-plugin.cjs') as {
  deferStreams: (source: string) => string;
  middyStreamsPlugin: import('esbuild').Plugin;
};
const MIDDY_SOURCE = readFileSync(require.resolve('@middy/core'), 'utf8');

/** A middy-wrapped handler, as far as these tests use it. */
interface Wrapped {
  (...args: unknown[]): Promise<unknown>;
  use(middleware: object): Wrapped;
}
type Middy = (handler: (...args: unknown[]) => unknown, options?: object) => Wrapped;

/** @middy/core bundled with the plugin, as the functions bundle it. */
async function bundledMiddy(): Promise<Middy> {
  const dir = mkdtempSync(join(tmpdir(), 'middy-streams-'));
  writeFileSync(join(dir, 'entry.js'), "export { default } from '@middy/core';\n");
  const result = await build({
    entryPoints: [join(dir, 'entry.js')],
    nodePaths: [join(import.meta.dirname, '../../node_modules')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    plugins: [middyStreamsPlugin],
    logLevel: 'silent',
  });
  const file = join(dir, 'middy.mjs');
  writeFileSync(file, result.outputFiles[0]?.text ?? '');
  return (await import(pathToFileURL(file).href)).default as Middy;
}

/** A response stream that collects what is written to it. */
function sink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('infra: middy-streams esbuild plugin', () => {
  it('leaves @middy/core importing no built-in: the streaming code takes each where it uses it', () => {
    const out = deferStreams(MIDDY_SOURCE);
    expect(out).not.toMatch(/from\s*["']node:/);
    expect(out).toContain('instanceof process.getBuiltinModule("node:stream/web").ReadableStream');
    expect(out).toContain('process.getBuiltinModule("node:stream").Readable.from(');
    expect(out).toContain('await process.getBuiltinModule("node:stream/promises").pipeline(');
  });

  it('gives middy the global setTimeout, which is node:timers’ own', () => {
    expect(globalThis.setTimeout).toBe(timersSetTimeout);
  });

  it('refuses a middy source it was not written for (a new version), naming what it missed', () => {
    expect(() => deferStreams(MIDDY_SOURCE.replace('await pipeline(', 'await pipe('))).toThrow(
      /"await pipeline\(" 0 times, not 1/,
    );
    expect(() => deferStreams(`import { join } from "node:path";\n${MIDDY_SOURCE}`)).toThrow(/another built-in/);
  });

  describe('a bundle of middy built with it', () => {
    let middy: Middy;
    const globals = globalThis as { awslambda?: unknown };
    beforeAll(async () => {
      // What the Lambda runtime provides to a streaming handler, reduced to a pass-through.
      globals.awslambda = { streamifyResponse: (fn: unknown) => fn, HttpResponseStream: { from: (s: unknown) => s } };
      middy = await bundledMiddy();
    });
    afterAll(() => {
      delete globals.awslambda;
    });

    it('runs a handler and its middlewares as before', async () => {
      const handler = middy(async (event) => ({ got: event })).use({
        after: async (request: { response: { got: unknown; seen?: boolean } }) => {
          request.response.seen = true;
        },
      });
      await expect(handler({ a: 1 }, {})).resolves.toEqual({ got: { a: 1 }, seen: true });
    });

    it('still ends a handler that never answers just before the invocation’s deadline', async () => {
      const handler = middy(() => new Promise(() => {}));
      await expect(handler({}, { getRemainingTimeInMillis: () => 20 })).rejects.toMatchObject({ name: 'TimeoutError' });
    });

    it('streams a string response and a web ReadableStream response', async () => {
      const text = sink();
      await middy(async () => 'streamed text', { streamifyResponse: true })({}, text.stream, {});
      expect(text.text()).toBe('streamed text');

      const web = sink();
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(Buffer.from('web '));
          controller.enqueue(Buffer.from('stream'));
          controller.close();
        },
      });
      await middy(async () => body, { streamifyResponse: true })({}, web.stream, {});
      expect(web.text()).toBe('web stream');
    });
  });
});
