/**
 * A generated region for the region tests and the benchmark: a people's government whose tables 三
 * and 四 are the cell-wise sum of its units' reports, two years of each, every unit's 上年结转
 * equal to its own 结转下年度 of the year before. Files are named by number, not by organ (and the
 * two years number them differently), so pairing has to read the organ from the report.
 */
import { generate, type GenFormat, type GenModel, type GenOptions } from './generate.js';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, applicationRows } from '../../src/templates/tables.js';

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending'];

export const REGION_DEPARTMENTS = ['临江市公安局', '临江市教育局', '临江市民政局', '临江市财政局', '临江市人民政府办公室'];
export const REGION_GOVERNMENT = '临江市人民政府';

export interface RegionOptions {
  /** The units (default REGION_DEPARTMENTS); the government is REGION_GOVERNMENT. */
  units?: string[];
  /** The current year (default 2024); the previous one is year − 1. */
  year?: number;
  /** Format of unit i: a function, or one for all (default md). */
  format?: GenFormat | ((i: number) => GenFormat);
  /** Per-unit changes to this year's report (applied after the region was solved). */
  change?: Record<string, Pick<GenOptions, 'tamper' | 'edits' | 'applications'>>;
}

export interface RegionFile {
  /** Relative path: `<year>/<name>.<ext>` for this year, `<year-1>/<name>.<ext>` for last year. */
  path: string;
  organ: string;
  year: number;
  text: string;
  model: GenModel;
}

const EXT: Record<GenFormat, string> = { md: 'md', 'txt-tsv': 'txt', 'txt-pipe': 'txt', 'txt-pdf': 'txt', html: 'html' };

export function generateRegion(o: RegionOptions = {}): { files: RegionFile[]; current: string; previous: string } {
  const units = o.units ?? REGION_DEPARTMENTS;
  const year = o.year ?? 2024;
  const formatOf = (i: number): GenFormat => (typeof o.format === 'function' ? o.format(i) : (o.format ?? 'md'));
  const files: RegionFile[] = [];
  const previousModels: GenModel[] = [];
  const currentModels: GenModel[] = [];
  units.forEach((organ, i) => {
    const format = formatOf(i);
    const prev = generate({ ...lastYearOptions(organ, i, year), format });
    previousModels.push(prev.model);
    // Last year's files are numbered backwards: the name says nothing about the organ.
    files.push({ path: `${year - 1}/${String(units.length - i).padStart(3, '0')}.${EXT[format]}`, organ, year: year - 1, text: prev.text, model: prev.model });
    const change = o.change?.[organ];
    const carriedOver = {
      ...Object.fromEntries(PARTS.map((c) => [c, prev.model.applications.carryForward[c]])),
      ...change?.applications?.carriedOver,
    } as Record<string, number>;
    const cur = generate({
      year,
      format,
      agency: organ,
      seed: 2000 + i,
      signDate: `${year + 1}年1月${10 + (i % 15)}日`,
      // Applications carried over are handled this year (at least as many handled as carried), so 一 stays ≥ 0.
      applications: {
        resultTotal: Object.fromEntries(PARTS.filter((c) => carriedOver[c] > 0).map((c) => [c, carriedOver[c] + ((i + c.length) % 3)])),
        ...change?.applications,
        carriedOver,
      },
      active: continued(prev.model, i),
      ...(change?.tamper ? { tamper: change.tamper } : {}),
      edits: [diary(organ, year, i), ...(change?.edits ?? [])],
    });
    currentModels.push(cur.model);
    files.push({ path: `${year}/${String(i + 1).padStart(3, '0')}.${EXT[format]}`, organ, year, text: cur.text, model: cur.model });
  });
  let govPrevious: GenModel | undefined;
  for (const [y, models] of [
    [year - 1, previousModels],
    [year, currentModels],
  ] as const) {
    const gov = generate({
      year: y,
      format: 'md',
      agency: REGION_GOVERNMENT,
      seed: 3000 + y,
      signDate: `${y + 1}年2月20日`,
      applications: sumApplications(models),
      review: sumReview(models),
      edits: [diary(REGION_GOVERNMENT, y, units.length)],
      ...(govPrevious ? { active: continued(govPrevious, units.length) } : {}),
    });
    govPrevious = gov.model;
    files.push({ path: `${y}/000-本级.md`, organ: REGION_GOVERNMENT, year: y, text: gov.text, model: gov.model });
  }
  return { files, current: String(year), previous: String(year - 1) };
}

