import type { Document } from '../model/document.js';
import { formatOf, type FormatDescriptor } from '../formats/index.js';
import type { Report } from '../model/report.js';
import type { Span } from '../model/source.js';
import { isPageToolsOnly, PAGE_TOOL_WORDS } from '../model/page-tools.js';
import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';
import { joinList } from '../i18n/locales.js';

/**
 * Page chrome copied from a government website into the report: the font-size switcher (字号 大 中
 * 小), "扫码使用手机浏览本页内容", view counters, share buttons, 当前位置 breadcrumbs, the 索引号 /
 * 发布单位 / 成文日期 header of a CMS article, media-player controls, site footers, pasted link
 * lists and raw list HTML. Lines of chrome that follow each other (blank lines, and one short
 * title line between two of them, included) are ONE finding: a pasted article header is one
 * thing to delete, not sixteen.
 *
 * Blocks are found over the whole file once; a block belongs to the report its first line is in,
 * so chrome between two reports of a multi-report page is reported once, by the earlier report.
 */

type Kind = 'fontSize' | 'qrCode' | 'hits' | 'share' | 'breadcrumb' | 'metadata' | 'media' | 'html' | 'footer' | 'pageTools' | 'listing' | 'attachment';

const KIND_NAMES: Record<Kind, { 'zh-CN': string; en: string }> = {
  fontSize: { 'zh-CN': '字号 大 中 小', en: 'font-size switcher' },
  qrCode: { 'zh-CN': '扫码浏览提示', en: '"scan to read on a phone" prompt' },
  hits: { 'zh-CN': '点击次数', en: 'view counter' },
  share: { 'zh-CN': '分享按钮', en: 'share buttons' },
  breadcrumb: { 'zh-CN': '当前位置导航', en: 'breadcrumb trail' },
  metadata: { 'zh-CN': '索引号等文章信息栏', en: 'article metadata (索引号, 发布单位, 成文日期 …)' },
  media: { 'zh-CN': '音视频播放器控件', en: 'media player controls' },
  html: { 'zh-CN': 'HTML 标签', en: 'raw HTML tags' },
  footer: { 'zh-CN': '网站页脚', en: 'site footer' },
  pageTools: { 'zh-CN': '打印/关闭按钮', en: 'print/close buttons' },
  listing: { 'zh-CN': '网页信息列表', en: 'pasted list of page links' },
  attachment: { 'zh-CN': '附件链接', en: 'attachment link' },
};

interface LineHit {
  kinds: Kind[];
  /** Strong: chrome by itself. Weak: chrome only beside a strong line (a 来源: line, a file name). */
  strong: boolean;
  /** Offsets within the line of the chrome part (a prefix such as "大 中 小" glued to the text). */
  from: number;
  to: number;
}

const META_STRONG = /^(?:索引号|成文日期|发文日期|生成日期|有效性(?:\/截止日期)?|公开方式|公开范围|内容分类|主题分类|体裁分类|公文种类)\s*[:：]/;
const META_WEAK = /^(?:发布单位|发布机构|发文机关|发文字号|文号|文章来源|信息来源|来源|作者|编辑|责任编辑|发布时间|发文时间|发布日期|时间|日期|标题)\s*[:：]/;
const TIMESTAMP = /\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

/** The font-size switcher, possibly repeated ("大 中 小大 中 小"); sticky, so a long line stays linear. */
const FONT = /(?:【?\s*字[号体]\s*(?:[:：]\s*)?大\s*中\s*小(?:\s*】)?|大\s+中\s+小)\s*/y;
/** The switcher's label alone on its line ("字号：", "【字体】"). */
const FONT_LABEL = /^【?\s*字[号体]\s*(?:[:：]\s*)?】?$/;
/** Page chrome is short; longer lines are report text and skip the per-line chrome patterns. */
const MAX_CHROME_LINE = 1000;

function classify(raw: string, markup: FormatDescriptor['markup']): LineHit | undefined {
  const line = raw.trimEnd();
  const t = line.trimStart();
  const lead = line.length - t.length;
  if (!t) return undefined;
  // 字号：大 中 小 — alone, or glued in front of the next paragraph ("大 中 小2023年以来，…").
  if (FONT_LABEL.test(t)) return { kinds: ['fontSize'], strong: true, from: lead, to: line.length };
  let at = 0;
  for (FONT.lastIndex = 0; FONT.exec(t);) at = FONT.lastIndex;
  if (at === 0) return classifyOther(t, lead, line.length, markup);
  // The switcher is often glued to more chrome ("大 中 小扫码使用手机浏览本页内容"): then the whole line is chrome.
  const rest = classifyOther(t.slice(at), lead + at, line.length, markup);
  if (at === t.length || (rest && rest.from === lead + at && rest.to === line.length)) {
    return { kinds: ['fontSize', ...(rest?.kinds ?? [])], strong: true, from: lead, to: line.length };
  }
  return { kinds: ['fontSize'], strong: true, from: lead, to: lead + t.slice(0, at).trimEnd().length };
}

