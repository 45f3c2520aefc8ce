import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { pick, t } from '../i18n/format.js';
import type { Rule } from '../engine/types.js';
import { messageRange, rangesTouch, ruleLink } from './convert.js';
import { LSP_TEXT, ui } from './messages.js';
import type { LintOutcome } from './service.js';

/**
 * Hover over a problem: what its rule checks and the legal basis it rests on (from the rule's
 * meta, in the configured locale), with a link to the rule's page. The message itself is already
 * shown by the editor with the diagnostic.
 */
export function hoverAt(outcome: LintOutcome, position: Position, rules: ReadonlyMap<string, Rule>, docsBaseUrl?: string): Hover | null {
  const at = { start: position, end: position };
  const hits = outcome.messages.filter((m) => m.ruleId && rules.has(m.ruleId) && rangesTouch(messageRange(m), at));
  if (hits.length === 0) return null;
  const l = outcome.locale;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of hits) {
    if (seen.has(m.ruleId!)) continue;
    seen.add(m.ruleId!);
    const meta = rules.get(m.ruleId!)!.meta;
    const lines = [`**${meta.id}** — ${pick(meta.docs.description, l)}`];
    if (meta.docs.legalBasis) lines.push(`${ui.legalBasis(l)}${t(LSP_TEXT, 'labelSeparator', l)}${pick(meta.docs.legalBasis, l)}`);
    if (hits.some((h) => h.ruleId === meta.id && h.fix)) lines.push(`_${ui.fixable(l)}_`);
    lines.push(`[${ui.docs(l)}](${ruleLink(rules.get(m.ruleId!)!, docsBaseUrl)})`);
    parts.push(lines.join('\n\n'));
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: messageRange(hits[0]) };
}
