// Over 300 lines on purpose: one contract, on one page — every action's answer, grouped by function.
// What every cloud-function action answers, beside the input schemas of the same actions: the one contract of the
// functions (which must return these: cloudfunctions/test/contract/results.test.ts checks every action's inferred
// result against them) and the client (which reads them: `call`, `callChecked`, `callFunction` are typed with
// them, and client/src/services/__tests__/contract.test.ts feeds real answers to the client's readers).
// Types only: no zod, no runtime code, so a page that imports a result type adds nothing to its bundle. Declared once:
// cloudfunctions/test/contract/one-declaration.test.ts fails when the functions declare one of these names again.
import type { DepartmentCode } from '../scoring/departments';
import type { IndicatorCode } from '../scoring/types';
import type { CertificateContent, VerifyResultCode } from './certificates';
import type { BoardRow, RosterRowError } from './roster';
import type { ChartView } from './stats';

// ---- the envelope ----

/** A failure: a stable code (ERROR_CODES, or a client-side CLIENT_* code) and a Chinese message safe to show. */
export interface ActionError {
  code: string;
  message: string;
}
/** Every answer: `wx.cloud.callFunction(...).result`, the local cloud's HTTP body, and what the client's calls return. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ActionError };

// ---- people and accounts ----

export type StaffRole = 'reviewer' | 'district-office' | 'admin';
export type Relation = 'guardian' | 'parent' | 'child' | 'spouse' | 'sibling' | 'grandparent' | 'grandchild';
export type EntrustmentStatus = 'pending' | 'active' | 'revoked';

/** Someone else's person record: ID and phone numbers masked for all but their owner. */
export interface PersonBrief {
  personId: string;
  name: string;
  idNumber: string;
  phone: string | null;
  hasWeChat: boolean;
}
/** The caller's own person record (accounts.register / me): unmasked, only ever to its owner. */
export interface OwnPersonView extends PersonBrief {
  birthDate: string;
  gender: 'male' | 'female';
  disabled: boolean;
  unableToActInPerson: boolean;
}
export interface MeResult {
  openid: string;
  person: OwnPersonView | null;
  roles: StaffRole[];
  department: DepartmentCode | null;
}
/** A person the caller may act for (accounts.listSubjects), or themself (`kind: 'self'`). */
export interface SubjectView extends PersonBrief {
  kind: string;
  allowed: boolean;
  relation?: string;
  entrustmentId?: string;
}
export interface EntrustmentView {
  entrustmentId: string;
  status: EntrustmentStatus;
  employerName: string;
  agent: PersonBrief | null;
  employee: PersonBrief | null;
  createdAt: string;
  confirmedAt: string | null;
  confirmedAs: 'district-office' | 'employee' | null;
  revokedAt: string | null;
}
export interface AccountView {
  openid: string;
  personId: string | null;
  roles: StaffRole[];
  department: DepartmentCode | null;
}
export interface StaffCandidate {
  personId: string;
  name: string;
  idNumber: string;
  roles: StaffRole[];
  department: DepartmentCode | null;
}
export interface StaffRow {
  staffId: string;
  name: string | null;
  idNumber: string | null;
  roles: StaffRole[];
  department: DepartmentCode | null;
  isSelf: boolean;
}
/** Who granted or held a role: a registered person (masked), or an account not bound to a person. */
export type PersonRef =
  { name: string; idNumber: string; registered: true } | { name: null; idNumber: null; registered: false };
export interface RoleHistoryEntry {
  at: string;
  change: 'grant' | 'revoke';
  role: StaffRole;
  department: DepartmentCode | null;
  departmentLabel: string | null;
  by: PersonRef;
  subject: PersonRef | null;
}
/** One audit entry as its subject sees it: who acted is only "self" or "other"; another person's record is left out. */
export interface PersonalAuditEntry {
  at: string;
  action: string;
  actedBy: 'self' | 'other';
  onBehalfOfYou: boolean;
  target: unknown;
  details: unknown;
}
/** A stored document as held, other people's WeChat identities replaced by "other". */
export type PersonalRecord = Record<string, unknown>;
/**
 * A copy of everything held about the caller (个人信息保护法 第四十五条): the head and the account and person are
 * fixed; the stored documents are copied as held (their shapes are the collections', not part of this contract).
 */
