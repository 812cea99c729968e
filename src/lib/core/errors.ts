/**
 * Errors of the pure core. Every message is one line naming what was wrong and where.
 */

/** The input is not any event shape we understand (not JSON, wrong type, broken envelope). */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Where in the input the problem is, e.g. "Records[2].Sns.Message". */
  readonly path: string;
  constructor(message: string, path = '', options?: { cause?: unknown }) {
    super(path ? `${path}: ${message}` : message, options);
    this.path = path;
  }
}

/** A setting (flag, environment variable, config file entry) is invalid. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * A configuration file with one or more problems (the routing file): `lines` has one line each,
 * naming the file and the entry; the message is all of them, one a line.
 */
export class ConfigFileError extends ConfigError {
  readonly lines: readonly string[];
  constructor(lines: readonly string[], options?: { cause?: unknown }) {
    super(lines.join('\n'), options);
    this.lines = lines;
  }
}
