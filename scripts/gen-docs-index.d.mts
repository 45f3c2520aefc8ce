/** Types of scripts/gen-docs-index.mjs, for the test that checks the generated lists of rules. */
import type { RuleMeta } from '../src/engine/types.js';

export declare const START: string;
export declare const END: string;
export declare const README_START: string;
export declare const README_END: string;
export declare const CONFIG_START: string;
export declare const CONFIG_END: string;
export declare function renderRulesIndex(rules: Iterable<{ meta: RuleMeta }>): string;
export declare function renderReadmeTable(rules: Iterable<{ meta: RuleMeta }>): string;
export declare function renderConfigRules(rules: Iterable<{ meta: RuleMeta }>, indent?: string): string;
export declare function replaceBetween(text: string, start: string, end: string, body: string, file?: string): string;
export declare function replaceIndex(readme: string, table: string): string;
export declare function generatedFiles(rules: Iterable<{ meta: RuleMeta }>, read: (file: string) => string): { file: string; text: string }[];
