import type { ConfigOptions } from '../config/load.js';
import type { LintMessage } from '../engine/types.js';
import type { PreviousEntry } from '../region/pairing.js';

/** What the API functions accept (ESLint-like options). */

export interface LintOptions extends ConfigOptions {
  /** Force the input encoding of files (e.g. "gbk"); default: detect UTF-8/UTF-16/GB18030. */
  encoding?: string;
  /** Files larger than this become a fatal result. Default 20 MiB. */
  maxBytes?: number;
  /**
   * Apply fixes (ESLint's `fix`): results carry `output`, the fixed text, when it differs from
   * the input. Nothing is written; `outputFixes(results)` does that. A function picks which
   * messages' fixes to apply (e.g. errors only).
   */
  fix?: boolean | ((message: LintMessage) => boolean);
  /**
   * Keep each linted text in `result.source`, with its `outline` (sections and tables), for
   * reporters that show it (html). Off by default:
   * a batch would otherwise hold every report in memory, and the json format never prints it.
   */
  includeSource?: boolean;
  /**
   * Record what the region stage needs of each file (`result.unit`: organ, year, table cells, the
   * paired last-year file, the copied share). Implied for a file whose config has `previousDir`.
   */
  region?: boolean;
  /**
   * Folders of last year's reports already indexed, by absolute path (the batch indexes each
   * `previousDir` once and hands the index to its workers). A folder not in it is indexed on first use.
   */
  previousIndex?: Record<string, PreviousEntry[]>;
}

export interface LintTextOptions extends LintOptions {
  /** Where the text comes from: picks the format and the config file; need not exist. */
  filePath?: string;
}

export interface LintFilesOptions extends LintOptions {
  /** Extensions picked from directories and globs (explicit file paths are always linted). */
  ext?: string[];
}
