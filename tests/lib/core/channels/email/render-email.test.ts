import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../../../src/lib/core/channels/email/render-email';
import { fullSubject, renderSubject } from '../../../../../src/lib/core/render/subject';
import { displayWidth } from '../../../../../src/lib/core/render/text-width';
import {
  albAlarm,
  genericEvent,
  hostile,
  inLocale,
  insufficientData,
  japanese,
  samples,
} from '../../render/sample-notifications';

const { hostile: _, ...snapshotted } = samples;
const table = Object.entries(snapshotted).flatMap(([name, n]) =>
  (['en', 'ja'] as const).map((locale) => [`${name} (${locale})`, inLocale(n, locale)] as const),
);

describe('render: email', () => {
  it.each(table)('renders %s', (_, n) => {
    expect(renderEmail(n)).toMatchSnapshot();
  });

  it.each(Object.entries(samples))('starts %s with the subject line, never cut', (_, n) => {
    const first = renderEmail(n).split('\n')[0]!;
    expect(first).toBe(fullSubject(n));
    expect(first.startsWith(renderSubject(n).replace(/….*$/, ''))).toBe(true);
  });

  it('aligns values in one column and indents the later lines of a value', () => {
    const lines = renderEmail(albAlarm).split('\n');
    const column = lines.find((l) => l.startsWith('State:'))!.indexOf('INSUFFICIENT_DATA');
    expect(lines.find((l) => l.startsWith('Unhealthy targets:'))!.indexOf('i-0f76fade')).toBe(column);
    expect(lines).toContain(`${' '.repeat(column)}Connection to target timed out`);
    expect(lines.find((l) => l.startsWith('Account:'))!.indexOf('811322200214')).toBe(column);
  });

  it('aligns Japanese labels by display width', () => {
    const lines = renderEmail(japanese).split('\n');
    const valueColumn = (prefix: string, value: string) => {
      const line = lines.find((l) => l.startsWith(prefix))!;
      return displayWidth(line.slice(0, line.indexOf(value)));
    };
    expect(valueColumn('状態:', 'OK → ALARM')).toBe(valueColumn('アカウント:', '811322200214'));
  });

  it('lists notes and links (full URLs) under localized headings', () => {
    const en = renderEmail({ ...insufficientData, links: albAlarm.links });
    expect(en).toContain('Notes\n-----\n- target health could not be read: AccessDenied');
    expect(en).toContain(`Links\n-----\n- Alarm in console\n  ${albAlarm.links[0]!.url}`);
    const ja = renderEmail(japanese);
    expect(ja).toContain('注意\n----\n- ');
    expect(ja).toContain('リンク\n------\n- コンソールでアラームを表示');
  });

  it('ends with a footer naming the event, its source, when it happened and the dedupe key', () => {
    const footer = renderEmail(insufficientData).split('\n-- \n')[1];
    expect(footer).toBe(
      [
        'Event:      c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
        'Source:     aws.cloudwatch/CloudWatch Alarm State Change',
        'Occurred:   2024-05-01T03:04:05.000Z',
        'Dedupe key: alarm:123456789012:ap-northeast-1:cpu-high:INSUFFICIENT_DATA',
        'Sent by notifier.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what a notification does not have', () => {
    const email = renderEmail(genericEvent);
    expect(email).not.toMatch(/Account|Region|Notes|Links/);
  });

  it('keeps decorations narrow enough for a phone', () => {
    for (const n of Object.values(samples)) {
      const decorations = renderEmail(n)
        .split('\n')
        .filter((l) => /^[-=─━]+\s*$/.test(l));
      for (const line of decorations) expect(line.length).toBeLessThanOrEqual(60);
    }
  });

  it('strips control characters but keeps hostile text readable (email is not Slack)', () => {
    const email = renderEmail(hostile);
    expect(email).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(email).toContain('Hi <!here> & <!everyone>');
    expect(email.split('\n')[0]).not.toContain('\n');
    expect(email).toMatch(/Field 39: +value 39\n +second line/);
  });

  it('gives an over-long label no more than the label column', () => {
    const email = renderEmail({
      ...genericEvent,
      fields: [
        { label: 'L'.repeat(40), value: 'v' },
        { label: 'x', value: 'y' },
      ],
    });
    expect(email).toContain(`${'L'.repeat(40)}: v`);
    expect(email).toContain(`x:${' '.repeat(20)}y`);
  });
});
