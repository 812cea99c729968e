import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/core/errors';
import type { RenderContext } from '../../src/lib/core/locale';
import { sources } from '../../src/lib/core/sources';
import type { Source } from '../../src/lib/core/sources/source';
import { processEvent } from '../../src/lib/pipeline';
import { snsEventWith } from '../helpers/fixtures';

const ctx: RenderContext = { locale: 'en', timeZone: 'UTC', now: new Date('2024-01-01T00:00:00Z') };

/** A source with a bug: it claims messages starting with "boom" and throws while reading or building them. */
function buggySource(where: 'read' | 'build', error: unknown): Source {
  return {
    id: 'buggy',
    matches: (item) => typeof item.payload === 'string' && item.payload.startsWith('boom'),
    read() {
      if (where === 'read') throw error;
      return {
        kind: 'notify',
        build: () => {
          throw error;
        },
      };
    },
  };
}

describe('pipeline: one record failing', () => {
  it.each([
    ['build', new TypeError("Cannot read properties of undefined (reading 'name')"), 'TypeError: Cannot read'],
    ['read', new RangeError('Maximum call stack size exceeded'), 'RangeError: Maximum call stack'],
    ['build', 'a thrown string', 'a thrown string'],
  ] as const)('fails only the record whose source throws in %s (%s), never its batch', async (where, error, text) => {
    const event = snsEventWith('first message', 'boom: the middle one', 'third message');
    const result = await processEvent(event, { ctx, sources: [buggySource(where, error), ...sources] });
    expect(result.notifications.map((n) => n.summary)).toEqual([
      expect.stringContaining('first message'),
      expect.stringContaining('third message'),
    ]);
    expect(result.errors).toHaveLength(1);
    const [failure] = result.errors;
    expect(failure).toBeInstanceOf(InputError);
    expect(failure).toMatchObject({ path: 'Records[1].Sns.Message' });
    expect(failure?.message).toContain(`Records[1].Sns.Message: could not be turned into a notification: ${text}`);
    expect(failure?.cause).toBe(error);
  });

  it('reports a lone event whose source throws as that record’s error, an InputError', async () => {
    const result = await processEvent('boom', { ctx, sources: [buggySource('build', new Error('bug')), ...sources] });
    expect(result.notifications).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual(['could not be turned into a notification: Error: bug']);
  });

  it('fails the whole input when an enricher with no fallback throws (the flapping store), so it is retried', async () => {
    const storeDown = new Error('table unavailable');
    const alarm = {
      AlarmName: 'web-5xx',
      NewStateValue: 'ALARM',
      NewStateReason: 'Threshold Crossed',
      StateChangeTime: '2024-01-01T00:00:00.000+0000',
      Region: 'US East (N. Virginia)',
      AWSAccountId: '123456789012',
    };
    const event = snsEventWith('first message', JSON.stringify(alarm));
    const failing = processEvent(event, { ctx, sources, flapping: () => Promise.reject(storeDown) });
    await expect(failing).rejects.toBe(storeDown);
  });
});
