#!/usr/bin/env node
/**
 * Realistic variants of correct reports (test/support/variants.ts: flattened web text, PDF-layout
 * text, paragraph-per-line HTML/.docx, converter Markdown), linted with the built gia-lint; prints
 * the errors and warnings each variant gets. A correct report must get no error in any shape.
 *
 *   npm run variants   (= npm run build && node scripts/variants.mjs [--write DIR] [--verbose])
 *
 * --real: instead, regenerate the committed real-conversion fixtures (test/fixtures/real-pdf/):
 * a generated .docx printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`) and
 * extracted by poppler's `pdftotext -layout` and plain `pdftotext`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileSupport } from './compile-support.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const writeAt = args.indexOf('--write');
/** The reports behind test/fixtures/real-pdf/ (test/variants.test.ts compares them with these). */
const REAL_BASES = [
  { year: 2024, seed: 1 },
  { year: 2020, seed: 2 },
];
const work = mkdtempSync(path.join(os.tmpdir(), 'gia-variants-'));
// The compiled generator imports 'docx' from the project's node_modules: compile inside the project.
const genOut = path.join(ROOT, 'node_modules/.cache/gia-variants');
try {
  const load = compileSupport(genOut, ['test/support/variants.ts']);
  const { VARIANT_KINDS, VARIANT_EXT, variantBytes } = await load('test/support/variants.ts');
  const { lintFiles } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  if (args.includes('--real')) {
    const { generateDocx } = await load('test/support/generate.ts');
    const out = path.join(ROOT, 'test/fixtures/real-pdf');
    mkdirSync(out, { recursive: true });
    for (const b of REAL_BASES) {
      const name = `${b.year}-s${b.seed}`;
      writeFileSync(path.join(work, `${name}.docx`), await generateDocx(b));
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, path.join(work, `${name}.docx`)], { stdio: 'ignore' });
      execFileSync('pdftotext', ['-layout', path.join(work, `${name}.pdf`), path.join(out, `${name}.layout.txt`)]);
      execFileSync('pdftotext', [path.join(work, `${name}.pdf`), path.join(out, `${name}.plain.txt`)]);
      console.log(`wrote ${name}.layout.txt, ${name}.plain.txt`);
    }
    process.exit(0);
  }
  const dir = writeAt !== -1 ? path.resolve(args[writeAt + 1]) : work;
  mkdirSync(dir, { recursive: true });
  const bases = [
    { year: 2024, seed: 1 },
    { year: 2022, seed: 8 },
    { year: 2020, seed: 2 },
    { year: 2025, seed: 11 },
  ];
  const files = [];
  for (const b of bases) {
    for (const kind of VARIANT_KINDS) {
      const file = path.join(dir, `${b.year}-s${b.seed}-${kind}.${VARIANT_EXT[kind]}`);
      writeFileSync(file, await variantBytes(kind, b));
      files.push({ file, kind, base: `${b.year}/s${b.seed}` });
    }
  }
  // The committed real conversions (LibreOffice → PDF → pdftotext) too.
  const realDir = path.join(ROOT, 'test/fixtures/real-pdf');
  for (const name of readdirSync(realDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    files.push({
      file: path.join(realDir, name),
      kind: name.replace(/^\d+-s\d+\./, 'real-').replace(/\.txt$/, ''),
      base: name.replace(/^(\d+)-s(\d+).*/, '$1/s$2'),
    });
  }
  const results = await lintFiles(files.map((f) => f.file));
  let errorsTotal = 0;
  console.log('variant                         errors  warnings');
  for (const f of files) {
    const r = results.find((x) => x.filePath === f.file);
    const errors = r.messages.filter((m) => m.severity === 2);
    const warnings = r.messages.filter((m) => m.severity === 1);
    errorsTotal += errors.length;
    console.log(`${`${f.base} ${f.kind}`.padEnd(32)}${String(errors.length).padStart(6)}${String(warnings.length).padStart(10)}`);
    if (verbose || errors.length)
      for (const m of [...errors, ...(verbose ? warnings : [])])
        console.log(`    ${m.severity === 2 ? 'E' : 'W'} ${m.line}:${m.column} ${m.ruleId} ${m.message.slice(0, 110)}`);
  }
  console.log(`${files.length} variants, ${errorsTotal} errors`);
  // The real seeds in the same shapes: each has findings of its own, so what counts is an error the
  // clean seed does not have (test/variants.test.ts fails on one).
  const { seedTsv, variantOfTsv } = await load('test/support/variants.ts');
  const seedDir = path.join(ROOT, 'test/seeds');
  console.log("\nseed variant                    errors  beyond the seed's own");
  let beyondTotal = 0;
  for (const name of readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const seedFile = path.join(seedDir, name);
    const [seedResult] = await lintFiles([seedFile]);
    const own = seedResult.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}/${m.messageId}`);
    const tsv = seedTsv(readFileSync(seedFile, 'utf8'));
    for (const kind of VARIANT_KINDS) {
      const file = path.join(dir, `seed-${name.slice(0, 3)}-${kind}.${VARIANT_EXT[kind]}`);
      writeFileSync(file, await variantOfTsv(kind, tsv));
      const [r] = await lintFiles([file]);
      const left = [...own];
      const beyond = r.messages
        .filter((m) => m.severity === 2)
        .filter((m) => {
          const at = left.indexOf(`${m.ruleId}/${m.messageId}`);
          if (at === -1) return true;
          left.splice(at, 1);
          return false;
        });
      beyondTotal += beyond.length;
      console.log(
        `${`${name.slice(0, 3)} ${kind}`.padEnd(32)}${String(r.messages.filter((m) => m.severity === 2).length).padStart(6)}${String(beyond.length).padStart(10)}`,
      );
      for (const m of beyond) console.log(`    E ${m.line}:${m.column} ${m.ruleId} ${m.message.slice(0, 110)}`);
    }
  }
  console.log(`seed variants: ${beyondTotal} errors beyond the seeds' own`);
  process.exitCode = errorsTotal ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
