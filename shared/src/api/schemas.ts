// Input schemas of every cloud-function action (the payload beside `action`). The client validates its forms with
// the same schemas; the functions validate every call with them before anything else. Objects are strict: an
// unknown field (e.g. an `openid` — identity only ever comes from the platform) is rejected, never ignored.
import { z } from 'zod';
import { INDICATORS } from '../scoring/rules';
import type { DepartmentCode, IndicatorCode } from '../scoring/types';
import { ClaimSchema } from './claims';
// GB 11643 ID numbers and mainland mobile numbers: the people barrel's form schemas (checksum, region, date).
import { IdNumberSchema, PhoneSchema } from '../people/id-number';

export const DEPARTMENT_CODES = [
  'public-security',
  'hrss',
  'housing',
  'education',
  'tax',
  'honours',
  'health',
  'civilization',
  'civil-affairs',
  'market-regulation',
] as const satisfies readonly DepartmentCode[];

export const DEPARTMENT_LABELS: Record<DepartmentCode, string> = {
  'public-security': '公安',
  hrss: '人力社保',
  housing: '住保房管',
  education: '教育',
  tax: '税务',
  honours: '荣誉颁发部门',
  health: '卫生健康',
  civilization: '市委宣传部（文明办）',
  'civil-affairs': '民政',
  'market-regulation': '市场监管（知识产权）',
};

export const INDICATOR_CODES = Object.keys(INDICATORS) as [IndicatorCode, ...IndicatorCode[]];

// ---- Building blocks ----

/** Our own document ids: letters, digits, '-', '_', ':' (never a path, never an object). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_:-]{1,128}$/, '编号格式不正确');
/** Client-chosen id making a submission idempotent (e.g. a UUID generated when the form opens). */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为8至64位字母、数字、-或_');
export const NameSchema = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5·]{2,20}$|^[A-Za-z][A-Za-z .'-]{1,49}$/, '请填写与身份证件一致的姓名');
export const DepartmentSchema = z.enum(DEPARTMENT_CODES);
export const IndicatorSchema = z.enum(INDICATOR_CODES);
export const YearSchema = z.number().int().min(2021).max(2100);
export const PageSchema = {
  limit: z.number().int().min(1).max(100).optional(),
  skip: z.number().int().min(0).max(100000).optional(),
};
/** Claim data: fields of the calculator profile (rules package) for this indicator; checked against it on save. */
export const ClaimValueSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/), z.unknown());
export const FileIdListSchema = z.array(IdSchema).max(20);

/** Who the action is for: a person id from `accounts.listSubjects`; absent = the caller themself. */
const onBehalfOf = IdSchema.optional();

// ---- accounts ----
export const RegisterInput = z.strictObject({ name: NameSchema, idNumber: IdNumberSchema, phone: PhoneSchema });
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
  /** Both identity documents (FAQ2021 Q8), uploaded first by the caller with `files.upload` purpose 'identity'. */
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
 * District office, after checking the identity card at the window: binds a WeChat user (who has not registered) to
 * a person created by a guardian without WeChat (e.g. a ward who has grown up).
 */
export const BindAtWindowInput = z.strictObject({ openid: z.string().min(1).max(128), personId: IdSchema, phone: PhoneSchema });

// ---- files ----
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
export const FilePurposeSchema = z.enum(['evidence', 'entrustment', 'identity']);
export const UploadFileInput = z.strictObject({
  onBehalfOf,
  purpose: FilePurposeSchema,
  /**
   * Base64 of the file (≤ 4 MB decoded, else FILE_TOO_LARGE; type by magic bytes, else FILE_TYPE_NOT_ALLOWED).
   * The schema only caps the text at the platform's 6 MB request limit.
   */
  contentBase64: z.string().min(1).max(6 * 1024 * 1024, '文件过大：单个材料不得超过4MB'),
  fileName: z.string().max(100).optional(),
});
export const ReadFileInput = z.strictObject({ fileId: IdSchema });

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
export const OWN_RECORD_INDICATORS = ['age', 'criminal', 'drugRehab', 'detention', 'dishonesty', 'severeDishonesty', 'veto'] as const satisfies readonly IndicatorCode[];
export const DecideManyInput = z.strictObject({
  applicationId: IdSchema,
  approvals: z
    .array(z.strictObject({ itemId: IdSchema, acceptedValue: ClaimValueSchema }))
    .min(1)
    .max(OWN_RECORD_INDICATORS.length)
    .refine((xs) => new Set(xs.map((x) => x.itemId)).size === xs.length, '事项不能重复'),
});

// ---- objections ----
export const FileObjectionInput = z.strictObject({
  applicationId: IdSchema,
  indicators: z
    .array(IndicatorSchema)
    .min(1)
    .max(INDICATOR_CODES.length)
    .refine((xs) => new Set(xs).size === xs.length, '指标不能重复'),
  reason: z.string().trim().min(2).max(1000),
  /** The applicant's own uploaded evidence files (files.upload, purpose 'evidence'), read by the district office. */
  evidence: FileIdListSchema.refine((xs) => new Set(xs).size === xs.length, '材料不能重复').optional(),
  requestId: RequestIdSchema,
});
export const ListObjectionsInput = z.strictObject({ status: z.enum(['open', 'answered']).optional(), ...PageSchema });
export const AnswerObjectionInput = z.strictObject({
  objectionId: IdSchema,
  reply: z.string().trim().min(2).max(1000),
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
    bindAtWindow: BindAtWindowInput,
  },
  files: { upload: UploadFileInput, read: ReadFileInput },
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
