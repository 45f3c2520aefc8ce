import type { Block, Document, TableBlock, TableCell, TableRow } from '../model/document.js';
import { MappedText } from '../model/mapped-text.js';
import { SourceText } from '../model/source.js';
import { documentView, unreadable, wordParagraph, type BinaryFormat } from './descriptor.js';
import { trimMapped } from './html.js';

/**
 * .doc (Word 97–2003) and .wps (WPS Office): OLE compound files with a WordDocument stream.
 * word-extractor reads the container, the piece table (the text), deleted revisions and fields.
 * It finds table rows by the paragraph property "table terminating paragraph" (TTP), but misses
 * the row ends whose properties are stored out of line (sprmPHugePapx → the Data stream: Word and
 * LibreOffice do that for wide rows such as those of table 三) and misreads sprmTDefTable's
 * two-byte length; so the paragraph properties are read here (MS-DOC 2.9.177 PapxFkp, 2.6.1 Sprm)
 * to tell body paragraphs, paragraphs inside a cell, cell ends and row ends apart.
 *
 * The Document's source is the same kind of view as for .docx: one line per paragraph, every
 * paragraph of a table cell one line (an empty cell counts as one). Horizontally merged cells are
 * not known (that needs the row's cell grid), so tables are read by their labels ('tsv'), as
 * tab-separated text is.
 */

/** OLE compound file signature. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function looksLikeOle(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC);
}

/** Marks written into the piece text (same length as what they replace, so offsets hold). */
const ROW_END = '\uE000';
const CELL_END = '\uE001';
const CELL_PARAGRAPH_END = '\uE002';
/** The same marks of a table nested in a cell (table depth 2 and more). */
const INNER_ROW_END = '\uE003';
const INNER_CELL_END = '\uE004';
const INNER_CELL_PARAGRAPH_END = '\uE005';

/* The parts of word-extractor's (untyped) internals used here. */
interface Piece {
  text: string;
  startFilePos: number;
  endFilePos: number;
  bpc: number;
}
interface OleDocument {
  stream(name: string): unknown;
}
interface WordOleExtractor {
  _pieces: Piece[];
  extract(reader: unknown): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }>;
  extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown>;
  documentStream(document: OleDocument, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
}
type Ctor<T> = new (...args: never[]) => T;

let extractorClass: Promise<{ Extractor: Ctor<WordOleExtractor>; BufferReader: new (b: Buffer) => unknown }> | undefined;

/** Loaded lazily: only runs that meet a .doc pay for it. */
function loadExtractor() {
  extractorClass ??= (async () => {
    const [ole, reader, table] = await Promise.all([
      import('word-extractor/lib/word-ole-extractor.js'),
      import('word-extractor/lib/buffer-reader.js'),
      import('word-extractor/lib/ole-allocation-table.js'),
    ]);
    boundSectorChains(table.default as Ctor<{ _table: number[] }>);
    const Base = ole.default as Ctor<WordOleExtractor>;
    class Extractor extends Base {
      /** The Data stream, where paragraph properties too large for their page are kept. */
      data: Buffer = Buffer.alloc(0);

      override async extractWordDocument(document: OleDocument, buffer: Buffer): Promise<unknown> {
        try {
          this.data = await this.streamBuffer(await this.documentStream(document, 'Data'));
        } catch {
          this.data = Buffer.alloc(0); // no Data stream: every property is in its page
        }
        return super.extractWordDocument(document, buffer);
      }

      override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
        markTableParagraphs(this._pieces, buffer, tableBuffer, this.data);
      }
    }
    return { Extractor, BufferReader: reader.default as new (b: Buffer) => unknown };
  })();
  return extractorClass;
}

/**
 * word-extractor follows a sector chain until it ends or points at itself; a damaged file whose
 * chain loops through two sectors would grow an array until memory runs out. A chain visits each
 * sector at most once.
 */
function boundSectorChains(AllocationTable: Ctor<{ _table: number[] }>): void {
  const proto = AllocationTable.prototype as { getSecIdChain(start: number): number[]; _table: number[] };
  proto.getSecIdChain = function (this: { _table: number[] }, start: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id >= 0 && !seen.has(id); id = this._table[id] ?? -2) {
      seen.add(id);
      chain.push(id);
    }
    return chain;
  };
}

/**
 * Paragraph properties (PlcBtePapx → PapxFkp pages): paragraph ends inside a table become
 * CELL_PARAGRAPH_END, cell marks CELL_END, and the mark of a row's terminating paragraph ROW_END.
 */
