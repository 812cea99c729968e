import { join, relative } from 'node:path';
import { EXIT, UsageError } from '../errors';
import { bundledExamplesDir, type Example, loadManifest, renderExample } from '../examples';
import { type CliIo, writeLine } from '../io';
import { parseFlags, renderFlags, toFormat, toRenderContext } from '../options';
import { formatText, type RenderOutput } from '../present';

/** Usage text of `notifier replay` (what `npm start` runs). */
export const replayUsage = `Usage: notifier replay [--format text|json] [--locale en|ja] [--time-zone ZONE] [--now ISO-TIME] [DIR]

Replays every example event listed in DIR/examples.json (default: the bundled examples/ folder)
through the same code the Lambdas run, and prints for each the email and the Slack message.`;

/** `notifier replay [DIR]`: every bundled example through the pipeline and the renderers. */
export async function replayCommand(args: string[], io: CliIo, defaultDir = bundledExamplesDir()): Promise<number> {
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
    outputs.push({ example, output: await renderExample(dir, example, ctx) });
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
