import { isAllowedWebhookUrl } from '../../lib/adapters/allowed-url';
import { DeliveryError, redactUrl } from '../../lib/adapters/errors';
import { InputError } from '../../lib/core/errors';
import { sources } from '../../lib/core/sources';
import { processEvent } from '../../lib/pipeline';
import { EXIT, UsageError } from '../errors';
import { readEventArg } from '../event-arg';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toRenderContext } from '../options';
import { renderAll } from '../present';
import { type SendTarget, sendTargets } from '../send-targets';

/**
 * How long one message may take to be accepted, retries included (the shared sender backs off on
 * 5xx and waits Slack's Retry-After on 429 within it).
 */
export const SEND_TIMEOUT_MS = 30_000;

const targetLines = sendTargets.map((t) => `  --${t.flag.padEnd(14)} ${t.describe} (or set ${t.env})`).join('\n');

/** Usage text of `notifier send`. */
export const sendUsage = `Usage: notifier send [${sendTargets.map((t) => `--${t.flag} URL`).join('] [')}] [--locale en|ja] [--time-zone ZONE]
                     [--now ISO-TIME] FILE|EXAMPLE|-

Posts one real rendering of the event (a file, - for stdin, or a bundled example's name such as
ec2-cpu-alarm) to your own webhook, through the same sender the deployed function uses (timeout,
retries, Retry-After). The URL is a secret: it is never printed, and reading it from the
environment keeps it out of your shell history. Exit code 0 when accepted, 1 when not.

${targetLines}
  --locale         en (default) or ja
  --time-zone      IANA time zone for times in messages (default UTC), e.g. Asia/Tokyo
  --now            render as if the current time were this instant`;

const flags = {
  ...renderFlags,
  ...Object.fromEntries(sendTargets.map((t) => [t.flag, { type: 'string' }] as const)),
} as const;

/** What send needs from outside; tests pass their own. */
export interface SendDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetchImpl?: typeof fetch;
}

const defaultDeps: SendDeps = { env: process.env };

/** The targets given a URL, by flag or environment; each URL checked without ever repeating it. */
function destinations(values: Record<string, unknown>, env: SendDeps['env']) {
  const chosen: Array<{ target: SendTarget; url: string }> = [];
  for (const target of sendTargets) {
    const given = values[target.flag];
    const url = (typeof given === 'string' ? given : env[target.env])?.trim();
    if (!url) continue;
    const origin = typeof given === 'string' ? `--${target.flag}` : target.env;
    if (!isAllowedWebhookUrl(url)) {
      throw new UsageError(`${origin}: not an https URL (value not shown: it is a secret)`);
    }
    chosen.push({ target, url });
  }
  if (chosen.length === 0) {
    const ways = sendTargets.map((t) => `--${t.flag} URL or set ${t.env}`).join(', or ');
    throw new UsageError(`send: where to? give ${ways}`);
  }
  return chosen;
}

/** `notifier send`: one event, rendered as deployed, posted to the user's own webhook. */
export async function sendCommand(args: string[], io: CliIo, deps: SendDeps = defaultDeps): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, sendUsage);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`send: expected exactly one FILE, EXAMPLE or - (stdin), got ${positionals.length}`);
  }
  const chosen = destinations(values, deps.env);
  const ctx = toRenderContext(values);
  const { input, targetHealth } = await readEventArg(positionals[0]!, io.stdin);
  const result = await processEvent(input.value, { ctx, sources, ...(targetHealth ? { targetHealth } : {}) }).catch(
    (error: unknown) => {
      if (error instanceof InputError) throw new InputError(error.message, input.label, { cause: error });
      throw error;
    },
  );
  const [error] = result.errors;
  if (error) throw new InputError(error.message, input.label);
  if (result.notifications.length === 0) {
    const why = result.ignored.map((i) => `rule ${i.rule}: ${i.reason}`).join('; ') || 'no notification';
    writeLine(io.stderr, `notifier: nothing sent: ${input.label} makes no notification (${why})`);
    return EXIT.failure;
  }
  // Logged retries would print JSON lines; the final error says what happened, which is enough here.
  const { logger } = await import('../../lib/adapters/logger');
  logger.setLogLevel('SILENT');
  const { sendWebhook } = await import('../../lib/adapters/webhook-sender');
  let failed = false;
  for (const notification of result.notifications) {
    const rendered = renderAll(notification);
    for (const { target, url } of chosen) {
      const where = `${target.label} (${redactUrl(url)})`;
      try {
        const deadline = Date.now() + SEND_TIMEOUT_MS;
        const post = { url, payload: rendered[target.channel] };
        const sent = await sendWebhook(await target.webhook(), post, {
          deadline,
          ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
        });
        writeLine(io.stdout, `sent to ${where}: HTTP ${sent.status}: ${rendered.subject}`);
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        failed = true;
        writeLine(io.stderr, `notifier: not sent to ${target.label}: ${error.message}`);
      }
    }
  }
  return failed ? EXIT.failure : EXIT.ok;
}
