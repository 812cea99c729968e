import { InputError } from '../../lib/core/errors';
import { isRecord } from '../../lib/core/schemas/parse';
import { isIsoDate } from '../../lib/core/sources/cost-digest/digest-dates';
import { type DigestData, digestSources } from '../../lib/core/sources/cost-digest/digest-input';
import {
  DEFAULT_DIGEST_PERIOD,
  type DigestPeriod,
  digestPeriodSchema,
  digestPeriods,
} from '../../lib/core/sources/cost-digest/periods';
import { produceCostDigest, recordedDigestSource } from '../../lib/cost-digest';
import { EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toFormat, toRenderContext } from '../options';
import { formatText, toRenderOutput } from '../present';
import { readInput } from '../read-input';

/** One line per period: `daily (default): the last complete UTC day before the run date;` */
const periodHelp = Object.entries(digestPeriods)
  .map(([id, row]) => `${id}${id === DEFAULT_DIGEST_PERIOD ? ' (default)' : ''}: ${row.about}`)
  .join(';\n                ');

/** Usage text of `notifier digest`. */
export const digestUsage = `Usage: notifier digest --data FILE [--period ${digestPeriodSchema.options.join('|')}] [--date YYYY-MM-DD]
                       [--format text|json] [--locale en|ja] [--time-zone ZONE] [--top N]
                       [--metric NAME] [--now ISO-TIME]

Renders the cost digest offline from recorded AWS responses, as the cost-digest function
would publish it. FILE is one JSON object keyed by API operation, each value the raw response as
the SDK returns it: {"GetCostAndUsage": <response or array of pages>, "GetCostForecast": ...,
"DescribeBudgets": ..., "GetFreeTierUsage": ...}. Any key may be absent; the digest says so.

  --data        the recorded responses (required; - for stdin)
  --period      ${periodHelp}
  --date        the run date; the digest reports on the period before it (default: the first run
                whose period takes in the last day with costs in FILE, or today in --time-zone)
  --format      text (default) or json (one JSON object: {"notifications":[...],"ignored":[]})
  --locale      en (default) or ja
  --time-zone   IANA time zone (default UTC), e.g. Asia/Tokyo
  --top         services listed by name before "Other" (default 5)
  --metric      Cost Explorer metric to read (default: UnblendedCost, or the one in the data)
  --now         render as if the current time were this instant (for reproducible output)`;

const flags = {
  ...renderFlags,
  data: { type: 'string' },
  date: { type: 'string' },
  period: { type: 'string', default: DEFAULT_DIGEST_PERIOD },
  top: { type: 'string' },
  metric: { type: 'string' },
} as const;

async function readData(file: string, io: CliIo): Promise<DigestData> {
  const input = await readInput(file, io.stdin);
  const label = input.label;
  if (!isRecord(input.value)) throw new InputError('expected one JSON object keyed by API operation', label);
  const keys = Object.keys(input.value);
  if (keys.length > 0 && !keys.some((k) => (digestSources as readonly string[]).includes(k))) {
    throw new InputError(`none of ${digestSources.join(', ')} found (keys: ${keys.slice(0, 5).join(', ')})`, label);
  }
  return input.value as DigestData;
}

function toTop(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 20) {
    throw new UsageError(`--top: "${value}" is not a whole number from 1 to 20`);
  }
  return Number(value);
}

function toPeriod(value: string | undefined): DigestPeriod {
  const period = digestPeriodSchema.safeParse(value);
  if (!period.success) {
    throw new UsageError(`--period: "${value}" is not one of ${digestPeriodSchema.options.join(', ')}`);
  }
  return period.data;
}

/** `notifier digest`: the cost digest from recorded responses, through the function's own path. */
export async function digestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, flags);
  if (values.help) {
    writeLine(io.stdout, digestUsage);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`digest: unexpected argument "${positionals[0]}" (use --data FILE)`);
  if (!values.data) throw new UsageError('digest: --data FILE is required (recorded AWS responses)');
  const format = toFormat(values.format);
  const ctx = toRenderContext(values);
  if (values.date !== undefined && !isIsoDate(values.date)) {
    throw new UsageError(`--date: "${values.date}" is not a YYYY-MM-DD date`);
  }
  const period = toPeriod(values.period);
  const topN = toTop(values.top);
  const data = await readData(values.data, io);
  const { notification, notes } = await produceCostDigest(
    recordedDigestSource(data),
    {
      period,
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(topN !== undefined ? { topN } : {}),
      ...(values.metric ? { metric: values.metric } : {}),
    },
    ctx,
  );
  // The function notes a source it cannot read and sends the rest; in a file the user gave us, a key
  // of the wrong shape is a mistake to point out.
  const unreadable = notes.find((note) => note.code === 'unreadable');
  if (unreadable && 'source' in unreadable) {
    throw new InputError(
      `${unreadable.source}: not a ${unreadable.source} response as the SDK returns it`,
      values.data,
    );
  }
  const output = toRenderOutput({ notifications: [notification], ignored: [], errors: [] });
  io.stdout.write(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : formatText(output));
  return EXIT.ok;
}
