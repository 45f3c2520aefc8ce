/**
 * Pages as a person sees them: Debian's chromium run headless (no browser download). In CI a
 * missing browser is a failure, not a skip (.ci/run installs it); elsewhere set CHROMIUM_PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

/** Whether the rendering tests run: chromium is here, or this is CI (where its absence must fail). */
export const canRender = CHROMIUM !== undefined || process.env.CI === 'true';

/** One headless chromium run with a fresh profile made inside `scratch` (e.g. `--dump-dom url`, `--screenshot=… url`). */
export function chromium(args: string[], scratch: string) {
  return spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(path.join(scratch, 'profile-'))}`,
      '--hide-scrollbars',
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

type Colour = (r: number, g: number, b: number) => boolean;

/** Anything darker than near-white: text, rules, bars. */
export const INK: Colour = (r, g, b) => r < 240 || g < 240 || b < 240;

/** A PNG's size and how many of its pixels have each named colour: shows a screenshot is drawn, not blank. */
export function pixelCounts<K extends string>(png: Buffer, colours: Record<K, Colour>): { width: number; height: number; counts: Record<K, number> } {
  const image = PNG.sync.read(png);
  const names = Object.keys(colours) as K[];
  const counts = Object.fromEntries(names.map((k) => [k, 0])) as Record<K, number>;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
    for (const k of names) if (colours[k](r, g, b)) counts[k]++;
  }
  return { width: image.width, height: image.height, counts };
}
