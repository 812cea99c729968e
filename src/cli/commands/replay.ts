import { join, relative } from 'node:path';
import { ConfigError } from '../../lib/core/errors';
import * as z from '../../lib/core/schemas/zod';
import { sources } from '../../lib/core/sources';
import { processEvent } from '../../lib/pipeline';
import { EXIT, UsageError } from '../errors';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toFormat, toRenderContext } from '../options';
import { formatText, type RenderOutput, toRenderOutput } from '../present';
import { parseInputText, readTextFile } from '../read-input';
import { loadRecordedTargetHealth } from '../recorded-target-health';

/** Usage text of `notifier replay` (what `npm start` runs). */
export const replayUsage = `Usage: notifier replay [--format text|json] [--locale en|ja] [--time-zone ZONE] [--now ISO-TIME] [DIR]

Replays every example event listed in DIR/examples.json (default: the bundled examples/ folder)
through the same code the Lambdas run, and prints for each the email and the Slack message.`;

/** One entry of examples.json. */
const exampleSchema = z.object({
  file: z.string(),
  title: z.string(),
  /** A recorded DescribeTargetHealth response to enrich with, as the deployed function would call ELBv2. */
  targetHealth: z.optional(z.string()),
  source: z.string(),
});
const manifestSchema = z.array(exampleSchema).check(z.minLength(1));
type Example = z.infer<typeof exampleSchema>;

async function loadManifest(dir: string): Promise<Example[]> {
  const file = join(dir, 'examples.json');
  const { value } = parseInputText(await readTextFile(file), file);
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: [${issue?.path.join('.')}] ${issue?.message}`);
  }
  return parsed.data;
}

/** `notifier replay [DIR]`: every bundled example through the pipeline and the renderers. */
export async function replayCommand(args: string[], io: CliIo, defaultDir: string): Promise<number> {
  const { values, positionals } = parseFlags(args, renderFlags);
  if (values.help) {
    writeLine(io.stdout, replayUsage);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`replay: expected at most one DIR, got ${positionals.length}`);
  const dir = positionals[0] ?? defaultDir;
  const format = toFormat(values.format);
  const ctx = toRenderContext(values);
  const outputs: Array<{ example: Example; output: RenderOutput }> = [];
  for (const example of await loadManifest(dir)) {
    const file = join(dir, example.file);
    const { value } = parseInputText(await readTextFile(file), file);
    const targetHealth = example.targetHealth
      ? await loadRecordedTargetHealth(join(dir, example.targetHealth))
      : undefined;
    const result = await processEvent(value, { ctx, sources, ...(targetHealth ? { targetHealth } : {}) });
    outputs.push({ example, output: toRenderOutput(result) });
  }
  if (format === 'json') {
    const json = outputs.map(({ example, output }) => ({ example: example.file, title: example.title, ...output }));
    writeLine(io.stdout, JSON.stringify(json, null, 2));
  } else {
    for (const { example, output } of outputs) {
      writeLine(
        io.stdout,
        `\n${'═'.repeat(72)}\n▶ ${example.title}\n  ${relative(process.cwd(), join(dir, example.file))}`,
      );
      writeLine(io.stdout, `  source: ${example.source}\n${'═'.repeat(72)}`);
      io.stdout.write(formatText(output));
    }
    const count = outputs.reduce((n, { output }) => n + output.notifications.length, 0);
    writeLine(io.stdout, `\n${outputs.length} example events replayed: ${count} notifications.`);
  }
  return outputs.some(({ output }) => output.errors) ? EXIT.badInput : EXIT.ok;
}
