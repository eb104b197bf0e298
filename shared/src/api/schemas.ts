// Over 300 lines on purpose: the input of every action in one file, so one page answers what a call may carry
// (rounds, certificates, roster, calendar and claims have theirs beside it).
// Input schemas of every cloud-function action (the payload beside `action`). The client validates its forms with
// the same schemas; the functions validate every call with them before anything else. Objects are strict: an
// unknown field (e.g. an `openid` — identity only ever comes from the platform) is rejected, never ignored.
import { z } from 'zod';
import { INDICATORS } from '../scoring/rules';
import { DEPARTMENT_CODES } from '../scoring/departments';
import type { IndicatorCode } from '../scoring/types';
import { ClaimSchema, EVIDENCE_FILES_MAX } from './claims';
import { unprintableNameCharacters } from './name-font';
// GB 11643 ID numbers and mainland mobile numbers: the people barrel's form schemas (checksum, region, date).
import { IdNumberSchema, PhoneSchema } from '../people/id-number';
import { tryParseDate } from '../calendar/civil-date';

// Department codes and names live in ./departments (no zod): screens that only name a department stay light.
export { DEPARTMENT_CODES, DEPARTMENT_LABELS } from './departments';

export const INDICATOR_CODES = Object.keys(INDICATORS) as [IndicatorCode, ...IndicatorCode[]];

// ---- Building blocks ----

/** Our own document ids: letters, digits, '-', '_', ':' (never a path, never an object). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_:-]{1,128}$/, '编号格式不正确');
/** Client-chosen id making a submission idempotent (e.g. a UUID generated when the form opens). */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为8至64位字母、数字、-或_');
/**
 * A Chinese name: 2–20 characters counted by code point (a character of Extension B, e.g. 𠇔, is one character though
 * two UTF-16 units), unified ideographs of every block (堃 in GBK, 䶮 in Extension A, 𠇔 in Extension B) and the
 * middle dot of transcribed names; or a Latin-letter name. Each Han character must also be one the certificate font
 * prints (name-characters.ts, generated with the font): a name that registers always prints.
 */
const NAME_SHAPE = /^[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{20000}-\u{323AF}·]{2,20}$|^[A-Za-z][A-Za-z .'-]{1,49}$/u;
export const NameSchema = z
  .string()
  .trim()
  .regex(NAME_SHAPE, '请填写与身份证件一致的姓名')
  .superRefine((name, ctx) => {
    if (!NAME_SHAPE.test(name)) return; // the shape's own message stands
    const missing = unprintableNameCharacters(name);
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `姓名中的“${missing.join('、')}”暂未收录于本系统字库，无法在积分有效凭证上打印，请到区积分受理点咨询办理`,
      });
    }
  });
export const DepartmentSchema = z.enum(DEPARTMENT_CODES);
export const IndicatorSchema = z.enum(INDICATOR_CODES);
export const YearSchema = z.number().int().min(2021).max(2100);
/** Years a date in an action's input may have: wide enough for any date the domain uses, and no date arithmetic
 * on a stored date can leave the four-digit years the calendar package reads (9999-12-31 + 1 day would). */
export const ISO_DATE_YEARS = { min: 1900, max: 2100 } as const;
/** The offending text at the head of a date message (short strings only: a message is not a place for payloads). */
const quoted = (input: unknown) => (typeof input === 'string' && input.length <= 30 ? `${input} ` : '');
/**
 * Every date in an action's input: a real Beijing calendar date 'YYYY-MM-DD' (2028-02-29 yes; 2027-02-29, 2029-02-30,
 * 2030-11-31 no). A date that only looks like one used to be stored and made later actions fail; the calendar
 * package's own parser decides, so the schema and the date arithmetic can never disagree.
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (iss) => `${quoted(iss.input)}格式应为 YYYY-MM-DD（如 2026-10-21）`,
    abort: true,
  })
  .refine((d) => tryParseDate(d) !== null, {
    error: (iss) => `${quoted(iss.input)}不是真实存在的日期（请核对月份天数与闰年）`,
    abort: true,
  })
  .refine(
    (d) => {
      const year = Number(d.slice(0, 4));
      return year >= ISO_DATE_YEARS.min && year <= ISO_DATE_YEARS.max;
    },
    { error: (iss) => `${quoted(iss.input)}的年份应在 ${ISO_DATE_YEARS.min} 至 ${ISO_DATE_YEARS.max} 之间` },
  );
export const PageSchema = {
  limit: z.number().int().min(1).max(100).optional(),
  skip: z.number().int().min(0).max(100000).optional(),
};
/** Claim data: fields of the calculator profile (rules package) for this indicator; checked against it on save. */
export const ClaimValueSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/), z.unknown());
export const FileIdListSchema = z.array(IdSchema).max(EVIDENCE_FILES_MAX);

