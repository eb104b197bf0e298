// The role matrix: every action × every role, table-driven. A denied call returns the expected code and changes
// nothing (store snapshot before = after); an allowed call succeeds and, when it writes, is audited with the actor.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createTestCloud, snapshot } from '../helpers/runtime';
import { EMPLOYEE_ID, buildWorld, bj, type Subject, type World } from '../helpers/world';
import { PNG_BYTES, b64, idNumberFor } from '../helpers/fixtures';
import { REGISTRY } from '../../src/functions/registry';

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
const REGISTERED: Role[] = ['owner', 'stranger', 'agentWith', 'agentWithout', 'agentRevoked', 'guardianWith', 'guardianWithout', 'guardianExpired'];
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
  fn: string;
  action: string;
  /** Whether a successful call writes (and so is audited with the caller as actor). Reads of someone else's data
   * are audited as an access log, so a read may be `mutates` for every role but the owner. */
  mutates: boolean | ((role: Role) => boolean);
  at?: string;
  payload: (w: World, role: Role) => Record<string, unknown>;
  expect: Record<Role, Expect>;
}

let serial = 50;
const CASES: Case[] = [
  {
    fn: 'accounts', action: 'register', mutates: true,
    payload: () => ({ name: '测试新人', idNumber: idNumberFor('1990-01-01', serial++), phone: '13700000000' }),
    expect: row(STAFF, () => 'ALREADY_REGISTERED'),
  },
  { fn: 'accounts', action: 'me', mutates: false, payload: () => ({}), expect: row([...REGISTERED, ...STAFF], () => '') },
  {
    fn: 'accounts', action: 'addDependent', mutates: true,
    payload: (w, r) => {
      const files = w.docFiles[ROLES[r].openid ?? ''] ?? { id1: 'f-none-1', id2: 'f-none-2' };
      return { name: '测试幼儿', idNumber: idNumberFor('2020-02-02', serial++), relation: 'parent', actorIdentityFileId: files.id1, subjectIdentityFileId: files.id2 };
    },
    expect: row(REGISTERED, () => 'NOT_REGISTERED'),
  },
  {
    // Every registered person may ask an employee to confirm an entrustment; it grants nothing until confirmed.
    fn: 'accounts', action: 'createEntrustment', mutates: true,
    payload: (w, r) => {
      const f = w.docFiles[ROLES[r].openid ?? ''] ?? { entrustment: 'f-none-0', id1: 'f-none-1', id2: 'f-none-2' };
      return {
        employeeName: '演示员工', employeeIdNumber: EMPLOYEE_ID, employerName: '测试单位',
        entrustmentFileId: f.entrustment, employeeIdentityFileId: f.id1, agentIdentityFileId: f.id2,
      };
    },
    expect: row(['stranger', 'agentRevoked', 'guardianWith', 'guardianWithout', 'guardianExpired'], (r) =>
      STAFF.includes(r) ? 'NOT_REGISTERED' : r === 'owner' ? 'NOT_FOUND' : 'CONFLICT',
    ),
  },
  {
    fn: 'accounts', action: 'endRelation', mutates: true,
    payload: (w, r) => ({ personId: w.person[ROLES[r].subject] }),
    expect: row(['guardianWith', 'guardianExpired'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  { fn: 'accounts', action: 'listSubjects', mutates: false, payload: () => ({}), expect: row(REGISTERED, () => 'NOT_REGISTERED') },
  {
    fn: 'accounts', action: 'confirmEntrustment', mutates: true,
    payload: (w) => ({ entrustmentId: w.pendingEntrustment }),
    expect: row(['owner', 'districtOffice'], () => 'NOT_FOUND'),
  },
  {
    fn: 'accounts', action: 'revokeEntrustment', mutates: true,
    payload: (w) => ({ entrustmentId: w.activeEntrustment }),
    expect: row(['owner'], staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  { fn: 'accounts', action: 'listEntrustments', mutates: false, payload: () => ({}), expect: row(REGISTERED, () => 'NOT_REGISTERED') },
  {
    fn: 'accounts', action: 'grantRole', mutates: true,
    payload: () => ({ openid: 'someone-new', role: 'district-office' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  {
    fn: 'accounts', action: 'revokeRole', mutates: true,
    payload: () => ({ openid: 'demo-district-office', role: 'district-office' }),
    expect: row(['admin'], () => 'FORBIDDEN'),
  },
  {
    fn: 'accounts', action: 'bindAtWindow', mutates: true,
    payload: (w) => ({ openid: 'teen-own-wechat', personId: w.person.T, phone: '13600000000' }),
    expect: row(['districtOffice'], () => 'FORBIDDEN'),
  },
  {
    fn: 'files', action: 'upload', mutates: true,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject], purpose: 'evidence', contentBase64: b64(PNG_BYTES) }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  {
    fn: 'files', action: 'read', mutates: (r) => r !== 'owner',
    payload: (w, r) => ({ fileId: w.evidence[ROLES[r].subject] }),
    expect: row([...DELEGATES, 'reviewerRight', 'districtOffice', 'admin'], () => 'NOT_FOUND'),
  },
  {
    fn: 'applications', action: 'saveDraft', mutates: true,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject], year: 2026, claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  {
    fn: 'applications', action: 'get', mutates: (r) => r !== 'owner',
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject] }),
    expect: row([...DELEGATES, 'districtOffice', 'admin'], () => 'NOT_FOUND'),
  },
  {
    fn: 'applications', action: 'list', mutates: false,
    payload: (w, r) => ({ onBehalfOf: w.person[ROLES[r].subject] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'DELEGATION_REQUIRED')),
  },
  {
    fn: 'applications', action: 'submit', mutates: true,
    payload: (w, r) => ({ applicationId: w.draft[ROLES[r].subject], commitment: true, requestId: `matrix-${r}` }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  {
    fn: 'applications', action: 'supplement', mutates: true, at: bj('2025-10-01'),
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject], indicator: 'education', value: { education: 'high-school' }, evidence: [] }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  { fn: 'review', action: 'queue', mutates: false, payload: () => ({}), expect: row(['reviewerRight', 'reviewerWrong'], () => 'FORBIDDEN') },
  {
    fn: 'review', action: 'getItem', mutates: () => true,
    payload: (w, r) => ({ itemId: w.educationItem[ROLES[r].subject] }),
    expect: row(['reviewerRight'], (r) => (r === 'reviewerWrong' ? 'NOT_FOUND' : 'FORBIDDEN')),
  },
  {
    fn: 'review', action: 'decide', mutates: true,
    payload: (w, r) => ({ itemId: w.educationItem[ROLES[r].subject], decision: 'reviewing' }),
    expect: row(['reviewerRight'], (r) => (r === 'reviewerWrong' ? 'NOT_FOUND' : 'FORBIDDEN')),
  },  {
    // Only own-record items (age, deductions, veto) may be batched: the education item is refused even for its own
    // department; the grants are in review-decide-many.test.ts.
    fn: 'review', action: 'decideMany', mutates: true,
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject], approvals: [{ itemId: w.educationItem[ROLES[r].subject], acceptedValue: { education: 'bachelor' } }] }),
    expect: row([], (r) => (r === 'reviewerWrong' ? 'NOT_FOUND' : r === 'reviewerRight' ? 'VALIDATION_FAILED' : 'FORBIDDEN')),
  },

  {
    fn: 'objections', action: 'file', mutates: true, at: bj('2025-10-31'),
    payload: (w, r) => ({ applicationId: w.submitted[ROLES[r].subject], indicators: ['education'], reason: '学历认定有误', requestId: `matrix-obj-${r}` }),
    expect: row(DELEGATES, staffOr('NOT_REGISTERED', 'NOT_FOUND')),
  },
  { fn: 'objections', action: 'list', mutates: false, payload: () => ({}), expect: row(['districtOffice', 'admin'], () => 'FORBIDDEN') },
  {
    fn: 'objections', action: 'answer', mutates: true, at: bj('2025-11-03'),
    payload: (w) => ({ objectionId: w.openObjection, reply: '经复核维持原认定', changes: [] }),
    expect: row(['districtOffice'], () => 'FORBIDDEN'),
  },
];

let templateDir: string;
let world: World;

beforeAll(async () => {
  const cloud = createTestCloud(bj('2025-09-26'));
  world = await buildWorld(cloud);
  await cloud.close(true);
  templateDir = cloud.dir;
}, 60_000);
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

test('the matrix covers every registered action', () => {
  const registered = Object.values(REGISTRY)
    .filter((f) => ['accounts', 'files', 'applications', 'review', 'objections'].includes(f.name))
    .flatMap((f) => Object.keys(f.actions).map((a) => `${f.name}.${a}`));
  const covered = new Set(CASES.map((c) => `${c.fn}.${c.action}`));
  expect(registered.filter((a) => !covered.has(a))).toEqual([]);
});

const table = CASES.flatMap((c) => ALL.map((role) => [`${c.fn}.${c.action}`, role, c] as const));

test.each(table)('%s as %s', async (_name, role, c) => {
  const cloud = createTestCloud(c.at ?? bj('2025-09-28'), { copyFrom: templateDir });
  try {
    const before = await snapshot(cloud.store);
    const expected = c.expect[role];
    const result = await cloud.call(ROLES[role].openid, c.fn, c.action, c.payload(world, role));
    if (expected === 'ok') {
      if (!result.ok) throw new Error(`expected ok, got ${result.error.code} ${result.error.message}`);
      if (typeof c.mutates === 'function' ? c.mutates(role) : c.mutates) {
        const audit = await cloud.store.find<any>('audit', {}, { orderBy: [['seq', 'desc']], limit: 1 });
        expect(audit[0].action).toBe(`${c.fn}.${c.action}`);
        expect(audit[0].actor.openid).toBe(ROLES[role].openid);
      }
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
      expect(await snapshot(cloud.store)).toBe(before);
    }
  } finally {
    await cloud.close();
  }
});
