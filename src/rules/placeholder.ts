import type { Rule, RuleContext } from '../engine/types.js';
import type { Report } from '../model/report.js';
import type { Span } from '../model/source.js';
import { formatOf } from '../formats/index.js';
import { docsUrl } from './shared/docs.js';

/**
 * Draft leftovers: XX / ×× / ＸＸ standing for a number or a name, 【待填】/[待补充] markers,
 * TODO/FIXME/TBD, 某某. Found in the original text of the report (tables included), outside
 * URLs, e-mail addresses, HTML tags and comments. Not fixable: only the author knows what belongs
 * there, and deleting the marker would hide the gap. A count whose number was left out altogether
 * ("共主动公开条", read in src/model/claims.ts) is the same gap without a marker: a warning.
 */

/** Characters that make an X part of an ASCII word, number, URL or identifier ("xxgk", "1137…K/2021-"). */
const ASCII_NEIGHBOUR = /[A-Za-z0-9_./\\:@%#=&?+-]/;
const X = '[XxＸｘ×✕╳]';
/** Units after which a single X is a number slot ("X件", "X月X日"). */
const UNIT = '(?:件|条|个|次|项|篇|期|场|人|名|家|份|万|元|%|％|年|月|日|届|批|类|天)';

const PATTERNS: { re: RegExp; word?: boolean }[] = [
  // Two or more X's: "XX市", "共××件", "ＸＸ局". Checked for ASCII neighbours below.
  { re: new RegExp(`${X}{2,}`, 'g'), word: true },
  // A year written "20XX年", or with only its last digit left open ("202X年", "202X 年": the X beside digits is
  // no number slot for the single-X pattern below, which skips X's in numbers).
  { re: new RegExp(`(?<![0-9０-９])(?:19|20)(?:[0-9]${X}|${X}{2}) ?年`, 'g') },
  // One X in a number slot ("收到申请X件", "X月X日"), not in an ASCII word ("X光" has no unit after it).
  { re: new RegExp(`[XＸ×](?=${UNIT})`, 'g'), word: true },
  // A telephone number never filled in: "XXXX-XXXXXXX", "0000-0000000" (area code and number all
  // X or all 0). Partly masked numbers ("138****1234") are privacy masking, not gaps.
  { re: /(?<![A-Za-z0-9])(?:[XxＸｘ×]{3,4}|0{3,4})[-－—](?:[XxＸｘ×]{7,8}|0{7,8})(?![A-Za-z0-9])/g },
  // Bracketed to-do markers: 【待填】 [待补充] 〔待定〕 （此处填写…）.
  {
    // redos-safe: the only unbounded part is one \s* after an opening bracket; gaps are at most 12
    // characters (recheck times out proving it; 400,000-character attacks run in under 100 ms).
    re: /[【\[［〔（(]\s*(?:待(?:填写?|补充?|完善|核实|核准|确认|定|更新|录入|修改|审核)|请(?:填写|补充|核实)|此处[^】\]］〕）)\n]{0,12}|填写[^】\]］〕）)\n]{0,12})\s*[】\]］〕）)]/g,
  },
  // An empty slot left for a value: empty 【】, or empty parentheses or a run of underscores before
  // a unit ("共收到申请（  ）件", "主动公开____条"). Not an empty 〔〕: a CMS's 文号 field prints "无〔〕号".
  { re: /【[ \u3000]*】/g },
  {
    // redos-safe: a match starts only at an opening parenthesis or at the start of a run of
    // underscores (the lookbehind), so each run is scanned once; recheck flags it, its attack
    // ('()' × 400,000 + '家') and 800,000 underscores run in under 10 ms.
    re: new RegExp(`(?:[（(][ \u3000]*[）)]|(?<![_＿])[_＿]{2,})(?= ?${UNIT})`, 'g'),
  },
  // Editor notes ("TODO:" included; "todo" in a URL is lower case).
  { re: /(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])/g },
  // 某某 standing for a name (not "张某某", an anonymized person; not inside quotation marks).
  { re: /某某+/g },
];

/** Common surnames: "王某某" anonymizes a person, as court and complaint texts do. */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);

