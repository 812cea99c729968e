import { describe, expect, it } from 'vitest';
import { deliveryFailure, isPermanentFailure, unreadableInput } from '../../src/handlers/delivery-failure';
import { DeliveryError } from '../../src/lib/adapters/errors';
import { ConfigError, InputError } from '../../src/lib/core/errors';

const retryable = new DeliveryError('Slack webhook (127.0.0.1) answered 500', { retryable: true });
const permanent = new DeliveryError('Slack webhook (127.0.0.1) answered 404: no_service', { retryable: false });

describe('handlers: delivery failure', () => {
  it('passes a single DeliveryError on unchanged', () => {
    expect(deliveryFailure([permanent], 3, 'Slack posts')).toBe(permanent);
  });

  it('combines several, retryable when any of them is, keeping all as cause', () => {
    const error = deliveryFailure([permanent, retryable], 3, 'Slack posts') as DeliveryError;
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.message).toBe('2 of 3 Slack posts failed; first: Slack webhook (127.0.0.1) answered 404: no_service');
    expect(error.retryable).toBe(true);
    expect((error.cause as AggregateError).errors).toEqual([permanent, retryable]);
  });

  it('wraps an unexpected error as a retryable DeliveryError', () => {
    const error = deliveryFailure([new TypeError('boom')], 1, 'SNS publishes') as DeliveryError;
    expect(error).toMatchObject({
      name: 'DeliveryError',
      retryable: true,
      message: '1 of 1 SNS publishes failed; first: boom',
    });
  });

  it('names the first unreadable record and how many there were', () => {
    const first = new InputError('not JSON', 'Records[1].Sns.Message');
    expect(unreadableInput([first])).toBe(first);
    const both = unreadableInput([first, new InputError('not an object', 'Records[2].Sns.Message')]);
    expect(both.message).toBe('2 records could not be read; first: Records[1].Sns.Message: not JSON');
  });
});

describe('handlers: permanent failures', () => {
  it.each([
    ['a refused delivery', permanent, true],
    ['unreadable input', new InputError('is not JSON'), true],
    ['a bad setting', new ConfigError('NOTIFICATIONS_TOPIC_ARN: is required'), true],
    ['a retryable delivery', retryable, false],
    ['several failures, one of them retryable', deliveryFailure([permanent, retryable], 2, 'Slack posts'), false],
    ['an unexpected error', new TypeError('boom'), false],
    ['not an error', 'boom', false],
  ])('%s → permanent: %s', (_, error, expected) => {
    expect(isPermanentFailure(error)).toBe(expected);
  });
});
