import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { createAlarmActionsReader } from '../lib/adapters/alarm-actions';
import { flapStoreFor } from '../lib/adapters/flap-store';
import { sdkClientConfig } from '../lib/adapters/sdk-client';
import type { OwnEnrichers } from './ingest';
import { once } from './once';

/**
 * The alarm function's own enrichers: whether an alarm's actions are enabled (CloudWatch, loaded on
 * the first EventBridge state change; one client per region), and the flapping check (with
 * DEDUPE_TABLE set and FLAP_THRESHOLD above 0).
 * @example createIngestHandler(SOURCES, { enrichers: alarmEnrichers() })
 */
export function alarmEnrichers(cloudwatchFor?: (region: string) => CloudWatchClient): OwnEnrichers {
  return ({ config, dynamodb, now }) => {
    const clients = new Map<string, Promise<CloudWatchClient>>();
    const cloudwatch = (region = '') => {
      const client =
        clients.get(region) ??
        (cloudwatchFor
          ? Promise.resolve(cloudwatchFor(region))
          : import('@aws-sdk/client-cloudwatch').then(
              (sdk) => new sdk.CloudWatchClient(sdkClientConfig(region ? { region } : {})),
            ));
      clients.set(region, client);
      return client;
    };
    const alarmActions = createAlarmActionsReader(cloudwatch, { now });
    const flaps = once(() => flapStoreFor(config(), dynamodb, { now }));
    return (deadline) => {
      const store = flaps();
      return { alarmActions, ...(store ? { flapping: (change) => store.record(change, deadline) } : {}) };
    };
  };
}