/** Who the action is for: a person id from `accounts.listSubjects`; absent = the caller themself. */
const onBehalfOf = IdSchema.optional();

// ---- accounts ----
/**
 * Version of the 隐私政策 (client/src/packages/privacy) a person agrees to at registration. Change it with every change
 * of what the policy says is collected, why, who sees it or how long it is kept: registration then asks again.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-04';
/** The person's explicit consent (个人信息保护法 第十四条, 第二十九条 for sensitive data such as ID numbers). */
export const PrivacyConsentSchema = z.strictObject({ policyVersion: z.string().min(1).max(20), agreed: z.boolean() });
export const RegisterInput = z.strictObject({
  name: NameSchema,
  idNumber: IdNumberSchema,
  phone: PhoneSchema,
  privacyConsent: PrivacyConsentSchema,
});
/** Everything held about the caller (个人信息保护法 第四十五条). */
export const ExportMyDataInput = z.strictObject({});
/** Deleting one's own account (个人信息保护法 第四十七条); `confirm` is the on-screen confirmation. */
export const DeleteAccountInput = z.strictObject({ confirm: z.literal(true) });
export const MeInput = z.strictObject({});
/**
 * The caller's relation to a person without WeChat, read as "I am the subject's <relation>".
 * Whether it allows acting for them is decided by `mayActFor` (rules package).
 */
export const RelationSchema = z.enum(['guardian', 'parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild']);
export const AddDependentInput = z.strictObject({
  name: NameSchema,
  idNumber: IdNumberSchema,
  relation: RelationSchema,
  /** The dependent has a disability (declared; shown to reviewers). */
  disabled: z.boolean().optional(),
  /** The dependent cannot apply in person (行动不便; declared): needed for the elderly and disabled routes. */
  unableToActInPerson: z.boolean().optional(),
  /** Both identity documents (FAQ2021 Q8), uploaded first by the caller through storage (`files.prepareUpload` → `files.commitUpload`) purpose 'identity'. */
  actorIdentityFileId: IdSchema,
  subjectIdentityFileId: IdSchema,
});
export const ListSubjectsInput = z.strictObject({});
/** The caller ends their recorded relation to a dependant (e.g. guardianship passed to someone else). */
export const EndRelationInput = z.strictObject({ personId: IdSchema });
export const CreateEntrustmentInput = z.strictObject({
  employeeName: NameSchema,
  employeeIdNumber: IdNumberSchema,
  employerName: z.string().trim().min(2).max(60),
  entrustmentFileId: IdSchema,
  employeeIdentityFileId: IdSchema,
  agentIdentityFileId: IdSchema,
});
export const EntrustmentRefInput = z.strictObject({ entrustmentId: IdSchema });
export const ListEntrustmentsInput = z.strictObject({});
export const RoleSchema = z.enum(['reviewer', 'district-office', 'admin']);
export const GrantRoleInput = z
  .strictObject({ openid: z.string().min(1).max(128), role: RoleSchema, department: DepartmentSchema.optional() })
  .refine((v) => (v.role === 'reviewer') === (v.department !== undefined), {
    message: '审核员必须指定审核部门，其他角色不指定部门',
    path: ['department'],
  });
export const RevokeRoleInput = z.strictObject({ openid: z.string().min(1).max(128), role: RoleSchema });
/**
 * The staff-roles page (admin): a person is found by their registered identity (name + ID number, both must match),
 * granted by person id, and a role is revoked by the opaque staff id `listStaff` gives (an openid never reaches the
 * page: seeded staff accounts may have no registered person).
 */
export const FindStaffCandidateInput = z.strictObject({ name: NameSchema, idNumber: IdNumberSchema });
export const GrantStaffRoleInput = z
  .strictObject({ personId: IdSchema, role: RoleSchema, department: DepartmentSchema.optional() })
  .refine((v) => (v.role === 'reviewer') === (v.department !== undefined), {
    message: '审核员必须指定审核部门，其他角色不指定部门',
    path: ['department'],
  });
