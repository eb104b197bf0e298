// Fuzz: thousands of random and malformed payloads to every action through `invoke` on the real SQLite store.
// Never INTERNAL / 5xx, never a crash, always a well-formed envelope with a Chinese message, and a rejected call
// leaves the store exactly as it was (every collection: see `snapshot`). The actions come from the registry, so a
// new action is fuzzed as soon as it is registered (with an empty plausible payload until it gets a template).
import fc from 'fast-check';
import { rmSync } from 'fs';
import { ERROR_CODES, PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { invoke } from '../../src/core/invoke';
import { REGISTRY } from '../../src/functions/registry';
import { SqliteStore } from '../../src/storage/sqlite';
import { createTestCloud, deployedCollections, snapshot, sqliteCollections, type TestCloud } from '../helpers/runtime';
import { buildWorld, bj, type World } from '../helpers/world';
import { PNG_BYTES } from '../helpers/fixtures';

const FUNCTIONS = Object.keys(REGISTRY);
const ACTIONS = Object.values(REGISTRY).flatMap((f) => Object.keys(f.actions).map((a) => [f.name, a] as const));

const CALLERS = [
  undefined,
  '',
  'demo-applicant',
  'demo-employee',
  'demo-agent',
  'demo-guardian',
  'agent-revoked',
  'demo-reviewer-education',
  'demo-reviewer-hrss',
  'demo-district-office',
  'demo-admin',
  'unknown-openid',
];

/** A plausible payload per action, to mutate one field at a time. */
function templates(w: World): Record<string, Record<string, unknown>> {
  return {
    'accounts.register': {
      name: '模糊测试',
      idNumber: '11010519491231002X',
      phone: '13800009999',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    },
    'accounts.me': {},
    'accounts.addDependent': {
      name: '模糊家属',
      idNumber: '11010520200101001X',
      relation: 'parent',
      actorIdentityFileId: 'f-x',
      subjectIdentityFileId: 'f-y',
    },
    'accounts.listSubjects': {},
    'accounts.endRelation': { personId: w.person.M },
    'accounts.createEntrustment': {
      employeeName: '演示员工',
      employeeIdNumber: '11010519491231002X',
      employerName: '单位',
      entrustmentFileId: 'f-a',
      employeeIdentityFileId: 'f-b',
      agentIdentityFileId: 'f-c',
    },
    'accounts.confirmEntrustment': { entrustmentId: w.pendingEntrustment },
    'accounts.revokeEntrustment': { entrustmentId: w.activeEntrustment },
    'accounts.listEntrustments': {},
    'accounts.grantRole': { openid: 'x', role: 'reviewer', department: 'tax' },
    'accounts.revokeRole': { openid: 'demo-reviewer-tax', role: 'reviewer' },
    'accounts.findStaffCandidate': { name: '演示员工', idNumber: '11010519491231002X' },
    'accounts.grantStaffRole': { personId: w.person.E, role: 'reviewer', department: 'tax' },
    'accounts.revokeStaffRole': { staffId: `staff-${'0'.repeat(40)}`, role: 'reviewer' },
    'accounts.listStaff': {},
    'accounts.roleHistory': { limit: 10 },
    'accounts.exportMyData': {},
    'accounts.deleteAccount': { confirm: true },
    'accounts.bindAtWindow': { openid: 'fuzz-openid', personId: w.person.T, phone: '13600000000' },
    'files.read': { fileId: w.evidence.E },
    'files.prepareUpload': { onBehalfOf: w.person.E, purpose: 'evidence', kind: 'png', size: PNG_BYTES.length },
    'files.commitUpload': { uploadId: 'u-fuzz', fileID: 'local://evidence/p-x/0.png' },
    'applications.saveDraft': {
      onBehalfOf: w.person.E,
      year: 2026,
      claims: [{ indicator: 'rental', value: { rentalYears: 1 }, evidence: [] }],
    },
    'applications.get': { applicationId: w.submitted.E },
    'applications.list': { onBehalfOf: w.person.M },
    'applications.submit': { applicationId: w.draft.M, commitment: true, requestId: 'fuzz-req-0001' },
    'applications.supplement': {
      applicationId: w.submitted.E,
      indicator: 'education',
      value: { education: 'bachelor' },
      evidence: [],
    },
    'review.queue': { status: 'pending', limit: 5 },
    'review.getItem': { itemId: w.educationItem.E },
    'review.decide': { itemId: w.educationItem.E, decision: 'approved', acceptedValue: { education: 'bachelor' } },
    'review.decideMany': {
      applicationId: w.submitted.E,
      approvals: [{ itemId: w.educationItem.E, acceptedValue: { education: 'bachelor' } }],
    },
    'objections.file': {
      applicationId: w.submitted.M,
      indicators: ['education'],
      reason: '理由理由',
      requestId: 'fuzz-obj-0001',
    },
    'objections.list': { status: 'open' },
    'objections.answer': { objectionId: w.openObjection, reply: '答复答复', changes: [] },
    'certificates.issue': { applicationId: w.submitted.E, residencePermitNo: 'ZJ3301001234' },
    'certificates.list': { onBehalfOf: w.person.E },
    'certificates.download': { serial: 'JF-2025-000001' },
    'certificates.revoke': { serial: 'JF-2025-000001', reason: '模糊测试撤销' },
    'certificates.liftRevocation': { serial: 'JF-2025-000001', reason: '模糊测试解除撤销' },
    'certificates.verify': { serial: 'JF-2025-000001', signature: 'A'.repeat(86) },
    'certificates.publicKey': {},
    'rounds.open': { year: 2027 },
    'rounds.adjust': { year: 2026, dates: { settlementCloses: '2026-11-30' } },
    'rounds.close': { year: 2025 },
    'rounds.get': { year: 2025 },
    'rounds.setLine': { year: 2025, mode: 'threshold', threshold: 120 },
    'rounds.publish': { year: 2025 },
    'rounds.results': { year: 2025, limit: 10 },
    'rounds.myStanding': { year: 2025, onBehalfOf: w.person.E },
    'rounds.publicationStatus': { year: 2025 },
    'settlement.apply': {
      year: 2025,
      onBehalfOf: w.person.E,
      district: '西湖区',
      declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      requestId: 'fuzz-set-0001',
    },
    'settlement.get': { year: 2025, onBehalfOf: w.person.E },
    'settlement.withdraw': { year: 2025, onBehalfOf: w.person.E },
    'settlement.recordSettled': { year: 2025, personId: w.person.E },
    'reminders.list': { onBehalfOf: w.person.E },
    'reminders.sweep': {},
    'reminders.recordSubscription': {
      tap: 'applicationSubmitted',
      source: 'wechat',
      results: [{ template: 'status', outcome: 'accept' }],
      requestId: 'fuzz-sub-0001',
    },
    'reminders.templates': {},
    'reminders.send': {},
    'calendar.registerYear': {
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: [],
      source: '国务院办公厅关于2027年部分节假日安排的通知（模糊测试）',
    },
    'calendar.list': {},
  };
}

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '../../etc/passwd',
    'evidence/../../x',
    "'; DROP TABLE items; --",
    '$where',
    '\u0000',
    '\ud800',
    'X'.repeat(10_000),
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    2 ** 53 + 1,
    true,
    null,
    [],
    {},
    { $gt: '' },
  ),
);

