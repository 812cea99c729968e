import fc from 'fast-check';
import {
  categorySchema,
  NOTIFICATION_SCHEMA_VERSION,
  type Notification,
  notificationSchema,
  severitySchema,
} from '../../../../src/lib/core/notification';

/** Characters that have broken renderers somewhere: Slack controls, line breaks, bidi, surrogates. */
const nasty = fc.constantFrom(
  '<',
  '>',
  '&',
  '<!channel>',
  '<@U1>',
  '<http://evil|x>',
  '&amp;',
  '\n',
  '\r\n',
  '\u0007',
  '\u001b[31m',
  '\u202e',
  '\u2028',
  '\ud800',
  'あ',
  '😀',
  '*',
  ' ',
);

/** Any string, biased towards the hostile and the long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: nasty, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(nasty, fc.integer({ min: 0, max: 12_000 })).map(([s, n]) => s.repeat(n)) },
);

/**
 * Notifications the schema accepts, with arbitrary strings in every field. Everything generated is
 * checked against `notificationSchema`, so the arbitrary cannot drift from the contract.
 */
export const anyNotification: fc.Arbitrary<Notification> = fc
  .record(
    {
      schemaVersion: fc.constant(NOTIFICATION_SCHEMA_VERSION),
      category: fc.constantFrom(...categorySchema.options),
      severity: fc.constantFrom(...severitySchema.options),
      locale: fc.constantFrom('en' as const, 'ja' as const),
      title: anyText,
      summary: anyText,
      fields: fc.array(fc.record({ label: anyText, value: anyText }), { maxLength: 60 }),
      links: fc.array(
        fc.record({
          label: anyText,
          url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), anyText),
        }),
        { maxLength: 35 },
      ),
      notes: fc.array(anyText, { maxLength: 4 }),
      account: anyText,
      region: anyText,
      occurredAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        anyText,
      ),
      dedupeKey: anyText,
      source: fc.record({ id: anyText, type: anyText }, { requiredKeys: ['type'] }),
    },
    {
      requiredKeys: [
        'schemaVersion',
        'category',
        'severity',
        'locale',
        'title',
        'summary',
        'fields',
        'links',
        'notes',
        'occurredAt',
        'dedupeKey',
        'source',
      ],
    },
  )
  .map((n) => notificationSchema.parse(n));
