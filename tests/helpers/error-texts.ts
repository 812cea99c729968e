/**
 * Every text an error carries that could end up in a log or a DLQ message: String(), message,
 * stack, `code` and its JSON form, for the error, its whole `cause` chain and every member of an
 * AggregateError, however nested.
 */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 20 || error === undefined || error === null) return [];
  if (!(error instanceof Error)) return [String(error), JSON.stringify(error) ?? ''];
  const own = [String(error), error.message, error.stack ?? '', String((error as { code?: unknown }).code ?? '')];
  const members = error instanceof AggregateError ? error.errors.flatMap((e) => errorTexts(e, depth + 1)) : [];
  return [...own, JSON.stringify(error), ...members, ...errorTexts(error.cause, depth + 1)];
}
