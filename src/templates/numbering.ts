/**
 * How the official format numbers what it lists — the one module that spells it. Three levels:
 *
 *   part  一、 二、 …       the six sections; also table 三's rows 一、–四、
 *   sub   （一） （二） …   sub-items of a part; table 三's result groups
 *   item  1. 2. …          items within a sub-item; table 三's rows under a group
 *
 * Drafters vary the marks ("一." "一．" "(一)" "1、" "1．"), so the pieces below accept those
 * variants; each named pattern says where it is used. Every piece is a bounded repeat with no
 * nested or overlapping quantifiers, so each pattern built from them runs in linear time.
 * (Sources are strings so patterns elsewhere can embed them; the ReDoS test resolves them.)
 */

/** A Chinese numeral as numbering uses it: 一 … 十, up to three characters (十二, 二十一). */
export const CN_NUMBER = '[一二三四五六七八九十]{1,3}';

/** A part number as the format writes it: "一、". */
export const PART_NUMBER = `${CN_NUMBER}、`;

/** A sub-item number, brackets of either width: "（一）", "(一)". */
export const SUB_NUMBER = `[（(]${CN_NUMBER}[)）]`;

/** A sub-item number with Chinese or Arabic digits, as prose uses it: "（一）", "(1)". */
export const SUB_NUMBER_ANY_DIGITS = '[（(][一二三四五六七八九十\\d]{1,3}[)）]';

/** An item number: "1." "1、" "1．" — not the start of a decimal ("1.5"). */
export const ITEM_NUMBER = '\\d{1,2}[.、．](?!\\d)';

/** A dash typed (or recognised by OCR) for 一 in a part number: "—、总体情况". */
export const DASH_FOR_ONE = '[—－]';

/**
 * A part heading as written: the numeral (group 1; a dash for 一 before "、"), "、" or a period,
 * and the title (group 2).
 */
export const PART_HEADING = new RegExp(`^(${CN_NUMBER}|${DASH_FOR_ONE}(?=\\s*、))\\s*[、.．]\\s*(.+)$`, 's');

const DASH_NUMERAL = new RegExp(`^${DASH_FOR_ONE}$`);

/** Is PART_HEADING's numeral (group 1) the dash written for 一? */
export function isDashForOne(numeral: string): boolean {
  return DASH_NUMERAL.test(numeral);
}

/** A line that starts with a part number ("一、"), e.g. a section heading among table rows. */
export const PART_START = new RegExp(`^${PART_NUMBER}`);

/** Every part number in a line (a report flattened into one line: "…一、总体情况…二、主动公开…"). */
export const PART_NUMBERS = new RegExp(PART_NUMBER, 'g');

/** A line that starts with a sub-item or item number: "（三）…", "2. …" (not a part). */
export const BELOW_PART_START = new RegExp(`^(?:${SUB_NUMBER}|${ITEM_NUMBER})`);

/** A line that opens with a sub-item number, spaces after it allowed: "（一）主动公开情况", "(二) 依申请公开。…". */
export const SUB_ITEM_START = new RegExp(`^${SUB_NUMBER}\\s*`);

/** A cell that is a number and nothing else ("（三）", "三、"): its words stand in the next cell. */
export const NUMBERING_ONLY = new RegExp(`^(?:${SUB_NUMBER}|${CN_NUMBER}[、.．])$`);

/** A short numbered sub-heading: "（三）收取信息处理费情况", "2. 依申请公开" (no sentence punctuation, ≤ 30 characters). */
export const SUB_HEADING = new RegExp(`^(?:${SUB_NUMBER}|${ITEM_NUMBER})[^。；，,]{1,30}$`);

/** A line that starts with numbering of any level, spaces before it allowed (a PDF line that opens a new entry). */
export const NUMBERED_START = new RegExp(`^\\s*(?:${PART_NUMBER}|${SUB_NUMBER_ANY_DIGITS}|${ITEM_NUMBER})`);

/** An item number at the start: "1." "1、" "1．". */
export const ITEM_START = new RegExp(`^${ITEM_NUMBER}`);

/** A row label's numbering as table 三 writes it in PDF text, the group's before the item's: "（三） 1." or "1.". */
export const GROUP_ITEM_START = new RegExp(`^(?:${SUB_NUMBER}\\s*)?${ITEM_NUMBER}`);

/**
 * A label's numbering prefix of any level, or an ordinal ("第一部分", "第三项"), in a label after
 * normalizeLabel (half-width brackets and periods): what coreLabel strips.
 */
export const LABEL_NUMBERING = new RegExp(`^(?:${CN_NUMBER}[、.．]|${SUB_NUMBER}|${ITEM_NUMBER}|第${CN_NUMBER}(?:部分|项|条)[、.:]?)`);

/** A label's numbering prefix of any level (the format's own marks), to compare with the official label's. */
export const LABEL_NUMBER = new RegExp(`^(?:${ITEM_NUMBER}|${SUB_NUMBER}|${PART_NUMBER})`);

/** A label's numbering as written, spaces inside and around allowed: "三、", "（一）", "(二) ", "1. ". */
export const LABEL_NUMBERING_SPACED = new RegExp(`^\\s*(?:${CN_NUMBER}\\s*[、.．]|[（(]\\s*${CN_NUMBER}\\s*[)）]|\\d{1,2}\\s*[.．、](?!\\d))\\s*`);

/** A part numbered "第四部分" (a scheme of some reports' own, instead of "四、"). */
export const PART_NUMBER_WORDED = `第${CN_NUMBER}部分`;

/** A line opening with a sub-item's, an item's or a worded part's number: "（四）", "4.", "第四部分". */
export const NUMBERED_OTHERWISE_START = new RegExp(`^(?:${SUB_NUMBER}|${ITEM_NUMBER}|${PART_NUMBER_WORDED})`);

/**
 * A part heading numbered in a scheme of the report's own: "第一部分 总体情况", "（一）总体情况",
 * "1.总体情况" (only 一 to 六 / 1 to 6: the six parts). Groups: the 第N部分 numeral, the （N）
 * numeral, the Arabic number; the title.
 */
// The marks after the number and the title's first character are disjoint: linear.
export const OTHER_PART_HEADING = /^(?:第([一二三四五六])部分|[（(]([一二三四五六])[)）]|([1-6])[.、．](?!\d))[:：、.．\s]*([^:：、.．\s].*)$/s;
