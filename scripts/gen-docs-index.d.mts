/** Types of scripts/gen-docs-index.mjs, for the test that checks docs/rules/README.md. */
import type { RuleMeta } from '../src/engine/types.js';

export declare const START: string;
export declare const END: string;
export declare function renderRulesIndex(rules: Iterable<{ meta: RuleMeta }>): string;
export declare function replaceIndex(readme: string, table: string): string;