/** Tags that are an artifact in Markdown (which allows a few inline) and in the other formats. */
const LIST_TAGS_MARKDOWN = /<\/?(?:ul|ol|li|script|style|iframe|nav|font)\b[^<>]{0,500}>/i;
const LIST_TAGS = /<\/?(?:ul|ol|li|div|span|p|a|img|br|script|style|iframe|nav|font|table|tr|td|th|tbody)\b[^<>]{0,500}>/i;
// The line's patterns, made once (a regular expression literal is a new object each time it is evaluated).
const QR_CODE = /扫码使用手机浏览|扫一扫在手机(?:上)?打开|手机扫(?:一扫|码)(?:浏览|阅读|打开)|用手机扫描二维码/;
// The counter alone, or opening an article's info bar ("浏览次数：1203 来源：本站 发布时间：…").
const HITS =
  /^(?:点击(?:次数|数|量)|浏览(?:次数|量)|访问(?:次数|量)|阅读(?:次数|量))\s*[:：]\s*(?:\d+\s*)?(?:$|(?:来源|信息来源|文章来源|发布时间|发布日期|作者|编辑|责任编辑|时间|日期)\s*[:：])/;
/** A view counter among an info bar's fields ("来源：本站 浏览次数：1203"): the line is the page's, not the report's. */
const HITS_FIELD = /(?:点击|浏览|访问|阅读)(?:次数|量)\s*[:：]/;
const SHARE = /^分享到? ?(?:[:：] ?)?(?:(?:微信|微博|QQ空间|QQ|朋友圈|豆瓣) ?)*$/;
// redos-safe: gaps bounded to 200 and 30 characters on a line of at most MAX_CHROME_LINE characters (recheck times out proving it).
const BREADCRUMB = /(?:当前位置|您(?:现在)?的?位置|所在位置)\s*\]?(?:\([^()]{0,200}\))?\s*[:：]?.{0,30}(?:首页|[>＞»›])/;
// redos-safe: a gap bounded to 200 characters on a line of at most MAX_CHROME_LINE characters (recheck times out proving it).
const HOME_BREADCRUMB = /^\[?首页\]?(?:\([^()]{0,200}\))?\s*[>＞»›]/;
const CLOCK = /\d:\d{2}/;
const PLAYER = /[▶►⏵]\s*\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}/;
const PLAYER_TIMES = /\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}/;
const PLAYER_ICON = /[▶🔊⋮]/;
const FOOTER = /网站标识码|ICP备|ICP证|公网安备|版权所有|Copyright\s|©/;
const FOOTER_WEAK = /^(?:网站)?主办单位 ?[:：]|^承办单位 ?[:：]|^技术支持 ?[:：]|^联系方式 ?[:：] ?[\d-]+$|^传真 ?[:：] ?[\d-]\S*$/;
const LISTING = /^[·•]\s*\S.*\d{4}-\d{2}-\d{2}\s*$/;
const DATE_AT_END = /\d{4}-\d{2}-\d{2}\s*$/;
const SENTENCE_END = /[。；]/;
const ATTACHMENT = /^\S.{0,80}\.(?:docx?|pdf|xlsx?|wps|zip|rar)$/i;
/** The longest line ATTACHMENT can match: 1 + 80 characters, the dot, a four-letter extension. */
const MAX_ATTACHMENT_LINE = 86;
/**
 * The characters a line can start with to match a pattern anchored at its start (HITS, SHARE,
 * HOME_BREADCRUMB, META_STRONG, META_WEAK, the page tools (model/page-tools.ts), LISTING, FOOTER_WEAK — keep in step):
 * most lines start otherwise, and skip those eight tests.
 */
const ANCHORED_STARTS = new Set(
  '点浏访阅' + '分' + '[首' + '索成发生有公内主体' + '发文信来作编责时日标' + '【[]】' + PAGE_TOOL_WORDS.map((w) => w[0]).join('') + '·•' + '网主承技联传',
);
/** A run of tags and blanks: the patterns read each tag as a space, and a run of spaces as one. */
const TAGS_AND_SPACES = /(?:<[^<>]*>|\s)+/g;
const SPACES = /\s+/g;
/** What SPACES would change: two blanks in a row, or one that is not a plain space. */
const UNFOLDED_SPACE = /\s\s|[^\S ]/;

