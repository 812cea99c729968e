import type { Locale } from '../../locale';
import { en } from './alarm-text-en';
import { ja } from './alarm-text-ja';

/**
 * Every fixed string of alarm notifications, in each locale. Sentences are functions of the values
 * they need, so word order can differ between languages.
 *
 * @example alarmText.ja.title.OK_AGAIN('web') // "web が OK に戻りました"
 */
export const alarmText = { en, ja } as const satisfies Record<Locale, AlarmText>;

export type { Relation } from './relation';

/** Shape every locale's table has (the English one is the reference). */
export type AlarmText = typeof en;
