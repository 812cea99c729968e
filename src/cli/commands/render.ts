import { InputError } from '../../lib/core/errors';
import { sources } from '../../lib/core/sources';
import { processEvent } from '../../lib/pipeline';
import { EXIT, UsageError } from '../errors';
import { readEventArg } from '../event-arg';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toFormat, toRenderContext } from '../options';
import { formatText, toRenderOutput } from '../present';
import { loadRecordedTargetHealth } from '../recorded-target-health';

/** Usage text of `notifier render`. */
export const renderUsage = `Usage: notifier render [--format text|json] [--locale en|ja] [--time-zone ZONE]
                       [--now ISO-TIME] [--target-health FILE] [--rules-file FILE]
                       [--routes FILE] FILE|EXAMPLE|-

Reads one event as delivered to the notifier's Lambdas (an EventBridge event, an SNS->Lambda
event, a CloudWatch alarm Lambda-action payload, or a bare SNS message body) and prints what
would be published: the SNS subject and attributes, the email text and the Slack message.
EXAMPLE is the name of a bundled example (e.g. ec2-cpu-alarm; "notifier replay" shows them all).

  --format          text (default) or json (one JSON object: {"notifications":[...],"ignored":[...]})
  --locale          en (default) or ja
  --time-zone       IANA time zone for times in messages (default UTC), e.g. Asia/Tokyo
  --now             render as if the current time were this instant (for reproducible output)
  --target-health   a recorded DescribeTargetHealth response (JSON) to enrich target-group alarms
                    with, as the deployed function does by calling ELBv2
  --rules-file      your API-call rules file (added to the built-in rules), as deployed
  --routes          your routing file: shows, before each rendering, which destinations the event
                    goes to, by which route, with which mention and runbook, or which silence (of
                    the file, at --now) suppresses it; with --format json, a "routes" key each`;

const flags = {
  ...renderFlags,
  'target-health': { type: 'string' },
  'rules-file': { type: 'string' },
  routes: { type: 'string' },
} as const;

/** The routing file and what shows its decisions, loaded only for `--routes`. */
async function loadRoutes(file: string) {
  const [{ loadRoutingFile }, present] = await Promise.all([
    import('../../lib/adapters/routes-file'),
    import('../present-routes'),
  ]);
  return { routing: (await loadRoutingFile(file)).routing, present };
}

/** `notifier render`: one input file through the same pipeline and renderers the Lambdas use. */
export async function renderCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, renderUsage);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`render: expected exactly one FILE, EXAMPLE or - (stdin), got ${positionals.length}`);
  }
  const format = toFormat(values.format);
  const ctx = toRenderContext(values);
  const event = await readEventArg(positionals[0]!, io.stdin);
  const input = event.input;
  const targetHealth = values['target-health']
    ? await loadRecordedTargetHealth(values['target-health'])
    : event.targetHealth;
  // A rules file and a routing file load their parsers only when given: `render` starts fast.
  const rulesFile = values['rules-file'];
  const ruleSet = rulesFile ? await (await import('../../lib/adapters/rules-file')).loadRuleSet(rulesFile) : undefined;
  const routes = values.routes === undefined ? undefined : await loadRoutes(values.routes);
  const result = await processEvent(input.value, {
    ctx,
    ...(ruleSet ? { ruleSet } : {}),
    sources,
    ...(targetHealth ? { targetHealth } : {}),
  }).catch((error: unknown) => {
    // Say which file: "event.json: detail.alarmName: …".
    if (error instanceof InputError) throw new InputError(error.message, input.label, { cause: error });
    throw error;
  });
  const output = toRenderOutput(result);
  if (routes) {
    const { routing, present } = routes;
    const routed =
      format === 'json'
        ? `${JSON.stringify(present.withRoutes(output, routing, ctx.now), null, 2)}\n`
        : present.formatRoutedText(output, routing, ctx.now);
    io.stdout.write(routed);
  } else {
    io.stdout.write(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : formatText(output));
  }
  for (const error of result.errors) writeLine(io.stderr, `notifier: ${input.label}: ${error.message}`);
  return result.errors.length > 0 ? EXIT.badInput : EXIT.ok;
}
