/**
 * A text's script is decided once: by the caller that reads it (prepareScript, which loads the
 * converter for a traditional text) and carried to the engine, or by the engine when no caller did.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { verify } from '../../src/engine/linter.js';
import { builtinRules } from '../../src/rules/index.js';
import { lintText } from '../../src/api.js';
import { prepareScript, scriptOf } from '../../src/model/script.js';
import { builtinConfig } from '../support/lint.js';

// A 2021 report in traditional characters without its part 六.
const TRADITIONAL = readFileSync(new URL('../cases/required-sections/traditional-script-missing-part.md', import.meta.url), 'utf8');
const SIMPLIFIED = readFileSync(new URL('../../examples/draft-2024.md', import.meta.url), 'utf8');

/** Read converted, its parts are found (part 一 among them); read as written, none is. */
const partOneFound = (messages: { ruleId: string | null; message: string }[]) =>
  !messages.some((m) => m.ruleId === 'required-sections' && m.message.includes('一、总体情况'));

describe("a text's script", () => {
  test('is decided by the scan of its characters', async () => {
    expect(scriptOf(TRADITIONAL)).toBe('traditional');
    expect(scriptOf(SIMPLIFIED)).toBe('simplified');
    expect(await prepareScript(TRADITIONAL)).toBe('traditional');
    expect(await prepareScript(SIMPLIFIED)).toBe('simplified');
  });

  test('as the caller decided it is what the engine reads by (it does not decide again)', () => {
    const lint = (script?: 'simplified' | 'traditional') =>
      verify(TRADITIONAL, { filePath: 'report.md', config: builtinConfig(), rules: builtinRules, script }).messages;
    // Undecided, the engine decides: traditional, read converted.
    expect(partOneFound(lint())).toBe(true);
    expect(partOneFound(lint('traditional'))).toBe(true);
    // Told 'simplified', the engine reads the characters as written: no part is recognized.
    expect(partOneFound(lint('simplified'))).toBe(false);
  });

  test('is decided by the asynchronous entry points and carried to the engine', async () => {
    expect(partOneFound((await lintText(TRADITIONAL, { filePath: 'report.md', useConfigFile: false })).messages)).toBe(true);
  });
});
