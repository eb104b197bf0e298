// The points indicator table as dated, cited data (openfisca style). Every number a score depends on is in
// indicators/: one module per theme, where each indicator's dated versions sit beside the small formula that reads
// them. This file assembles the table and holds the rules between indicators (combinations, ranking).
// `verified: true` only where 杭政办函〔2023〕33号 (R2023) or the 2021 Q&A (FAQ2021) states the value; everything
// else comes from public copies of the official indicator table and says what was assumed.
import { ageIndicator } from './indicators/age';
import { LOWER_READING_PRINCIPLE, publicCopy, TABLE_COPY } from './indicators/common';
import {
  boneMarrowIndicator,
  bloodDonationIndicator,
  charityIndicator,
  inventionPatentIndicator,
  volunteeringIndicator,
} from './indicators/contributions';
import {
  criminalIndicator,
  detentionIndicator,
  dishonestyIndicator,
  drugRehabIndicator,
  familyPlanningIndicator,
  severeDishonestyIndicator,
} from './indicators/deductions';
import { honoursIndicator } from './indicators/honours';
import { incomeTaxIndicator } from './indicators/income-tax';
import { educationIndicator, titleSkillIndicator } from './indicators/qualifications';
import {
  ownHomeIndicator,
  rentalIndicator,
  residenceRegistrationIndicator,
  socialInsuranceIndicator,
} from './indicators/residence';
import { vetoIndicator } from './indicators/veto';
import type { Confidence, IndicatorTable, Citation } from './types';
import { POINTS_THRESHOLD, POINTS_THRESHOLD_CITATION } from './threshold';

export { LOWER_READING_PRINCIPLE, OWN_HOME_80_FROM, R2023_IN_FORCE, REVISION_2021_FROM } from './indicators/common';

/**
 * The last cut-off date this data was reviewed for. A later round is scored with the newest versions and a
 * warning, because a new yearly notice may have changed them.
 */
export const RULES_REVIEWED_THROUGH = '2026-10-01';

export const INDICATORS: IndicatorTable = {
  age: ageIndicator,
  education: educationIndicator,
  titleSkill: titleSkillIndicator,
  socialInsurance: socialInsuranceIndicator,
  residenceRegistration: residenceRegistrationIndicator,
  ownHome: ownHomeIndicator,
  rental: rentalIndicator,
  incomeTax: incomeTaxIndicator,
  honours: honoursIndicator,
  boneMarrow: boneMarrowIndicator,
  bloodDonation: bloodDonationIndicator,
  volunteering: volunteeringIndicator,
  charity: charityIndicator,
  inventionPatent: inventionPatentIndicator,
  criminal: criminalIndicator,
  drugRehab: drugRehabIndicator,
  detention: detentionIndicator,
  dishonesty: dishonestyIndicator,
  severeDishonesty: severeDishonestyIndicator,
  familyPlanning: familyPlanningIndicator,
  veto: vetoIndicator,
};

/** How indicators combine, as data with their sources (the code reads the `mode`). */
export interface CombinationRule {
  mode: 'higher-only' | 'sum';
  description: string;
  source: Citation;
  verified: boolean;
  confidence: Confidence;
  note?: string;
}

/**
 * Readings of "同一事项只计最高一项": the literal one (each matter its highest honour, caps after) is the one the code
 * implements; the other is kept as data only.
 */
export interface HonoursMatterRule extends CombinationRule {
  reading: 'highest-per-matter';
  alternatives: { reading: 'best-total-per-matter'; used: false; note: string }[];
}

