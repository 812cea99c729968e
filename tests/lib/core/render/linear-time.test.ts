import { describe, it } from 'vitest';
import { renderEmail } from '../../../../src/lib/core/channels/email/render-email';
import { renderSlack } from '../../../../src/lib/core/channels/slack/render-slack';
import { escapeSlack, slackLine, slackText } from '../../../../src/lib/core/channels/slack/slack-escape';
import { previewSlack } from '../../../../src/lib/core/channels/slack/slack-preview';
import { renderTeams } from '../../../../src/lib/core/channels/teams/render-teams';
import { escapeTeams, unescapeTeams } from '../../../../src/lib/core/channels/teams/teams-escape';
import { previewTeams } from '../../../../src/lib/core/channels/teams/teams-preview';
import type { Notification } from '../../../../src/lib/core/notification';
import { buildSnsPublish } from '../../../../src/lib/core/publish/sns-message';
import { multiLine, oneLine } from '../../../../src/lib/core/render/sanitize';
import { renderSubject } from '../../../../src/lib/core/render/subject';
import { displayWidth, padToWidth } from '../../../../src/lib/core/render/text-width';
import { ellipsizeMiddle, truncateChars, utf8Length } from '../../../../src/lib/core/render/truncate';
import { expectLinear } from '../../../helpers/growth';
import { albAlarm } from './sample-notifications';

/*
 * Every text path of the renderers in linear time on hostile text, checked by growth of CPU time
 * (see tests/helpers/growth.ts for why it cannot flake on a loaded machine). Each generator is one
 * that was, or could plausibly be, super-linear: runs a regex retries at every position.
 */

/** `unit` repeated to about `n` UTF-16 units. */
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));

/** Hostile texts by name; each takes a size in UTF-16 units. */
const texts: Record<string, (n: number) => string> = {
  'a run of spaces inside a line': (n) => `x${' '.repeat(n)}x`,
  'a run of no-break spaces': (n) => `x${'\u00a0'.repeat(n)}x`,
  'blank lines of one space': (n) => fill('\n \n', n),
  'a run of line breaks before text': (n) => `${'\n'.repeat(n)}x`,
  'a run of tabs and CRs': (n) => `x${fill('\t\r', n)}x`,
  'lone surrogates': (n) => fill('\ud800a\udc00', n),
  'emoji and wide characters': (n) => fill('😀あa', n),
  '<<<<&&&& runs': (n) => fill('<<<<&&&&', n),
  'control characters and bidi overrides': (n) => fill('\u0007\u202e\u001b[', n),
  'markdown runs': (n) => fill('**__[[\\<{{', n),
  'list markers on every line': (n) => fill('\n  - a\n12. b\n', n),
};

/** A notification with `text` wherever a renderer treats text differently: title, summary, a field, a link, the id. */
const notification = (text: string): Notification => ({
  ...albAlarm,
  title: text,
  summary: text,
  fields: [{ label: text, value: text }, ...albAlarm.fields],
  links: [{ label: text, url: text }],
  source: { id: text, type: albAlarm.source.type },
});

/** Each text function with the hostile texts that could make it super-linear. */
const cases: Array<[string, (text: string) => unknown, string[]]> = [
  [
    'multiLine',
    multiLine,
    Object.keys(texts).filter((kind) => kind !== 'emoji and wide characters' && kind !== '<<<<&&&& runs'),
  ],
  ['oneLine', oneLine, ['a run of spaces inside a line', 'blank lines of one space']],
  ['truncateChars', (text) => truncateChars(text, 3_000, 'en'), ['lone surrogates', 'emoji and wide characters']],
  ['ellipsizeMiddle', (text) => ellipsizeMiddle(text, text.length - 5), ['emoji and wide characters']],
  ['utf8Length', utf8Length, ['lone surrogates']],
  ['displayWidth', displayWidth, ['emoji and wide characters']],
  ['padToWidth', (text) => padToWidth(text, text.length * 3), ['emoji and wide characters']],
  ['escapeSlack', escapeSlack, ['<<<<&&&& runs']],
  ['slackText', (text) => slackText(text, 3_000, 'en'), ['<<<<&&&& runs', 'a run of spaces inside a line']],
  ['slackLine', (text) => slackLine(text, 150), ['<<<<&&&& runs', 'lone surrogates']],
  ['escapeTeams', escapeTeams, ['markdown runs', 'list markers on every line', 'blank lines of one space']],
  ['unescapeTeams', (text) => unescapeTeams(escapeTeams(text)), ['markdown runs', 'list markers on every line']],
];

/** Subject, email, Slack message and Teams card (and their plain-text previews): every renderer but the SNS fit. */
const renderAll = (n: Notification) => {
  renderSubject(n);
  renderEmail(n);
  previewSlack(renderSlack(n));
  previewTeams(renderTeams(n));
};

/** Measurements take seconds of CPU, so more than the default wall-clock allowance on a loaded machine. */
const SLOW = 60_000;

describe('render: linear time on hostile text', { timeout: SLOW }, () => {
  it.each(cases.flatMap(([name, fn, kinds]) => kinds.map((kind) => [name, kind, fn] as const)))(
    '%s on %s',
    (_, kind, fn) => {
      expectLinear(texts[kind]!, fn);
    },
  );

  it.each([
    'a run of spaces inside a line',
    'blank lines of one space',
    'lone surrogates',
    '<<<<&&&& runs',
    'markdown runs',
    'list markers on every line',
  ])('renders a notification carrying %s', (kind) => {
    expectLinear((n) => notification(texts[kind]!(n)), renderAll);
  });

  it.each(['lone surrogates', 'blank lines of one space'])(
    'fits an SNS publish of a notification carrying %s into 256 KB',
    (kind) => {
      // From 16 K characters a string, every publish is over 256 KB and takes the same (fitting) path.
      expectLinear((n) => notification(texts[kind]!(n)), buildSnsPublish, { minN: 1 << 14 });
    },
  );

  it('aligns an email of many rows with long labels', () => {
    const rows = (n: number): Notification => ({
      ...albAlarm,
      fields: Array.from({ length: Math.ceil(n / 64) }, (_, i) => ({
        label: `${'あ'.repeat(30)} ${i}`,
        value: 'v\n w',
      })),
    });
    expectLinear(rows, renderEmail);
  });
});