/** Chrome other than the font switcher; `t` is trimmed and starts at `from` of its line, which ends at `end`. */
function classifyOther(t: string, from: number, end: number, markup: FormatDescriptor['markup']): LineHit | undefined {
  const whole = (kind: Kind, strong = true): LineHit => ({ kinds: [kind], strong, from, to: end });
  // Every tag pattern needs a '<': most lines of a report have none, and skip both scans for tags.
  const hasTag = t.includes('<');
  // Tags are an artifact unless HTML is the format's own markup (Markdown allows a few inline).
  if (hasTag && markup !== 'html' && (markup === 'markdown' ? LIST_TAGS_MARKDOWN : LIST_TAGS).test(t)) return whole('html');
  if (t.length > MAX_CHROME_LINE) return undefined;
  // Folding spaces changes only a line with a run of them or a tab/newline: testing is cheaper than a copy.
  const text = (hasTag ? t.replace(TAGS_AND_SPACES, ' ') : UNFOLDED_SPACE.test(t) ? t.replace(SPACES, ' ') : t).trim();
  // Cheap tests first (a character every alternative holds, a length): most lines are report text.
  if (text.length <= 40 && text.includes('扫') && QR_CODE.test(text)) return whole('qrCode');
  const anchored = ANCHORED_STARTS.has(text.charAt(0));
  if (anchored && HITS.test(text)) return whole('hits');
  if (anchored && SHARE.test(text)) return whole('share');
  if (text.includes('位置') && BREADCRUMB.test(text)) return whole('breadcrumb');
  if (anchored && HOME_BREADCRUMB.test(text)) return whole('breadcrumb');
  if (anchored && META_STRONG.test(text)) return whole('metadata');
  if (anchored && text.length <= 80 && META_WEAK.test(text)) return whole('metadata', (TIMESTAMP.test(text) && CLOCK.test(text)) || HITS_FIELD.test(text));
  if (text.includes(':') && (PLAYER.test(text) || (PLAYER_TIMES.test(text) && PLAYER_ICON.test(text)))) return whole('media');
  if (text.length <= 160 && FOOTER.test(text)) return whole('footer');
  if (anchored && text.length <= 120 && FOOTER_WEAK.test(text)) return whole('footer', false);
  if (anchored && isPageToolsOnly(text)) return whole('pageTools');
  if (anchored && LISTING.test(text)) return whole('listing');
  if (t.includes('\t') && DATE_AT_END.test(text) && !SENTENCE_END.test(text)) return whole('listing', false);
  if (text.length <= MAX_ATTACHMENT_LINE && text.includes('.') && ATTACHMENT.test(text)) return whole('attachment', false);
  return undefined;
}

interface ChromeBlock {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  kinds: Kind[];
}

const cache = new WeakMap<Document, ChromeBlock[]>();

/** One line of the input as the rule reads it, with its place in the original text. */
interface Unit {
  text: string;
  line: number;
  lastLine: number;
  /** Original span of text[from..to). */
  spanOf(from: number, to: number): Span;
}

/**
 * Markdown and plain text are read line by line from the source, markup included (raw HTML is
 * itself an artifact there). HTML pages and .docx files are read as the processor's blocks: their
 * markup is the format, and the HTML processor already drops the page's own nav/header/footer.
 */
function units(doc: Document): Unit[] {
  const src = doc.source;
  const out: Unit[] = [];
  if (formatOf(doc).reading === 'source') {
    for (let line = 1; line <= src.lineCount; line++) out.push(new SourceLine(src.lineText(line), line, src.lineStart(line)));
    return out;
  }
  const pos = (o: number) => src.positionAt(o).line;
  for (const b of doc.blocks) {
    const rows = b.kind === 'table' ? b.rows.map((r) => ({ text: r.cells.map((c) => c.text).join('\t'), span: r.span })) : [];
    if (b.kind !== 'table') {
      const c = b.content;
      out.push({ text: c.text, line: pos(b.span.start), lastLine: pos(Math.max(b.span.start, b.span.end - 1)), spanOf: (f, t) => c.spanOf(f, t) });
    }
    for (const r of rows) out.push({ text: r.text, line: pos(r.span.start), lastLine: pos(Math.max(r.span.start, r.span.end - 1)), spanOf: () => r.span });
  }
  return out;
}

/** A line of the source (one object per line of every file: no closure of its own). */
class SourceLine implements Unit {
  constructor(
    readonly text: string,
    readonly line: number,
    private readonly start: number,
  ) {}

  get lastLine(): number {
    return this.line;
  }

  spanOf(from: number, to: number): Span {
    return { start: this.start + from, end: this.start + to };
  }
}