export const StaffIdSchema = z.string().regex(/^staff-[0-9a-f]{40}$/, '工作人员编号格式不正确');
export const RevokeStaffRoleInput = z.strictObject({ staffId: StaffIdSchema, role: RoleSchema });
export const ListStaffInput = z.strictObject({});
export const RoleHistoryInput = z.strictObject({ limit: z.number().int().min(1).max(100).optional() });
/**
 * District office, after checking the identity card at the window: binds a WeChat user (who has not registered) to
 * a person created by a guardian without WeChat (e.g. a ward who has grown up).
 */
export const BindAtWindowInput = z.strictObject({
  openid: z.string().min(1).max(128),
  personId: IdSchema,
  phone: PhoneSchema,
});

// ---- files ----
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const FilePurposeSchema = z.enum(['evidence', 'entrustment', 'identity', 'roster']);
export const ReadFileInput = z.strictObject({ fileId: IdSchema });
/** The kinds of file accepted (checked again on the bytes by files.commitUpload: JPEG/PNG/PDF magic bytes). */
export const UploadKindSchema = z.enum(['jpg', 'png', 'pdf', 'xlsx', 'csv']);
/** Which kinds each purpose takes: a roster is a spreadsheet (xlsx: a ZIP container; csv: text), the rest documents. */
export const UPLOAD_KINDS_BY_PURPOSE = {
  evidence: ['jpg', 'png', 'pdf'],
  entrustment: ['jpg', 'png', 'pdf'],
  identity: ['jpg', 'png', 'pdf'],
  roster: ['xlsx', 'csv'],
} as const satisfies Record<z.output<typeof FilePurposeSchema>, readonly z.output<typeof UploadKindSchema>[]>;
/**
 * Step 1 of an upload: the server chooses where the client puts the bytes (cloud storage on weapp, the local
 * cloud's upload endpoint in local mode). The bytes never travel inside a function call.
 */
export const PrepareUploadInput = z
  .strictObject({
    onBehalfOf,
    purpose: FilePurposeSchema,
    kind: UploadKindSchema,
    /** Size the client is about to send (after compression); the stored bytes are measured again on commit. */
    size: z.number().int().min(1, '文件内容为空').max(MAX_FILE_BYTES, '文件过大：单个材料不得超过4MB'),
  })
  .refine((v) => (UPLOAD_KINDS_BY_PURPOSE[v.purpose] as readonly string[]).includes(v.kind), {
    message: '文件类型与用途不符：员工名单仅支持xlsx或csv表格，其他材料仅支持JPEG、PNG图片或PDF文件',
    path: ['kind'],
  });
/** Step 3: the server reads what was uploaded, checks it and records it. `fileID` is what the upload answered. */
export const CommitUploadInput = z.strictObject({
  uploadId: IdSchema,
  fileID: z.string().min(1).max(1024),
});

// ---- applications ----
export const SaveDraftInput = z.strictObject({
  onBehalfOf,
  year: YearSchema,
  claims: z
    .array(ClaimSchema)
    .max(INDICATOR_CODES.length)
    .refine((cs) => new Set(cs.map((c) => c.indicator)).size === cs.length, '同一指标只能申报一次'),
});
export const ApplicationRefInput = z.strictObject({ applicationId: IdSchema });
export const ListApplicationsInput = z.strictObject({ onBehalfOf });
export const SubmitInput = z.strictObject({
  applicationId: IdSchema,
  /** 个人承诺: must be exactly true. */
  commitment: z.boolean(),
  requestId: RequestIdSchema,
});
export const SupplementInput = z.strictObject({
  applicationId: IdSchema,
  indicator: IndicatorSchema,
  value: ClaimValueSchema,
  evidence: FileIdListSchema,
});

// ---- review ----
export const ItemStatusSchema = z.enum(['pending', 'reviewing', 'approved', 'returned']);
export const QueueInput = z.strictObject({ status: ItemStatusSchema.optional(), ...PageSchema });
export const ItemRefInput = z.strictObject({ itemId: IdSchema });
export const DecideInput = z.discriminatedUnion('decision', [
  z.strictObject({ itemId: IdSchema, decision: z.literal('approved'), acceptedValue: ClaimValueSchema }),
  z.strictObject({ itemId: IdSchema, decision: z.literal('reviewing') }),
  z.strictObject({ itemId: IdSchema, decision: z.literal('returned'), reason: z.string().trim().min(2).max(500) }),
]);
/**
 * Items a department confirms from its own records (public security: age from the ID number, the deductions and the
 * veto): one reviewer may approve all of them for one applicant in one action (review.decideMany).
 */
