import { readFileSync } from 'node:fs';

/** Where the README's routing example lives (a file users copy, so tests read that very file). */
export const ROUTES_EXAMPLE_PATH = new URL('../../docs/routes.example.json', import.meta.url);

/** A fresh copy of docs/routes.example.json (safe to modify). */
export function routesExample<T = Record<string, unknown>>(): T {
  return JSON.parse(readFileSync(ROUTES_EXAMPLE_PATH, 'utf8')) as T;
}