export interface PersonalDataExport {
  exportedAt: string;
  format: string;
  account: {
    openid: string;
    roles: StaffRole[];
    department: DepartmentCode | null;
    createdAt: string | null;
    privacyConsent: { policyVersion: string; agreedAt: string } | null;
  };
  person: OwnPersonView & { createdAt: string };
  applications: PersonalRecord[];
  items: PersonalRecord[];
  objections: PersonalRecord[];
  certificates: PersonalRecord[];
  settlements: PersonalRecord[];
  reminders: PersonalRecord[];
  relations: PersonalRecord[];
  entrustments: PersonalRecord[];
  files: PersonalRecord[];
  audit: PersonalAuditEntry[];
}

// ---- files ----

export type FileContentType =
  | 'image/jpeg'
  | 'image/png'
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'text/csv';
export interface StoredFileView {
  fileId: string;
  contentType: FileContentType;
  size: number;
}
export interface FileLink extends StoredFileView {
  url: string;
  expiresAt: string;
}
export interface UploadTicketView {
  uploadId: string;
  cloudPath: string;
  maxBytes: number;
  expiresAt: string;
}

// ---- applications, review, objections ----

export type ApplicationStatus = 'draft' | 'reviewing' | 'scored';
export type ItemStatus = 'pending' | 'reviewing' | 'approved' | 'returned';

export interface ClaimView {
  indicator: IndicatorCode;
  value: Record<string, unknown>;
  evidence: string[];
}
export interface PointsView {
  /** null when a veto applies (never shown as 0). */
  total: number | null;
  /** The rules package's breakdown (per-indicator points, warnings). */
  detail: unknown;
  cutoffDate: string;
  scoredAt: string;
}
/** An application with its server-computed windows (applications.applicationView). */
export interface ApplicationView {
  applicationId: string;
  personId: string;
  year: number;
  status: ApplicationStatus;
  claims: ClaimView[];
  submittedAt: string | null;
  acceptedOn: string | null;
  resultDate: string | null;
  supplementOpen: boolean;
  resultOn: string | null;
  published: boolean;
  objectionDeadline: string | null;
  objectionOpen: boolean;
  points: PointsView | null;
  confirmed: boolean;
  objectionId: string | null;
  updatedAt: string;
}
export interface ItemView {
  itemId: string;
  indicator: IndicatorCode;
  label: string;
  department: DepartmentCode;
  status: ItemStatus;
  claimed: Record<string, unknown>;
  evidence: string[];
  acceptedValue: Record<string, unknown> | null;
  returnReason: string | null;
  updatedAt: string;
}
export interface ItemHistoryEntry {
  at: string;
  status: ItemStatus | 'supplemented' | 'objection-answer';
  byOpenid: string;
  reason?: string;
}
export interface QueueItemView extends ItemView {
  applicationId: string;
  year: number;
  resultDate: string | null;
  applicant: PersonBrief | null;
}
export interface ReviewItemView extends ItemView {
  applicationId: string;
  year: number;
  history: ItemHistoryEntry[];
}
export interface ObjectionView {
  objectionId: string;
  applicationId: string;
  indicators: IndicatorCode[];
  reason: string;
  filedAt: string;
  filedOn: string;
  answerDeadline: string | null;
  /** The answer deadline falls in a year whose official holiday schedule is not yet registered. */
  answerDeadlinePending: boolean;
  evidence: string[];
  status: 'open' | 'answered';
  overdue: boolean;
  reply: string | null;
  changes: Array<{ indicator: IndicatorCode; acceptedValue: Record<string, unknown> | null }>;
  answeredAt: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
}
export interface ListedObjectionView extends ObjectionView {
  applicant: PersonBrief | null;
}
export interface GetApplicationResult {
  application: ApplicationView;
  applicant: PersonBrief | null;
  items: ItemView[];
  objection: ObjectionView | null;
}

// ---- certificates ----

