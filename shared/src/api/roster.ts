// Over 300 lines on purpose: the spreadsheet's columns, the words each column accepts and the row parser are read
// together; a column added to one and not the others is a silent import error.
// An employer agent's roster (员工名单): the columns of the spreadsheet, how one row becomes a person and a
// self-assessment profile, and the inputs of the `roster` cloud function. Pure: the server reads the spreadsheet
// (exceljs) into plain cell values and validates each row here, with the same schemas the forms use (NameSchema,
// the GB 11643 IdNumberSchema, PhoneSchema, the calculator's ProfileSchema), so a row error reads like a form error.
import { z } from 'zod';
import { parseIdNumber, PhoneSchema, idNumberSchemaOn } from '../people/id-number';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  PROFILE_FIELD_LABELS,
  TITLE_LABELS,
  TITLE_LEVELS,
  parseProfile,
  type Profile,
} from '../scoring/profile';
import { IdSchema, NameSchema, YearSchema } from './schemas';

/** Rows one import may hold (a large employer's HR files by department; the benchmark imports this many). */
export const ROSTER_MAX_ROWS = 5000;

export type RosterColumnKey =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'education'
  | 'hasDiplomaAndDegree'
  | 'title'
  | 'skillLevel'
  | 'socialInsuranceMonths'
  | 'residenceRegistrationYears'
  | 'ownHome'
  | 'rentalYears'
  | 'incomeTaxYuan';

export interface RosterColumn {
  key: RosterColumnKey;
  /** The header printed in the template and looked for in an uploaded file. */
  header: string;
  /** Other headers HR files commonly use for the same column. */
  aliases: readonly string[];
  required: boolean;
}

const P = PROFILE_FIELD_LABELS;
/** The template's columns, in order. Profile columns carry the calculator's own labels. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', aliases: ['员工姓名'], required: true },
  { key: 'idNumber', header: '身份证号码', aliases: ['身份证号', '公民身份号码'], required: true },
  { key: 'phone', header: '手机号码', aliases: ['手机号', '联系电话'], required: true },
  { key: 'education', header: P.education, aliases: ['学历'], required: false },
  { key: 'hasDiplomaAndDegree', header: P.hasDiplomaAndDegree, aliases: [], required: false },
  { key: 'title', header: P.title, aliases: ['职称'], required: false },
  { key: 'skillLevel', header: P.skillLevel, aliases: ['技能等级'], required: false },
  { key: 'socialInsuranceMonths', header: P.socialInsuranceMonths, aliases: ['社保月数'], required: false },
  { key: 'residenceRegistrationYears', header: P.residenceRegistrationYears, aliases: [], required: false },
  { key: 'ownHome', header: P.ownHome, aliases: ['自购房'], required: false },
  { key: 'rentalYears', header: P.rentalYears, aliases: ['租赁年数'], required: false },
  { key: 'incomeTaxYuan', header: P.incomeTaxYuan, aliases: ['个税金额'], required: false },
];

const HEADER_TO_KEY = new Map<string, RosterColumnKey>(
  ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.key] as const)),
);
const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<RosterColumnKey, string>;

/** The column a header names (spaces and a trailing note in brackets ignored: "身份证号码（必填）"), or null. */
export function rosterColumnOf(header: string): RosterColumnKey | null {
  const clean = header.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  return HEADER_TO_KEY.get(clean) ?? null;
}

/** Required columns missing from a header row: empty means the file is laid out as a roster. */
export function missingRosterColumns(found: Iterable<RosterColumnKey>): string[] {
  const have = new Set(found);
  return ROSTER_COLUMNS.filter((c) => c.required && !have.has(c.key)).map((c) => c.header);
}

/** A cell as the server hands it over: text, a number, a yes/no, or empty. */
export type RosterCell = string | number | boolean | null;

export interface RosterRowError {
  /** The spreadsheet's own row number (the header is row 1 in the template). */
  row: number;
  /** The column's header in Chinese. */
  column: string;
  /** One sentence naming the row and the column: 第12行“身份证号码”：校验位不正确. */
  message: string;
}

export interface RosterRow {
  row: number;
  name: string;
  idNumber: string;
  phone: string;
  birthDate: string;
  /** The calculator profile the row describes (birth date from the ID number). */
  profile: Profile;
}

const YES = new Set(['是', '有', 'Y', 'y', 'yes', 'Yes', 'YES', 'TRUE', 'true', '1']);
const NO = new Set(['否', '无', '没有', 'N', 'n', 'no', 'No', 'NO', 'FALSE', 'false', '0']);

