import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { supportsColor } from 'chalk';
import { GiaLintError, UsageError } from '../config/errors.js';
import { loadedPluginRules } from '../config/plugins.js';
import type { LintResult, Locale } from '../engine/types.js';
import type { RegionOverview } from '../region/index.js';
import { formatResults, loadReporter, reporters, type Reporter } from '../reporters/index.js';
import { builtinRules } from '../rules/index.js';
import type { CliIO } from './main.js';
import { runtime, usage } from './messages.js';
import type { CliOptions, CliOutput } from './options.js';

/** The CLI's outputs: each --format's reporter, where it writes (stdout or a file), and with colour or not. */

/** Every output's reporter, built-in or a formatter module; one that cannot be loaded is a usage error. */
export async function loadOutputReporters(outputs: CliOutput[], cwd: string, locale: Locale): Promise<Map<string, Reporter>> {
  const loaded = new Map<string, Reporter>();
  for (const out of outputs) {
    try {
      loaded.set(out.format, await loadReporter(out.format, cwd, locale));
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(usage.badFormat(out.format, [...reporters.keys()], locale));
      throw e;
    }
  }
  return loaded;
}

/** Format the results once per output and write each to its file or to stdout. */
export async function writeOutputs(
  opts: CliOptions,
  outputReporters: Map<string, Reporter>,
  shown: LintResult[],
  context: { io: CliIO; locale: Locale; docsUrl?: string; region?: RegionOverview },
): Promise<void> {
  const { io, locale, docsUrl, region } = context;
  // Plugin rules (loaded here or, for a batch in workers, by the first file's config) are described too.
  const pluginRules = loadedPluginRules();
  const rules = pluginRules.size ? new Map([...builtinRules, ...pluginRules]) : undefined;
  // Every output sees the same results, so the exit code does not depend on the formats.
  for (const out of opts.outputs) {
    const output = formatResults(outputReporters.get(out.format)!, shown, {
      cwd: io.cwd,
      locale,
      color: opts.color ?? wantColor(io, out.file !== undefined),
      ...(rules ? { rules } : {}),
      ...(docsUrl !== undefined ? { docsUrl } : {}),
      ...(region ? { region } : {}),
    });
    if (out.file !== undefined) await writeAtomically(path.resolve(io.cwd, out.file), output, locale);
    else if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }
}

/**
 * Colour only for a terminal. FORCE_COLOR wins (0/false disables), then NO_COLOR, then chalk's
 * own detection (TTY, TERM=dumb, CI). A file written with --output-file never gets colour.
 */
function wantColor(io: CliIO, toFile: boolean): boolean {
  if (toFile) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true && supportsColor !== false;
}

/** Write via a temp file in the same directory and rename, so readers never see half a report. */
async function writeAtomically(file: string, text: string, locale: Locale): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    if ((await stat(file).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new GiaLintError(runtime.cannotWrite(file, reason, locale));
  }
}