/** As stored: `active` until revoked or replaced. */
export type CertificateStatus = 'active' | 'superseded' | 'revoked';
/** What it is worth now: an `active` one whose points an objection answer changed is already `superseded`. */
export type CertificateState = 'valid' | 'superseded' | 'revoked';
export interface CertificateView {
  serial: string;
  year: number;
  applicationId: string;
  status: CertificateStatus;
  state: CertificateState;
  /** Why it is not valid (Chinese, with the revocation reason), null when valid. */
  notice: string | null;
  content: CertificateContent;
  signature: string;
  keyId: string;
  qrPayload: string;
  grantedOn: string;
  issuedOn: string;
  supersededBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  revocationLiftedAt: string | null;
  revocationLiftedReason: string | null;
}
export interface CertificateDownload {
  serial: string;
  state: CertificateState;
  current: boolean;
  notice: string | null;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
  expiresAt: string;
}
export type VerifyAnswer =
  | { valid: true; code: 'VALID'; message: string; certificate: CertificateContent; keyId: string }
  | { valid: false; code: Exclude<VerifyResultCode, 'VALID'>; message: string; supersededBy?: string | null };
export interface CertificatePublicKey {
  algorithm: string;
  keyId: string;
  publicKey: string;
  signedMessage: string;
}

// ---- rounds, settlement ----

/** The admission line as set: a yearly quota (before 2023-05-08) or a points threshold (from then). */
export type RoundLine = { mode: 'quota'; quota: number } | { mode: 'threshold'; threshold: number };
export interface RoundView {
  year: number;
  status: 'open' | 'closed';
  cutoffDate: string;
  settlementOpens: string;
  settlementCloses: string;
  pointsApplication: { opens: string | null; closes: string; yearRound: boolean };
  line: RoundLine | null;
  /** Once the list is published: its day, mode, the points line (null: nobody admitted) and counts. */
  published: {
    on: string;
    mode: 'threshold' | 'quota';
    line: number | null;
    admittedCount: number;
    rankedCount: number;
  } | null;
  /** The ranking order's labels (RANKING_RULE), and whether it rests on a verified source. */
  tieBreak: string[];
  tieBreakVerified: boolean;
}
export interface RoundResult {
  round: RoundView;
}
/** What rounds.publicationStatus and an unfinished rounds.publish report. */
export interface PublicationProgress {
  year: number;
  state: 'none' | 'running' | 'done';
  done: number;
  total: number;
  chunks: number;
  chunkCount: number;
  invocations: number;
  restarts: number;
  startedAt: string | null;
  updatedAt: string | null;
  finishedAt: string | null;
  /** Estimate from the measured work per document so far; null before the first chunk or once done. */
  remainingSeconds: number | null;
}
export interface PublishSummary {
  year: number;
  batch: string;
  mode: 'quota' | 'threshold';
  line: number | null;
  admittedCount: number;
  rankedCount: number;
  /** Not ranked: basic conditions, points under the threshold, veto, or a revoked certificate (revokedCount of them). */
  ineligibleCount: number;
  /** Applicants whose current certificate of the year is revoked: not admitted, the reason on their line. */
  revokedCount: number;
  /** Applicants ranked on points an objection answer changed after they applied (not the keys they applied with). */
  rescoredCount: number;
  tieBreak: string[];
}
export type PublicationStep =
  | ({ done: true } & PublishSummary & { progress: PublicationProgress })
  | { done: false; year: number; progress: PublicationProgress };
/** One line of the published list (names and ID numbers masked except the caller's own). */
export interface RoundResultRow {
  rank: number | null;
  total: number | null;
  admitted: boolean;
  reason: string | null;
  district: string;
  name: string;
  idNumber: string;
  own: boolean;
  notice: { number: string; issuedOn: string; expiresOn: string } | null;
}
export interface RoundResultsPage {
  year: number;
  line: number | null;
  admittedCount: number;
  tieBreak: string[];
  rows: RoundResultRow[];
}
export type MyStanding =
  | { published: false; result: null; line?: undefined }
  | { published: true; line: number | null; result: RoundResultRow | null };

export interface SettlementView {
  year: number;
  status: 'submitted' | 'withdrawn';
  district: string;
  total: number;
  certificateSerial: string;
  appliedOn: string;
  meetsBasicConditions: boolean;
  settledOn: string | null;
}
export interface SettlementGetResult {
  acceptingNow: boolean;
  window: { opens: string; closes: string } | null;
  settlement: (SettlementView & { currentTotal: number | null }) | null;
  result: { admitted: boolean; rank: number | null; reason: string | null; line: number | null } | null;
  notice: {
    status: 'valid' | 'expired' | 'used';
    settledOn: string | null;
    number: string;
    issuedOn: string;
    expiresOn: string;
    title: string;
  } | null;
}

// ---- reminders, calendar ----