export const OWN_RECORD_INDICATORS = [
  'age',
  'criminal',
  'drugRehab',
  'detention',
  'dishonesty',
  'severeDishonesty',
  'veto',
] as const satisfies readonly IndicatorCode[];
export const DecideManyInput = z.strictObject({
  applicationId: IdSchema,
  approvals: z
    .array(z.strictObject({ itemId: IdSchema, acceptedValue: ClaimValueSchema }))
    .min(1)
    .max(OWN_RECORD_INDICATORS.length)
    .refine((xs) => new Set(xs.map((x) => x.itemId)).size === xs.length, '事项不能重复'),
});

// ---- objections ----
/** Longest objection and answer text, in characters (a form limit, not policy; the pages' counters show it). */
export const OBJECTION_TEXT_MAX = 1000;
export const FileObjectionInput = z.strictObject({
  applicationId: IdSchema,
  indicators: z
    .array(IndicatorSchema)
    .min(1)
    .max(INDICATOR_CODES.length)
    .refine((xs) => new Set(xs).size === xs.length, '指标不能重复'),
  reason: z.string().trim().min(2).max(OBJECTION_TEXT_MAX),
  /** The applicant's own uploaded evidence files (files.prepareUpload → files.commitUpload, purpose 'evidence'), read by the district office. */
  evidence: FileIdListSchema.refine((xs) => new Set(xs).size === xs.length, '材料不能重复').optional(),
  requestId: RequestIdSchema,
});
export const ListObjectionsInput = z.strictObject({ status: z.enum(['open', 'answered']).optional(), ...PageSchema });
export const AnswerObjectionInput = z.strictObject({
  objectionId: IdSchema,
  reply: z.string().trim().min(2).max(OBJECTION_TEXT_MAX),
  /** Items whose value the answer changes: a new accepted value, or null = not accepted (scores 0). */
  changes: z
    .array(z.strictObject({ indicator: IndicatorSchema, acceptedValue: ClaimValueSchema.nullable() }))
    .max(INDICATOR_CODES.length),
});

/** Every action's input schema, by function and action: the functions and the client use this one table. */
export const ACTION_INPUTS = {
  accounts: {
    register: RegisterInput,
    me: MeInput,
    addDependent: AddDependentInput,
    listSubjects: ListSubjectsInput,
    endRelation: EndRelationInput,
    createEntrustment: CreateEntrustmentInput,
    confirmEntrustment: EntrustmentRefInput,
    revokeEntrustment: EntrustmentRefInput,
    listEntrustments: ListEntrustmentsInput,
    grantRole: GrantRoleInput,
    revokeRole: RevokeRoleInput,
    findStaffCandidate: FindStaffCandidateInput,
    grantStaffRole: GrantStaffRoleInput,
    revokeStaffRole: RevokeStaffRoleInput,
    listStaff: ListStaffInput,
    roleHistory: RoleHistoryInput,
    bindAtWindow: BindAtWindowInput,
    exportMyData: ExportMyDataInput,
    deleteAccount: DeleteAccountInput,
  },
  files: { read: ReadFileInput, prepareUpload: PrepareUploadInput, commitUpload: CommitUploadInput },
  applications: {
    saveDraft: SaveDraftInput,
    get: ApplicationRefInput,
    list: ListApplicationsInput,
    submit: SubmitInput,
    supplement: SupplementInput,
  },
  review: { queue: QueueInput, getItem: ItemRefInput, decide: DecideInput, decideMany: DecideManyInput },
  objections: { file: FileObjectionInput, list: ListObjectionsInput, answer: AnswerObjectionInput },
} as const;

export type ActionInputs = typeof ACTION_INPUTS;
export type FunctionName = keyof ActionInputs;
export type ActionName<F extends FunctionName> = keyof ActionInputs[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<
  ActionInputs[F][A] extends z.ZodType ? ActionInputs[F][A] : never
>;
