import { describeAwsError } from './adapters/aws-errors';
import type { QueueMessage, QueueOpener, SqsQueue } from './adapters/sqs-queue';
import { type Letter, readLetter } from './core/dead-letter/letter';

/**
 * How long a message received for redrive stays hidden from other readers: long enough to
 * re-invoke and delete it, short enough that a crashed run's messages come back soon.
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 */
export const REDRIVE_VISIBILITY_SECONDS = 60;

/** What to redrive: from which dead-letter queue, to where, how many. */
export interface RedriveRequest {
  /** The dead-letter queue: name, URL or ARN. */
  readonly queue: string;
  /** Instead of where each message came from: a function (name or ARN) or a queue (name, URL or ARN). */
  readonly to?: string;
  readonly max: number;
  readonly dryRun: boolean;
}

/** The I/O the redrive does; the CLI passes the real ones, tests fakes. */
export interface RedriveDeps {
  readonly openQueue: QueueOpener;
  /** Invokes a function asynchronously with the payload (Lambda Invoke, InvocationType Event). */
  readonly invoke: (functionName: string, payload: unknown) => Promise<void>;
  /** Called with each message's outcome as soon as it is known. */
  readonly onResult?: (result: RedriveResult) => void;
}

/** What happened to one message. */
export interface RedriveResult {
  readonly id: string;
  /** `listed` in a dry run; `redriven` and deleted; `kept` in the queue (see `problem`). */
  readonly outcome: 'listed' | 'redriven' | 'kept';
  readonly letter: Letter;
  /** Where it goes (or would go): `function NAME` or `queue NAME`. */
  readonly target?: string;
  readonly problem?: string;
}

type Target = { readonly kind: 'function' | 'queue'; readonly name: string };

const isQueueRef = (ref: string) => /^https?:\/\//.test(ref) || /^arn:aws[a-z-]*:sqs:/.test(ref);
const isFunctionRef = (ref: string) => /^arn:aws[a-z-]*:lambda:/.test(ref);

/**
 * Where a letter goes: `--to` when given (a bare name is a function for an invocation record, a
 * queue for a queue's message), else the function that failed or the queue it was dead-lettered from.
 */
function targetOf(letter: Letter, to: string | undefined): Target | undefined {
  if (to !== undefined) {
    const kind = isQueueRef(to) ? 'queue' : isFunctionRef(to) ? 'function' : undefined;
    return { kind: kind ?? (letter.kind === 'invocation' ? 'function' : 'queue'), name: to };
  }
  if (letter.kind === 'invocation') {
    return letter.functionName ? { kind: 'function', name: letter.functionName } : undefined;
  }
  return letter.sourceQueueArn ? { kind: 'queue', name: letter.sourceQueueArn } : undefined;
}

/**
 * Puts dead-lettered messages back, one at a time, up to `max`: an invocation record (Lambda's
 * on-failure destination, or a function's own dead letter) re-invokes its function asynchronously
 * with the original event; a queue's message is sent back to its source queue (or `to`). Each
 * message is deleted from the dead-letter queue only after its redrive succeeded; a message that
 * could not be redriven is kept and made visible again at once. A dry run only lists.
 * @throws what opening or reading the dead-letter queue throws (no such queue, no credentials).
 * @example const results = await redrive({ queue: 'notifier-dev-alarm-dlq', max: 10, dryRun: false }, deps);
 */
export async function redrive(request: RedriveRequest, deps: RedriveDeps): Promise<RedriveResult[]> {
  const dlq = await deps.openQueue(request.queue);
  const queues = new Map<string, Promise<SqsQueue>>();
  const queue = (name: string) => {
    const opened = queues.get(name) ?? deps.openQueue(name);
    queues.set(name, opened);
    return opened;
  };
  const results: RedriveResult[] = [];
  const hidden: QueueMessage[] = [];
  const seen = new Set<string>();

  async function redriveOne(message: QueueMessage): Promise<RedriveResult> {
    const letter = readLetter(message.body, message.attributes);
    const target = targetOf(letter, request.to);
    const base = { id: message.id, letter, ...(target ? { target: `${target.kind} ${target.name}` } : {}) };
    if (target === undefined) {
      hidden.push(message);
      return { ...base, outcome: 'kept', problem: 'no destination known: give --to FUNCTION|QUEUE' };
    }
    if (request.dryRun) {
      hidden.push(message);
      return { ...base, outcome: 'listed' };
    }
    try {
      if (target.kind === 'function') {
        await deps.invoke(target.name, letter.kind === 'invocation' ? letter.payload : JSON.parse(message.body));
      } else {
        const body = letter.kind === 'invocation' ? JSON.stringify(letter.payload) : message.body;
        const attributes = letter.kind === 'invocation' ? {} : message.messageAttributes;
        await (await queue(target.name)).send(body, attributes);
      }
    } catch (error) {
      hidden.push(message);
      return { ...base, outcome: 'kept', problem: `not redriven: ${describeAwsError(error)}` };
    }
    try {
      await dlq.delete(message.receiptHandle);
    } catch (error) {
      return {
        ...base,
        outcome: 'redriven',
        problem: `redriven but not deleted (delivered twice if redriven again): ${describeAwsError(error)}`,
      };
    }
    return { ...base, outcome: 'redriven' };
  }

  try {
    while (results.length < request.max) {
      const batch = await dlq.receive(request.max - results.length, REDRIVE_VISIBILITY_SECONDS);
      const fresh = batch.filter((m) => !seen.has(m.id));
      if (fresh.length === 0) break;
      for (const message of fresh) {
        seen.add(message.id);
        if (results.length >= request.max) {
          hidden.push(message);
          continue;
        }
        const result = await redriveOne(message);
        results.push(result);
        deps.onResult?.(result);
      }
    }
  } finally {
    // What stays in the queue is visible again at once, for the next run or the console.
    await Promise.allSettled(hidden.map((m) => dlq.release(m.receiptHandle)));
  }
  return results;
}
