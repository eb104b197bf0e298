// 捐献造血干细胞, 无偿献血, 志愿服务, 慈善捐赠 and 发明专利: dated data and one formula each.
import { fmt, H, linearHalves, NOT_FILLED, thresholdHalves } from '../formula';
import type { Formula } from '../formula';
import type { Indicator } from '../types';
import { FAQ_Q5, FROM_PUBLIC_COPY, LOWER_READING_PRINCIPLE, TABLE_COPY, TABLE_COPY_CONFLICT } from './common';

export const boneMarrowIndicator: Indicator<'boneMarrow'> = {
  code: 'boneMarrow',
  label: '捐献造血干细胞',
  group: 'bonus',
  department: 'health',
  evidence: ['中华骨髓库出具的造血干细胞捐献证明'],
  lookBackYears: null,
  summary: '捐献造血干细胞80分。',
  versions: [
    {
      id: 'boneMarrow-80',
      from: null,
      until: null,
      params: { points: 80 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: FROM_PUBLIC_COPY,
    },
  ],
};

export const bloodDonationIndicator: Indicator<'bloodDonation'> = {
  code: 'bloodDonation',
  label: '无偿献血',
  group: 'bonus',
  department: 'health',
  evidence: ['无偿献血证（在杭州献血）'],
  lookBackYears: null,
  summary: '在杭州累计无偿献血满200毫升1分，此后每满100毫升加0.5分；最高分各转载版本不一（10分或20分），按10分估算。',
  versions: [
    {
      id: 'bloodDonation-cap10',
      from: null,
      until: null,
      params: { threshold: 200, firstPoints: 1, step: 100, stepPoints: 0.5, cap: 10 },
      source: TABLE_COPY_CONFLICT,
      verified: false,
      confidence: 'C',
      note: '最高分转载版本有10分和20分两种，按较低的10分估算。' + LOWER_READING_PRINCIPLE,
      alternatives: [{ params: { cap: 20 }, note: '部分转载版本：最高20分。' }],
    },
  ],
};

export const volunteeringIndicator: Indicator<'volunteering'> = {
  code: 'volunteering',
  label: '志愿服务',
  group: 'bonus',
  department: 'civilization',
  evidence: ['"志愿汇"平台志愿服务时长记录（截止日前5年内）'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q5,
  summary:
    '截止日前5年内志愿服务每满20小时2分；最高分各转载版本不一（10分或20分），按10分估算。由市委宣传部（文明办）审核。',
  versions: [
    {
      id: 'volunteering-cap10',
      from: null,
      until: null,
      params: { unit: 20, rate: 2, cap: 10 },
      source: TABLE_COPY_CONFLICT,
      otherSources: [{ doc: 'FAQ2021', clause: 'Q2' }],
      verified: false,
      confidence: 'C',
      note: '审核部门依FAQ2021 Q2调整为市委宣传部（文明办）；分值与最高分来自公开转载，最高分有10分和20分两种，按较低的10分估算。',
      alternatives: [{ params: { cap: 20 }, note: '部分转载版本：最高20分。' }],
    },
  ],
};

export const charityIndicator: Indicator<'charity'> = {
  code: 'charity',
  label: '慈善捐赠',
  group: 'bonus',
  department: 'civil-affairs',
  evidence: ['慈善组织出具的捐赠票据或证明（截止日前5年内）'],
  lookBackYears: 5,
  lookBackSource: FAQ_Q5,
  summary: '截止日前5年内慈善捐赠每满1000元2分，最高10分。',
  versions: [
    {
      id: 'charity-2per1000',
      from: null,
      until: null,
      params: { unit: 1000, rate: 2, cap: 10 },
      source: TABLE_COPY,
      verified: false,
      confidence: 'B',
      note: FROM_PUBLIC_COPY,
    },
  ],
};

export const inventionPatentIndicator: Indicator<'inventionPatent'> = {
  code: 'inventionPatent',
  label: '发明专利',
  group: 'bonus',
  department: 'market-regulation',
  evidence: ['发明专利证书（在杭工作期间取得）', '劳动合同或在职证明'],
  lookBackYears: null,
  summary:
    '在杭工作期间取得的发明专利：第一专利权人每项计全分，其他专利权人计一半；受让取得的专利不计分。每项分值与上限各转载版本不一，按每项20分、最高20分估算。',
  versions: [
    {
      id: 'inventionPatent-20',
      from: null,
      until: null,
      params: { firstPatentee: 20, coPatentee: 10, cap: 20 },
      source: TABLE_COPY_CONFLICT,
      verified: false,
      confidence: 'C',
      note:
        '每项分值有20分和30分两种转载，上限未见可靠来源；按较低读法每项20分、合计最高20分估算。' +
        LOWER_READING_PRINCIPLE,
      alternatives: [
        { params: { firstPatentee: 30, coPatentee: 15 }, note: '部分转载版本：每项30分。' },
        { params: { cap: null }, note: '未设上限的读法。' },
      ],
    },
  ],
};

export const boneMarrowFormula: Formula<'boneMarrow'> = (profile, version) => {
  const donated = profile.boneMarrowDonation;
  if (donated === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (!donated) return { halves: 0, explanation: '未捐献：0分' };
  const halves = H(version.params.points);
  return { halves, explanation: `已捐献造血干细胞：${fmt(halves)}分` };
};

/** 1 point at 200 ml, + 0.5 per further full 100 ml, up to the cap. */
export const bloodDonationFormula: Formula<'bloodDonation'> = (profile, version) => {
  const ml = profile.bloodDonationMl;
  if (ml === undefined) return { halves: 0, explanation: NOT_FILLED };
  const p = version.params;
  const halves = thresholdHalves(ml, p);
  return {
    halves,
    explanation:
      halves === 0
        ? `累计献血${ml}毫升，不足${p.threshold}毫升：0分`
        : `累计献血${ml}毫升${halves === H(p.cap) ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分`,
  };
};

export const volunteeringFormula: Formula<'volunteering'> = (profile, version, context) => {
  const hours = profile.volunteerHours;
  if (hours === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (hours > 0) context.lookBack = true;
  const p = version.params;
  const halves = linearHalves(hours, p);
  return {
    halves,
    explanation: `5年内志愿服务${hours}小时，每满${p.unit}小时${p.rate}分${halves === H(p.cap) && halves > 0 ? `，已达上限` : ''}：${fmt(halves)}分`,
  };
};

export const charityFormula: Formula<'charity'> = (profile, version, context) => {
  const yuan = profile.donationYuan;
  if (yuan === undefined) return { halves: 0, explanation: NOT_FILLED };
  if (yuan > 0) context.lookBack = true;
  const p = version.params;
  const halves = linearHalves(yuan, p);
  return {
    halves,
    explanation: `5年内慈善捐赠${yuan}元，每满${p.unit}元${p.rate}分${halves === H(p.cap) && halves > 0 ? `，已达上限` : ''}：${fmt(halves)}分`,
  };
};

/** Full points as first patentee, the co-patentee's points otherwise, up to the cap (none if null). */
export const inventionPatentFormula: Formula<'inventionPatent'> = (profile, version) => {
  const patents = profile.inventionPatents;
  if (!patents || patents.length === 0) return { halves: 0, explanation: patents ? '无发明专利：0分' : NOT_FILLED };
  const p = version.params;
  let first = 0;
  for (const patent of patents) if (patent.firstPatentee) first++;
  const co = patents.length - first;
  const raw = first * H(p.firstPatentee) + co * H(p.coPatentee);
  const halves = p.cap === null ? raw : Math.min(raw, H(p.cap));
  const parts: string[] = [];
  if (first) parts.push(`第一专利权人${first}项`);
  if (co) parts.push(`其他专利权人${co}项`);
  return { halves, explanation: `${parts.join('、')}${halves < raw ? `，已达上限${p.cap}分` : ''}：${fmt(halves)}分` };
};
