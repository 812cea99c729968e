import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** dynalite's factory (CommonJS, no type declarations): an HTTP server speaking the DynamoDB API. */
type Dynalite = (options: { createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;

/** A DynamoDB stand-in on 127.0.0.1 with the dedupe table created. */
export interface LocalDynamoDb {
  client: DynamoDBClient;
  tableName: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (in memory) on 127.0.0.1, random port, and creates a table shaped like the
 * deployed DedupeTable (infra/tables.yml): string partition key `pk`. Close it in `afterAll`.
 * @example const db = await startLocalDynamoDb(); const store = createDedupeStore(db.client, { … });
 */
export async function startLocalDynamoDb(tableName = 'notifier-test-dedupe'): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTESTTESTTEST', secretAccessKey: 'test-secret' },
    maxAttempts: 1,
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return {
    client,
    tableName,
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
