import type { StatedCitation } from '../citation';
import type { EducationLevel } from '../scoring/types';
import { POINTS_THRESHOLD } from '../scoring/threshold';

const R2023 = (clause: string, verified = true): StatedCitation => ({ doc: 'R2023', clause, verified });
const ours = (clause: string): StatedCitation => ({ doc: 'outside-source', clause, verified: false });

/**
 * Settlement pathways' thresholds, as cited data (R2023 §二, in force 2023-05-08; FAQ2021 Q5 for points).
 * "X周岁以下（以下不含本数）" is stored as `maxAgeExclusive: X`: age X fails, X − 1 passes.
 */
export const PATHWAY_RULES = {
  effectiveFrom: '2023-05-08',
  effectiveCitation: R2023('本意见自2023年5月8日起施行'),

  /**
   * R2023 结尾: "本意见未涉及事项根据国家、省、市现行相应政策办理". Where R2023 is silent the answer lies in policies we
   * do not hold, so the condition is undetermined and the person is sent to the registry window.
   */
  notCovered: {
    citation: R2023('结尾（本意见未涉及事项根据国家、省、市现行相应政策办理）'),
    referral: '请向拟落户地的户籍窗口（派出所）咨询',
  },

  /** Settling in the urban districts presupposes not already holding urban-Hangzhou hukou. Stated only for points. */
  notUrbanHukou: {
    citation: { doc: 'FAQ2021', clause: '五（申请条件：非本市市区户籍人员）', verified: true } as StatedCitation,
    otherPathwaysCitation: ours('其他落户途径：已是杭州市区户籍者无需在市区落户（逻辑前提，来源文件未明示）'),
  },

  graduateCollege: {
    maxAgeExclusive: 35,
    qualifyingEducation: ['junior-college'] as readonly EducationLevel[],
    citation: R2023('二(一)'),
    /**
     * "普通高校大专学历毕业生": R2023 says nothing of 本科 or higher graduates here (earlier talent policies, not in
     * our sources, covered them). Silence is undetermined, never a failed condition: R2023's closing clause sends
     * matters it does not cover to the national, provincial and city policies in force (see `notCovered`).
     */
    higherDegreeLevels: ['bachelor', 'master', 'doctor'] as readonly EducationLevel[],
  },

  graduateMaster: {
    maxAgeExclusive: 45,
    /** 博士 is accepted as at least a 硕士研究生 (a doctorate is the higher postgraduate degree). Unverified. */
    qualifyingEducation: ['master', 'doctor'] as readonly EducationLevel[],
    citation: R2023('二(一)'),
    doctorCitation: ours('二(一) 仅规定硕士研究生；博士研究生视同适用（来源文件未规定）'),
  },

  skilled: {
    /** Skill levels: 1 = 高级技师 (一级), 2 = 技师 (二级), 3 = 高级工 (三级). Lower number = higher level. */
    tiers: [
      { maxSkillLevel: 2, maxAgeExclusive: 45, label: '技师及以上职业资格（或职业技能等级二级及以上证书）' },
      { maxSkillLevel: 3, maxAgeExclusive: 35, label: '高级工职业资格（或职业技能等级三级证书）' },
    ],
    minEmployerPaidInsuranceMonths: 6,
    citation: R2023('二(二)'),
  },

  reunionElderly: {
    minAge: { male: 60, female: 55 },
    citation: R2023('二(三)'),
    /**
     * A parent aged 80 or more (满80周岁: on the 80th birthday itself) joining a child needs no residence permit,
     * according to a public copy of the older (2018) settlement guide; R2023 does not say so. Not used, by the
     * project's rule of taking the lower reading where readings differ (an estimate never promises more than the
     * review gives): for such a parent without a permit the condition is undetermined, citing this copy, and the
     * person is sent to the registry window. Kept as data, like the honours alternative.
     */
    permitExemption: {
      fromAge: 80,
      /** How the reason names the copy. */
      source: '杭州网2018年10月17日户籍办事指南·老年投靠',
      used: false,
      confidence: 'C',
      citation: {
        doc: 'outside-source',
        clause:
          '公开转载（杭州网2018年10月17日户籍办事指南·老年投靠）：80周岁及以上老年人投靠在杭子女，不受“身边无子女”及《浙江省居住证》的条件限制；R2023施行后是否仍适用未经核实',
        verified: false,
        confidence: 'C',
      } as StatedCitation,
      note: '2018年指南的公开转载称80周岁及以上投靠子女不受居住证条件限制，杭政办函〔2023〕33号未作此规定；按“取较低读法”的原则不直接采用，判为无法判断，请向户籍窗口（派出所）咨询。',
    },
    /** "投靠在杭子女" read as a child holding urban-Hangzhou hukou (the meaning of 投靠落户). */
    childHukouCitation: ours('二(三)「在杭子女」理解为具有杭州市区户籍的子女（投靠落户的通常含义）'),
  },

  reunion: {
    /** Yangtze River Delta hukou holders need no residence permit for spouse or elderly reunion. */
    yangtzeDeltaNoPermitCitation: R2023('二(三)'),
    /** Implied by the exemption above; the requirement itself is in rules we do not hold. */
    otherHukouPermitCitation: ours('二(三) 仅规定长三角户籍免申领居住证；其他户籍须持居住证系据此推断'),
    /** "夫妻投靠" read as joining a spouse who holds urban-Hangzhou hukou (the meaning of 投靠落户), like the child. */
    spouseHukouCitation: ours('二(三)「夫妻投靠」理解为投靠具有杭州市区户籍的配偶（投靠落户的通常含义）'),
    /** Spouse reunion's own conditions (marriage length, residence years…) are not in our sources. */
    spouseConditionsCitation: ours('夫妻投靠落户的其他条件不在来源文件中'),
  },

  points: {
    minPoints: POINTS_THRESHOLD,
    minAge: 18,
    citation: { doc: 'FAQ2021', clause: '五（申请条件）', verified: true } as StatedCitation,
    thresholdCitation: R2023('二(四)'),
  },

  county: {
    counties: { tonglu: '桐庐县', chunan: '淳安县', jiande: '建德市' },
    citation: R2023('二(五)'),
  },
} as const;

export type CountyCode = keyof typeof PATHWAY_RULES.county.counties;