/** Education as HR writes it: the calculator's labels, its codes, and the usual short forms. */
const EDUCATION_WORDS: Record<string, (typeof EDUCATION_LEVELS)[number]> = {
  ...Object.fromEntries(EDUCATION_LEVELS.map((l) => [l, l])),
  ...Object.fromEntries(Object.entries(EDUCATION_LABELS).map(([k, v]) => [v, k as (typeof EDUCATION_LEVELS)[number]])),
  高中以下: 'none',
  初中: 'none',
  高中: 'high-school',
  中专: 'high-school',
  中职: 'high-school',
  大专: 'junior-college',
  高职: 'junior-college',
  专科: 'junior-college',
  本科: 'bachelor',
  大学本科: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  博士: 'doctor',
};
const TITLE_WORDS: Record<string, (typeof TITLE_LEVELS)[number]> = {
  ...Object.fromEntries(TITLE_LEVELS.map((l) => [l, l])),
  ...Object.fromEntries(Object.entries(TITLE_LABELS).map(([k, v]) => [v, k as (typeof TITLE_LEVELS)[number]])),
  中级: 'intermediate',
  副高: 'associate-senior',
  副高级: 'associate-senior',
  正高: 'senior',
  正高级: 'senior',
};

const text = (cell: RosterCell): string => (cell === null ? '' : String(cell).trim());

type Converted<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

function toNumber(cell: RosterCell): Converted<number> {
  if (typeof cell === 'number') return { ok: true, value: cell };
  const s = text(cell).replace(/,/g, '');
  if (s === '') return { ok: true, value: undefined };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `应填写数字，而不是“${s.slice(0, 20)}”` };
}

function toYesNo(cell: RosterCell): Converted<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const s = text(cell);
  if (s === '') return { ok: true, value: undefined };
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, message: `应填写“是”或“否”，而不是“${s.slice(0, 20)}”` };
}

function toWord<T extends string>(cell: RosterCell, words: Record<string, T>, choices: string): Converted<T> {
  const s = text(cell);
  if (s === '') return { ok: true, value: undefined };
  const v = words[s];
  return v ? { ok: true, value: v } : { ok: false, message: `“${s.slice(0, 20)}”不在可选范围内（${choices}）` };
}

/** One ID-number schema per day, built once: a roster validates thousands of rows on the same day. */
let idSchemaCache: { today: string; schema: ReturnType<typeof idNumberSchemaOn> } | null = null;
function idNumberSchemaFor(today: string) {
  if (idSchemaCache?.today !== today) idSchemaCache = { today, schema: idNumberSchemaOn(today) };
  return idSchemaCache.schema;
}

/**
 * Validates one data row (cells by column) on Beijing date `today`. Every problem of the row is reported, each
 * naming the row and the column; a row with any problem is not imported.
 */
export function parseRosterRow(
  cells: Partial<Record<RosterColumnKey, RosterCell>>,
  row: number,
  today: string,
): { ok: true; row: RosterRow } | { ok: false; errors: RosterRowError[] } {
  const errors: RosterRowError[] = [];
  const fail = (key: RosterColumnKey, message: string) =>
    errors.push({ row, column: HEADER_OF[key], message: `第${row}行“${HEADER_OF[key]}”：${message}` });
  const firstMessage = (r: z.ZodSafeParseResult<unknown>) =>
    r.success ? '' : (r.error.issues[0]?.message ?? '填写有误');

  const nameCell = text(cells.name ?? null);
  const name = NameSchema.safeParse(nameCell);
  if (nameCell === '') fail('name', '未填写');
  else if (!name.success) fail('name', firstMessage(name));

  // Excel turns an 18-digit number into a float and loses its last digits: the ID must arrive as text.
  const idCell = cells.idNumber ?? null;
  let idNumber = '';
  let birthDate = '';
  if (typeof idCell === 'number') fail('idNumber', '请将该列设为“文本”格式后重新填写（数字格式会丢失末几位）');
  else if (text(idCell) === '') fail('idNumber', '未填写');
  else {
    const parsed = idNumberSchemaFor(today).safeParse(text(idCell).toUpperCase());
    if (!parsed.success) fail('idNumber', firstMessage(parsed));
    else {
      idNumber = parsed.data;
      const facts = parseIdNumber(idNumber);
      if (facts.valid) birthDate = facts.birthDate;
    }
  }

  const phoneCell = text(cells.phone ?? null);
  const phone = PhoneSchema.safeParse(phoneCell);
  if (phoneCell === '') fail('phone', '未填写');
  else if (!phone.success) fail('phone', firstMessage(phone));

  const profileInput: Record<string, unknown> = {};
  const put = <T>(key: RosterColumnKey, converted: Converted<T>) => {
    if (!converted.ok) fail(key, converted.message);
    else if (converted.value !== undefined) profileInput[key] = converted.value;
  };
  put('education', toWord(cells.education ?? null, EDUCATION_WORDS, '高中以下、高中、大专、本科、硕士、博士'));
  put('hasDiplomaAndDegree', toYesNo(cells.hasDiplomaAndDegree ?? null));
  put('title', toWord(cells.title ?? null, TITLE_WORDS, '无、中级、副高级、正高级'));
  for (const key of [
    'skillLevel',
    'socialInsuranceMonths',
    'residenceRegistrationYears',
    'rentalYears',
    'incomeTaxYuan',
  ] as const) {
    put(key, toNumber(cells[key] ?? null));
  }
  put('ownHome', toYesNo(cells.ownHome ?? null));

  let profile: Profile | null = null;
  if (birthDate) {
    const parsed = parseProfile({ birthDate, ...profileInput });
    if (parsed.ok) profile = parsed.profile;
    else {
      for (const e of parsed.errors) {
        const key = e.field.split('.')[0] as RosterColumnKey;
        // Only columns of the file can be wrong here (the birth date comes from an ID number already checked).
        fail(HEADER_OF[key] ? key : 'idNumber', e.message);
      }
    }
  }
  if (errors.length > 0 || !profile || !name.success || !phone.success) return { ok: false, errors };
  return { ok: true, row: { row, name: name.data, idNumber, phone: phone.data, birthDate, profile } };
}

