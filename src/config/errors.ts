/**
 * Errors a user can fix (bad config, bad command line). The CLI prints their message on one line
 * and exits 2, never with a stack trace; anything else is an internal error.
 */
export class GiaLintError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode = 2;
}

/** A config file (or overrideConfig) that cannot be read, parsed or validated. */
export class ConfigError extends GiaLintError {
  override name = 'ConfigError';
  /** The config file, or a label such as "overrideConfig". */
  readonly file: string;
  /** Dotted key path inside the config, e.g. `rules.table-sum[1].tolerance`; '' for the whole file. */
  readonly keyPath: string;

  constructor(message: string, file: string, keyPath = '') {
    super(message);
    this.file = file;
    this.keyPath = keyPath;
  }
}

/** Bad command-line usage or bad API arguments: unknown option, bad value, missing file, no matches. */
export class UsageError extends GiaLintError {
  override name = 'UsageError';
}
