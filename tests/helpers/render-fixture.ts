import { readdirSync, readFileSync } from 'node:fs';
import type { RenderContext } from '../../src/lib/core/locale';
import type { Notification } from '../../src/lib/core/notification';
import { sources } from '../../src/lib/core/sources';
import type { SourceSettings } from '../../src/lib/core/sources/source';
import { processEvent } from '../../src/lib/pipeline';
import { fixture } from './fixtures';

const now = new Date('2024-01-01T00:00:00Z');
export const contexts = {
  en: { locale: 'en', timeZone: 'UTC', now },
  ja: { locale: 'ja', timeZone: 'Asia/Tokyo', now },
} as const satisfies Record<string, RenderContext>;

/** The notifications a recorded fixture becomes through the production pipeline and the whole registry. */
export async function notificationsOf(
  file: string,
  locale: keyof typeof contexts = 'en',
  settings: SourceSettings = {},
): Promise<Notification[]> {
  const result = await processEvent(fixture(file), { ctx: contexts[locale], sources, ...settings });
  if (result.errors.length > 0) throw result.errors[0];
  return result.notifications;
}

/** The one notification of a fixture. */
export async function notificationOf(file: string, locale: keyof typeof contexts = 'en'): Promise<Notification> {
  const [n, ...rest] = await notificationsOf(file, locale);
  if (!n || rest.length > 0) throw new Error(`expected one notification from ${file}`);
  return n;
}

/** The value of the field labelled `label`, if any. */
export const fieldOf = (n: Notification, label: string) => n.fields.find((f) => f.label === label)?.value;

const FIXTURES = new URL('../fixtures/', import.meta.url);
/** Recorded API responses, not events: the digest's and target health's inputs. */
const API_RESPONSE_FOLDERS = ['cost-explorer/', 'elbv2/'];

/**
 * Every event fixture's notifications in both locales, labelled `file (locale)`: the table the
 * byte-for-byte reference tests run over.
 */
export async function everyFixtureNotification(): Promise<Array<[string, Notification]>> {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(json|txt)$/.test(f) && !API_RESPONSE_FOLDERS.some((d) => f.startsWith(d)))
    .sort();
  const all: Array<[string, Notification]> = [];
  for (const file of files) {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const input: unknown = text.trimStart().startsWith('{') ? JSON.parse(text) : text;
    for (const locale of ['en', 'ja'] as const) {
      const { notifications } = await processEvent(input, { ctx: contexts[locale], sources });
      for (const n of notifications) all.push([`${file} (${locale})`, n]);
    }
  }
  return all;
}
