import type { LocalizedText } from '../i18n/types.js';
import type { Layout } from './era.js';

/**
 * The three official tables as data (domain.md §2.4–2.6). Row and column keys are the canonical
 * names every rule uses; `label` is the official wording; `aliases` are other wordings seen in
 * published reports that still identify the row (table-labels may warn about them).
 */
export type TableKind = 'active' | 'applications' | 'review';

export interface ColumnTemplate {
  key: string;
  label: string;
}

export interface RowTemplate {
  key: string;
  /** Official label, with its numbering, as printed in the format. */
  label: string;
  aliases?: string[];
  /** Key of the group row this item belongs to ("（三）不予公开"); items are numbered within it. */
  group?: string;
}

export interface GroupTemplate {
  key: string;
  label: string;
}

/* ---------------------------------------------------------------- table 三: applications */

export const APPLICANT_COLUMNS: ColumnTemplate[] = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

export const APPLICATION_GROUPS: GroupTemplate[] = [
  { key: 'results', label: '三、本年度办理结果' },
  { key: 'refused', label: '（三）不予公开' },
  { key: 'unavailable', label: '（四）无法提供' },
  { key: 'notProcessed', label: '（五）不予处理' },
  { key: 'otherHandling', label: '（六）其他处理' },
];

const APPLICATION_ROWS_COMMON_HEAD: RowTemplate[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开', group: 'results' },
  { key: 'partlyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results' },
  { key: 'refused.stateSecret', label: '1.属于国家秘密', group: 'refused' },
  { key: 'refused.prohibitedByLaw', label: '2.其他法律行政法规禁止公开', group: 'refused' },
  { key: 'refused.threeSecurity', label: '3.危及“三安全一稳定”', group: 'refused' },
  { key: 'refused.thirdParty', label: '4.保护第三方合法权益', group: 'refused' },
  { key: 'refused.internalAffairs', label: '5.属于三类内部事务信息', group: 'refused' },
  { key: 'refused.processInfo', label: '6.属于四类过程性信息', group: 'refused' },
  { key: 'refused.enforcementFile', label: '7.属于行政执法案卷', group: 'refused' },
  { key: 'refused.queryMatter', label: '8.属于行政查询事项', group: 'refused' },
  { key: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', group: 'unavailable' },
  { key: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', group: 'unavailable' },
  { key: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', group: 'unavailable' },
  { key: 'notProcessed.petition', label: '1.信访举报投诉类申请', group: 'notProcessed' },
  { key: 'notProcessed.repeated', label: '2.重复申请', group: 'notProcessed' },
  { key: 'notProcessed.publication', label: '3.要求提供公开出版物', group: 'notProcessed' },
  { key: 'notProcessed.massRepeated', label: '4.无正当理由大量反复申请', group: 'notProcessed' },
  { key: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: 'notProcessed' },
];

const APPLICATION_ROWS_COMMON_TAIL: RowTemplate[] = [
  { key: 'resultTotal', label: '（七）总计', group: 'results' },
  { key: 'carryForward', label: '四、结转下年度继续办理' },
];

/** 2021 layout: （六）其他处理 has three items; 25 data rows. */
const APPLICATION_ROWS_2021: RowTemplate[] = [
  ...APPLICATION_ROWS_COMMON_HEAD,
  { key: 'otherHandling.noCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: 'otherHandling' },
  { key: 'otherHandling.unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: 'otherHandling' },
  { key: 'otherHandling.other', label: '3.其他', group: 'otherHandling' },
  ...APPLICATION_ROWS_COMMON_TAIL,
];

/** 2019 layout: （六）其他处理 is a single row; 23 data rows. */
const APPLICATION_ROWS_2019: RowTemplate[] = [
  ...APPLICATION_ROWS_COMMON_HEAD,
  { key: 'otherHandling', label: '（六）其他处理', group: 'results' },
  ...APPLICATION_ROWS_COMMON_TAIL,
];

export function applicationRows(layout: Layout): RowTemplate[] {
  return layout === '2021' ? APPLICATION_ROWS_2021 : APPLICATION_ROWS_2019;
}

/** Rows whose sum is （七）总计 (domain.md §2.7 relation 1). */
export function applicationResultItems(layout: Layout): string[] {
  return applicationRows(layout)
    .filter((r) => r.key !== 'newReceived' && r.key !== 'carriedOver' && r.key !== 'resultTotal' && r.key !== 'carryForward')
    .map((r) => r.key);
}

/* ---------------------------------------------------------------- table 四: review / litigation */

export const REVIEW_GROUPS: GroupTemplate[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉' },
];

const OUTCOMES: ColumnTemplate[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** The 15 data columns, in printed order. */
export const REVIEW_COLUMNS: ColumnTemplate[] = REVIEW_GROUPS.flatMap((g) =>
  OUTCOMES.map((o) => ({ key: `${g.key}.${o.key}`, label: `${g.label}·${o.label}` })),
);

/* ---------------------------------------------------------------- table 二: proactive disclosure */

export interface ActiveSubTable {
  /** The 条款 row that leads the sub-table, e.g. 第二十条第（一）项. */
  clause: string;
  columns: ColumnTemplate[];
  rows: RowTemplate[];
}

export const ACTIVE_2021: ActiveSubTable[] = [
  {
    clause: '第二十条第（一）项',
    columns: [
      { key: 'made', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'valid', label: '现行有效件数' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normativeDocs', label: '行政规范性文件', aliases: ['规范性文件'] },
    ],
  },
  { clause: '第二十条第（五）项', columns: [{ key: 'decisions', label: '本年处理决定数量' }], rows: [{ key: 'licensing', label: '行政许可' }] },
  {
    clause: '第二十条第（六）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  {
    clause: '第二十条第（八）项',
    columns: [{ key: 'feeAmount', label: '本年收费金额（单位：万元）' }],
    rows: [{ key: 'adminFees', label: '行政事业性收费' }],
  },
];

export const ACTIVE_2019: ActiveSubTable[] = [
  {
    clause: '第二十条第（一）项',
    columns: [
      { key: 'newlyMade', label: '本年新制作数量' },
      { key: 'newlyPublished', label: '本年新公开数量' },
      { key: 'totalPublished', label: '对外公开总数量' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normativeDocs', label: '规范性文件' },
    ],
  },
  {
    clause: '第二十条第（五）项',
    columns: [
      { key: 'previousItems', label: '上一年项目数量' },
      { key: 'change', label: '本年增/减' },
      { key: 'decisions', label: '处理决定数量' },
    ],
    rows: [
      { key: 'licensing', label: '行政许可' },
      { key: 'otherServices', label: '其他对外管理服务事项' },
    ],
  },
  {
    clause: '第二十条第（六）项',
    columns: [
      { key: 'previousItems', label: '上一年项目数量' },
      { key: 'change', label: '本年增/减' },
      { key: 'decisions', label: '处理决定数量' },
    ],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  {
    clause: '第二十条第（八）项',
    columns: [
      { key: 'previousItems', label: '上一年项目数量' },
      { key: 'change', label: '本年增/减' },
    ],
    rows: [{ key: 'adminFees', label: '行政事业性收费' }],
  },
  {
    clause: '第二十条第（九）项',
    columns: [
      { key: 'procurementCount', label: '采购项目数量' },
      { key: 'procurementAmount', label: '采购总金额' },
    ],
    rows: [{ key: 'procurement', label: '政府集中采购' }],
  },
];

export function activeSubTables(layout: Layout): ActiveSubTable[] {
  return layout === '2021' ? ACTIVE_2021 : ACTIVE_2019;
}

/** Whether the layout's table 二 has the column (e.g. 现行有效件数 `valid`, the 2021 amount `feeAmount`). */
export function activeHasColumn(layout: Layout, column: string): boolean {
  return activeSubTables(layout).some((s) => s.columns.some((c) => c.key === column));
}

/** Every table layout, oldest first. */
export const LAYOUTS: readonly Layout[] = ['2019', '2021'];
/** Every table layout, newest first (where the first of equal labels should be the current wording). */
export const LAYOUTS_NEWEST_FIRST: readonly Layout[] = [...LAYOUTS].reverse();

/** Each layout's format as named where a table uses the wrong one. */
export const LAYOUT_NAMES: Record<Layout, LocalizedText> = {
  '2019': { 'zh-CN': '国办公开办函〔2019〕60号格式（试行）', en: 'the 2019 trial format (国办公开办函〔2019〕60号)' },
  '2021': { 'zh-CN': '国办公开办函〔2021〕30号格式', en: 'the 2021 format (国办公开办函〔2021〕30号)' },
};

/** Column headers that only one layout has (domain.md §2.4 "Era fingerprints"). */
export const LAYOUT_FINGERPRINTS: Record<Layout, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第（九）项', '政府集中采购', '其他对外管理服务事项'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

/** Official applications-table column labels of 法人或其他组织 etc. used in the header rows. */
export const APPLICATION_HEADER_WORDS = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构'];

/** The note in the corner above table 三's applicant columns (both layouts): how the table balances. */
export const APPLICATION_BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/** The note's opening words, by which it is known however the rest is written (with a '。', in other words). */
export const APPLICATION_BALANCE_NOTE_LEAD = '本列数据的勾稽关系';

/* ---------------------------------------------------------------- sum relations (勾稽关系) */

export interface CellRef {
  row: string;
  col: string;
}

/**
 * What a relation says. Totals equal their parts: 'rowTotal' — a row of table 三's 总计 = its six
 * applicant columns; 'resultTotal' — （七）总计 = the result items, per column; 'reviewTotal' — a
 * table 四 group's 总计 = its four outcomes. 'balance' — what came in equals what was done with it
 * (一 + 二 = 三（七）总计 + 四, per column).
 */
export type RelationKind = 'rowTotal' | 'resultTotal' | 'reviewTotal' | 'balance';

/** The relations that are a total equal to its parts. */
export type TotalKind = Exclude<RelationKind, 'balance'>;
export const TOTAL_KINDS: readonly TotalKind[] = ['rowTotal', 'resultTotal', 'reviewTotal'];

/**
 * One arithmetic relation: Σ lhs = Σ rhs. `anchor` is the cell a finding points at; `expected` for
 * it is what would make the relation hold. Relations are derived from the row/column data above.
 */
export interface Relation {
  id: string;
  kind: RelationKind;
  table: 'applications' | 'review';
  lhs: CellRef[];
  rhs: CellRef[];
  anchor: CellRef;
}

/** The relations of a layout: the same list for every report, built once (rules ask for it per report). */
export function relations(layout: Layout): readonly Relation[] {
  let known = RELATIONS.get(layout);
  if (!known) RELATIONS.set(layout, (known = buildRelations(layout)));
  return known;
}

const RELATIONS = new Map<Layout, readonly Relation[]>();

function buildRelations(layout: Layout): Relation[] {
  const out: Relation[] = [];
  const parts = APPLICANT_COLUMNS.filter((c) => c.key !== 'total');
  // Row-wise: 总计 = the six applicant columns, for every row (domain.md §2.7 relation 2).
  for (const row of applicationRows(layout)) {
    out.push({
      id: `applications.rowTotal.${row.key}`,
      kind: 'rowTotal',
      table: 'applications',
      lhs: [{ row: row.key, col: 'total' }],
      rhs: parts.map((c) => ({ row: row.key, col: c.key })),
      anchor: { row: row.key, col: 'total' },
    });
  }
  // Column-wise: （七）总计 = all result items (relation 1).
  const items = applicationResultItems(layout);
  for (const col of APPLICANT_COLUMNS) {
    out.push({
      id: `applications.resultTotal.${col.key}`,
      kind: 'resultTotal',
      table: 'applications',
      lhs: [{ row: 'resultTotal', col: col.key }],
      rhs: items.map((r) => ({ row: r, col: col.key })),
      anchor: { row: 'resultTotal', col: col.key },
    });
  }
  // Table 四: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结 (relation 3).
  for (const g of REVIEW_GROUPS) {
    out.push({
      id: `review.total.${g.key}`,
      kind: 'reviewTotal',
      table: 'review',
      lhs: [{ row: 'data', col: `${g.key}.total` }],
      rhs: ['upheld', 'corrected', 'other', 'pending'].map((o) => ({ row: 'data', col: `${g.key}.${o}` })),
      anchor: { row: 'data', col: `${g.key}.total` },
    });
  }
  // The printed relation: 一 + 二 = 三（七）总计 + 四, per column.
  for (const col of APPLICANT_COLUMNS) {
    out.push({
      id: `applications.balance.${col.key}`,
      kind: 'balance',
      table: 'applications',
      lhs: [
        { row: 'newReceived', col: col.key },
        { row: 'carriedOver', col: col.key },
      ],
      rhs: [
        { row: 'resultTotal', col: col.key },
        { row: 'carryForward', col: col.key },
      ],
      anchor: { row: 'carryForward', col: col.key },
    });
  }
  return out;
}
