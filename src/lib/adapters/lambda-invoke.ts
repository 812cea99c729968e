import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { withTimeout } from './timeout';

/** Longest wait for Lambda to accept an asynchronous invocation (it queues the event and answers at once). */
export const INVOKE_TIMEOUT_MS = 10_000;
/** What Lambda answers when it has queued an asynchronous invocation. */
const ACCEPTED = 202;

/**
 * Invokes a function asynchronously (InvocationType `Event`) with `payload`, as EventBridge and SNS
 * do: Lambda queues the event and retries it, then sends it to the function's on-failure
 * destination, exactly as for the original delivery.
 * @throws the SDK's error, or an Error when Lambda answers anything but 202 Accepted.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 * @example await invokeAsync(new LambdaClient({ region }), 'notifier-dev-alarm', event);
 */
export async function invokeAsync(client: LambdaClient, functionName: string, payload: unknown): Promise<void> {
  const command = new InvokeCommand({
    FunctionName: functionName,
    InvocationType: 'Event',
    Payload: new TextEncoder().encode(JSON.stringify(payload ?? null)),
  });
  const answer = await withTimeout(INVOKE_TIMEOUT_MS, (abortSignal) => client.send(command, { abortSignal }));
  if (answer.StatusCode !== ACCEPTED) {
    throw new Error(`Lambda answered ${answer.StatusCode ?? 'no status'} instead of ${ACCEPTED} Accepted`);
  }
}
