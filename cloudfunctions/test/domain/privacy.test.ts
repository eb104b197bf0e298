// 个人信息保护法 in the functions: consent recorded at registration (第十四条, 第二十九条), a copy of everything held
// about oneself (第四十五条), deleting one's own account (第四十七条) — and never anyone else's.
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { buildWorld, bj, EMPLOYEE_ID, type World } from '../helpers/world';
import { PNG_BYTES, idNumberFor } from '../helpers/fixtures';
import { uploadThroughStorage } from '../helpers/uploads';

const CONSENT = { policyVersion: PRIVACY_POLICY_VERSION, agreed: true };
/** demo-applicant's ID number (seed: born 1995-03-15, serial 1). */
const APPLICANT_ID = '330106199503150010';

async function auditEntries(cloud: TestCloud) {
  return cloud.store.find<any>('audit', {}, { orderBy: [['seq', 'asc']], limit: 100000 });
}

describe('consent at registration', () => {
  let cloud: TestCloud;
  beforeEach(() => {
    cloud = createTestCloud(bj('2025-09-26'));
  });
  afterEach(() => cloud.close());

  it.each([
    ['not agreed', { policyVersion: PRIVACY_POLICY_VERSION, agreed: false }],
    ['an older policy', { policyVersion: '2020-01-01', agreed: true }],
  ])('refuses %s with PRIVACY_CONSENT_REQUIRED and stores nothing', async (_label, privacyConsent) => {
    const before = await snapshot(cloud.store);
    const r = await cloud.call('new-person', 'accounts', 'register', {
      name: '隐私测试',
      idNumber: idNumberFor('1990-01-01', 1),
      phone: '13800001234',
      privacyConsent,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'PRIVACY_CONSENT_REQUIRED', message: '请阅读并同意《隐私政策》后再进行实名登记' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  it('refuses a registration without the consent field (VALIDATION_FAILED)', async () => {
    const r = await cloud.call('new-person', 'accounts', 'register', {
      name: '隐私测试',
      idNumber: idNumberFor('1990-01-01', 1),
      phone: '13800001234',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('stores the policy version and the instant with the account, and audits the version', async () => {
    await cloud.ok('new-person', 'accounts', 'register', {
      name: '隐私测试',
      idNumber: idNumberFor('1990-01-01', 1),
      phone: '13800001234',
      privacyConsent: CONSENT,
    });
    const account = await cloud.store.get<any>('accounts', 'new-person');
    expect(account.privacyConsent).toEqual({
      policyVersion: PRIVACY_POLICY_VERSION,
      agreedAt: '2025-09-26T02:00:00.000Z',
    });
    const last = (await auditEntries(cloud)).pop();
    expect(last).toMatchObject({
      action: 'accounts.register',
      details: { privacyPolicyVersion: PRIVACY_POLICY_VERSION },
    });
  });
});

describe('exportMyData and deleteAccount on a world built through the actions', () => {
  let templateDir: string;
  let world: World;
  beforeAll(async () => {
    const c = createTestCloud(bj('2025-09-26'));
    world = await buildWorld(c);
    await c.close(true);
    templateDir = c.dir;
  }, 60_000);

  let cloud: TestCloud;
  beforeEach(() => {
    cloud = createTestCloud(bj('2025-11-03'), { copyFrom: templateDir });
  });
  afterEach(() => cloud.close());

  it("gives the applicant their account, person in clear, application, items, objection, files and audit entries — nobody else's", async () => {
    const data = await cloud.ok('demo-applicant', 'accounts', 'exportMyData', {});
    expect(data.format).toBe('hz-points-personal-data/1');
    expect(data.exportedAt).toBe('2025-11-03T02:00:00.000Z');
    expect(data.account).toMatchObject({ openid: 'demo-applicant', roles: [] });
    expect(data.person).toMatchObject({
      name: '演示申请人',
      idNumber: APPLICANT_ID,
      phone: '13800000001',
      birthDate: '1995-03-15',
    });
    // buildWorld: one 2025 application with a rental claim (3 years), approved, then an objection about it.
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ year: 2025, personId: data.person.personId });
    expect(data.items.map((i: any) => i.indicator)).toContain('rental');
    expect(data.objections).toHaveLength(1);
    expect(data.objections[0]).toMatchObject({ reason: '租赁年限有误', indicators: ['rental'] });
    // Three identity/entrustment files uploaded by the applicant in buildWorld.
    expect(data.files.length).toBeGreaterThanOrEqual(3);
    const actions = data.audit.map((e: any) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['applications.saveDraft', 'applications.submit', 'review.decide', 'objections.file']),
    );
    // Who else acted (the reviewers) is "other", never their openid.
    const decisions = data.audit.filter((e: any) => e.action === 'review.decide');
    expect(decisions.length).toBeGreaterThan(0);
    for (const e of decisions) expect(e.actedBy).toBe('other');
    const text = JSON.stringify(data);
    expect(text).not.toContain('demo-reviewer-housing');
    expect(text).not.toContain(EMPLOYEE_ID);
    expect(text).not.toContain(world.submitted.E);
  });

  it('gives an agent their own data, not the employee they act for', async () => {
    const data = await cloud.ok('demo-agent', 'accounts', 'exportMyData', {});
    expect(data.person.name).toBe('演示经办人');
    expect(data.applications).toEqual([]);
    expect(data.entrustments.length).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    expect(text).not.toContain(EMPLOYEE_ID);
    expect(text).not.toContain(world.submitted.E);
  });

  it('never takes a person: another person named in the payload is refused, and nothing changes', async () => {
    const before = await snapshot(cloud.store);
    for (const payload of [{ personId: world.person.E }, { openid: 'demo-employee' }, { onBehalfOf: world.person.E }]) {
      expect(await cloud.call('demo-agent', 'accounts', 'exportMyData', payload)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      expect(await cloud.call('demo-agent', 'accounts', 'deleteAccount', { confirm: true, ...payload })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    expect(await cloud.call('demo-admin', 'accounts', 'exportMyData', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_REGISTERED' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  it('refuses to delete an account with a submitted application (ACCOUNT_HAS_APPLICATIONS), changing nothing', async () => {
    const before = await snapshot(cloud.store);
    const r = await cloud.call('demo-applicant', 'accounts', 'deleteAccount', { confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'ACCOUNT_HAS_APPLICATIONS' } });
    expect(await snapshot(cloud.store)).toBe(before);
  });

  it('requires the confirmation', async () => {
    expect(await cloud.call('guardian-none', 'accounts', 'deleteAccount', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await cloud.call('guardian-none', 'accounts', 'deleteAccount', { confirm: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it("deletes an account with only drafts: its person, ID record, drafts and files go; others' data stays; the audit entry holds no personal data", async () => {
    // A new user with a draft and an uploaded evidence file.
    const idNumber = idNumberFor('1991-07-07', 77);
    await cloud.ok('leaver', 'accounts', 'register', {
      name: '离开的人',
      idNumber,
      phone: '13711112222',
      privacyConsent: CONSENT,
    });
    const file = await uploadThroughStorage(cloud, 'leaver', { purpose: 'evidence', bytes: PNG_BYTES });
    const draft = await cloud.ok('leaver', 'applications', 'saveDraft', {
      year: 2026,
      claims: [{ indicator: 'rental', value: { rentalYears: 1 }, evidence: [file.fileId] }],
    });
    const me = await cloud.ok('leaver', 'accounts', 'me');
    const personId = me.person.personId;

    const others = async () => {
      const snap = JSON.parse(
        await snapshot(cloud.store, [
          'persons',
          'accounts',
          'applications',
          'items',
          'files',
          'relations',
          'entrustments',
          'objections',
        ]),
      );
      for (const c of Object.keys(snap))
        snap[c] = snap[c].filter(
          (d: any) =>
            d._id !== personId && d._id !== 'leaver' && d.personId !== personId && d.ownerPersonId !== personId,
        );
      return JSON.stringify(snap);
    };
    const othersBefore = await others();

    expect(await cloud.ok('leaver', 'accounts', 'deleteAccount', { confirm: true })).toEqual({ deleted: true });

    expect(await cloud.store.get('accounts', 'leaver')).toBeNull();
    expect(await cloud.store.get('persons', personId)).toBeNull();
    expect(await cloud.store.get('applications', draft.application.applicationId)).toBeNull();
    expect(await cloud.store.get('files', file.fileId)).toBeNull();
    expect(await cloud.store.find('items', { personId })).toEqual([]);
    expect(await others()).toBe(othersBefore);
    // Gone for good: `me` has no person, and the ID number can be registered again.
    expect((await cloud.ok('leaver', 'accounts', 'me')).person).toBeNull();
    await cloud.ok('leaver-again', 'accounts', 'register', {
      name: '离开的人',
      idNumber,
      phone: '13711112222',
      privacyConsent: CONSENT,
    });

    const entries = await auditEntries(cloud);
    const deletion = entries.find((e: any) => e.action === 'accounts.deleteAccount');
    expect(deletion).toMatchObject({
      actor: { openid: 'leaver' },
      details: { deleted: { applications: 1, files: 1 } },
    });
    const text = JSON.stringify(deletion);
    for (const personal of ['离开的人', idNumber, '13711112222']) expect(text).not.toContain(personal);
    // The log stays verifiable after a deletion (hash chain intact).
    const { verifyAuditChain } = await import('../../src/audit');
    expect((await verifyAuditChain(cloud.store)).ok).toBe(true);
  });
});
