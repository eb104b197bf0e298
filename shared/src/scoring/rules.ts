// The points indicator table as dated, cited data (openfisca style). Every number a score depends on is here.
// `verified: true` only where 杭政办函〔2023〕33号 (R2023) or the 2021 Q&A (FAQ2021) states the value; everything
// else comes from public copies of the official indicator table and says what was assumed.
import type { Confidence, IndicatorTable, Source, SubReading, ThresholdStepParams } from './types';

const R2023_4: Source = { doc: 'R2023', clause: '二(四)' };
const FAQ_Q3: Source = { doc: 'FAQ2021', clause: 'Q3' };
const FAQ_Q5: Source = { doc: 'FAQ2021', clause: 'Q5' };
const publicCopy = (description: string): Source => ({ doc: 'public-copy', description });
const TABLE_COPY = publicCopy('《杭州市居住证积分指标及分值表》公开转载版本（多份一致）');
const TABLE_COPY_CONFLICT = publicCopy('《杭州市居住证积分指标及分值表》公开转载版本（各版本不一致）');
const VETO_NOTE_COPY = publicCopy('《杭州市居住证积分管理指标体系（试行）》公开转载，注1（严重刑事犯罪的范围；仅见一份）');

// Texts repeated across indicators, written once (a minifier does not merge equal string literals).
const CHECKED_BY_PUBLIC_SECURITY = '由公安部门数据核查，申请人无需提交';
const FROM_PUBLIC_COPY = '分值来自公开转载。';
const SUPERSEDED_2021 = '2021年修订前的分值（已被取代）。';

/** R2023 takes effect on this day (R2023 结尾：本意见自2023年5月8日起施行). */
export const R2023_IN_FORCE = '2023-05-08';
/**
 * The 2021 revision of the 管理办法 applies to rounds whose cut-off date is on or after this day. FAQ2021 Q5 scores
 * the 2021 second-half round (cut-off 2021-10-01) "根据新《办法》"; the revision's own effective date is not in
 * our sources, so earlier cut-offs use the superseded values.
 */
export const REVISION_2021_FROM = '2021-10-01';
/** Public copies: the own-home indicator was raised to 80 points (and restricted to the applicant's own home). */
export const OWN_HOME_80_FROM = '2024-07-01';

/**
 * The last cut-off date this data was reviewed for. A later round is scored with the newest versions and a
 * warning, because a new yearly notice may have changed them.
 */
export const RULES_REVIEWED_THROUGH = '2026-10-01';

/**
 * 个体工商户/个人投资者: public copies of the indicator table describe a separate income-tax scale for them; neither of
 * our two documents has it, and no public copy with its figures was found. The assumption (in words, in the note):
 * only the personal income tax the person paid counts, on the general scale, under the same cap. Confidence C.
 */
function businessOwnerTaxReading(cap: number): SubReading<ThresholdStepParams> {
  return {
    params: { threshold: 10000, firstPoints: 1, step: 5000, stepPoints: 1, cap },
    source: publicCopy('指标表公开转载：个体工商户、个人投资者的纳税另有计分标准（未找到载明具体数额的转载）'),
    verified: false,
    confidence: 'C',
    note:
      '公开转载的指标表称个体工商户、个人投资者的纳税另按单独标准计分，但未找到该标准的具体数额。本工具的假设：' +
      '只计本人名下在市区缴纳的个人所得税（含经营所得个人所得税，不含增值税等其他税种和以企业名义缴纳的税款），' +
      `按一般标准计分（满1万元1分，此后每满5000元加1分），最高分与一般标准相同（${cap}分）。实际标准可能不同，以税务部门审核为准。`,
    alternatives: [{ params: {}, note: '单独标准的读法：起点、步长与计入的税种未知，结果可能高于或低于本估算。' }],
  };
}

/** Applies wherever a value had to be chosen: we take the lower reading so an estimate never over-promises. */
export const LOWER_READING_PRINCIPLE =
  '来源缺失或互相矛盾时，取较低的读法，以免自评结果高于审核结果；其他读法保留在数据中。';

