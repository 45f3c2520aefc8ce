import path from 'node:path';
import type { LintOptions } from '../api.js';
import { ConfigResolver, displayPath } from '../config/load.js';
import { GiaLintError } from '../config/errors.js';
import type { Locale } from '../engine/types.js';
import { createDeskServer, type DeskServer } from './server.js';
import { t } from '../i18n/format.js';
import { DEFAULT_LOCALE } from '../i18n/locales.js';
import { SERVE_TEXT } from './messages.js';

export { createDeskServer, safeName, type DeskOptions, type DeskServer, type LintAnswer } from './server.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  cwd: string;
  port?: number;
  host?: string;
  /** --locale, when given; otherwise the config's. */
  locale?: Locale;
  /** Config and overrides as the CLI builds them for linting. */
  lint: LintOptions;
  stdout: { write(text: string): unknown };
  /** Resolves when the server should stop (the CLI: SIGINT/SIGTERM). */
  until: Promise<unknown>;
}

/**
 * `gia-lint serve`: check the office's config once (a broken .gianrc stops here, exit 2, as in a
 * lint run), start the page and run until `until` resolves.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const desk = await startDesk(options);
  const url = await desk.listen().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    // Not the default when either the config or --locale asks for another locale.
    const locale = [options.lint.overrideConfig?.locale, options.locale].find((l) => l !== undefined && l !== DEFAULT_LOCALE) ?? DEFAULT_LOCALE;
    const where = `${options.host ?? DEFAULT_HOST}:${options.port ?? DEFAULT_PORT}`;
    throw new GiaLintError(
      e.code === 'EADDRINUSE' ? t(SERVE_TEXT, 'portInUse', locale, { where }) : t(SERVE_TEXT, 'cannotListen', locale, { where, reason: e.code ?? e.message }),
    );
  });
  options.stdout.write(`${t(SERVE_TEXT, 'listening', desk.locale, { url })}\n`);
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host)) {
    options.stdout.write(`${t(SERVE_TEXT, 'openToNetwork', desk.locale, { host })}\n`);
  }
  await options.until;
  await new Promise<void>((resolve) => {
    desk.server.close(() => resolve());
    desk.server.closeAllConnections();
  });
  return 0;
}

/** The server with the office's settings resolved (config file, locale, last year's report). */
export async function startDesk(options: Omit<ServeOptions, 'stdout' | 'until'>): Promise<DeskServer & { locale: Locale }> {
  const cwd = path.resolve(options.cwd);
  const resolver = new ConfigResolver({ ...options.lint, cwd });
  // A file in the folder, as uploads are placed: the config that applies to them, validated now.
  const probe = path.join(cwd, 'report.txt');
  const config = await resolver.forFile(probe);
  const configFile = await resolver.configFileFor(probe);
  const locale = options.locale ?? config.locale;
  const desk = createDeskServer({
    cwd,
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    locale,
    lint: { ...options.lint, cwd },
    info: {
      folder: cwd,
      ...(configFile ? { config: displayPath(configFile, cwd) } : {}),
      noConfig: options.lint.useConfigFile === false,
      ...(config.previous ? { previous: displayPath(config.previous, cwd) } : {}),
      ...(config.previousDir ? { previousDir: displayPath(config.previousDir, cwd) } : {}),
    },
  });
  return Object.assign(desk, { locale });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
