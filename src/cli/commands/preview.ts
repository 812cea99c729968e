import { EXIT, UsageError } from '../errors';
import { bundledExamplesDir } from '../examples';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toRenderContext } from '../options';
import { loadPreviewExamples } from '../preview/load-examples';
import { renderPreviewPage } from '../preview/page';
import { startPreviewServer } from '../preview/server';

/** The default port: free on most machines, easy to remember. 0 asks the system for any free one. */
export const DEFAULT_PREVIEW_PORT = 8787;
const MAX_PORT = 65_535;

/** Usage text of `notifier preview`. */
export const previewUsage = `Usage: notifier preview [--port N] [--locale en|ja] [--time-zone ZONE] [--now ISO-TIME]

Serves a page on http://127.0.0.1:${DEFAULT_PREVIEW_PORT}/ showing every bundled example (what npm start
replays) and the cost digest: each one's email text, and its Slack message drawn as Slack shows
Block Kit, with a link to open it in Block Kit Builder. Reload to see edits. Ctrl-C stops it.

  --port        the port on 127.0.0.1 (default ${DEFAULT_PREVIEW_PORT}; 0 for any free port)
  --locale      en (default) or ja
  --time-zone   IANA time zone for times in messages (default UTC), e.g. Asia/Tokyo
  --now         render as if the current time were this instant`;

const flags = { ...renderFlags, port: { type: 'string', default: String(DEFAULT_PREVIEW_PORT) } } as const;

/** What the preview needs from outside; tests stop it and learn its URL through these. */
export interface PreviewDeps {
  /** Resolves when the server should stop (default: Ctrl-C or SIGTERM). */
  readonly until: () => Promise<void>;
  readonly examplesDir: string;
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

function toPort(value: string | undefined): number {
  if (!/^\d+$/.test(value ?? '') || Number(value) > MAX_PORT) {
    throw new UsageError(`--port: "${value}" is not a port number from 0 to ${MAX_PORT}`);
  }
  return Number(value);
}

/** `notifier preview`: the examples as a local web page. */
export async function previewCommand(
  args: string[],
  io: CliIo,
  deps: PreviewDeps = { until: untilSignal, examplesDir: bundledExamplesDir() },
): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, previewUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`preview: unexpected argument "${positionals[0]}"`);
  const port = toPort(values.port);
  toRenderContext(values); // bad --locale, --time-zone or --now fail now, not on the first request
  const page = async () => {
    const ctx = toRenderContext(values);
    const examples = await loadPreviewExamples(deps.examplesDir, ctx);
    return renderPreviewPage({ examples, locale: ctx.locale, timeZone: ctx.timeZone });
  };
  const server = await startPreviewServer({ port, page }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`preview: port ${port} on 127.0.0.1 is in use (try --port 0 for any free port)`);
    }
    throw error;
  });
  writeLine(io.stdout, `preview: ${server.url} (Ctrl-C to stop)`);
  await deps.until();
  await server.close();
  return EXIT.ok;
}
