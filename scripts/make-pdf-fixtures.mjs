#!/usr/bin/env node
/**
 * Regenerate the PDF fixtures in test/fixtures/pdf/ (committed; CI does not run this):
 *
 *   node scripts/make-pdf-fixtures.mjs
 *
 * - word-2024.docx → word-2024.pdf: a generated report as Word writes it (test/support/generate.ts),
 *   with the official table 三's label columns made narrow as in the template, so its vertical
 *   label 三、本年度办理结果 is set one character per line, row labels wrap inside their cells
 *   and the table runs over a page break (rows broken across the page included). Converted by
 *   LibreOffice (`soffice --headless --convert-to pdf`). Two defects are planted (a row total off
 *   by one, the statistics period of the wrong year) so the findings are worth comparing.
 * - web-2023.html → web-2023.pdf: the article of a portal page, printed by headless Chromium with
 *   its running header (date, title) and footer (address, page x/y); table 四's 行政复议
 *   total is off by one.
 * - scan.pdf: a page of word-2024.pdf as a picture only (no text layer), as a scanner makes it.
 * - image-table-2023.pdf: the portal article with table 三 replaced by a picture of a table.
 *
 * Needs soffice (libreoffice-writer), chromium and pdftoppm (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { compileSupport } from './compile-support.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'test/fixtures/pdf');
const work = mkdtempSync(path.join(os.tmpdir(), 'gia-pdf-fixtures-'));
const log = (s) => process.stderr.write(`${s}\n`);

try {
  mkdirSync(OUT, { recursive: true });
  // Compiled inside the project so that the generator's imports (docx) resolve from node_modules.
  const genOut = path.join(ROOT, 'node_modules/.cache/gia-pdf-fixtures');
  const load = compileSupport(genOut, ['test/support/generate.ts']);
  const { generateDocx, generateReport, generateModel } = await load('test/support/generate.ts');

  // ---- Word → LibreOffice PDF
  const word = { year: 2024, seed: 3 };
  const m = generateModel({ ...word, format: 'md' });
  const docx = await generateDocx({
    ...word,
    tamper: { applications: { newReceived: { total: m.applications.newReceived.total + 1 } } },
    edits: [
      ['2024年1月1日', '2023年1月1日'],
      ['2024年12月31日', '2023年12月31日'],
    ],
  });
  writeFileSync(path.join(OUT, 'word-2024.docx'), await narrowLabelColumns(docx));
  soffice(path.join(OUT, 'word-2024.docx'));

  // ---- portal page → Chromium PDF (running header and footer on)
  const web = { year: 2023, seed: 5 };
  const page = generateReport({
    ...web,
    format: 'html',
    review: { 'review.upheld': 2, 'review.corrected': 1 },
    tamper: { review: { 'review.total': 4 } },
  });
  writeFileSync(path.join(OUT, 'web-2023.html'), articleOnly(page));
  chromium(path.join(OUT, 'web-2023.html'), path.join(OUT, 'web-2023.pdf'), true);

  // ---- a scan: page 1 of the Word PDF as a grey picture, no text
  execFileSync('pdftoppm', ['-r', '45', '-gray', '-png', '-f', '1', '-l', '1', path.join(OUT, 'word-2024.pdf'), path.join(work, 'scan')]);
  const png = readFileSync(path.join(work, 'scan-1.png')).toString('base64');
  writeFileSync(
    path.join(work, 'scan.html'),
    `<!DOCTYPE html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png}"></body></html>`,
  );
  chromium(path.join(work, 'scan.html'), path.join(OUT, 'scan.pdf'), false);

  // ---- a text PDF whose table 三 is a picture (a screenshot of the Word table, pasted in)
  execFileSync('pdftoppm', ['-r', '40', '-gray', '-png', '-f', '2', '-l', '2', path.join(OUT, 'word-2024.pdf'), path.join(work, 'table')]);
  const shot = readFileSync(path.join(work, 'table-2.png')).toString('base64');
  const article = articleOnly(generateReport({ year: 2023, seed: 5, format: 'html' }));
  const withPicture = article.replace(
    /<table[^>]*>(?:(?!<\/table>)[\s\S])*?本年新收(?:(?!<\/table>)[\s\S])*<\/table>/,
    `<p><img style="width:80%" src="data:image/png;base64,${shot}"></p>`,
  );
  if (withPicture === article) throw new Error('table 三 not found in the generated page');
  writeFileSync(path.join(work, 'image-table.html'), withPicture);
  chromium(path.join(work, 'image-table.html'), path.join(OUT, 'image-table-2023.pdf'), false);

  for (const f of ['word-2024.docx', 'word-2024.pdf', 'web-2023.html', 'web-2023.pdf', 'scan.pdf', 'image-table-2023.pdf'])
    log(`${f}\t${Math.round(statSync(path.join(OUT, f)).size / 1024)} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * The generator's Word tables have equal columns. Give table 三 (ten grid columns) the official
 * template's shape: two narrow label columns and a wide sub-label column.
 */
async function narrowLabelColumns(buf) {
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('word/document.xml').async('string');
  xml = xml.replace(/<w:tblGrid>((?:<w:gridCol w:w="\d+"\/>){10})<\/w:tblGrid>/, () => {
    const widths = [420, 820, 2300, 760, 760, 760, 760, 760, 760, 760];
    return `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function soffice(file) {
  const profile = path.join(work, 'lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file], {
    stdio: 'ignore',
  });
}

function chromium(htmlFile, pdfFile, headerFooter) {
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${path.join(work, 'chrome')}`,
      ...(headerFooter ? [] : ['--no-pdf-header-footer']),
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ],
    { stdio: 'ignore' },
  );
}

/** The article of a generated portal page (title, body, tables), as a reader prints it from the site. */
function articleOnly(html) {
  const head = html.slice(0, html.indexOf('</head>'));
  const start = html.indexOf('<div id="zoom"');
  const end = html.indexOf('<div class="tools">');
  // No synthetic bold: Chromium would draw every bold CJK glyph as a Type 3 outline, ten times the size.
  const style = '<style>* { font-synthesis: none; }</style>';
  return `${head.replace(/<script[\s\S]*?<\/script>/g, '')}${style}\n</head>\n<body>\n${html.slice(start, end)}</body>\n</html>\n`;
}
