import { DeliveryError } from '../lib/adapters/errors';
import { ConfigError, InputError } from '../lib/core/errors';

/**
 * One error for several failed deliveries, so the invocation fails (and Lambda retries or
 * dead-letters it) after every other delivery has been attempted.
 * @param what e.g. "SNS publishes", "Slack posts"
 */
export function deliveryFailure(failures: readonly unknown[], total: number, what: string): Error {
  const [first] = failures;
  if (failures.length === 1 && first instanceof DeliveryError) return first;
  const firstMessage = first instanceof Error ? first.message : String(first);
  return new DeliveryError(`${failures.length} of ${total} ${what} failed; first: ${firstMessage}`, {
    retryable: failures.some((f) => !(f instanceof DeliveryError) || f.retryable),
    cause: new AggregateError(failures),
  });
}

/** One error for the records the pipeline could not read (reported after the others were delivered). */
export function unreadableInput(errors: readonly InputError[]): InputError {
  const [first] = errors;
  if (errors.length === 1 && first) return first;
  return new InputError(`${errors.length} records could not be read; first: ${first?.message}`, '', {
    cause: new AggregateError(errors),
  });
}

/**
 * True when trying again cannot help: a DeliveryError that is not retryable (a 4xx other than 429,
 * a removed webhook), unreadable input (InputError) or a bad setting (ConfigError). Lambda's own
 * retries of these only delay the dead letter.
 */
export function isPermanentFailure(error: unknown): error is Error {
  if (error instanceof DeliveryError) return !error.retryable;
  return error instanceof InputError || error instanceof ConfigError;
}
