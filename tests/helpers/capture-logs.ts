import { vi } from 'vitest';
import { logger } from '../../src/lib/adapters/logger';

/** Everything written while capturing: stdout, stderr and console calls, one entry per write. */
export interface CapturedLogs {
  lines: string[];
  /** Parsed JSON log entries (Powertools writes one JSON object per line). */
  entries(): Record<string, unknown>[];
  restore(): void;
}

/**
 * Captures every log line (the Powertools logger at DEBUG level, plus raw stdout/stderr/console)
 * so a test can look for leaks or for a specific entry. Call `restore()` in `afterEach`.
 */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const previousLevel = logger.getLevelName();
  logger.setLogLevel('DEBUG');
  const record = (chunk: unknown) => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(record),
    vi.spyOn(process.stderr, 'write').mockImplementation(record),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        record(args.map(String).join(' '));
      }),
    ),
  ];
  return {
    lines,
    entries: () =>
      lines
        .flatMap((chunk) => chunk.split('\n'))
        .filter((line) => line.trim().startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore() {
      for (const spy of spies) spy.mockRestore();
      logger.setLogLevel(previousLevel);
    },
  };
}
