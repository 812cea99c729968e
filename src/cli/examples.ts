import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../lib/core/errors';
import type { RenderContext } from '../lib/core/locale';
import * as z from '../lib/core/schemas/zod';
import { sources } from '../lib/core/sources';
import { processEvent } from '../lib/pipeline';
import { type RenderOutput, toRenderOutput } from './present';
import { parseInputText, readTextFile } from './read-input';
import { loadRecordedTargetHealth } from './recorded-target-health';

/** How many folders above this module the `examples/` folder may be (src/cli/ → 2, dist/ → 1). */
const MAX_LEVELS_UP = 4;

/**
 * The bundled examples folder (what `npm start` replays), found from this module's location so it
 * works from the TypeScript sources and from the built `dist/` alike.
 */
export function bundledExamplesDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, 'examples.json'))) return candidate;
    dir = dirname(dir);
  }
  return join(from, '..', '..', 'examples');
}

/** One entry of examples.json. */
const exampleSchema = z.object({
  file: z.string(),
  title: z.string(),
  /** A recorded DescribeTargetHealth response to enrich with, as the deployed function would call ELBv2. */
  targetHealth: z.optional(z.string()),
  /** Where the payload comes from: its fixture in tests/fixtures/ and the project it was taken from. */
  source: z.string(),
});
const manifestSchema = z.array(exampleSchema).check(z.minLength(1));

/** One bundled example event. */
export type Example = z.infer<typeof exampleSchema>;

/** Loads DIR/examples.json. @throws ConfigError naming the file and the entry. */
export async function loadManifest(dir: string): Promise<Example[]> {
  const file = join(dir, 'examples.json');
  const { value } = parseInputText(await readTextFile(file), file);
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: [${issue?.path.join('.')}] ${issue?.message}`);
  }
  return parsed.data;
}

/** An example's short name: its file name up to the first dot (`ec2-cpu-alarm`). */
export const exampleName = (example: Example): string => basename(example.file).split('.')[0] ?? example.file;

/** The example called `name` in DIR, if any. */
export async function findExample(dir: string, name: string): Promise<Example | undefined> {
  return (await loadManifest(dir)).find((example) => exampleName(example) === name);
}

/** Runs one example through the pipeline and every channel, enriched as its manifest entry says. */
export async function renderExample(dir: string, example: Example, ctx: RenderContext): Promise<RenderOutput> {
  const file = join(dir, example.file);
  const { value } = parseInputText(await readTextFile(file), file);
  const targetHealth = example.targetHealth
    ? await loadRecordedTargetHealth(join(dir, example.targetHealth))
    : undefined;
  return toRenderOutput(await processEvent(value, { ctx, sources, ...(targetHealth ? { targetHealth } : {}) }));
}