function markTableParagraphs(pieces: Piece[], word: Buffer, table: Buffer, data: Buffer): void {
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  if (lcb < 12 || fc + lcb > table.length) return;
  const plc = table.subarray(fc, fc + lcb);
  const n = (lcb - 4) / 8;
  for (let i = 0; i < n; i++) {
    const pn = plc.readUInt32LE((n + 1) * 4 + i * 4) & 0x3fffff;
    if ((pn + 1) * 512 > word.length) continue;
    const page = word.subarray(pn * 512, (pn + 1) * 512);
    const crun = page[511];
    for (let j = 0; j < crun && (crun + 1) * 4 + j * 13 < 511; j++) {
      const end = page.readUInt32LE((j + 1) * 4);
      const props = paragraphProps(page, page[(crun + 1) * 4 + j * 13] * 2, data);
      if (!props.inTable) continue;
      const at = charAt(pieces, end);
      if (!at) continue;
      const mark = at.piece.text[at.index];
      if (mark !== '\x07' && mark !== '\r') continue;
      // A nested table's cell and row ends are paragraph marks flagged as such (MS-DOC sprmPFInnerTableCell,
      // sprmPFInnerTTp); a table nested deeper still is read as paragraphs of its cell.
      const replacement =
        props.depth >= 2
          ? props.depth === 2 && props.innerTtp
            ? INNER_ROW_END
            : props.depth === 2 && props.innerCell
              ? INNER_CELL_END
              : INNER_CELL_PARAGRAPH_END
          : mark === '\x07'
            ? props.ttp
              ? ROW_END
              : CELL_END
            : CELL_PARAGRAPH_END;
      at.piece.text = at.piece.text.slice(0, at.index) + replacement + at.piece.text.slice(at.index + 1);
    }
  }
  // Word's soft line break stays inside its paragraph (as in .docx), a page break is no text.
  for (const p of pieces) p.text = p.text.replace(/\x0b/g, ' ').replace(/\x0c/g, '\x00');
}

/** The piece character just before file position `end` (a paragraph's last character: its mark). */
function charAt(pieces: Piece[], end: number): { piece: Piece; index: number } | undefined {
  for (const piece of pieces) {
    const pos = end - piece.bpc;
    if (pos >= piece.startFilePos && pos < piece.endFilePos) {
      const index = (pos - piece.startFilePos) / piece.bpc;
      return Number.isInteger(index) && index < piece.text.length ? { piece, index } : undefined;
    }
  }
  return undefined;
}

const SPRM_IN_TABLE = 0x2416;
const SPRM_TTP = 0x2417;
const SPRM_INNER_CELL = 0x244b;
const SPRM_INNER_TTP = 0x244c;
const SPRM_TABLE_DEPTH = 0x6649;
const SPRM_HUGE_PAPX = 0x6646;
const SPRM_DEF_TABLE = 0xd608;
const SPRM_CHG_TABS = 0xc615;

interface ParagraphProps {
  inTable: boolean;
  /** Ends a row of a top-level table. */
  ttp: boolean;
  /** Table depth (sprmPItap): 1 in a table, 2 in a table nested in one of its cells, … */
  depth: number;
  /** Ends a cell / a row of a nested table. */
  innerCell: boolean;
  innerTtp: boolean;
}

/** PapxInFkp at `offset` of an FKP page: in a table? at which depth? the end of a cell or row? */
function paragraphProps(page: Buffer, offset: number, data: Buffer): ParagraphProps {
  const out: ParagraphProps = { inTable: false, ttp: false, depth: 0, innerCell: false, innerTtp: false };
  if (offset === 0 || offset >= 511) return out; // no properties: a plain body paragraph
  const cb = page[offset];
  const start = cb === 0 ? offset + 2 : offset + 1;
  const size = cb === 0 ? 2 * page[offset + 1] : 2 * cb - 1;
  const grpprl = page.subarray(start, Math.min(start + size, 511));
  const read = (sprm: number, at: number, buf: Buffer) => {
    if (sprm === SPRM_IN_TABLE) out.inTable = buf[at] === 1;
    else if (sprm === SPRM_TTP) out.ttp = buf[at] === 1;
    else if (sprm === SPRM_INNER_CELL) out.innerCell = buf[at] === 1;
    else if (sprm === SPRM_INNER_TTP) out.innerTtp = buf[at] === 1;
    else if (sprm === SPRM_TABLE_DEPTH && at + 4 <= buf.length) out.depth = buf.readInt32LE(at);
  };
  // Skip the style index (istd, two bytes).
  walkSprms(grpprl, 2, (sprm, at, buf) => {
    if (sprm === SPRM_HUGE_PAPX && at + 4 <= buf.length) {
      // The properties live in the Data stream: a two-byte size, then the sprms.
      const fc = buf.readUInt32LE(at);
      if (fc + 2 > data.length) return;
      const len = data.readUInt16LE(fc);
      walkSprms(data.subarray(fc + 2, Math.min(fc + 2 + len, data.length)), 0, read);
    } else read(sprm, at, buf);
  });
  if (out.inTable && out.depth < 1) out.depth = 1;
  return out;
}

