// 社会保险, 居住登记, 自购产权住房 and 合法租赁住房: dated data and one formula each. That only the higher of own
// home and rental counts is a combination rule (rules.ts COMBINATION_RULES, applied in combinations.ts).
import { fmt, H, linearHalves, NOT_FILLED } from '../formula';
import type { Formula } from '../formula';
import type { Indicator } from '../types';
import { FROM_PUBLIC_COPY, OWN_HOME_80_FROM, publicCopy, TABLE_COPY } from './common';

export const socialInsuranceIndicator: Indicator<'socialInsurance'> = {
  code: 'socialInsurance',
  label: '社会保险',
  group: 'basic',
  department: 'hrss',
  evidence: ['杭州市区社会保险缴纳记录（由人力社保部门数据核验）'],
  lookBackYears: null,
  summary:
    '在市区缴纳社会保险每满1个月0.5分，最高120分；补缴、转入的缴费月数不计，重复缴费月份只计一次，未参加养老或医疗保险的不计分。',
  versions: [
    {
      id: 'socialInsurance-0.5pm',
      from: null,
      until: null,
      params: { unit: 1, rate: 0.5, cap: 120 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: '分值来自公开转载。填写的月数应已扣除补缴、转入及重复月份（由申请人自行扣除）。',
    },
  ],
};

export const residenceRegistrationIndicator: Indicator<'residenceRegistration'> = {
  code: 'residenceRegistration',
  label: '居住登记和居住证年限',
  group: 'basic',
  department: 'public-security',
  evidence: ['居住登记记录或《浙江省居住证》（由公安部门数据核验）'],
  lookBackYears: null,
  summary: '在市区居住登记或持居住证每满1年5分，累计计算，最高100分；中断的时段只计其中满12个月的部分。',
  versions: [
    {
      id: 'residenceRegistration-5py',
      from: null,
      until: null,
      params: { unit: 1, rate: 5, cap: 100 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: '分值来自公开转载。填写的年数应为累计满整年的年数。',
    },
  ],
};

export const ownHomeIndicator: Indicator<'ownHome'> = {
  code: 'ownHome',
  label: '自购产权住房',
  group: 'basic',
  department: 'housing',
  evidence: ['不动产权证书（本人名下）', '居住登记地址须为该住房'],
  lookBackYears: null,
  summary: '在市区拥有自购产权住房并实际居住：2024年7月1日起80分（此前30分）；多套住房不累计；与合法租赁只取较高一项。',
  versions: [
    {
      id: 'ownHome-30',
      from: null,
      until: OWN_HOME_80_FROM,
      params: { points: 30 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: '2024年7月1日前为30分，配偶、父母、子女名下住房亦可计分（公开转载）。',
    },
    {
      id: 'ownHome-80',
      from: OWN_HOME_80_FROM,
      until: null,
      params: { points: 80 },
      source: publicCopy('2024年调整后的积分指标公开转载：自购产权住房80分'),
      verified: false,
      confidence: 'B',
      note: '自2024年7月1日起（按指标截止日判断）为80分，仅限本人产权且居住登记地址为该住房（公开转载）。',
    },
  ],
};

export const rentalIndicator: Indicator<'rental'> = {
  code: 'rental',
  label: '合法租赁住房',
  group: 'basic',
  department: 'housing',
  evidence: ['经登记备案的房屋租赁合同或租赁备案证明'],
  lookBackYears: null,
  summary: '在市区合法租赁住房每满1年6分，最高30分；与自购产权住房只取较高一项。',
  versions: [
    {
      id: 'rental-6py',
      from: null,
      until: null,
      params: { unit: 1, rate: 6, cap: 30 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: FROM_PUBLIC_COPY,
    },
  ],
};

/** 0.5 per month paid in the urban districts, up to the cap. */
export const socialInsuranceFormula: Formula<'socialInsurance'> = (profile, version) => {
  const months = profile.socialInsuranceMonths;
  if (months === undefined) return { halves: 0, explanation: NOT_FILLED };
  const p = version.params;
  const halves = linearHalves(months, p);
  return {
    halves,
    explanation:
      halves === H(p.cap) && months * p.rate > p.cap
        ? `市区缴纳社保${months}个月，已达上限：${fmt(halves)}分`
        : `市区缴纳社保${months}个月，每月${p.rate}分：${fmt(halves)}分`,
  };
};

/** Per full year of registration or residence permit, up to the cap. */
export const residenceRegistrationFormula: Formula<'residenceRegistration'> = (profile, version) => {
  const years = profile.residenceRegistrationYears;
  if (years === undefined) return { halves: 0, explanation: NOT_FILLED };
  const p = version.params;
  const halves = linearHalves(years, p);
  return {
    halves,
    explanation:
      years * p.rate > p.cap
        ? `居住登记${years}年，已达上限：${fmt(halves)}分`
        : `居住登记${years}年，每年${p.rate}分：${fmt(halves)}分`,
  };
};

/** A flat number of points for owning a home (several homes do not add up). */
export const ownHomeFormula: Formula<'ownHome'> = (profile, version) => {
  if (profile.ownHome === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (!profile.ownHome) return { halves: 0, explanation: '无自购产权住房：0分' };
  const halves = H(version.params.points);
  return { halves, explanation: `有自购产权住房：${fmt(halves)}分` };
};

/** Per full year of registered rental, up to the cap. */
export const rentalFormula: Formula<'rental'> = (profile, version) => {
  const years = profile.rentalYears;
  if (years === undefined) return { halves: 0, explanation: NOT_FILLED };
  const p = version.params;
  const halves = linearHalves(years, p);
  return {
    halves,
    explanation:
      years * p.rate > p.cap
        ? `合法租赁${years}年，已达上限：${fmt(halves)}分`
        : `合法租赁${years}年，每年${p.rate}分：${fmt(halves)}分`,
  };
};