export type ReminderTemplate = 'status' | 'deadline';
export interface ReminderView {
  id: string;
  template: ReminderTemplate;
  fields: Record<string, string>;
  page: string;
  status: 'queued' | 'sending' | 'sent' | 'dropped' | 'failed' | 'unconfirmed';
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  dropReason: 'not-subscribed' | 'no-subscription-left' | null;
}
export interface ReminderList {
  reminders: ReminderView[];
  credits: Record<ReminderTemplate, number>;
  mode: 'wechat' | 'local';
}
export interface SubscriptionView {
  id: string;
  tap: 'applicationSubmitted' | 'objectionFiled' | 'settlementApplied';
  source: 'wechat' | 'simulated';
  results: Array<{ template: ReminderTemplate; outcome: string; credited: boolean }>;
  at: string;
}
export interface SubscribeTemplates {
  mode: 'wechat' | 'local';
  taps: Record<'applicationSubmitted' | 'objectionFiled' | 'settlementApplied', readonly ReminderTemplate[]>;
  templates: Array<{ name: ReminderTemplate; title: string; templateId: string | null }>;
}
export interface SendReport {
  sent: number;
  /** No subscription left (none recorded, or WeChat answered 43101). */
  dropped: number;
  /** A transient error: queued again with a later `nextAttemptMs`. */
  retrying: number;
  failed: number;
  /** Claimed by a run that died: marked without sending again. */
  unconfirmed: number;
  /** The template has no id configured: left queued. */
  unconfigured: number;
}
export interface CalendarYearView {
  year: number;
  origin: 'registered' | 'built-in';
  source: string;
  registeredAt: string | null;
}
export interface RegisteredCalendarYear {
  year: number;
  origin: 'registered';
  source: string;
  holidays: string[];
  workdays: string[];
  registeredAt: string;
}

// ---- roster (employer agents) ----

export type RosterMatch = 'entrusted' | 'entrustment-pending' | 'needs-entrustment' | 'not-registered';
export interface RosterImportResult {
  imported: number;
  rejected: number;
  errors: RosterRowError[];
  matches: Record<RosterMatch, number>;
  rows: Array<{
    row: number;
    name: string;
    idNumber: string;
    phone: string;
    personId: string | null;
    match: RosterMatch;
  }>;
}
export interface RosterAssessRow {
  name: string;
  idNumber: string;
  personId: string | null;
  match: RosterMatch;
  total: number | null;
  nextCutoff: string;
  nextTotal: number | null;
  /** When the employee first reaches the settlement threshold (POINTS_THRESHOLD), projected by cut-off date. */
  reaches100: { when: string; total: number } | null;
  vetoed: boolean;
  plan: Array<{ cutoffDate: string; total: number | null }>;
  bestChange: { change: string; gain: number } | null;
}
export interface RosterAssessResult {
  today: string;
  count: number;
  reaches100: { now: number; byCutoff: Array<{ cutoffDate: string; count: number }>; notWithinYears: number };
  rows: RosterAssessRow[];
}
export interface RosterBoard {
  year: number;
  counts: Record<'all' | 'employee' | 'agent' | 'waiting' | 'done', number>;
  rows: BoardRow[];
}
export interface RosterExport {
  fileName: string;
  contentType: string;
  size: number;
  rows: number;
  url: string;
  expiresAt: string;
}

// ---- stats ----

export interface StatsOverview {
  year: number;
  today: string;
  counts: {
    submitted: number;
    scored: number;
    settlementApplications: number;
    waitingItems: number;
    objections: number;
  };
  charts: { byWeek: ChartView; byDistrict: ChartView; scores: ChartView; queueAge: ChartView; objections: ChartView };
}
export interface LinePreview {
  year: number;
  mode: RoundLine['mode'];
  /** The points line: the threshold, or (quota) the points of the last admitted applicant (null: nobody). */
  line: number | null;
  admittedCount: number;
  rankedCount: number;
  ineligibleCount: number;
  /** Open objections: publication waits for their answers; their points may still change. */
  pendingObjections: number;
  /** The line currently set on the round, for comparison. */
  currentLine: RoundLine | null;
  published: boolean;
  chart: ChartView;
}
export interface PastRound {
  year: number;
  cutoffDate: string | null;
  status: ApplicationStatus;
  /** Published points (null: not published yet, or vetoed — see `vetoed`). */
  total: number | null;
  vetoed: boolean;
}
export interface PointsHistory {
  today: string;
  rounds: PastRound[];
  projection: {
    basis: 'approved' | 'claimed';
    basisYear: number;
    current: number | null;
    points: Array<{ cutoffDate: string; total: number | null }>;
    reaches100: { when: 'now' | string; total: number } | null;
    assumptions: string[];
  } | null;
  chart: ChartView;
}