export const INDICATORS: IndicatorTable = {
  age: {
    code: 'age',
    label: '年龄',
    group: 'basic',
    department: 'public-security',
    evidence: ['居民身份证（以身份证出生日期计算截止日的周岁）'],
    lookBackYears: null,
    summary: '按指标截止日的周岁计分。2023年5月8日起：18至40周岁30分，超过40周岁每增加1岁减2分，直至不得分。',
    versions: [
      {
        id: 'age-pre2023',
        from: null,
        until: R2023_IN_FORCE,
        params: { minAge: 18, anchorAge: 56, anchorPoints: 5, perYear: 2, maxPoints: 30, floorPoints: 5, zeroAboveAge: 60 },
        source: TABLE_COPY,
        verified: false,
        confidence: 'B',
        note:
          '2023年以前的年龄分值表来自公开转载：56至60周岁5分，每年轻1岁加2分，最高30分（43周岁及以下30分）；60周岁以上0分。' +
          '18周岁以下按0分处理（来源未提及）。',
      },
      {
        id: 'age-R2023',
        from: R2023_IN_FORCE,
        until: null,
        params: { minAge: 18, anchorAge: 40, anchorPoints: 30, perYear: 2, maxPoints: 30, floorPoints: 0, zeroAboveAge: null },
        source: R2023_4,
        verified: true,
        confidence: 'A',
        note: '18周岁以下按0分处理：R2023只规定了18周岁起的分值（此点为我们的假设）。',
      },
    ],
  },

  education: {
    code: 'education',
    label: '文化程度',
    group: 'basic',
    department: 'education',
    evidence: [
      '毕业证书（取最高学历）',
      '学位证书（本科及以上）',
      '国（境）外学历学位须提供教育部留学服务中心认证书',
    ],
    lookBackYears: null,
    summary: '按最高学历计分：高中/中职10分，大专/高职30分，本科且有学位50分，硕士70分，博士90分；本科及以上只有学历或只有学位的少10分；结业、肄业不计分。与职称/技能只取较高一项。',
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
  },

  titleSkill: {
    code: 'titleSkill',
    label: '专业技术职称和职业技能',
    group: 'basic',
    department: 'hrss',
    evidence: ['专业技术资格（职称）证书', '职业资格证书或职业技能等级证书'],
    lookBackYears: null,
    summary: '正高级职称100分；副高级职称或高级技师（一级）80分；中级职称或技师（二级）60分；高级工（三级）40分。职称与技能取较高一项，并与文化程度只取较高一项。',
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
  },

  socialInsurance: {
    code: 'socialInsurance',
    label: '社会保险',
    group: 'basic',
    department: 'hrss',
    evidence: ['杭州市区社会保险缴纳记录（由人力社保部门数据核验）'],
    lookBackYears: null,
    summary: '在市区缴纳社会保险每满1个月0.5分，最高120分；补缴、转入的缴费月数不计，重复缴费月份只计一次，未参加养老或医疗保险的不计分。',
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
  },

  residenceRegistration: {
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
  },

  ownHome: {
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
  },

  rental: {
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
  },

  incomeTax: {
    code: 'incomeTax',
    label: '个人所得税',
    group: 'bonus',
    department: 'tax',
    evidence: ['个人所得税完税证明（截止日前5年内在市区缴纳）'],
    lookBackYears: 5,
    lookBackSource: FAQ_Q5,
    summary:
      '截止日前5年内在市区累计缴纳个人所得税满1万元1分，此后每满5000元加1分；最高分2023年5月8日起由20分提高到80分。' +
      '个体工商户、个人投资者另有单独标准，其数额未找到公开依据，暂按同一标准估算。',
    versions: [
      {
        id: 'incomeTax-cap20',
        from: null,
        until: R2023_IN_FORCE,
        params: {
          threshold: 10000, firstPoints: 1, step: 5000, stepPoints: 1, cap: 20,
          businessOwner: businessOwnerTaxReading(20),
        },
        source: R2023_4,
        otherSources: [TABLE_COPY],
        verified: false,
        confidence: 'B',
        note: '原最高20分见R2023（"从20分提高到80分"）；按金额计分的标准来自公开转载，未经核实，也未见其他读法。',
      },
      {
        id: 'incomeTax-cap80',
        from: R2023_IN_FORCE,
        until: null,
        params: {
          threshold: 10000, firstPoints: 1, step: 5000, stepPoints: 1, cap: 80,
          businessOwner: businessOwnerTaxReading(80),
        },
        source: R2023_4,
        otherSources: [TABLE_COPY],
        verified: false,
        confidence: 'B',
        note: '最高80分经R2023核实（A）；R2023未给出按金额计分的标准，沿用公开转载的"满1万元1分、每满5000元加1分"（B），未见其他读法。',
      },
    ],
  },

  honours: {
    code: 'honours',
    label: '奖项和荣誉称号',
    group: 'bonus',
    department: 'honours',
    evidence: ['荣誉证书或表彰文件（截止日前5年内取得）'],
    lookBackYears: 5,
    lookBackSource: FAQ_Q5,
    summary: '截止日前5年内获得的荣誉：国家级每项80分（最高240分），省级50分（最高150分），市级30分（最高90分），区、县级10分（最高30分）；同一事项只计最高一项。',
    versions: [
      {
        id: 'honours-table',
        from: null,
        until: null,
        params: {
          levels: {
            national: { each: 80, cap: 240 },
            provincial: { each: 50, cap: 150 },
            city: { each: 30, cap: 90 },
            district: { each: 10, cap: 30 },
          },
        },
        source: TABLE_COPY,
        verified: false,
        confidence: 'B',
        note: '分值与上限来自公开转载。"同一事项"以填写的事项名称（去除首尾空格后）相同判断。',
      },
    ],
  },

  boneMarrow: {
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
  },

  bloodDonation: {
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
  },

  volunteering: {
    code: 'volunteering',
    label: '志愿服务',
    group: 'bonus',
    department: 'civilization',
    evidence: ['"志愿汇"平台志愿服务时长记录（截止日前5年内）'],
    lookBackYears: 5,
    lookBackSource: FAQ_Q5,
    summary: '截止日前5年内志愿服务每满20小时2分；最高分各转载版本不一（10分或20分），按10分估算。由市委宣传部（文明办）审核。',
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
  },

  charity: {
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
  },

  inventionPatent: {
    code: 'inventionPatent',
    label: '发明专利',
    group: 'bonus',
    department: 'market-regulation',
    evidence: ['发明专利证书（在杭工作期间取得）', '劳动合同或在职证明'],
    lookBackYears: null,
    summary: '在杭工作期间取得的发明专利：第一专利权人每项计全分，其他专利权人计一半；受让取得的专利不计分。每项分值与上限各转载版本不一，按每项20分、最高20分估算。',
    versions: [
      {
        id: 'inventionPatent-20',
        from: null,
        until: null,
        params: { firstPatentee: 20, coPatentee: 10, cap: 20 },
        source: TABLE_COPY_CONFLICT,
        verified: false,
        confidence: 'C',
        note: '每项分值有20分和30分两种转载，上限未见可靠来源；按较低读法每项20分、合计最高20分估算。' + LOWER_READING_PRINCIPLE,
        alternatives: [
          { params: { firstPatentee: 30, coPatentee: 15 }, note: '部分转载版本：每项30分。' },
          { params: { cap: null }, note: '未设上限的读法。' },
        ],
      },
    ],
  },

  criminal: {
    code: 'criminal',
    label: '5年内一般刑事犯罪记录',
    group: 'deduction',
    department: 'public-security',
    evidence: [CHECKED_BY_PUBLIC_SECURITY],
    lookBackYears: 5,
    lookBackSource: FAQ_Q3,
    summary: '5年内有一般刑事犯罪记录的，每次扣150分（2021年修订前扣80分）。',
    versions: [
      {
        id: 'criminal-80',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 80, once: false },
        source: FAQ_Q3,
        verified: true,
        confidence: 'A',
        note: '2021年修订前的分值（已被取代）；适用的截止日范围为我们的推断。',
      },
      { id: 'criminal-150', from: REVISION_2021_FROM, until: null, params: { each: 150, once: false }, source: FAQ_Q3, verified: true, confidence: 'A' },
    ],
  },

  drugRehab: {
    code: 'drugRehab',
    label: '5年内被强制隔离戒毒',
    group: 'deduction',
    department: 'public-security',
    evidence: [CHECKED_BY_PUBLIC_SECURITY],
    lookBackYears: 5,
    lookBackSource: FAQ_Q3,
    summary: '5年内被强制隔离戒毒的，每次扣100分（2021年修订前扣50分）。',
    versions: [
      {
        id: 'drugRehab-50',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 50, once: false },
        source: FAQ_Q3,
        verified: true,
        confidence: 'A',
        note: SUPERSEDED_2021,
      },
      { id: 'drugRehab-100', from: REVISION_2021_FROM, until: null, params: { each: 100, once: false }, source: FAQ_Q3, verified: true, confidence: 'A' },
    ],
  },

  detention: {
    code: 'detention',
    label: '5年内被行政拘留或司法拘留',
    group: 'deduction',
    department: 'public-security',
    evidence: [CHECKED_BY_PUBLIC_SECURITY],
    lookBackYears: 5,
    lookBackSource: FAQ_Q3,
    summary: '5年内被行政拘留或司法拘留的，每次扣60分（2021年修订前扣30分）。',
    versions: [
      {
        id: 'detention-30',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 30, once: false },
        source: FAQ_Q3,
        verified: true,
        confidence: 'A',
        note: SUPERSEDED_2021,
      },
      { id: 'detention-60', from: REVISION_2021_FROM, until: null, params: { each: 60, once: false }, source: FAQ_Q3, verified: true, confidence: 'A' },
    ],
  },

  dishonesty: {
    code: 'dishonesty',
    label: '5年内存在失信记录',
    group: 'deduction',
    department: 'public-security',
    evidence: ['由国家、浙江省及杭州市公共信用信息平台数据核查，申请人无需提交'],
    lookBackYears: 5,
    lookBackSource: FAQ_Q3,
    summary: '存在失信记录的扣40分（不论条数）；列入严重失信名单的另按每次80分扣减（2021年修订前每次扣20分）。',
    versions: [
      {
        id: 'dishonesty-20each',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 20, once: true },
        source: FAQ_Q3,
        verified: false,
        confidence: 'B',
        note: '修订前为"扣20分/次"（FAQ2021 Q3，已被取代）；本表单只记录是否存在一般失信记录，故按一次计。',
      },
      { id: 'dishonesty-40', from: REVISION_2021_FROM, until: null, params: { each: 40, once: true }, source: FAQ_Q3, verified: true, confidence: 'A' },
    ],
  },

  severeDishonesty: {
    code: 'severeDishonesty',
    label: '列入严重失信名单',
    group: 'deduction',
    department: 'public-security',
    evidence: ['由公共信用信息平台数据核查，申请人无需提交'],
    lookBackYears: 5,
    lookBackSource: FAQ_Q3,
    summary: '列入严重失信名单的，每次扣80分。',
    versions: [
      {
        id: 'severeDishonesty-20',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 20, once: false },
        source: FAQ_Q3,
        verified: false,
        confidence: 'B',
        note: '修订前没有严重失信名单这一档，每条失信记录扣20分（已被取代）；此处按每次20分计。',
      },
      { id: 'severeDishonesty-80', from: REVISION_2021_FROM, until: null, params: { each: 80, once: false }, source: FAQ_Q3, verified: true, confidence: 'A' },
    ],
  },

  familyPlanning: {
    code: 'familyPlanning',
    label: '违反计划生育政策',
    group: 'deduction',
    department: 'public-security',
    evidence: [],
    lookBackYears: null,
    summary: '2021年修订时已删除该减分项，不再扣分。',
    versions: [
      {
        id: 'familyPlanning-20',
        from: null,
        until: REVISION_2021_FROM,
        params: { each: 20, once: false },
        source: FAQ_Q3,
        verified: true,
        confidence: 'A',
        note: '修订前"扣20分/次"（已被取代）。表单不采集此项，故不参与计分。',
      },
      {
        id: 'familyPlanning-deleted',
        removed: true,
        from: REVISION_2021_FROM,
        until: null,
        params: { each: 0, once: false },
        source: FAQ_Q3,
        otherSources: [{ doc: 'FAQ2021', clause: 'Q1' }],
        verified: true,
        confidence: 'A',
        note: '2021年修订删除（入户与生育情况脱钩）。',
      },
    ],
  },

  veto: {
    code: 'veto',
    label: '一票否决',
    group: 'veto',
    department: 'public-security',
    evidence: [CHECKED_BY_PUBLIC_SECURITY],
    lookBackYears: null,
    summary:
      '有严重刑事犯罪记录（法院判决犯故意杀人、故意伤害致人重伤或死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪，' +
      '或被判处5年以上有期徒刑的刑事犯罪），或参加国家禁止的组织或活动的，实行一票否决，不予积分。',
    versions: [
      {
        id: 'veto-table',
        from: null,
        until: null,
        params: {
          // B: the conditions several copies (and RULES.md) agree on; C: only in the one copy of the 指标体系's note 1.
          conditions: [
            { text: '犯故意杀人罪', source: TABLE_COPY, confidence: 'B' },
            { text: '犯故意伤害罪致人重伤或死亡', source: VETO_NOTE_COPY, confidence: 'C' },
            { text: '犯强奸罪', source: VETO_NOTE_COPY, confidence: 'C' },
            { text: '犯抢劫罪', source: TABLE_COPY, confidence: 'B' },
            { text: '犯贩卖毒品罪', source: TABLE_COPY, confidence: 'B' },
            { text: '犯放火罪', source: VETO_NOTE_COPY, confidence: 'C' },
            { text: '犯爆炸罪', source: VETO_NOTE_COPY, confidence: 'C' },
            { text: '犯投放危险物质罪', source: VETO_NOTE_COPY, confidence: 'C' },
            { text: '被判处5年（含）以上有期徒刑的刑事犯罪', source: TABLE_COPY, confidence: 'B' },
            { text: '参加国家禁止的组织', source: TABLE_COPY, confidence: 'B' },
            { text: '参加国家禁止的活动', source: VETO_NOTE_COPY, confidence: 'C' },
          ],
        },
        source: TABLE_COPY,
        otherSources: [VETO_NOTE_COPY],
        verified: false,
        confidence: 'B',
        note:
          '一票否决情形均来自公开转载，两份来源文件未涉及。完整清单见《杭州市居住证积分管理指标体系（试行）》公开转载的注1' +
          '（严重刑事犯罪指法院判决犯故意杀人、故意伤害致人重伤或死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪，' +
          '或被判处5年有期徒刑以上的刑事犯罪；"以上"含本数）；其中只见于该转载的情形可信度为C。' +
          '表单以"是否存在一票否决情形"一项采集，由申请人或审核部门判断。',
      },
    ],
  },
};

/** How indicators combine, as data with their sources (the code reads the `mode`). */
export interface CombinationRule {
  mode: 'higher-only' | 'sum';
  description: string;
  source: Source;
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
      '字面读法计240分，另一读法计250分）。' + LOWER_READING_PRINCIPLE,
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
  minimumPoints: 100,
  minimumPointsSource: { doc: 'FAQ2021', clause: 'Q5' } as Source,
  source: { doc: 'our-choice', description: '来源文件未规定同分排序规则（FAQ2021 Q10 仅说明按总量控制划定分数线）' } as Source,
  verified: false,
  confidence: 'C' as Confidence,
  note: '同分排序规则为我们的假设：先比社保月数（在杭贡献时间），再比居住登记年限，再比提交时间。',
  alternatives: [
    { order: ['total', 'residenceRegistrationYears', 'socialInsuranceMonths', 'submittedAt'], note: '先比居住年限的读法。' },
    { order: ['total', 'submittedAt'], note: '同分按提交先后的读法。' },
  ],
};
