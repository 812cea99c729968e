/**
 * Local stand-ins for what the functions call on their first invocation, on 127.0.0.1: an SNS
 * endpoint answering Publish (AWS Query protocol, as @aws-sdk/client-sns speaks it), the AWS JSON
 * APIs the cost digest reads (Cost Explorer, Budgets, Free Tier; answered with the recorded
 * responses in tests/fixtures/cost-explorer) and a Slack incoming-webhook receiver. Used by
 * scripts/bench.mjs and scripts/bench/e2e.mjs.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const COST_FIXTURES = join(import.meta.dirname, '../../tests/fixtures/cost-explorer');
const recorded = (file) => {
  const { $metadata, ...response } = JSON.parse(readFileSync(join(COST_FIXTURES, file), 'utf8'));
  return response;
};
/** JSON-protocol answers by `X-Amz-Target`; GetCostAndUsage by whether the request groups. */
const JSON_ANSWERS = {
  'AWSInsightsIndexService.GetCostAndUsage': (request) =>
    recorded(
      request.GroupBy?.length
        ? 'GetCostAndUsage-groupby-SERVICE-AmortizedCost-sdkv3-mock.json'
        : 'GetCostAndUsage-month-to-date-AmortizedCost-sdkv3-mock.json',
    ),
  'AWSInsightsIndexService.GetCostForecast': () => recorded('GetCostForecast-month-sdkv3-mock.json'),
  'AWSBudgetServiceGateway.DescribeBudgets': () => ({ Budgets: [] }),
  'AWSFreeTierService.GetFreeTierUsage': () => recorded('GetFreeTierUsage-docs-glue-always-free.json'),
};

const PUBLISH_RESPONSE = (id) =>
  `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${id}</MessageId></PublishResult><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></PublishResponse>`;

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * Starts the stubs; `onPublish(params)` gets each Publish's form fields, `onSlack(body)` each
 * webhook POST, `onJson(target)` each JSON-protocol call's `X-Amz-Target`. Returns their URLs and `close()`.
 */
export async function startStubs({ onPublish = () => {}, onSlack = () => {}, onJson = () => {} } = {}) {
  let published = 0;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.url?.startsWith('/slack')) {
      onSlack(body);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      onJson(target);
      const answer = JSON_ANSWERS[target];
      if (!answer) {
        res
          .writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
          .end('{"__type":"UnknownOperationException"}');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify(answer(JSON.parse(body || '{}'))));
      return;
    }
    const params = new URLSearchParams(body);
    if (params.get('Action') !== 'Publish') {
      res.writeHead(400).end();
      return;
    }
    published += 1;
    res.writeHead(200, { 'content-type': 'text/xml' }).end(PUBLISH_RESPONSE(`bench-${published}`));
    onPublish(params);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    snsUrl: `http://127.0.0.1:${port}`,
    slackUrl: `http://127.0.0.1:${port}/slack/T000/B000/bench`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The environment a function gets in the bench: dummy credentials, the stubs as endpoints. */
export function benchEnv(stubs) {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-not-a-secret',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_SNS: stubs.snsUrl,
    AWS_ENDPOINT_URL_COST_EXPLORER: stubs.snsUrl,
    AWS_ENDPOINT_URL_BUDGETS: stubs.snsUrl,
    AWS_ENDPOINT_URL_FREETIER: stubs.snsUrl,
    NOTIFICATIONS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:notifier-bench',
    SLACK_WEBHOOK_URL: stubs.slackUrl,
    // The stubs serve SNS and Slack only: the quiet defaults' DescribeAlarms would leave the machine
    // (and the floor makes no such call either).
    REPORT_ALARMS_WITH_ACTIONS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}

/** A Lambda context for a direct invocation, with a generous deadline. */
export function lambdaContext() {
  return {
    functionName: 'bench',
    functionVersion: '$LATEST',
    memoryLimitInMB: '256',
    awsRequestId: 'bench',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
    logGroupName: 'bench',
    logStreamName: 'bench',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 15000,
    done() {},
    fail() {},
    succeed() {},
  };
}

/** {@link lambdaContext} as source, for a `node -e` wrapper that must not import this module (node:http). */
export const lambdaContextSource = `(${lambdaContext.toString()})()`;

/** The SNS→Lambda event the topic delivers to the Slack forwarder for one published message. */
export function snsEventFor(message, topicArn) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:bench`,
        Sns: {
          Type: 'Notification',
          MessageId: 'bench',
          TopicArn: topicArn,
          Subject: null,
          Message: message,
          Timestamp: new Date(0).toISOString(),
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** The SQS→Lambda event a queue with raw message delivery hands a function for one message. */
export function sqsEventFor(body) {
  return {
    Records: [
      {
        messageId: 'bench',
        receiptHandle: 'bench',
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:notifier-bench-email',
        awsRegion: 'us-east-1',
      },
    ],
  };
}
