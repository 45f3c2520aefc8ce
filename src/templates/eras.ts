import type { EraTemplate, Layout } from './era.js';
import era2019 from './eras/2019.js';
import era2021 from './eras/2021.js';
import legacy from './eras/legacy.js';

export type { EraFeature, EraTemplate, Layout } from './era.js';

/**
 * The registry of template eras, oldest first. Which era applies is decided by the report year
 * (domain.md §1.3). Adding an era is adding its data file to src/templates/eras/ and its line here.
 */
const ERAS: EraTemplate[] = [legacy, era2019, era2021];

/** The id of an era (what Report.era holds). */
export type EraId = string;

/**
 * Adds an era to the registry (a plugin or a test adding a format that is not released yet). An
 * era whose years overlap a registered one takes those years from it: the newest record wins.
 */
export function registerEra(era: EraTemplate): void {
  const at = ERAS.findIndex((e) => e.id === era.id);
  if (at !== -1) ERAS.splice(at, 1);
  ERAS.push(era);
  ERAS.sort((a, b) => a.years.from - b.years.from);
}

/** All registered eras, oldest first. */
export function allEras(): readonly EraTemplate[] {
  return ERAS;
}

/** The era that applies to a report year: the newest era covering it (before the first: the first; after the last: the last). */
export function eraForYear(year: number): EraTemplate {
  for (let i = ERAS.length - 1; i >= 0; i--) if (ERAS[i].covers(year)) return ERAS[i];
  return year < ERAS[0].years.from ? ERAS[0] : ERAS[ERAS.length - 1];
}

/** The era of a recognized report (Report.era holds the id). */
export function eraNamed(id: EraId): EraTemplate {
  const era = ERAS.find((e) => e.id === id);
  if (!era) throw new Error(`unknown template era "${id}"`);
  return era;
}

/** The newest era whose tables have the layout (a report without a year, judged by its tables). */
export function newestEraWithLayout(layout: Layout): EraTemplate | undefined {
  for (let i = ERAS.length - 1; i >= 0; i--) if (ERAS[i].layout === layout) return ERAS[i];
  return undefined;
}

/** The era assumed when neither year nor tables tell: the newest. */
export function newestEra(): EraTemplate {
  return ERAS[ERAS.length - 1];
}
