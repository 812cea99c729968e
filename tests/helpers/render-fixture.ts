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
