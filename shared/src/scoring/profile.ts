// The self-assessment profile: one zod schema, used by the client form and the cloud functions alike.
// Every rejection names the field in Chinese. scorePoints itself never runs zod (hot path): parse once here.
import { z } from 'zod';
import { tryParseDate } from '../calendar/civil-date';

/** Chinese field names, also used by the form labels. */
export const PROFILE_FIELD_LABELS = {
  birthDate: '出生日期',
  education: '文化程度',
  hasDiplomaAndDegree: '是否同时具有学历和学位',
  title: '专业技术职称',
  skillLevel: '职业技能等级',
  socialInsuranceMonths: '社保缴纳月数',
  residenceRegistrationYears: '居住登记年数',
  ownHome: '是否有自购产权住房',
  rentalYears: '合法租赁年数',
  incomeTaxYuan: '个人所得税金额',
  taxpayerType: '纳税人身份',
  honours: '荣誉',
  boneMarrowDonation: '是否捐献造血干细胞',
  bloodDonationMl: '无偿献血量',
  volunteerHours: '志愿服务时长',
  donationYuan: '慈善捐赠金额',
  inventionPatents: '发明专利',
  records: '减分记录',
  criminal: '刑事犯罪记录次数',
  drugRehab: '强制隔离戒毒次数',
  detention: '拘留次数',
  dishonesty: '是否存在失信记录',
  severeDishonesty: '列入严重失信名单次数',
  vetoed: '是否存在一票否决情形',
  level: '荣誉级别',
  matter: '荣誉事项',
  firstPatentee: '是否第一专利权人',
} as const;

// Upper bounds only reject obvious typing errors; they are far above any cap.
const MAX_COUNT = 100;
const MAX_MONTHS = 1200;
const MAX_YEARS = 100;
const MAX_AMOUNT = 1e12;
const MAX_LIST = 50;

const int = (label: string, max: number, unit = '') =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max}${unit}` });

const amount = (label: string, max: number, unit = '') =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max}${unit}` });

const bool = (label: string) => z.boolean({ error: `${label}必须选择"是"或"否"` });

const L = PROFILE_FIELD_LABELS;

export const EDUCATION_LEVELS = ['none', 'high-school', 'junior-college', 'bachelor', 'master', 'doctor'] as const;
export const TITLE_LEVELS = ['none', 'intermediate', 'associate-senior', 'senior'] as const;
export const HONOUR_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
/** Income tax scale: `business-owner` (个体工商户、个人投资者) is scored with an unverified reading (rules.ts). */
export const TAXPAYER_TYPES = ['individual', 'business-owner'] as const;

export const EDUCATION_LABELS = {
  none: '高中以下',
  'high-school': '高中/中职',
  'junior-college': '大专/高职',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
} as const;
export const TITLE_LABELS = {
  none: '无',
  intermediate: '中级职称',
  'associate-senior': '副高级职称',
  senior: '正高级职称',
} as const;
export const SKILL_LABELS = {
  1: '高级技师（一级）',
  2: '技师（二级）',
  3: '高级工（三级）',
  4: '中级工（四级）',
  5: '初级工（五级）',
} as const;
export const TAXPAYER_TYPE_LABELS = {
  individual: '个人（工资薪金、劳务报酬等）',
  'business-owner': '个体工商户、个人投资者',
} as const;
export const HONOUR_LEVEL_LABELS = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  district: '区、县级',
} as const;

export const HonourSchema = z.object({
  level: z.enum(HONOUR_LEVELS, { error: `${L.level}必须是国家级、省级、市级或区、县级` }),
  matter: z
    .string({ error: `${L.matter}必须填写` })
    .trim()
    .min(1, { error: `${L.matter}不能为空` })
    .max(100, { error: `${L.matter}不能超过100个字` }),
});

export const PatentSchema = z.object({ firstPatentee: bool(L.firstPatentee) });

export const RecordsSchema = z.object(
  {
    criminal: int(L.criminal, MAX_COUNT, '次').optional(),
    drugRehab: int(L.drugRehab, MAX_COUNT, '次').optional(),
    detention: int(L.detention, MAX_COUNT, '次').optional(),
    dishonesty: bool(L.dishonesty).optional(),
    severeDishonesty: int(L.severeDishonesty, MAX_COUNT, '次').optional(),
    vetoed: bool(L.vetoed).optional(),
  },
  { error: `${L.records}格式不正确` },
);

// One message for the three range checks (written once: a minifier does not merge equal strings).
const SKILL_LEVEL_RANGE = `${L.skillLevel}必须是1至5的整数`;

export const ProfileSchema = z.object(
  {
    birthDate: z
      .string({ error: `${L.birthDate}必须填写` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${L.birthDate}格式应为YYYY-MM-DD`, abort: true })
      .refine((s) => tryParseDate(s) !== null, { error: `${L.birthDate}不是有效的日期` }),
    education: z.enum(EDUCATION_LEVELS, { error: `${L.education}不在可选范围内` }).optional(),
    hasDiplomaAndDegree: bool(L.hasDiplomaAndDegree).default(true),
    title: z.enum(TITLE_LEVELS, { error: `${L.title}不在可选范围内` }).optional(),
    skillLevel: z
      .number({ error: `${L.skillLevel}必须是数字` })
      .int({ error: SKILL_LEVEL_RANGE })
      .min(1, { error: SKILL_LEVEL_RANGE })
      .max(5, { error: SKILL_LEVEL_RANGE })
      .optional(),
    socialInsuranceMonths: int(L.socialInsuranceMonths, MAX_MONTHS, '个月').optional(),
    residenceRegistrationYears: int(L.residenceRegistrationYears, MAX_YEARS, '年').optional(),
    ownHome: bool(L.ownHome).optional(),
    rentalYears: int(L.rentalYears, MAX_YEARS, '年').optional(),
    incomeTaxYuan: amount(L.incomeTaxYuan, MAX_AMOUNT, '元').optional(),
    /** Absent = the general scale (individual). */
    taxpayerType: z.enum(TAXPAYER_TYPES, { error: `${L.taxpayerType}必须是个人或个体工商户、个人投资者` }).optional(),
    honours: z
      .array(HonourSchema, { error: `${L.honours}格式不正确` })
      .max(MAX_LIST, { error: `${L.honours}不能超过${MAX_LIST}项` })
      .optional(),
    boneMarrowDonation: bool(L.boneMarrowDonation).optional(),
    bloodDonationMl: amount(L.bloodDonationMl, 1e6, '毫升').optional(),
    volunteerHours: amount(L.volunteerHours, 1e6, '小时').optional(),
    donationYuan: amount(L.donationYuan, MAX_AMOUNT, '元').optional(),
    inventionPatents: z
      .array(PatentSchema, { error: `${L.inventionPatents}格式不正确` })
      .max(MAX_LIST, { error: `${L.inventionPatents}不能超过${MAX_LIST}项` })
      .optional(),
    records: RecordsSchema.optional(),
  },
  { error: '积分自评信息格式不正确' },
);

/** A parsed profile (defaults applied). */
export type Profile = z.output<typeof ProfileSchema>;
/** What scorePoints accepts: a parsed profile, or one built in code with the same shape (defaults optional). */
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Honour = z.output<typeof HonourSchema>;

export interface ProfileFieldError {
  /** Dotted path, e.g. 'socialInsuranceMonths' or 'honours.0.matter'. */
  field: string;
  message: string;
}

export type ParseProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileFieldError[] };

export function parseProfile(input: unknown): ParseProfileResult {
  const result = ProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
