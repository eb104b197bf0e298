// Data for the 办事指南 (guide) page: departments, per-indicator materials and a short FAQ, all in our own words
// with citations. The product never reads the source documents at run time. Published as the separate entry
// `@hz-points/shared/guide` (shared/src/guide.ts), not from the package root: only the guide page and reviewers need
// this text, so the calculator and the cloud functions do not carry it. The yearly timeline is in timeline.ts
// (core: the home page shows it). The department table is core too (departments.ts); the guide entry re-exports it.
import { DEPARTMENTS } from './departments';
import { INDICATORS, LOWER_READING_PRINCIPLE } from './rules';
import type { DepartmentCode, IndicatorCode, IndicatorGroup, Citation } from './types';

export { DEPARTMENTS };

export const GROUP_LABELS: Record<IndicatorGroup, string> = {
  basic: '基础指标',
  bonus: '加分指标',
  deduction: '减分指标',
  veto: '一票否决指标',
};

export interface GuideIndicator {
  code: IndicatorCode;
  label: string;
  group: IndicatorGroup;
  groupLabel: string;
  department: DepartmentCode;
  departmentName: string;
  summary: string;
  evidence: string[];
  lookBack: string | null;
  /** false when the values shown rest on public copies rather than the two source documents. */
  verified: boolean;
}

/** Guide rows for the indicators in force on `cutoffDate` (deleted indicators are left out). */
export function guideIndicators(cutoffDate: string): GuideIndicator[] {
  const rows: GuideIndicator[] = [];
  for (const ind of Object.values(INDICATORS)) {
    const version = (
      ind.versions as { from: string | null; until: string | null; verified: boolean; removed?: boolean }[]
    ).find((v) => (v.from === null || v.from <= cutoffDate) && (v.until === null || cutoffDate < v.until));
    if (!version || version.removed) continue;
    rows.push({
      code: ind.code,
      label: ind.label,
      group: ind.group,
      groupLabel: GROUP_LABELS[ind.group],
      department: ind.department,
      departmentName: DEPARTMENTS[ind.department].name,
      summary: ind.summary,
      evidence: ind.evidence,
      lookBack: ind.lookBackYears ? `只计截止日前${ind.lookBackYears}年内取得的材料` : null,
      verified: version.verified,
    });
  }
  return rows;
}

export interface FaqEntry {
  question: string;
  answer: string;
  sources: Citation[];
}

export const GUIDE_FAQ: FaqEntry[] = [
  {
    question: '积分满100分就能落户吗？',
    answer:
      '100分是申请积分落户的起点分值。2023年5月8日起，原则上经审核符合基本申请条件（积分满100分）的均可落户，但落户分数线可能根据城市承载能力调整；此前每年按总量控制划定录取分数线。',
    sources: [
      { doc: 'R2023', clause: '二(四)' },
      { doc: 'FAQ2021', clause: 'Q9' },
      { doc: 'FAQ2021', clause: 'Q10' },
    ],
  },
  {
    question: '积分申请只能在每年10月前办理吗？',
    answer:
      '据公开信息，自2024年3月1日起积分申请全年受理，积分落户申请仍在每年11月集中受理（未与官方文件核实）；参加当年落户的，仍须在当年10月1日前完成积分申请。',
    sources: [
      { doc: 'public-copy', description: '2024年起居住证积分申请全年受理的公开报道' },
      { doc: 'FAQ2021', clause: 'Q6' },
    ],
  },
  {
    question: '哪些材料有时间限制？',
    answer:
      '捐赠、志愿服务、荣誉奖项和纳税的材料，只计截止日前5年内取得的（例如2021年度为2016年10月1日至2021年10月1日）。',
    sources: [{ doc: 'FAQ2021', clause: 'Q5' }],
  },
  {
    question: '可以请别人代为申请吗？',
    answer:
      '可以书面委托用人单位申请；未满16周岁的未成年人和行动不便的老年人、残疾人等，可由监护人或近亲属代为申请。代办时须同时提供委托人和代办人的有效身份证件。',
    sources: [{ doc: 'FAQ2021', clause: 'Q8' }],
  },
  {
    question: '2021年的修订改了什么？',
    answer:
      '提高了减分标准：一般刑事犯罪每次扣150分、强制隔离戒毒每次扣100分、行政或司法拘留每次扣60分、存在失信记录扣40分、列入严重失信名单每次扣80分；删除了违反计划生育政策的减分项；志愿服务改由市委宣传部（文明办）负责。',
    sources: [
      { doc: 'FAQ2021', clause: 'Q2' },
      { doc: 'FAQ2021', clause: 'Q3' },
    ],
  },
  {
    question: '2023年的调整改了什么？',
    answer: '年龄指标改为18至40周岁30分、超过40周岁每增加1岁减2分直至不得分；个人所得税最高分由20分提高到80分。',
    sources: [{ doc: 'R2023', clause: '二(四)' }],
  },
  {
    question: '自评分数准确吗？',
    answer:
      '自评只是估算。部分分值来自公开转载的指标表，尚未与官方文件核对，页面会标明"未核实"。' +
      LOWER_READING_PRINCIPLE +
      '最终分值以各部门审核结果为准。',
    sources: [{ doc: 'our-choice', description: '本程序的估算说明' }],
  },
  {
    question: '提供虚假材料会怎样？',
    answer: '经查实提供虚假材料的，所得积分作废，且5年内不得再申请（据公开转载，未核实）。',
    sources: [{ doc: 'public-copy', description: '《杭州市居住证积分管理办法》公开转载' }],
  },
];
