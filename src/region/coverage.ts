import { sameOrgan } from '../model/organ.js';
import type { RegionAggregate } from './types.js';

/** The organs an `aggregate` expects (`expect`) that have no report among its parts. */
export function missingUnits(agg: RegionAggregate): string[] {
  const organs = agg.parts.map((p) => p.facts.organ).filter((o): o is string => o !== undefined);
  return agg.expect.filter((organ) => !organs.some((o) => sameOrgan(o, organ)));
}
