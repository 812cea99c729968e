import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NOW } from './memory-io';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const manifest = JSON.parse(readFileSync(join(EXAMPLES, 'examples.json'), 'utf8')) as Array<{
  title: string;
  source: string;
}>;
const ROOT = join(EXAMPLES, '..');

describe('notifier replay (npm start)', () => {
  it('replays every bundled example and shows an email and a Slack view for each', async () => {
    const { code, stdout, stderr } = await cli(['replay', '--now', NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const { title } of manifest) expect(stdout).toContain(title);
    const emails = stdout.match(/── email/g) ?? [];
    const slacks = stdout.match(/── slack/g) ?? [];
    expect(emails.length).toBeGreaterThanOrEqual(manifest.length);
    expect(slacks.length).toBe(emails.length);
    expect(stdout).toContain(`${manifest.length} example events replayed`);
  });

  it('shows the unhealthy target and the recovery duration, the two things the product is for', async () => {
    const { stdout } = await cli(['replay', '--now', NOW]);
    expect(stdout).toContain('Target.ResponseCodeMismatch');
    expect(stdout).toMatch(/\d+ (min|h|s)\b/);
  });

  it('replays in Japanese', async () => {
    const { code, stdout } = await cli(['replay', '--locale', 'ja', '--time-zone', 'Asia/Tokyo', '--now', NOW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/JST/);
  });

  it('names the bad manifest entry when examples.json is wrong', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'notifier-replay-'));
    writeFileSync(join(dir, 'examples.json'), JSON.stringify([{ file: 'a.json' }]));
    const { code, stderr } = await cli(['replay', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/examples\.json: \[0\.title\]/);
  });

  it.each(manifest.map((m) => [m.title, m.source]))(
    'cites where the example comes from by its path in this repository: %s',
    (_title, source) => {
      const cited = source.match(/tests\/fixtures\/\S+\.json/g) ?? [];
      expect(cited.length).toBeGreaterThan(0);
      for (const path of cited) expect(existsSync(join(ROOT, path)), path).toBe(true);
    },
  );
});
