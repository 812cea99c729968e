import { expect } from 'vitest';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError, InputError } from '../../src/lib/core/errors';

/**
 * Asserts that a handler call either succeeds or fails with one of our own error types (bad input,
 * bad configuration, failed delivery), never with a crash such as a TypeError.
 */
export async function expectOnlyKnownErrors(call: Promise<unknown>): Promise<void> {
  const outcome = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (outcome === undefined) return;
  expect(
    [InputError, ConfigError, DeliveryError].some((type) => outcome instanceof type),
    String(outcome),
  ).toBe(true);
}
