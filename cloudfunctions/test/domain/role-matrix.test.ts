// The role matrix: every action × every role, table-driven. A denied call returns the expected code and changes
// nothing (store snapshot of every collection before = after); an allowed call succeeds and, when it writes, is
// audited with the actor. The actions come from the registry: a registered action without an entry in CASES fails
// with a message naming it, so nobody adds an action without deciding who may call it.
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { rmSync } from 'fs';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { EMPLOYEE_ID, buildWorld, bj, type Subject, type World } from '../helpers/world';
import { PNG_BYTES, idNumberFor } from '../helpers/fixtures';
import { REGISTRY } from '../../src/functions/registry';
import { uploadThroughStorage } from '../helpers/uploads';
import { staffIdOf } from '../../src/functions/accounts-staff';

type Role =
  | 'owner'
  | 'stranger'
  | 'agentWith'
  | 'agentWithout'
  | 'agentRevoked'
  | 'guardianWith'
  | 'guardianWithout'
  | 'guardianExpired'
  | 'reviewerRight'
  | 'reviewerWrong'
  | 'districtOffice'
  | 'admin'
  | 'anonymous';

const ROLES: Record<Role, { openid: string | undefined; subject: Subject }> = {
  owner: { openid: 'demo-employee', subject: 'E' },
  stranger: { openid: 'demo-applicant', subject: 'E' },
  agentWith: { openid: 'demo-agent', subject: 'E' },
  agentWithout: { openid: 'agent-pending', subject: 'E' },
  agentRevoked: { openid: 'agent-revoked', subject: 'E' },
  guardianWith: { openid: 'demo-guardian', subject: 'M' },
  guardianWithout: { openid: 'guardian-none', subject: 'M' },
  guardianExpired: { openid: 'guardian-teen', subject: 'T' },
  reviewerRight: { openid: 'demo-reviewer-education', subject: 'E' },
  reviewerWrong: { openid: 'demo-reviewer-tax', subject: 'E' },
  districtOffice: { openid: 'demo-district-office', subject: 'E' },
  admin: { openid: 'demo-admin', subject: 'E' },
  anonymous: { openid: undefined, subject: 'E' },
};
const ALL = Object.keys(ROLES) as Role[];
const REGISTERED: Role[] = [
  'owner',
  'stranger',
  'agentWith',
  'agentWithout',
  'agentRevoked',
  'guardianWith',
  'guardianWithout',
  'guardianExpired',
];
const STAFF: Role[] = ['reviewerRight', 'reviewerWrong', 'districtOffice', 'admin'];
const DELEGATES: Role[] = ['owner', 'agentWith', 'guardianWith'];

type Expect = 'ok' | string;
/** Builds an expectation row: `allowed` roles succeed, the rest get `otherwise(role)`. Anonymous: UNAUTHENTICATED. */
function row(allowed: Role[], otherwise: (r: Role) => string): Record<Role, Expect> {
  const out = {} as Record<Role, Expect>;
  for (const r of ALL) out[r] = r === 'anonymous' ? 'UNAUTHENTICATED' : allowed.includes(r) ? 'ok' : otherwise(r);
  return out;
}
const staffOr = (staffCode: string, otherCode: string) => (r: Role) => (STAFF.includes(r) ? staffCode : otherCode);

interface Case {
  /** Whether a successful call writes (and so is audited with the caller as actor). Reads of someone else's data
   * are audited as an access log, so a read may be `mutates` for every role but the owner. */
  mutates: boolean | ((role: Role) => boolean);
  at?: string;
  /**
   * Real actions run on the case's own copy of the world before the call (e.g. the owner prints a certificate so
   * that downloading it can be tried by every role); what it returns is handed to `payload`.
   */
  prepare?: (cloud: TestCloud, w: World, role: Role) => Promise<Record<string, any>>;
  payload: (w: World, role: Role, prepared: Record<string, any>) => Record<string, unknown>;
  expect: Record<Role, Expect>;
}

const DECLARATIONS = { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false };
/**
 * The subject's 2025 points are final on 2025-11-20 (result published, no objection): its certificate, printed at
 * the window by the administrator (the teenager T has no one left who may act for them in the mini-program).
 */
