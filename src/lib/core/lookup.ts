/**
 * Reads `table[key]` only for the table's own keys, so an event value such as "constructor" or
 * "__proto__" never reaches Object.prototype. The one helper behind every lookup-table choice.
 *
 * @example lookup({ ALARM: 'critical' } as const, state) // "critical" | undefined
 */
export function lookup<T extends object>(table: T, key: string | undefined): T[keyof T] | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}
