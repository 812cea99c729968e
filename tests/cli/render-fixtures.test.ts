import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SlackMessage } from '../../src/lib/core/channels/slack/slack-types';
import type { TeamsMessage } from '../../src/lib/core/channels/teams/teams-types';
import { WEBHOOK_ENVELOPE_VERSION } from '../../src/lib/core/channels/webhook/render-webhook';
import { notificationSchema } from '../../src/lib/core/notification';
import { slackViolations } from '../lib/core/channels/slack/slack-limits';
import { teamsViolations } from '../lib/core/channels/teams/teams-limits';
import { cli } from './memory-io';

/*
 * The fixture × channel table (DESIGN.md, Testing): every fixture goes through `notifier render`,
 * in-process, exactly as a user runs it, in English (UTC) and Japanese (Asia/Tokyo). Each fixture
 * has one small snapshot file holding both texts (SNS subject and attributes, the email, the Slack
 * and Teams views, the JSON webhook's envelope), so a change in what people receive shows up as a reviewable diff of one file. Every run
 * also has to pass the checks below, so the table is more than a record of today's output.
 */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SNAPSHOTS = join(import.meta.dirname, '__snapshots__', 'render-fixtures');
const NOW = '2024-06-01T00:00:00Z';
const LOCALES = [
  ['en', 'UTC'],
  ['ja', 'Asia/Tokyo'],
] as const;

/**
 * Recorded AWS API responses, not events: Cost Explorer answers feed `notifier digest --data`, and
 * DescribeTargetHealth answers feed `render --target-health`. `render` rejects them as input (exit 2),
 * which the last test pins.
 */
const API_RESPONSE_FOLDERS = ['cost-explorer', 'elbv2'];

const allFixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(json|txt)$/.test(f))
  .sort();
const isApiResponse = (file: string) => API_RESPONSE_FOLDERS.some((folder) => file.startsWith(`${folder}/`));
const events = allFixtures.filter((f) => !isApiResponse(f));
const apiResponses = allFixtures.filter(isApiResponse);

/** The parts of `render --format json` (DESIGN.md, CLI) these checks read. */
const renderJsonSchema = z.object({
  notifications: z.array(
    z.object({
      subject: z.string(),
      email: z.string(),
      slack: z.object({ text: z.string(), blocks: z.array(z.object({ type: z.string() }).passthrough()) }),
      teams: z.object({ type: z.literal('message'), attachments: z.array(z.unknown()) }),
      webhook: z.object({ version: z.number(), subject: z.string(), notification: z.unknown() }),
      notification: z.unknown(),
    }),
  ),
  ignored: z.array(z.object({ rule: z.string(), reason: z.string() })),
});

const renderArgs = (file: string, locale: string, zone: string) => [
  'render',
  '--locale',
  locale,
  '--time-zone',
  zone,
  '--now',
  NOW,
  join(FIXTURES, file),
];

/**
 * True when `subject` is `full` itself, or `full` shortened the way a subject is fitted under the SNS
 * limit (the email's first line keeps the whole title): whole words left out (the region, a target),
 * words cut at a break, marked "…", and the detail beside a name (render/subject.ts). Every word
 * shown is a word of `full`, in its order, or the start and end of a stretch of it around a "…".
 */
function isSubjectOf(subject: string, full: string): boolean {
  if (subject === full) return true;
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A word may also have lost a detail in parentheses written right after it (Japanese: "name（IAM ユーザー）").
  const words = subject
    .split(' ')
    .map((word) => `${word.split('…').map(escapeRegExp).join('.*')}(?:[（(][^）)]*[）)])?`);
  return new RegExp(`^${words.join(' (?:.* )?')}(?: .*)?$`, 'su').test(full);
}

describe('notifier render: every fixture, en and ja', () => {
  it('covers every event fixture', () => {
    expect(events.length).toBeGreaterThan(100);
    expect(events.length + apiResponses.length).toBe(allFixtures.length);
  });

  it.each(events)('%s', async (file) => {
    const sections: string[] = [];
    for (const [locale, zone] of LOCALES) {
      const args = renderArgs(file, locale, zone);
      const text = await cli(args);
      expect(text.stderr).toBe('');
      expect(text.code).toBe(0);
      sections.push(`$ notifier ${[...args.slice(0, -1), `tests/fixtures/${file}`].join(' ')}\n${text.stdout}`);

      const json = await cli([...args.slice(0, 1), '--format', 'json', ...args.slice(1)]);
      expect(json.code).toBe(0);
      const output = renderJsonSchema.parse(JSON.parse(json.stdout));
      expect(output.notifications.length + output.ignored.length).toBeGreaterThan(0);
      for (const n of output.notifications) {
        const notification = notificationSchema.parse(n.notification);
        expect(notification.locale).toBe(locale);
        expect(n.subject.length).toBeLessThan(100);
        expect(isSubjectOf(n.subject, n.email.split('\n')[0] ?? ''), `${n.subject}\n${n.email}`).toBe(true);
        expect(slackViolations(n.slack as unknown as SlackMessage)).toEqual([]);
        expect(teamsViolations(n.teams as unknown as TeamsMessage)).toEqual([]);
        expect(n.webhook).toEqual({ version: WEBHOOK_ENVELOPE_VERSION, subject: n.subject, notification });
      }
    }
    await expect(sections.join('\n')).toMatchFileSnapshot(join(SNAPSHOTS, `${file}.txt`));
  });

  it.each(apiResponses)('rejects the API response %s as input (exit 2, one line)', async (file) => {
    const { code, stdout, stderr } = await cli(renderArgs(file, 'en', 'UTC'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.startsWith(`notifier: ${join(FIXTURES, file)}: `)).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