const rule: Rule = {
  meta: {
    id: 'placeholder',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        'draft leftovers: XX / ×× / ＸＸ, 20XX年, X件, 【待填】/ [待补充], TODO, 某某 — not in URLs, IDs, ASCII words, 王某某 or quotations; a count with no number at all (共主动公开条, 收到申请件) is a warning; no fix',
      configComment: ['草稿占位符（XX、××、【待填】、TODO、某某）及没有数字的计数（“共主动公开条”，警告）；allow: 本机关确实使用、含 X 的词语。'],
      description: {
        'zh-CN': '报告中不得残留草稿占位符（XX、××、【待填】、TODO、某某等）',
        en: 'No draft placeholders (XX, ××, 【待填】, TODO, 某某 …) may remain in the report',
      },
      url: docsUrl('placeholder'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号（发布内容不准确、不全面的，依《条例》第四十七条追责）',
        en: '国办公开办函〔2021〕30号 (inaccurate or incomplete reports; Regulations on Open Government Information, art. 47)',
      },
    },
    schema: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] },
    messages: {
      placeholder: {
        'zh-CN': '草稿占位符「{{found}}」尚未替换为实际内容',
        en: 'The draft placeholder "{{found}}" has not been replaced with the actual content',
      },
      blankCount: {
        'zh-CN': '「{{found}}」没有数字：计数的量词前缺少数量（草稿中留空后未填写；没有的应写 0）',
        en: '"{{found}}" has no number: the count before the measure word was left blank in the draft and never filled in (write 0 for none)',
      },
    },
  },
  check(report, context) {
    const allow = (context.options.allow as string[] | undefined) ?? [];
    const hits: Span[] = [];
    for (const seg of segments(report, context)) {
      const t = seg.text;
      // Found at the first candidate only: most texts have none, and the search runs over the whole report.
      let excluded: [number, number][] | undefined;
      const excludedSpans = (): [number, number][] => {
        if (excluded) return excluded;
        excluded = excludedRanges(t);
        // Wording the organ uses on purpose ("XX助企行"): placeholders inside it are not gaps.
        for (const a of allow) for (let i = t.indexOf(a); i !== -1; i = t.indexOf(a, i + 1)) excluded.push([i, i + a.length]);
        return excluded;
      };
      for (const { re, word } of PATTERNS) {
        for (const m of t.matchAll(re)) {
          const s = m.index;
          const e = s + m[0].length;
          if (excludedSpans().some(([a, b]) => s < b && e > a)) continue;
          if (word && (ASCII_NEIGHBOUR.test(t[s - 1] ?? '') || ASCII_NEIGHBOUR.test(t[e] ?? ''))) continue;
          if (m[0].startsWith('某') && (SURNAMES.has(t[s - 1] ?? '') || insideQuotes(t, s))) continue;
          hits.push(seg.spanOf(s, e));
        }
      }
    }
    const found = merge(hits, context.text);
    for (const span of found) {
      context.report({ messageId: 'placeholder', data: { found: context.text.slice(span.start, span.end) }, span });
    }
    // A count with its number left out ("共收到申请件"): a gap too, but read from wording, so a warning
    // (not again where a marked slot was reported: "共收到申请【】件").
    for (const blank of report.blankCounts) {
      if (found.some((f) => f.start < blank.span.end && f.end > blank.span.start)) continue;
      context.report({ messageId: 'blankCount', data: { found: context.quote(blank.span) ?? blank.text }, span: blank.span, severity: 'warn' });
    }
  },
};

interface Segment {
  text: string;
  spanOf(from: number, to: number): Span;
}

/**
 * The text to search. Markdown and plain text: the report's source as written (tables included).
 * HTML and .docx: the processor's blocks and cells, so that scripts, attributes and page chrome
 * the processor dropped are not searched.
 */
function segments(report: Report, context: RuleContext): Segment[] {
  const { start, end } = report.span;
  if (formatOf(context.document).reading === 'source') {
    return [{ text: context.text.slice(start, end), spanOf: (f, t) => ({ start: start + f, end: start + t }) }];
  }
  const out: Segment[] = [];
  for (const b of context.document.blocks) {
    if (b.span.start < start || b.span.start >= end) continue;
    if (b.kind !== 'table') {
      out.push({ text: b.content.text, spanOf: (f, t) => b.content.spanOf(f, t) });
      continue;
    }
    for (const cell of b.rows.flatMap((r) => r.cells)) {
      const at = context.text.slice(cell.span.start, cell.span.end).indexOf(cell.text);
      out.push({
        text: cell.text,
        spanOf: (f, t) => (at === -1 || !cell.text ? cell.span : { start: cell.span.start + at + f, end: cell.span.start + at + t }),
      });
    }
  }
  return out;
}

/** URLs, e-mail addresses, HTML comments and tags, Markdown link targets: X's there are not placeholders. */
function excludedRanges(s: string): [number, number][] {
  const out: [number, number][] = [];
  // Bounded, and anchored where a match can start, so that a long run of letters stays linear.
  const res = [
    /<\/?[A-Za-z][^<>\n]{0,2000}>/g,
    /\]\([^()[\]\s]{0,2000}\)/g,
    /(?:https?:\/\/|www\.)[^\s，。；、）)》」”<>\]]{1,2000}/gi,
    /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g,
  ];
  for (const re of res) for (const m of s.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  // HTML comments (gia-lint directives among them), found with indexOf: linear however many "<!--".
  for (let i = s.indexOf('<!--'); i !== -1;) {
    const close = s.indexOf('-->', i + 4);
    if (close === -1) break;
    out.push([i, close + 3]);
    i = s.indexOf('<!--', close + 3);
  }
  return out;
}

/** Inside a “…” or 「…」 quotation on the same line (a quoted example wording, not a gap in the draft). */
function insideQuotes(s: string, at: number): boolean {
  const lineStart = s.lastIndexOf('\n', at) + 1;
  let lineEnd = s.indexOf('\n', at);
  if (lineEnd === -1) lineEnd = s.length;
  const before = s.slice(lineStart, at);
  const after = s.slice(at, lineEnd);
  const open = (o: string, c: string) => before.lastIndexOf(o) > before.lastIndexOf(c) && after.includes(c);
  return open('“', '”') || open('「', '」');
}

/** Placeholders close together in one phrase ("XX年XX月XX日") are one finding; table cells and punctuated items stay apart. */
function merge(spans: Span[], text: string): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end + 3 && !/[\s|，。；、,;（）()]/.test(text.slice(last.end, s.start))) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export default rule;
