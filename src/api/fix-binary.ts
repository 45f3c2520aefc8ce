import { MAX_FIX_PASSES, verify, type PreviousReport } from '../engine/linter.js';
import type { Fix, ResolvedConfig } from '../engine/types.js';
import { formatOf } from '../formats/index.js';
import { rulesForConfig } from '../config/plugins.js';
import { builtinRules } from '../rules/index.js';
import type { Input } from './input.js';
import type { LintOptions } from './options.js';

/**
 * `--fix` for a binary format whose descriptor can write fixes back (.docx): lint the Document,
 * write into the bytes the non-overlapping fixes the writer can place, read the new bytes and lint
 * again, up to MAX_FIX_PASSES (ESLint's loop, on the file instead of on text). The Input then holds
 * the fixed Document, and `fixedBytes` what --fix writes. Bytes that cannot be read back are never
 * kept. Without --fix, or for other formats, the Input is unchanged.
 */
export async function fixBinary(
  input: Input,
  filePath: string | undefined,
  config: ResolvedConfig,
  options: LintOptions,
  previous: PreviousReport | undefined,
  expanded = false,
): Promise<Input & { fixedBytes?: Buffer }> {
  if ('message' in input || !input.document || !input.bytes || !options.fix) return input;
  const format = formatOf(input.document);
  if (!format.binary || format.fixes === 'manual') return input;
  const shouldFix = typeof options.fix === 'function' ? options.fix : () => true;
  const rules = rulesForConfig(options.rules ?? builtinRules, config);
  let { bytes, document } = input;
  let changed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { messages } = verify(document.source.text, { filePath, config, rules, document, previous, expanded, script: input.script });
    const fixes = nonOverlapping(messages.filter((m) => m.fix && shouldFix(m)).map((m) => m.fix!));
    if (fixes.length === 0) break;
    const written = await format.fixes.apply(bytes, document, fixes);
    if (written.applied.length === 0) break;
    const reread = await format.parse(written.bytes);
    if (!reread.ok) break;
    bytes = written.bytes;
    document = reread.document;
    changed = true;
  }
  return changed ? { ...input, text: document.source.text, document, fixedBytes: bytes } : input;
}

/** Fixes in position order, leaving out any that overlaps one before it. */
function nonOverlapping(fixes: Fix[]): Fix[] {
  const out: Fix[] = [];
  let last = -1;
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (f.range[0] < last) continue;
    out.push(f);
    last = f.range[1];
  }
  return out;
}
