import { join } from 'node:path';
import type { RenderContext } from '../../lib/core/locale';
import type { DigestData } from '../../lib/core/sources/cost-digest/digest-input';
import { produceCostDigest, recordedDigestSource } from '../../lib/cost-digest';
import { exampleName, loadManifest, renderExample } from '../examples';
import { toRenderOutput } from '../present';
import { parseInputText, readTextFile } from '../read-input';
import type { PreviewExample } from './page';

/** The recorded Cost Explorer, Budgets and Free Tier responses the digest example is made from. */
const DIGEST_DATA = join('cost', 'recorded-month.json');

/**
 * Every bundled example (what `npm start` replays) rendered for the preview page, followed by the
 * daily cost digest made from the recorded month in examples/cost/, as `notifier digest` makes it.
 */
export async function loadPreviewExamples(dir: string, ctx: RenderContext): Promise<PreviewExample[]> {
  const examples: PreviewExample[] = [];
  for (const example of await loadManifest(dir)) {
    examples.push({
      id: exampleName(example),
      title: example.title,
      source: example.source,
      output: await renderExample(dir, example, ctx),
    });
  }
  const file = join(dir, DIGEST_DATA);
  const data = parseInputText(await readTextFile(file), file).value as DigestData;
  const { notification } = await produceCostDigest(recordedDigestSource(data), { period: 'daily' }, ctx);
  examples.push({
    id: 'cost-digest',
    title: 'Daily cost digest (from recorded Cost Explorer, Budgets and Free Tier responses)',
    source: `examples/${DIGEST_DATA.replace(/\\/g, '/')}, as "notifier digest --data" renders it`,
    output: toRenderOutput({ notifications: [notification], ignored: [], errors: [] }),
  });
  return examples;
}
