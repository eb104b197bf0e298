// 文化程度 and 专业技术职称/职业技能: dated data and one formula each. That only the higher of the two counts is a
// combination rule (rules.ts COMBINATION_RULES, applied in combinations.ts), not part of either formula.
import { fmt, H, NOT_FILLED } from '../formula';
import type { Formula } from '../formula';
import { EDUCATION_LABELS, SKILL_LABELS, TITLE_LABELS } from '../profile';
import type { Indicator } from '../types';
import { TABLE_COPY } from './common';

export const educationIndicator: Indicator<'education'> = {
  code: 'education',
  label: '文化程度',
  group: 'basic',
  department: 'education',
  evidence: ['毕业证书（取最高学历）', '学位证书（本科及以上）', '国（境）外学历学位须提供教育部留学服务中心认证书'],
  lookBackYears: null,
  summary:
    '按最高学历计分：高中/中职10分，大专/高职30分，本科且有学位50分，硕士70分，博士90分；本科及以上只有学历或只有学位的少10分；结业、肄业不计分。与职称/技能只取较高一项。',
  versions: [
    {
      id: 'education-table',
      from: null,
      until: null,
      params: {
        points: { none: 0, 'high-school': 10, 'junior-college': 30, bachelor: 50, master: 70, doctor: 90 },
        partialLevels: ['bachelor', 'master', 'doctor'],
        partialDeduction: 10,
      },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: '分值来自公开转载的指标表，未经两份来源文件核实。',
    },
  ],
};

export const titleSkillIndicator: Indicator<'titleSkill'> = {
  code: 'titleSkill',
  label: '专业技术职称和职业技能',
  group: 'basic',
  department: 'hrss',
  evidence: ['专业技术资格（职称）证书', '职业资格证书或职业技能等级证书'],
  lookBackYears: null,
  summary:
    '正高级职称100分；副高级职称或高级技师（一级）80分；中级职称或技师（二级）60分；高级工（三级）40分。职称与技能取较高一项，并与文化程度只取较高一项。',
  versions: [
    {
      id: 'titleSkill-table',
      from: null,
      until: null,
      params: {
        title: { none: 0, intermediate: 60, 'associate-senior': 80, senior: 100 },
        skill: { 1: 80, 2: 60, 3: 40, 4: 0, 5: 0 },
      },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note:
        '职称与一、二级技能分值多份公开转载一致（B）；高级工40分仅见于个别转载（C）。' +
        '四级（中级工）、五级（初级工）在各来源中均未列出，按0分处理。',
      alternatives: [
        { params: { skill: { 1: 80, 2: 60, 3: 0, 4: 0, 5: 0 } }, note: '高级工不计分的读法（若40分一说不成立）。' },
      ],
    },
  ],
};

/** The highest level held; at 本科 and above, holding only the diploma or only the degree costs a few points. */
export const educationFormula: Formula<'education'> = (profile, version) => {
  if (profile.education === undefined) return { halves: 0, explanation: NOT_FILLED };
  const p = version.params;
  const level = profile.education;
  const partialLevel = p.partialLevels.includes(level);
  const partial = profile.hasDiplomaAndDegree === false && partialLevel;
  const halves = H(p.points[level] - (partial ? p.partialDeduction : 0));
  const name = EDUCATION_LABELS[level];
  const explanation = partialLevel
    ? `${name}${partial ? '（只有学历或只有学位）' : '学历且有学位'}：${fmt(halves)}分`
    : `${name}：${fmt(halves)}分`;
  return { halves, explanation };
};

/** Title and skill level: the higher of the two (COMBINATION_RULES.titleVsSkill). */
export const titleSkillFormula: Formula<'titleSkill'> = (profile, version) => {
  const p = version.params;
  const skill = profile.skillLevel as 1 | 2 | 3 | 4 | 5 | undefined;
  const titleHalves = profile.title ? H(p.title[profile.title]) : 0;
  const skillHalves = skill ? H(p.skill[skill]) : 0;
  const halves = Math.max(titleHalves, skillHalves);
  const titleName = profile.title && profile.title !== 'none' ? TITLE_LABELS[profile.title] : '';
  const skillName = skill ? SKILL_LABELS[skill] : '';
  if (titleName && skillName) {
    return {
      halves,
      explanation: `${titleName}${fmt(titleHalves)}分、${skillName}${fmt(skillHalves)}分，取较高：${fmt(halves)}分`,
    };
  }
  if (titleName || skillName) return { halves, explanation: `${titleName || skillName}：${fmt(halves)}分` };
  return { halves, explanation: profile.title === 'none' ? '无职称或技能：0分' : NOT_FILLED };
};
