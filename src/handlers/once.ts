/**
 * Remembers the value of the first call: the one way a handler keeps a client, its config or a rule
 * set per container (Lambda reuses the module between invocations).
 * @example const sns = once(() => new SNSClient(sdkClientConfig()));
 */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
