import { describe, expect, it } from 'vitest';
import { runbookInText, runbookUrl, withRunbook } from '../../../../src/lib/core/links/runbook';
import { notificationOf } from '../../../helpers/render-fixture';
import { okRecovery } from '../render/sample-notifications';

describe('runbook links', () => {
  it.each([
    ['Runbook: https://wiki.example.com/runbooks/web', 'https://wiki.example.com/runbooks/web'],
    ['CPU above 90 %.\nrunbook: https://wiki.example.com/cpu.', 'https://wiki.example.com/cpu'],
    ['see (runbook: https://wiki.example.com/a?b=c#d)', 'https://wiki.example.com/a?b=c#d'],
    ['RUNBOOK:https://wiki.example.com/x', 'https://wiki.example.com/x'],
  ])('finds the runbook in %j', (text, url) => {
    expect(runbookInText(text)).toBe(url);
  });

  it.each([
    ['no runbook', 'High CPU Utilization'],
    ['plain http', 'runbook: http://wiki.example.com/x'],
    ['a javascript: URL', 'runbook: javascript:alert(1)'],
    ['a word that only ends in runbook', 'myrunbook: https://wiki.example.com/x'],
  ])('finds none in %s', (_, text) => {
    expect(runbookInText(text)).toBeUndefined();
  });

  it('accepts only https URLs for a route', () => {
    expect(runbookUrl('https://wiki.example.com/oncall')).toBe('https://wiki.example.com/oncall');
    expect(runbookUrl('ftp://wiki.example.com/oncall')).toBeUndefined();
    expect(runbookUrl(`https://wiki.example.com/${'x'.repeat(3_000)}`)).toBeUndefined();
  });

  it('an alarm whose description names a runbook gets a "Runbook" link after its console link', async () => {
    const n = await notificationOf('cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json');
    expect(n.links.map((l) => l.label)).not.toContain('Runbook');
    const { fixture } = await import('../../../helpers/fixtures');
    const { processEvent } = await import('../../../../src/lib/pipeline');
    const { sources } = await import('../../../../src/lib/core/sources');
    const event = fixture<{ detail: { configuration: { description: string } } }>(
      'cloudwatch-alarm/eventbridge-single-metric-alarm-ALARM.json',
    );
    event.detail.configuration.description = 'CPU is too high.\nRunbook: https://wiki.example.com/runbooks/cpu';
    const ctx = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') } as const;
    const [withLink] = (await processEvent(event, { ctx, sources })).notifications;
    expect(withLink?.links.at(-1)).toEqual({ label: 'Runbook', url: 'https://wiki.example.com/runbooks/cpu' });
    expect(withLink?.links).toHaveLength(n.links.length + 1);
  });

  it("adds a route's runbook once, after the notification's links", () => {
    const once = withRunbook(okRecovery, 'https://wiki.example.com/oncall');
    expect(once.links.at(-1)).toEqual({ label: 'Runbook', url: 'https://wiki.example.com/oncall' });
    expect(withRunbook(once, 'https://wiki.example.com/oncall')).toBe(once);
    expect(withRunbook(okRecovery, 'http://wiki.example.com/oncall')).toBe(okRecovery);
  });
});
