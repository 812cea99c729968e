import { createDeniedBurstStore } from '../lib/adapters/burst-store';
import type { OwnEnrichers } from './ingest';

/**
 * The api-call function's own enricher: access-denied bursts, counted in the dedupe table; without
 * one (local runs), each refused call is told alone.
 * @example createIngestHandler(SOURCES, { enrichers: apiCallEnrichers })
 */
export const apiCallEnrichers: OwnEnrichers = ({ config, dynamodb, now }) => {
  const table = config().dedupe?.tableName;
  const deniedBurst = table ? createDeniedBurstStore(dynamodb(), { tableName: table, now }) : undefined;
  return () => (deniedBurst ? { deniedBurst } : {});
};