let cloud: TestCloud;
let world: World;
let templateDir: string;

beforeAll(async () => {
  const c = createTestCloud(bj('2025-09-26'));
  world = await buildWorld(c);
  await c.close(true);
  templateDir = c.dir;
  cloud = createTestCloud(bj('2025-10-31'), { copyFrom: templateDir });
}, 60_000);
afterAll(async () => {
  await cloud.close();
  rmSync(templateDir, { recursive: true, force: true });
});

test('fuzzes every registered function and action (12 functions, 68 actions)', () => {
  expect(FUNCTIONS).toHaveLength(12);
  expect(ACTIONS).toHaveLength(68);
});

async function check(fn: string, event: unknown, openid: string | undefined) {
  const before = await snapshot(cloud.store);
  const result = await invoke(fn, event, { openid }, cloud.runtime);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(Object.keys(ERROR_CODES)).toContain(result.error.code);
    expect(result.error.code).not.toBe('INTERNAL');
    expect(ERROR_CODES[result.error.code as keyof typeof ERROR_CODES].status).toBeLessThan(500);
    expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot(cloud.store)).toBe(before);
  }
  expect(cloud.logs.filter((l) => l.level === 'error')).toEqual([]);
  return result;
}

test('random events to random functions and actions', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.constantFrom(...FUNCTIONS, 'nope', '__proto__', 'constructor', 'toString'), fc.string()),
      fc.oneof(
        nasty,
        fc.record({ action: fc.oneof(fc.constantFrom(...ACTIONS.map(([, a]) => a)), nasty) }, { requiredKeys: [] }),
      ),
      fc.constantFrom(...CALLERS),
      async (fn, event, openid) => {
        await check(fn, event, openid);
      },
    ),
    { numRuns: 1500 },
  );
}, 300_000);

test('every action with one field of a plausible payload mutated, removed or added', async () => {
  const T = templates(world);
  // A template for an action that no longer exists is a stale test; a new action without one is fuzzed from {}.
  const registered = new Set(ACTIONS.map(([f, a]) => `${f}.${a}`));
  expect(Object.keys(T).filter((k) => !registered.has(k))).toEqual([]);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ACTIONS),
      fc.constantFrom(...CALLERS),
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), key: fc.string({ maxLength: 20 }), value: nasty }),
        fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: nasty }),
        fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }),
        fc.record({ kind: fc.constant('openid' as const), value: fc.constantFrom('demo-admin', 'demo-employee') }),
      ),
      async ([fn, action], openid, m) => {
        const template = T[`${fn}.${action}`] ?? {};
        const payload: Record<string, unknown> = { ...template };
        const keys = Object.keys(payload);
        if (m.kind === 'set') payload[m.key] = m.value;
        if (m.kind === 'replace' && keys.length) payload[keys[m.index % keys.length]!] = m.value;
        if (m.kind === 'remove' && keys.length) delete payload[keys[m.index % keys.length]!];
        if (m.kind === 'openid') payload.openid = m.value;
        const r = await check(fn, { action, ...payload }, openid);
        // A payload openid is never accepted (grantRole/revokeRole name their target user with one).
        if (m.kind === 'openid' && !('openid' in template)) expect(r.ok).toBe(false);
      },
    ),
    { numRuns: 2500 },
  );
}, 300_000);

test('every collection written by the world and the fuzzed calls is one the deployment table names', () => {
  const written = sqliteCollections(cloud.store as SqliteStore);
  expect(written.filter((c) => !deployedCollections().includes(c))).toEqual([]);
});