/** Chrome blocks of the whole file, in order. */
function chromeBlocks(doc: Document): ChromeBlock[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  type Item = { unit: Unit; hit?: LineHit };
  const markup = formatOf(doc).markup;
  const items: Item[] = [];
  for (const unit of units(doc)) if (unit.text.trim()) items.push({ unit, hit: classify(unit.text, markup) });
  const blocks: ChromeBlock[] = [];
  let cur: Item[] = [];
  const close = () => {
    if (cur.some((l) => l.hit!.strong)) {
      const first = cur[0];
      const last = cur[cur.length - 1];
      const kinds = [...new Set(cur.flatMap((l) => l.hit!.kinds))];
      blocks.push({
        start: first.unit.spanOf(first.hit!.from, first.hit!.to).start,
        end: last.unit.spanOf(last.hit!.from, last.hit!.to).end,
        firstLine: first.unit.line,
        lastLine: last.unit.lastLine,
        kinds,
      });
    }
    cur = [];
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.hit) {
      cur.push(it);
      // A prefix glued to the text ends the block: the rest of the line is report content.
      if (it.hit.to < it.unit.text.trimEnd().length) close();
      continue;
    }
    // One short title-like line between two chrome lines (the pasted article's title) stays inside.
    const other = it.unit.text.trim();
    if (cur.length && other.length <= 50 && !/[。；，,]/.test(other) && items[i + 1]?.hit) continue;
    close();
  }
  close();
  cache.set(doc, blocks);
  return blocks;
}

const rule: Rule = {
  meta: {
    id: 'web-artifacts',
    type: 'layout',
    defaultSeverity: 'warn',
    docs: {
      summary:
        'page chrome pasted in (字号 大 中 小, 扫码…, 点击次数, 分享, 当前位置, 索引号 headers, media player, footers, link lists, raw list HTML): one message per pasted block, attributed to the report it starts in',
      configComment: ['从网站复制的页面元素（字号 大 中 小、点击次数、当前位置、索引号信息栏、HTML 标签等）。'],
      description: {
        'zh-CN': '报告中不得夹带从网站复制的页面元素（字号 大 中 小、扫码浏览、点击次数、当前位置、索引号信息栏、HTML 标签等）',
        en: 'No web-page chrome (font-size switcher, QR prompt, view counters, breadcrumbs, CMS metadata headers, raw HTML) pasted into the report',
      },
      url: docsUrl('web-artifacts'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号（按统一格式编制，内容准确）', en: '国办公开办函〔2021〕30号 (reports follow the unified format)' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      chrome: {
        'zh-CN': '第 {{lines}} 行是从网站复制的页面元素（{{kinds}}），不属于报告内容，应删除',
        en: 'Line(s) {{lines}} are web-page elements copied from a website ({{kinds}}), not report content; delete them',
      },
      rawHtml: {
        'zh-CN': '第 {{lines}} 行是网页 HTML 源码（{{kinds}}），不属于报告内容，应删除或改写为正文',
        en: 'Line(s) {{lines}} are raw web-page HTML ({{kinds}}), not report content; delete them or rewrite them as text',
      },
    },
  },
  check(report, context) {
    const src = context.document.source;
    const firstLine = src.positionAt(report.span.start).line;
    const lastLine = src.positionAt(Math.max(report.span.start, report.span.end - 1)).line;
    for (const b of chromeBlocks(context.document)) {
      // A block belongs to the report holding its first line; the first report also takes a block
      // that begins in the unlinted preamble and runs into it.
      const owns = (b.firstLine >= firstLine && b.firstLine <= lastLine) || (report.index === 0 && b.firstLine < firstLine && b.lastLine >= firstLine);
      if (!owns) continue;
      // A web page (HTML input) carries its own chrome around the article: only chrome inside the
      // report body, between the first section heading and the 落款, was pasted into the report.
      if (formatOf(context.document).markup === 'html' && !insideBody(b, report)) continue;
      const lines = b.firstLine === b.lastLine ? String(b.firstLine) : `${b.firstLine}–${b.lastLine}`;
      const kinds = joinList(
        b.kinds.map((k) => KIND_NAMES[k][context.locale]),
        context.locale,
      );
      context.report({ messageId: b.kinds.every((k) => k === 'html') ? 'rawHtml' : 'chrome', data: { lines, kinds }, span: { start: b.start, end: b.end } });
    }
  },
};

function insideBody(b: ChromeBlock, report: Report): boolean {
  const first = report.headings[0]?.span.start;
  const signed = report.issuer?.source === 'signature' ? report.issuer.span.start : report.signature?.span.start;
  return first !== undefined && b.start > first && (signed === undefined || b.end <= signed);
}

export default rule;