async function certificateOf(cloud: TestCloud, w: World, role: Role) {
  const s = ROLES[role].subject;
  const r = await cloud.ok('demo-admin', 'certificates', 'issue', {
    applicationId: w.submitted[s],
    residencePermitNo: 'ZJ3301001234',
  });
  return { serial: r.certificate.serial as string, signature: r.certificate.signature as string };
}

/** The 2025 round with its line set and published (admin), so results can be read. */
async function publishedRound(cloud: TestCloud) {
  await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 100 });
  await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
  return {};
}

/**
 * TEST-ONLY 2027 schedule (as in calendar-boundary.test.ts): NOT the State Council's notice, plausible dates that
 * pass the registration checks.
 */
const TEST_ONLY_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workdays: ['2027-02-20', '2027-10-09'],
  source: '测试专用（TEST-ONLY，非国务院办公厅关于2027年部分节假日安排的通知原文）',
};

/** Callers who hold an entrustment as the employer's agent (active, pending or revoked). */
const AGENTS: Role[] = ['agentWith', 'agentWithout', 'agentRevoked'];
/** A one-row roster (the entrusted employee) uploaded by `openid` through storage, as the import page does. */
async function rosterFileOf(cloud: TestCloud, openid: string): Promise<string> {
  const csv = `姓名,身份证号码,手机号码\n演示员工,${EMPLOYEE_ID},13800000003\n`;
  return (
    await uploadThroughStorage(cloud, openid, { purpose: 'roster', bytes: Buffer.from(csv, 'utf-8'), kind: 'csv' })
  ).fileId;
}

