import { afterEach, describe, expect, it } from 'vitest';
import { previewCommand } from '../../../src/cli/commands/preview';
import { UsageError } from '../../../src/cli/errors';
import { bundledExamplesDir } from '../../../src/cli/examples';
import { type PreviewServer, startPreviewServer } from '../../../src/cli/preview/server';
import { memoryIo, NOW } from '../memory-io';

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('preview: the server', () => {
  it('serves the page on 127.0.0.1 with a policy that allows no script', async () => {
    server = await startPreviewServer({ port: 0, page: async () => '<!doctype html><p>hi</p>' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe('<!doctype html><p>hi</p>');
  });

  it.each([
    ['GET', '/nothing-here', 404],
    ['POST', '/', 405],
  ])('answers %s %s with %i', async (method, path, status) => {
    server = await startPreviewServer({ port: 0, page: async () => 'page' });
    const response = await fetch(new URL(path, server.url), { method });
    expect(response.status).toBe(status);
  });

  it('answers 500 with one line when the page cannot be made', async () => {
    server = await startPreviewServer({
      port: 0,
      page: async () => {
        throw new Error('examples.json: broken\nsecond line');
      },
    });
    const response = await fetch(server.url);
    expect([response.status, await response.text()]).toEqual([500, 'preview failed: examples.json: broken\n']);
  });
});

describe('cli: notifier preview', () => {
  it('serves every bundled example and the cost digest, then stops when told', async () => {
    const { io, out } = memoryIo();
    let html = '';
    const code = await previewCommand(['--port', '0', '--now', NOW], io, {
      examplesDir: bundledExamplesDir(),
      until: async () => {
        const url = /preview: (http:\S+)/.exec(out.stdout)?.[1];
        html = await (await fetch(url!)).text();
      },
    });
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/^preview: http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
    for (const id of ['ec2-cpu-alarm', 'cloudtrail-stop-logging', 'alb-unhealthy-hosts-alarm', 'cost-digest']) {
      expect(html).toContain(`id="ex-${id}"`);
    }
    expect(html).toContain('Target.ResponseCodeMismatch');
    expect(html).toContain('AWS costs for');
  });

  it('renders in Japanese and the given time zone', async () => {
    const { io, out } = memoryIo();
    let html = '';
    await previewCommand(['--port', '0', '--locale', 'ja', '--time-zone', 'Asia/Tokyo', '--now', NOW], io, {
      examplesDir: bundledExamplesDir(),
      until: async () => {
        html = await (await fetch(/preview: (http:\S+)/.exec(out.stdout)![1]!)).text();
      },
    });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('JST');
  });

  it.each([
    [['--port', '70000'], /--port: "70000" is not a port number from 0 to 65535/],
    [['--port', 'abc'], /--port: "abc"/],
    [['--locale', 'fr'], /--locale: "fr"/],
    [['extra'], /unexpected argument "extra"/],
  ])('rejects %j as a usage error', async (args, message) => {
    const { io } = memoryIo();
    const run = previewCommand(args, io, { examplesDir: bundledExamplesDir(), until: async () => {} });
    await expect(run).rejects.toThrow(UsageError);
    await expect(
      previewCommand(args, io, { examplesDir: bundledExamplesDir(), until: async () => {} }),
    ).rejects.toThrow(message);
  });

  it('says in one line when the port is taken', async () => {
    server = await startPreviewServer({ port: 0, page: async () => '' });
    const port = new URL(server.url).port;
    const { io } = memoryIo();
    await expect(
      previewCommand(['--port', port], io, { examplesDir: bundledExamplesDir(), until: async () => {} }),
    ).rejects.toThrow(`preview: port ${port} on 127.0.0.1 is in use (try --port 0 for any free port)`);
  });
});