export const COMBINATION_RULES: {
  educationVsTitleSkill: CombinationRule;
  titleVsSkill: CombinationRule;
  ownHomeVsRental: CombinationRule;
  oneActOneDeduction: CombinationRule;
  honoursSameMatter: HonoursMatterRule;
} = {
  educationVsTitleSkill: {
    mode: 'higher-only',
    description: '文化程度与专业技术职称/职业技能只取较高一项，不重复计分。',
    source: TABLE_COPY,
    verified: false,
    confidence: 'B',
  },
  titleVsSkill: {
    mode: 'higher-only',
    description: '同时具有职称和职业技能的，取较高一项。',
    source: TABLE_COPY,
    verified: false,
    confidence: 'B',
    note: '公开转载将职称与技能列为同一指标，我们理解为取其高者。',
  },
  ownHomeVsRental: {
    mode: 'higher-only',
    description: '自购产权住房与合法租赁住房只取较高一项。',
    source: publicCopy('个别公开转载的指标说明'),
    verified: false,
    confidence: 'C',
    note: '仅见于个别转载；取较高一项也是较低（保守）的读法。',
  },
  oneActOneDeduction: {
    mode: 'higher-only',
    description: '同一行为同时符合多个减分项的，只按扣分最多的一项扣分。',
    source: TABLE_COPY,
    verified: false,
    confidence: 'B',
    note:
      '表单按类别填写次数：每一行为只应计入其扣分最多的那一类（例如因同一事件既被拘留又被判刑的，只填刑事犯罪）。' +
      '"存在失信记录"指严重失信名单以外的失信记录；仅有严重失信名单记录的，不另扣40分。',
  },
  honoursSameMatter: {
    mode: 'higher-only',
    reading: 'highest-per-matter',
    description: '同一事项获得多个级别荣誉的，只计最高一项；各级别上限在此之后适用。',
    source: TABLE_COPY,
    verified: false,
    confidence: 'B',
    note:
      '按字面读法：每一事项只计其最高级别的荣誉，再按级别适用上限。若该级别已达上限，较低级别的荣誉也不再计分，' +
      '因此增加一项更高级别的荣誉可能使总分下降（例：已有3项国家级荣誉（240分，已达上限）时，另一事项同时获国家级和区级荣誉，' +
      '字面读法计240分，另一读法计250分）。' +
      LOWER_READING_PRINCIPLE,
    alternatives: [
      {
        reading: 'best-total-per-matter',
        used: false,
        note:
          '另一读法（未采用）：每一事项计其中一项，按使总分最高的方式选取，增加荣誉不会使总分下降；' +
          '上例计250分，高于字面读法，按"取较低读法"的原则不采用。',
      },
    ],
  },
};

/** How the indicator groups were assigned: the sources name the groups but not which indicator is in which. */
export const GROUPING_NOTE = {
  text: '指标分为基础指标、加分指标、减分指标和一票否决指标（RULES.md）；各指标的归类依公开转载，个人所得税归为加分指标。',
  verified: false,
  confidence: 'B' as Confidence,
};

/** One key of the ranking order used when totals are equal. */
export interface TieBreakKey {
  key: 'total' | 'socialInsuranceMonths' | 'residenceRegistrationYears' | 'submittedAt';
  direction: 'desc' | 'asc';
  label: string;
}

/**
 * Ranking order for a quota round. The sources say a line is drawn under a quota (FAQ2021 Q10) but publish no
 * tie-break, so this order is our choice, published with the result and marked unverified.
 */
export const RANKING_RULE = {
  order: [
    { key: 'total', direction: 'desc', label: '积分总分高者在前' },
    { key: 'socialInsuranceMonths', direction: 'desc', label: '总分相同的，社保缴纳月数多者在前' },
    { key: 'residenceRegistrationYears', direction: 'desc', label: '仍相同的，居住登记年数长者在前' },
    { key: 'submittedAt', direction: 'asc', label: '仍相同的，积分申请提交时间早者在前' },
  ] as TieBreakKey[],
  /** Last resort so the order is total and reproducible: application id, ascending. */
  finalKeyLabel: '以上均相同的，按申请编号排序（仅为保证结果可复现）',
  minimumPoints: POINTS_THRESHOLD,
  minimumPointsSource: { doc: POINTS_THRESHOLD_CITATION.doc, clause: POINTS_THRESHOLD_CITATION.clause } as Citation,
  source: {
    doc: 'our-choice',
    description: '来源文件未规定同分排序规则（FAQ2021 Q10 仅说明按总量控制划定分数线）',
  } as Citation,
  verified: false,
  confidence: 'C' as Confidence,
  note: '同分排序规则为我们的假设：先比社保月数（在杭贡献时间），再比居住登记年限，再比提交时间。',
  alternatives: [
    {
      order: ['total', 'residenceRegistrationYears', 'socialInsuranceMonths', 'submittedAt'],
      note: '先比居住年限的读法。',
    },
    { order: ['total', 'submittedAt'], note: '同分按提交先后的读法。' },
  ],
};
