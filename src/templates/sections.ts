/**
 * The six mandated sections of the unified format (both the 2019 and the 2021 layout), from
 * 条例 第五十条 and the format texts (domain.md §2.2). `match` lists what a real-world heading must
 * contain after normalization (all words of one alternative); the canonical title is what we suggest.
 */
export type SectionKey = 'overview' | 'active' | 'applications' | 'review' | 'problems' | 'other';

export interface SectionTemplate {
  key: SectionKey;
  ordinal: number;
  title: string;
  titleEn: string;
  /** Alternatives; each alternative is a list of substrings that must all occur in the normalized title. */
  match: string[][];
  /** Substrings that exclude a match (a sub-table caption is not the section). */
  exclude?: string[];
}

export const SECTIONS: SectionTemplate[] = [
  { key: 'overview', ordinal: 1, title: '一、总体情况', titleEn: 'I. Overview', match: [['总体情况'], ['总体概况']] },
  {
    key: 'active',
    ordinal: 2,
    title: '二、主动公开政府信息情况',
    titleEn: 'II. Proactive disclosure',
    match: [
      ['主动公开政府信息', '情况'],
      ['主动公开', '信息情况'],
    ],
  },
  {
    key: 'applications',
    ordinal: 3,
    title: '三、收到和处理政府信息公开申请情况',
    titleEn: 'III. Applications received and handled',
    match: [
      ['收到', '处理', '申请'],
      ['依申请公开', '情况'],
    ],
  },
  {
    key: 'review',
    ordinal: 4,
    title: '四、政府信息公开行政复议、行政诉讼情况',
    titleEn: 'IV. Administrative review and litigation',
    match: [['行政复议', '行政诉讼']],
  },
  {
    key: 'problems',
    ordinal: 5,
    title: '五、存在的主要问题及改进情况',
    titleEn: 'V. Main problems and improvements',
    match: [
      ['问题', '改进'],
      ['问题', '整改'],
    ],
  },
  {
    key: 'other',
    ordinal: 6,
    title: '六、其他需要报告的事项',
    titleEn: 'VI. Other matters to report',
    match: [['其他', '报告', '事项'], ['其他事项']],
  },
];

/**
 * What 一、总体情况 reports, each as the sub-item the 2021 format names (主动公开, 依申请公开, 政府信息
 * 管理, 政府信息公开平台建设, 监督保障): sub-items with these words before part 二 are part 一's
 * content even when its heading is missing.
 */
export const OVERVIEW_SUB_ITEMS = ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'];

/**
 * What 五、存在的主要问题及改进情况 reports, as its sub-items are titled: the problems
 * ("（一）主要问题", "（二）2025年工作中存在的主要问题") and the improvements ("（二）改进情况",
 * "（一）…问题的改进情况", "整改措施"). Sub-items naming both, after part 四 and before part 六, are
 * part 五's content even when its heading is missing (a converter drops it with the page's header).
 */
export const PROBLEMS_SUB_ITEMS = { problems: ['问题', '不足', '短板'], measures: ['改进', '整改', '措施'] };