// ---- every action ----

/** Every action's result, by function and action (the registry's 12 functions). */
export interface ActionResults {
  accounts: {
    register: { person: OwnPersonView };
    me: MeResult;
    addDependent: { person: PersonBrief; relation: Relation; basis: string };
    listSubjects: { subjects: SubjectView[] };
    endRelation: { relation: { personId: string; relation: Relation; revokedAt: string } };
    createEntrustment: { entrustment: EntrustmentView };
    confirmEntrustment: { entrustment: EntrustmentView };
    revokeEntrustment: { entrustment: EntrustmentView };
    listEntrustments: { asEmployee: EntrustmentView[]; asAgent: EntrustmentView[] };
    grantRole: { account: AccountView };
    revokeRole: { account: AccountView };
    findStaffCandidate: { candidate: StaffCandidate };
    grantStaffRole: { staff: StaffRow };
    revokeStaffRole: { staff: StaffRow };
    listStaff: { staff: StaffRow[] };
    roleHistory: { entries: RoleHistoryEntry[] };
    bindAtWindow: { person: PersonBrief };
    exportMyData: PersonalDataExport;
    deleteAccount: { deleted: true };
  };
  files: {
    read: FileLink;
    prepareUpload: UploadTicketView;
    commitUpload: StoredFileView;
  };
  applications: {
    saveDraft: { application: ApplicationView };
    get: GetApplicationResult;
    list: { applications: ApplicationView[] };
    submit: { application: ApplicationView };
    supplement: { application: ApplicationView; item: ItemView };
  };
  review: {
    queue: { items: QueueItemView[]; total: number };
    getItem: { item: ReviewItemView; applicant: (PersonBrief & { disabled: boolean }) | null };
    decide: { item: ItemView; application: { applicationId: string; status: ApplicationStatus } };
    decideMany: { items: ItemView[]; application: { applicationId: string; status: ApplicationStatus } };
  };
  objections: {
    file: { objection: ObjectionView };
    list: { objections: ListedObjectionView[]; total: number };
    answer: { objection: ObjectionView; application: ApplicationView };
  };
  certificates: {
    issue: { certificate: CertificateView; reissued: boolean; created: boolean };
    list: { certificates: CertificateView[] };
    download: CertificateDownload;
    revoke: { certificate: CertificateView };
    liftRevocation: { certificate: CertificateView };
    verify: VerifyAnswer;
    publicKey: CertificatePublicKey;
  };
  rounds: {
    open: RoundResult;
    adjust: RoundResult;
    close: RoundResult;
    get: RoundResult;
    setLine: RoundResult;
    publish: PublicationStep;
    results: RoundResultsPage;
    myStanding: MyStanding;
    publicationStatus: { progress: PublicationProgress };
  };
  settlement: {
    apply: { settlement: SettlementView; repeated: boolean };
    get: SettlementGetResult;
    withdraw: { settlement: SettlementView };
    recordSettled: { settlement: SettlementView };
  };
  reminders: {
    list: ReminderList;
    sweep: { queued: number; considered: number };
    recordSubscription: { subscription: SubscriptionView; repeated: boolean };
    templates: SubscribeTemplates;
    send: SendReport;
  };
  calendar: {
    registerYear: { year: RegisteredCalendarYear };
    list: { years: CalendarYearView[]; covered: number[] };
  };
  roster: {
    import: RosterImportResult;
    assess: RosterAssessResult;
    board: RosterBoard;
    export: RosterExport;
  };
  stats: {
    overview: StatsOverview;
    linePreview: LinePreview;
    history: PointsHistory;
  };
}

export type ResultFunctionName = keyof ActionResults;
export type ResultActionName<F extends ResultFunctionName> = keyof ActionResults[F] & string;
/** The `data` of a successful `F.A` call. */
export type ActionResult<F extends ResultFunctionName, A extends ResultActionName<F>> = ActionResults[F][A];