let serial = 50;
/** One entry per registered action, keyed `function.action`. */
const CASES: Record<string, Case> = {
  'accounts.register': {
    mutates: true,
    payload: () => ({
      name: '测试新人',
      idNumber: idNumberFor('1990-01-01', serial++),
      phone: '13700000000',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    }),
    expect: row(STAFF, () => 'ALREADY_REGISTERED'),
  },
  'accounts.me': { mutates: false, payload: () => ({}), expect: row([...REGISTERED, ...STAFF], () => '') },
  // 个人信息保护法: only one's own data, never a person id in the payload; staff accounts hold no person.
  'accounts.exportMyData': { mutates: false, payload: () => ({}), expect: row(REGISTERED, () => 'NOT_REGISTERED') },
  // Deletion only without a submitted application (owner, stranger) and without live relations or entrustments
  // (agents with a pending or active one, guardians — the expired guardianship is still on record until ended).
  'accounts.deleteAccount': {
    mutates: true,
    payload: () => ({ confirm: true }),
    expect: {
      ...row(['agentRevoked', 'guardianWithout'], staffOr('NOT_REGISTERED', 'ACCOUNT_IN_USE')),
      owner: 'ACCOUNT_HAS_APPLICATIONS',
      stranger: 'ACCOUNT_HAS_APPLICATIONS',
    },
  },
  'accounts.addDependent': {
    mutates: true,
    payload: (w, r) => {
      const files = w.docFiles[ROLES[r].openid ?? ''] ?? { id1: 'f-none-1', id2: 'f-none-2' };
      return {
        name: '测试幼儿',
        idNumber: idNumberFor('2020-02-02', serial++),
        relation: 'parent',
        actorIdentityFileId: files.id1,
        subjectIdentityFileId: files.id2,
      };
    },
    expect: row(REGISTERED, () => 'NOT_REGISTERED'),
  },
  // Every registered person may ask an employee to confirm an entrustment; it grants nothing until confirmed.
  'accounts.createEntrustment': {
    mutates: true,
    payload: (w, r) => {
      const f = w.docFiles[ROLES[r].openid ?? ''] ?? { entrustment: 'f-none-0', id1: 'f-none-1', id2: 'f-none-2' };
      return {
        employeeName: '演示员工',
        employeeIdNumber: EMPLOYEE_ID,
        employerName: '测试单位',
        entrustmentFileId: f.entrustment,
        employeeIdentityFileId: f.id1,
        agentIdentityFileId: f.id2,
      };
    },
    expect: row(['stranger', 'agentRevoked', 'guardianWith', 'guardianWithout', 'guardianExpired'], (r) =>
      STAFF.includes(r) ? 'NOT_REGISTERED' : r === 'owner' ? 'NOT_FOUND' : 'CONFLICT',
    ),
  },
  'accounts.endRelation': {
    mutates: true,
    payload: (w, r) => ({ personId: w.person[ROLES[r].subject] }),
    expect: row(['guardianWith', 'guardianExpired'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'accounts.listSubjects': { mutates: false, payload: () => ({}), expect: row(REGISTERED, () => 'NOT_REGISTERED') },
  'accounts.confirmEntrustment': {
    mutates: true,
    payload: (w) => ({ entrustmentId: w.pendingEntrustment }),
    expect: row(['owner', 'districtOffice'], () => 'NOT_FOUND'),
  },
  'accounts.revokeEntrustment': {
    mutates: true,
    payload: (w) => ({ entrustmentId: w.activeEntrustment }),
    expect: row(['owner'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'accounts.listEntrustments': { mutates: false, payload: () => ({}), expect: row(REGISTERED, () => 'NOT_REGISTERED') },
  'accounts.grantRole': {
    mutates: true,
    payload: () => ({ openid: 'someone-new', role: 'district-office' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'accounts.revokeRole': {
    mutates: true,
    payload: () => ({ openid: 'demo-district-office', role: 'district-office' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // The staff-roles page: admin only. A lookup of a person's registration is an audited read (access log).
  'accounts.findStaffCandidate': {
    mutates: true,
    payload: () => ({ name: '演示员工', idNumber: EMPLOYEE_ID }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'accounts.grantStaffRole': {
    mutates: true,
    payload: (w) => ({ personId: w.person.E, role: 'reviewer', department: 'tax' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'accounts.revokeStaffRole': {
    mutates: true,
    payload: () => ({ staffId: staffIdOf('demo-district-office'), role: 'district-office' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'accounts.listStaff': { mutates: false, payload: () => ({}), expect: row(['admin'], () => 'FORBIDDEN') },
  'accounts.roleHistory': { mutates: false, payload: () => ({}), expect: row(['admin'], () => 'FORBIDDEN') },
  'accounts.bindAtWindow': {
    mutates: true,
    payload: (w) => ({ openid: 'teen-own-wechat', personId: w.person.T, phone: '13600000000' }),
    expect: row(['districtOffice'], () => 'FORBIDDEN'),
  },
  'files.prepareUpload': {
    mutates: true,
    payload: (w, r) => ({
      onBehalfOf: w.person[ROLES[r].subject],
      purpose: 'evidence',
      kind: 'png',
      size: PNG_BYTES.length,
    }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  // Grants (own and delegated tickets) are in test/storage/uploads.test.ts; here: no ticket is anyone's to commit.
  'files.commitUpload': {
    mutates: true,
    payload: () => ({ uploadId: 'u-nobody', fileID: 'local://evidence/p-x/0.png' }),
    expect: row([], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'files.read': {
    mutates: (r) => r !== 'owner',
    payload: (w, r) => ({ fileId: w.evidence[ROLES[r].subject] }),
    expect: row([...DELEGATES, 'reviewerRight', 'districtOffice', 'admin'], () => 'NOT_FOUND'),
  },
  'applications.saveDraft': {
    mutates: true,
    payload: (w, r) => ({
      onBehalfOf: w.person[ROLES[r].subject],
      year: 2026,
      claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }],
    }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  'applications.get': {
    mutates: (r) => r !== 'owner',
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject] }),
    expect: row([...DELEGATES, 'districtOffice', 'admin'], () => 'NOT_FOUND'),
  },
  'applications.list': {
    mutates: false,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  'applications.submit': {
    mutates: true,
    payload: (w, r) => ({ applicationId: w.draft[ROLES[r].subject], commitment: true, requestId: `matrix-${r}` }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'applications.supplement': {
    mutates: true,
    at: bj('2025-10-01'),
    payload: (w, r) => ({
      applicationId: w.submitted[ROLES[r].subject],
      indicator: 'education',
      value: { education: 'high-school' },
      evidence: [],
    }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'review.queue': {
    mutates: false,
    payload: () => ({}),
    expect: row(['reviewerRight', 'reviewerWrong'], () => 'FORBIDDEN'),
  },
  'review.getItem': {
    mutates: () => true,
    payload: (w, r) => ({ itemId: w.educationItem[ROLES[r].subject] }),
    expect: row(['reviewerRight'], (r) => (r === 'reviewerWrong' ? 'NOT_FOUND' : 'FORBIDDEN')),
  },
  'review.decide': {
    mutates: true,
    payload: (w, r) => ({ itemId: w.educationItem[ROLES[r].subject], decision: 'reviewing' }),
    expect: row(['reviewerRight'], (r) => (r === 'reviewerWrong' ? 'NOT_FOUND' : 'FORBIDDEN')),
  },
  // Only own-record items (age, deductions, veto) may be batched: the education item is refused even for its own
  // department; the grants are in review-decide-many.test.ts.
  'review.decideMany': {
    mutates: true,
    payload: (w, r) => ({
      applicationId: w.submitted[ROLES[r].subject],
      approvals: [{ itemId: w.educationItem[ROLES[r].subject], acceptedValue: { education: 'bachelor' } }],
    }),
    expect: row([], (r) =>
      r === 'reviewerWrong' ? 'NOT_FOUND' : r === 'reviewerRight' ? 'VALIDATION_FAILED' : 'FORBIDDEN',
    ),
  },
  'objections.file': {
    mutates: true,
    at: bj('2025-10-31'),
    payload: (w, r) => ({
      applicationId: w.submitted[ROLES[r].subject],
      indicators: ['education'],
      reason: '学历认定有误',
      requestId: `matrix-obj-${r}`,
    }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'objections.list': {
    mutates: false,
    payload: () => ({}),
    expect: row(['districtOffice', 'admin'], () => 'FORBIDDEN'),
  },
  'objections.answer': {
    mutates: true,
    at: bj('2025-11-03'),
    payload: (w) => ({ objectionId: w.openObjection, reply: '经复核维持原认定', changes: [] }),
    expect: row(['districtOffice'], () => 'FORBIDDEN'),
  },
  // Applicants and their delegates print in the mini-program; the district office and the admin at the window.
  'certificates.issue': {
    mutates: true,
    at: bj('2025-11-20'),
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject], residencePermitNo: 'ZJ3301001234' }),
    expect: row([...DELEGATES, 'districtOffice', 'admin'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'certificates.list': {
    mutates: false,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  'certificates.download': {
    mutates: false,
    at: bj('2025-11-20'),
    prepare: certificateOf,
    payload: (_w, _r, p) => ({ serial: p.serial }),
    expect: row([...DELEGATES, 'admin'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  'certificates.revoke': {
    mutates: true,
    at: bj('2025-11-20'),
    prepare: certificateOf,
    payload: (_w, _r, p) => ({ serial: p.serial, reason: '角色矩阵测试撤销' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // Only the administrator lifts a revocation; the case revokes first (admin) so the lift can succeed.
  'certificates.liftRevocation': {
    mutates: true,
    at: bj('2025-11-20'),
    prepare: async (cloud, w, role) => {
      const cert = await certificateOf(cloud, w, role);
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: cert.serial, reason: '角色矩阵测试撤销' });
      return cert;
    },
    payload: (_w, _r, p) => ({ serial: p.serial, reason: '角色矩阵测试：核实无误，解除撤销' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // Verification is public: anyone holding the paper (a WeChat caller) may check it.
  'certificates.verify': {
    mutates: false,
    at: bj('2025-11-20'),
    prepare: certificateOf,
    payload: (_w, _r, p) => ({ serial: p.serial, signature: p.signature }),
    expect: row([...REGISTERED, ...STAFF], () => ''),
  },
  'certificates.publicKey': { mutates: false, payload: () => ({}), expect: row([...REGISTERED, ...STAFF], () => '') },
  'rounds.open': { mutates: true, payload: () => ({ year: 2027 }), expect: row(['admin'], () => 'FORBIDDEN') },
  'rounds.adjust': {
    mutates: true,
    payload: () => ({ year: 2026, dates: { settlementCloses: '2026-11-30' } }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'rounds.close': {
    mutates: true,
    at: bj('2025-12-01'),
    payload: () => ({ year: 2025 }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'rounds.get': { mutates: false, payload: () => ({ year: 2025 }), expect: row([...REGISTERED, ...STAFF], () => '') },
  'rounds.setLine': {
    mutates: true,
    at: bj('2025-12-01'),
    payload: () => ({ year: 2025, mode: 'threshold', threshold: 120 }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  'rounds.publish': {
    mutates: true,
    at: bj('2025-12-01'),
    prepare: async (cloud) => {
      await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 100 });
      return {};
    },
    payload: () => ({ year: 2025 }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // The publication job's progress is the administrator's: everyone else is refused.
  'rounds.publicationStatus': {
    mutates: false,
    at: bj('2025-12-01'),
    prepare: publishedRound,
    payload: () => ({ year: 2025 }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // The published list is public to every registered person and the staff who run the window (names masked).
  'rounds.results': {
    mutates: false,
    at: bj('2025-12-01'),
    prepare: publishedRound,
    payload: () => ({ year: 2025 }),
    expect: row([...REGISTERED, 'districtOffice', 'admin'], () => 'NOT_REGISTERED'),
  },
  'rounds.myStanding': {
    mutates: false,
    at: bj('2025-12-01'),
    prepare: publishedRound,
    payload: (w, r) => ({ year: 2025, onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  // The world's subjects hold certificates of 30 points, under the 100 needed to apply (R2023 settlement conditions):
  // a delegate passes the access check and meets that rule. The granted paths (≥ 100 points, withdraw, the window
  // recording a settlement) run in test/rounds; the world has no applicant of 100 points.
  'settlement.apply': {
    mutates: true,
    at: bj('2025-11-20'),
    prepare: certificateOf,
    payload: (w, r) => ({
      year: 2025,
      onBehalfOf: w.person[ROLES[r].subject],
      district: '西湖区',
      declarations: DECLARATIONS,
      requestId: `matrix-set-${r}`,
    }),
    expect: row([], (r) =>
      STAFF.includes(r) ? 'NOT_REGISTERED' : DELEGATES.includes(r) ? 'SETTLEMENT_NOT_ELIGIBLE' : 'DELEGATION_REQUIRED',
    ),
  },
  'settlement.get': {
    mutates: false,
    at: bj('2025-11-20'),
    payload: (w, r) => ({ year: 2025, onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  'settlement.withdraw': {
    mutates: true,
    at: bj('2025-11-20'),
    payload: (w, r) => ({ year: 2025, onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row([], (r) =>
      STAFF.includes(r) ? 'NOT_REGISTERED' : DELEGATES.includes(r) ? 'NOT_FOUND' : 'DELEGATION_REQUIRED',
    ),
  },
  // Only the registry window records a settlement, and only for someone admitted with a notice.
  'settlement.recordSettled': {
    mutates: true,
    payload: (w, r) => ({ year: 2025, personId: w.person[ROLES[r].subject] }),
    expect: row([], (r) => (r === 'districtOffice' ? 'NOT_FOUND' : 'FORBIDDEN')),
  },
  'reminders.list': {
    mutates: false,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  // Nothing is due on 2025-09-28 in the world, so the admin's sweep queues (and audits) nothing: checked as a
  // call that changes nothing. Queuing is tested in test/rounds/reminders.test.ts.
  'reminders.sweep': { mutates: false, payload: () => ({}), expect: row(['admin'], () => 'FORBIDDEN') },
  // A tap's answer is recorded for the WeChat user who tapped (messages go to that openid): a person is needed.
  'reminders.recordSubscription': {
    mutates: true,
    payload: (_w, r) => ({
      tap: 'applicationSubmitted',
      source: 'wechat',
      results: [{ template: 'status', outcome: 'accept' }],
      requestId: `matrix-sub-${r}`,
    }),
    expect: row(REGISTERED, () => 'NOT_REGISTERED'),
  },
  'reminders.templates': { mutates: false, payload: () => ({}), expect: row([...REGISTERED, ...STAFF], () => '') },
  // Nothing is queued in the world, so the admin's send run delivers nothing: a call that changes nothing.
  'reminders.send': { mutates: false, payload: () => ({}), expect: row(['admin'], () => 'FORBIDDEN') },
  'calendar.registerYear': { mutates: true, payload: () => TEST_ONLY_2027, expect: row(['admin'], () => 'FORBIDDEN') },
  'calendar.list': { mutates: false, payload: () => ({}), expect: row([...REGISTERED, ...STAFF], () => '') },
  // The roster (issue 12): only the agent's own uploaded roster file imports; anyone else's looks missing.
  'roster.import': {
    mutates: true,
    prepare: async (cloud) => ({ fileId: await rosterFileOf(cloud, 'demo-agent') }),
    payload: (_w, _r, p) => ({ fileId: p.fileId }),
    expect: row(['agentWith'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  // Board, assessment and export: employer agents only (an entrustment in any state, or a stored roster).
  'roster.assess': { mutates: false, payload: () => ({}), expect: row(AGENTS, staffOr('NOT_REGISTERED', 'FORBIDDEN')) },
  'roster.board': { mutates: false, payload: () => ({}), expect: row(AGENTS, staffOr('NOT_REGISTERED', 'FORBIDDEN')) },
  'roster.export': { mutates: true, payload: () => ({}), expect: row(AGENTS, staffOr('NOT_REGISTERED', 'FORBIDDEN')) },
  // Charts of the round: the administrator, and the district offices read-only (counts only, no person).
  'stats.overview': {
    mutates: false,
    payload: () => ({ year: 2025 }),
    expect: row(['admin', 'districtOffice'], () => 'FORBIDDEN'),
  },
  // The line's consequence before it is set: the administrator's alone, like rounds.setLine.
  'stats.linePreview': {
    mutates: false,
    at: bj('2025-12-01'),
    payload: () => ({ year: 2025, mode: 'threshold', threshold: 120 }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  // A person's own points history: the person and their delegates; staff have no person to ask about.
  'stats.history': {
    mutates: false,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
};

let templateDir: string;
let world: World;

beforeAll(async () => {
  const cloud = createTestCloud(bj('2025-09-26'));
  world = await buildWorld(cloud);
  await cloud.close(true);
  templateDir = cloud.dir;
}, 60_000);
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

/** Every registered action, from the registry itself (a new action is in the matrix as soon as it is registered). */
const REGISTERED_ACTIONS = Object.values(REGISTRY).flatMap((f) => Object.keys(f.actions).map((a) => `${f.name}.${a}`));

test('the registry has 12 functions and 68 actions (update with the matrix when an action is added)', () => {
  expect(Object.keys(REGISTRY)).toHaveLength(12);
  expect(REGISTERED_ACTIONS).toHaveLength(68);
});

test('every registered action has an expected-access entry, and every entry is a registered action', () => {
  const missing = REGISTERED_ACTIONS.filter((a) => !CASES[a]);
  if (missing.length > 0) {
    throw new Error(
      `role matrix: no expected access for ${missing.join(', ')}. Add an entry per action to CASES in ` +
        'cloudfunctions/test/domain/role-matrix.test.ts: a payload and, for every role, ok or the expected error code.',
    );
  }
  expect(Object.keys(CASES).filter((a) => !REGISTERED_ACTIONS.includes(a))).toEqual([]);
});

const table = REGISTERED_ACTIONS.flatMap((name) => ALL.map((role) => [name, role] as const));

test.each(table)('%s as %s', async (name, role) => {
  const c = CASES[name];
  if (!c) throw new Error(`role matrix: no expected access for ${name} (add it to CASES)`);
  const [fn, action] = name.split('.') as [string, string];
  const cloud = createTestCloud(c.at ?? bj('2025-09-28'), { copyFrom: templateDir });
  try {
    const prepared = c.prepare ? await c.prepare(cloud, world, role) : {};
    const before = await snapshot(cloud.store);
    const expected = c.expect[role];
    const result = await cloud.call(ROLES[role].openid, fn, action, c.payload(world, role, prepared));
    if (process.env.ROLE_MATRIX_PRINT) console.log(`MATRIX ${name} ${role} ${result.ok ? 'ok' : result.error.code}`);
    if (expected === 'ok') {
      if (!result.ok) throw new Error(`expected ok, got ${result.error.code} ${result.error.message}`);
      if (typeof c.mutates === 'function' ? c.mutates(role) : c.mutates) {
        const audit = await cloud.store.find<any>('audit', {}, { orderBy: [['seq', 'desc']], limit: 1 });
        expect(audit[0].action).toBe(name);
        expect(audit[0].actor.openid).toBe(ROLES[role].openid);
      } else {
        // An allowed call that does not write leaves every collection as it was.
        expect(await snapshot(cloud.store)).toBe(before);
      }
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(await snapshot(cloud.store)).toBe(before);
    }
  } finally {
    await cloud.close();
  }
});