/** The options of unit i's report for the year before `year` (without the format): to render it in another format, e.g. .docx. */
export function lastYearOptions(organ: string, i: number, year: number): Omit<GenOptions, 'format'> {
  return { year: year - 1, agency: organ, seed: 1000 + i, signDate: `${year}年1月${10 + (i % 15)}日`, edits: [diary(organ, year - 1, i)] };
}

/** Every row × applicant column of table 三, summed over the units (the 总计 column follows). */
function sumApplications(models: GenModel[]): NonNullable<GenOptions['applications']> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of applicationRows('2021')) {
    out[row.key] = Object.fromEntries(PARTS.map((c) => [c, models.reduce((s, m) => s + (m.applications[row.key]?.[c] ?? 0), 0)]));
  }
  return out;
}

function sumReview(models: GenModel[]): NonNullable<GenOptions['review']> {
  const out: Record<string, number> = {};
  for (const g of REVIEW_GROUPS) for (const k of OUTCOMES) out[`${g.key}.${k}`] = models.reduce((s, m) => s + (m.review[`${g.key}.${k}`] ?? 0), 0);
  return out;
}

/** Table 二's 现行有效件数 continued from last year (last year + 制发 − 废止), as a real unit's would be. */
function continued(prev: GenModel, i: number): NonNullable<GenOptions['active']> {
  const row = (key: string, made: number, repealed: number) => {
    const valid = prev.active[key]?.valid ?? 0;
    const r = Math.min(repealed, valid);
    return { made, repealed: r, valid: valid + made - r };
  };
  return { rules: row('rules', 0, 0), normativeDocs: row('normativeDocs', i % 4, i % 2) };
}

const ACTIVITIES = [
  '开展政务公开日活动',
  '更新办事指南',
  '发布政策解读',
  '召开新闻发布会',
  '开展业务培训',
  '回应网民留言',
  '清理规范性文件',
  '接待现场查阅',
  '更新公开目录',
  '开展保密审查',
];
const UNITS = ['次', '项', '篇', '场', '人次', '件', '条'];

/**
 * This year's own work, in a paragraph no other year has: dated entries with their figures, as a
 * real report's 总体情况 has. Without it the generator's few phrasings would make every two years
 * of one unit look copied.
 */
function diary(organ: string, year: number, i: number): [RegExp, string] {
  let h = year * 31 + i * 7919;
  const next = (n: number) => {
    h = (h * 1103515245 + 12345) % 2147483648;
    return h % n;
  };
  const entries: string[] = [];
  for (let k = 0; k < 24; k++) {
    entries.push(`${1 + ((k >> 1) % 12)}月${1 + next(28)}日${ACTIVITIES[next(ACTIVITIES.length)]}${1 + next(90)}${UNITS[next(UNITS.length)]}`);
  }
  return [/编制本报告。/, `编制本报告。${year}年${organ}主要工作：${entries.join('；')}。`];
}

const BUREAUS = [
  '公安局',
  '教育局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '司法局',
  '退役军人事务局',
  '科学技术局',
  '工业和信息化局',
  '发展和改革委员会',
  '城市管理局',
  '体育局',
  '信访局',
  '数据资源管理局',
  '人民政府办公室',
];
const PLACE = ['东', '西', '南', '北', '中', '新', '安', '平', '和', '兴', '福', '宁', '清', '河', '山', '湖', '桥', '口', '坪', '塘'];

/** `n` distinct organs of 临江市 for a large region: its bureaus, then towns (两字镇名 + 镇人民政府). */
export function regionUnitNames(n: number): string[] {
  const out = BUREAUS.slice(0, n).map((b) => `临江市${b}`);
  for (let i = 0; out.length < n && i < PLACE.length * PLACE.length; i++) {
    const a = PLACE[Math.floor(i / PLACE.length)];
    const b = PLACE[i % PLACE.length];
    if (a !== b) out.push(`临江市${a}${b}镇人民政府`);
  }
  if (out.length < n) throw new Error(`regionUnitNames: at most ${out.length} names`);
  return out;
}
