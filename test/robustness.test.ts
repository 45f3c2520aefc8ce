/**
 * Bad input never crashes the engine: mutated real reports (lines deleted, duplicated, swapped,
 * truncated, separators sprinkled) and plain garbage are linted without an exception, and every
 * reported position lies inside the file.
 *
 * @unit-loop skip: hundreds of mutated real reports through every rule (robustness, not a unit) (`npm test` runs it).
 */
import { test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { verify } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';
import { expectInside } from './support/positions.js';
import type { ResolvedConfig } from '../src/engine/types.js';

const config: ResolvedConfig = {
  locale: 'zh-CN',
  rules: Object.fromEntries([...builtinRules.keys()].map((id) => [id, { severity: 2, options: {} }])),
};

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function mutate(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const ops = 1 + Math.floor(rnd() * 8);
  for (let k = 0; k < ops && lines.length > 1; k++) {
    const i = Math.floor(rnd() * lines.length);
    const j = Math.floor(rnd() * lines.length);
    switch (Math.floor(rnd() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[j]);
        break;
      case 2:
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      case 3:
        lines[i] = lines[i].slice(0, Math.floor(rnd() * lines[i].length));
        break;
      case 4:
        lines[i] = lines[i].replace(/ /g, () => (rnd() < 0.5 ? '\t' : ' | '));
        break;
      default:
        lines[i] = lines[i].replace(/\d/g, () => String(Math.floor(rnd() * 10)));
        break;
    }
  }
  return lines.join(rnd() < 0.2 ? '\r\n' : '\n');
}

function assertInside(text: string, file: string): void {
  expectInside(verify(text, { filePath: file, config, rules: builtinRules }).messages, text);
}

const seedsDir = new URL('./seeds/', import.meta.url).pathname;
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));

test('mutated real reports never throw and positions stay inside the file', () => {
  const rnd = prng(20261122);
  for (const f of seeds) {
    const text = readFileSync(seedsDir + f, 'utf8');
    for (let n = 0; n < 25; n++) {
      const mutated = mutate(text, rnd);
      assertInside(mutated, n % 2 ? 'x.md' : 'x.txt');
    }
  }
});

test('garbage, markup fragments and edge cases never throw', () => {
  const rnd = prng(7);
  const alphabet = '一二三、。（）()|\t\n 0123456789年月日统计期限至<table><tr><td>#*-费用未收取总计';
  const samples = ['', '\n\n\n', '<table>', '<table><tr><td rowspan="999999">x', '| | |\n|-|-|\n', '# ', '一、', '统计期限自2021年1月1日起至', '\u0000\u0001'];
  for (let n = 0; n < 200; n++) samples.push(Array.from({ length: Math.floor(rnd() * 400) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
  for (const [i, s] of samples.entries()) assertInside(s, i % 2 ? 'g.md' : 'g.txt');
});