/** Operand sizes by spra (bits 13–15 of a sprm); 6 is variable. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, 0, 3];

function walkSprms(buf: Buffer, offset: number, visit: (sprm: number, at: number, buf: Buffer) => void): void {
  let at = offset;
  while (at + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    const spra = sprm >> 13;
    let size = OPERAND_SIZE[spra];
    if (spra === 6) {
      if (at >= buf.length) return;
      // sprmTDefTable: a two-byte count of the bytes after it, plus one; sprmPChgTabs: 255 means "read on".
      if (sprm === SPRM_DEF_TABLE) size = at + 2 <= buf.length ? buf.readUInt16LE(at) + 1 : buf.length;
      else if (sprm === SPRM_CHG_TABS && buf[at] === 255) return;
      else size = buf[at] + 1;
    }
    visit(sprm, at, buf);
    at += size;
  }
}

const TABLE_MARK = new RegExp(`[${ROW_END}${CELL_END}${CELL_PARAGRAPH_END}]`, 'g');
const INNER_MARK = new RegExp(`[${INNER_ROW_END}${INNER_CELL_END}${INNER_CELL_PARAGRAPH_END}]`);
const INNER_MARKS = new RegExp(`[${INNER_ROW_END}${INNER_CELL_END}${INNER_CELL_PARAGRAPH_END}]`, 'g');
const OUTER_OF_INNER: Record<string, string> = { [INNER_ROW_END]: ROW_END, [INNER_CELL_END]: CELL_END, [INNER_CELL_PARAGRAPH_END]: CELL_PARAGRAPH_END };

/**
 * A table that holds another table is page layout, not data (as in HTML: a web page saved as .doc
 * keeps the page's layout table around the article, with the report's tables nested in its cell):
 * its cells' paragraphs are body paragraphs and the tables nested in them are the tables. Every
 * other table's nested marks (none in a report's own tables) are read as paragraphs of their cell.
 * Marks are one character for one, so offsets hold.
 */
function unwrapLayoutTables(body: string): string {
  if (!INNER_MARK.test(body)) return body;
  // Between two body paragraph ends stands one table run (its paragraph ends are all marks).
  return body
    .split('\n')
    .map((run) =>
      INNER_MARK.test(run) && TABLE_MARK.test(run)
        ? run.replace(TABLE_MARK, '\n').replace(INNER_MARKS, (m) => OUTER_OF_INNER[m])
        : run.replace(INNER_MARKS, CELL_PARAGRAPH_END),
    )
    .join('\n');
}

/** The text of a Word 97–2003 body with the marks above → view and blocks. */
export function wordTextToDocument(markedBody: string, formatId: string): { document: Document; lostRows: boolean } {
  const body = unwrapLayoutTables(markedBody);
  let view = '';
  const blocks: Block[] = [];
  let lostRows = false;
  let paragraph = '';
  let cellLines: { start: number; end: number }[] = [];
  let cells: TableCell[] = [];
  let rowStart = -1;
  let table: TableBlock | undefined;

  const line = (text: string) => {
    const start = view.length;
    view += `${text.replace(/[\r\n]/g, ' ')}\n`;
    return { start, end: start + text.length };
  };
  const endTable = () => {
    if (cells.length || cellLines.length) lostRows = true; // cells without their row's end
    cells = [];
    cellLines = [];
    table = undefined;
  };

  for (const ch of body) {
    if (ch === '\n') {
      if (table || cells.length) endTable();
      const at = line(paragraph);
      const content = trimMapped(MappedText.verbatim(view, at.start, at.end));
      if (content.text) blocks.push({ kind: 'paragraph', content, span: at });
      paragraph = '';
    } else if (ch === CELL_PARAGRAPH_END || ch === CELL_END) {
      const at = line(paragraph);
      if (rowStart < 0) rowStart = at.start;
      cellLines.push(at);
      paragraph = '';
      if (ch === CELL_END) {
        cells.push(cellOf(view, cellLines));
        cellLines = [];
      }
    } else if (ch === ROW_END) {
      if (cellLines.length) lostRows = true;
      const row: TableRow = { cells, span: { start: rowStart < 0 ? view.length : rowStart, end: Math.max(rowStart, view.length - 1) } };
      if (!table) {
        table = { kind: 'table', syntax: 'tsv', rows: [], span: { ...row.span } };
        blocks.push(table);
      }
      table.rows.push(row);
      table.span.end = row.span.end;
      cells = [];
      cellLines = [];
      rowStart = -1;
      paragraph = '';
    } else {
      paragraph += ch;
    }
  }
  if (paragraph) {
    const at = line(paragraph);
    const content = trimMapped(MappedText.verbatim(view, at.start, at.end));
    if (content.text) blocks.push({ kind: 'paragraph', content, span: at });
  }
  if (cells.length || cellLines.length) lostRows = true;
  return { document: { format: formatId, source: new SourceText(view), blocks }, lostRows };
}