// ---- Inputs of the `roster` cloud function ----

/** Import the agent's own uploaded roster file (files.prepareUpload purpose `roster` → upload → commitUpload). */
export const ImportRosterInput = z.strictObject({ fileId: IdSchema });
/** Batch self-assessment of the agent's roster with the rules package (scorePoints / planPoints). */
export const AssessRosterInput = z.strictObject({
  /** Cut-offs projected (default 5). */
  years: z.number().int().min(1).max(10).optional(),
});
/** What needs whose act next: the board's filter. */
export const BOARD_FILTERS = ['all', 'agent', 'employee', 'waiting', 'done'] as const;
export const BOARD_SORTS = ['next', 'name', 'stage', 'points'] as const;
export const RosterBoardInput = z.strictObject({
  year: YearSchema.optional(),
  filter: z.enum(BOARD_FILTERS).optional(),
  sort: z.enum(BOARD_SORTS).optional(),
});

export const ROSTER_ACTION_INPUTS = {
  import: ImportRosterInput,
  assess: AssessRosterInput,
  board: RosterBoardInput,
  // The board as a spreadsheet (stored, and handed out as a short-lived link): the same filter and sort.
  export: RosterBoardInput,
} as const;

/** Board stages in the order an application goes through them (the board's stage sort). */
export const BOARD_STAGES = [
  'needs-entrustment',
  'entrustment-pending',
  'no-application',
  'draft',
  'returned',
  'submitted',
  'scored',
  'objection-window',
  'objection-open',
  'certificate',
  'settlement',
] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

export const BOARD_STAGE_LABELS: Record<BoardStage, string> = {
  'needs-entrustment': '待建立委托',
  'entrustment-pending': '委托待确认',
  'no-application': '未申请',
  draft: '草稿',
  returned: '已退回待补正',
  submitted: '审核中',
  scored: '已核定',
  'objection-window': '异议期内',
  'objection-open': '异议处理中',
  certificate: '已出具凭证',
  settlement: '已申请落户',
};

/** Whose act the next step needs: the agent's, the employee's own, the departments' (waiting), or nobody's. */
export type BoardActor = Exclude<(typeof BOARD_FILTERS)[number], 'all'>;
export const BOARD_ACTOR_LABELS: Record<BoardActor, string> = {
  agent: '待经办人办理',
  employee: '待员工本人办理',
  waiting: '等待审核部门',
  done: '无需办理',
};

/** One line of the agent's board (roster.board), as the functions answer it and the board page reads it. */
export interface BoardRow {
  personId: string | null;
  name: string;
  idNumber: string;
  phone: string | null;
  onRoster: boolean;
  entrustment: 'active' | 'pending' | 'none';
  stage: BoardStage;
  stageLabel: string;
  actor: BoardActor;
  actorLabel: string;
  /** The next step in one Chinese sentence. */
  next: string;
  applicationId: string | null;
  /** Returned items with the department's reason (补正). */
  returned: { indicator: string; label: string; reason: string }[];
  /** Points once published to the applicant side (the agent is on that side), else null. */
  points: number | null;
  objectionDeadline: string | null;
  certificateSerial: string | null;
}
