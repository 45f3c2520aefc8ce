import { normalizeOrgan, sameOrgan } from '../model/organ.js';
import type { RegionAggregate } from './types.js';

const missingByAggregate = new WeakMap<RegionAggregate, string[]>();

/**
 * The organs an `aggregate` expects (`expect`) that have no report among its parts. Asked by the
 * region-missing-unit rule and by the overview: worked out once per aggregate.
 */
export function missingUnits(agg: RegionAggregate): string[] {
  let missing = missingByAggregate.get(agg);
  if (!missing) {
    const organs = agg.parts.map((p) => p.facts.organ).filter((o): o is string => o !== undefined);
    // Names equal once normalised are the same organ (sameOrgan's first test): found by key, so
    // only an abbreviation is looked for among all the parts.
    const keys = new Set(organs.map(normalizeOrgan));
    missing = agg.expect.filter((organ) => !keys.has(normalizeOrgan(organ)) && !organs.some((o) => sameOrgan(o, organ)));
    missingByAggregate.set(agg, missing);
  }
  return missing;
}