/** A cell from its paragraphs' lines: the text joined by spaces, as the .docx processor does. */
function cellOf(view: string, lines: { start: number; end: number }[]): TableCell {
  const parts: MappedText[] = [];
  for (const l of lines) {
    if (parts.length) parts.push(new MappedText(' ', [l.start, l.start]));
    parts.push(MappedText.verbatim(view, l.start, l.end));
  }
  const text = trimMapped(MappedText.concat(parts));
  const span = text.text ? text.span : { start: lines[0].start, end: lines[0].start };
  return { text: text.text, span, rowSpan: 1, colSpan: 1 };
}

export type DocResult = { ok: true; document: Document } | { ok: false; detail: string; tables?: true };

/** Word 97–2003 / WPS bytes → Document. */
export async function parseWordBinary(buf: Buffer, formatId: string): Promise<DocResult> {
  if (!looksLikeOle(buf)) return { ok: false, detail: 'not an OLE compound file' };
  const { Extractor, BufferReader } = await loadExtractor();
  let body: string;
  try {
    const doc = await new Extractor().extract(new BufferReader(buf));
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    // Reading past the end of a buffer (a truncated or damaged file) says nothing useful to a person.
    const detail =
      e instanceof RangeError || (e as { code?: string }).code === 'ERR_OUT_OF_RANGE'
        ? 'truncated or damaged'
        : (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { ok: false, detail };
  }
  const { document, lostRows } = wordTextToDocument(body, formatId);
  // Cells whose rows cannot be found would be read as prose and tables reported missing: refuse instead.
  if (lostRows) return { ok: false, detail: 'table rows cannot be read', tables: true };
  return { ok: true, document };
}

const WORD = { 'zh-CN': 'Word', en: 'Word' };

function wordBinaryFormat(id: string, extension: string, name: string, readsNote: string): BinaryFormat {
  const format: BinaryFormat = {
    id,
    name: { 'zh-CN': name, en: name },
    extensions: [extension],
    binary: true,
    sniff: looksLikeOle,
    async parse(bytes) {
      const r = await parseWordBinary(bytes, id);
      if (r.ok) return r;
      if (r.tables) {
        return {
          ok: false,
          message: {
            'zh-CN': `无法读取 ${extension} 文件中表格的行，未检查该文件；请在 Word 或 WPS 中另存为 .docx 后再检查`,
            en: `The table rows of this ${extension} file cannot be read, so it was not checked; save it as .docx in Word or WPS and check that`,
          },
        };
      }
      return { ok: false, message: unreadable(extension, WORD, r.detail) };
    },
    position: wordParagraph,
    ...documentView,
    fixes: 'manual',
    readme: {
      reads: `paragraphs and tables (rows and cells; merged cells are read by their labels, as tab-separated text is; a table holding tables — a saved web page's layout — is read as the paragraphs and tables in its cells) via word-extractor${readsNote}`,
      positions: "as for `.docx`: **line = paragraph number**, **column = 1 + offset in that paragraph's text**",
    },
  };
  return format;
}

export const docFormat = wordBinaryFormat('doc', '.doc', 'Word 97–2003 (.doc)', '');
export const wpsFormat = wordBinaryFormat('wps', '.wps', 'WPS (.wps)', '; a WPS Office file is the same OLE container with a WordDocument stream');
