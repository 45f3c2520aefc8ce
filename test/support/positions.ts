import { expect } from '@jest/globals';
import type { LintMessage } from '../../src/engine/types.js';
import { SourceText } from '../../src/model/source.js';

/** Every message's start (and end, when given) lies inside `text`, and the end is not before the start. */
export function expectInside(messages: LintMessage[], text: string): void {
  const src = new SourceText(text);
  for (const m of messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(src.lineCount);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(src.lineText(m.line).length + 1);
    if (m.endLine !== undefined && m.endColumn !== undefined) {
      expect(m.endLine).toBeLessThanOrEqual(src.lineCount);
      expect(m.endColumn).toBeLessThanOrEqual(src.lineText(m.endLine).length + 1);
      expect(src.offsetAt({ line: m.endLine, column: m.endColumn })).toBeGreaterThanOrEqual(src.offsetAt(m));
    }
  }
}
