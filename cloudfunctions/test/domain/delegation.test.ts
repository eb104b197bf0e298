// Delegation: employer entrustment (create → confirm → act → revoke → denied at once), guardians and close
// relatives under mayActFor, masking for everyone but the owner, payload openids never trusted.
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { seedDemo, demoIdNumber, DEMO_PERSON_IDS } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';
import { downloadLink } from '../helpers/download';
import { bj } from '../helpers/world';
import { PDF_BYTES, PNG_BYTES, idNumberFor } from '../helpers/fixtures';
import { uploadThroughStorage } from '../helpers/uploads';
import type { FilePurpose } from '../../src/core/model';

// The whole file runs twice: on the SQLite adapter and on the CloudBase adapter over its stand-in.
describe.each(['sqlite', 'cloudbase'] as const)('on %s', (storeKind) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2025-09-26'), { store: storeKind });
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  async function docs(openid: string) {
    const up = async (purpose: FilePurpose) =>
      (await uploadThroughStorage(cloud, openid, { purpose, bytes: PDF_BYTES })).fileId;
    return { entrustment: await up('entrustment'), a: await up('identity'), b: await up('identity') };
  }

  test('an agent acts only after the employee confirms the entrustment, and not from the moment it is revoked', async () => {
    await cloud.ok('hr-new', 'accounts', 'register', {
      name: '新经办人',
      idNumber: idNumberFor('1980-03-03', 1),
      phone: '13911112222',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    const d = await docs('hr-new');
    const created = await cloud.ok('hr-new', 'accounts', 'createEntrustment', {
      employeeName: '演示员工',
      employeeIdNumber: demoIdNumber('1992-11-08', 5),
      employerName: '新单位有限公司',
      entrustmentFileId: d.entrustment,
      employeeIdentityFileId: d.a,
      agentIdentityFileId: d.b,
    });
    expect(created.entrustment.status).toBe('pending');
    expect(created.entrustment.employee.idNumber).toContain('*');
    const draft = { onBehalfOf: DEMO_PERSON_IDS.employee, year: 2025, claims: [] };
    expect(await cloud.call('hr-new', 'applications', 'saveDraft', draft)).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });

    // The employee sees the pending entrustment (agent masked) and its documents, and confirms it.
    const mine = await cloud.ok('demo-employee', 'accounts', 'listEntrustments', {});
    const pending = mine.asEmployee.find((e: any) => e.status === 'pending');
    expect(pending.agent.idNumber).toContain('*');
    expect((await cloud.call('demo-employee', 'files', 'read', { fileId: d.entrustment })).ok).toBe(true);
    await cloud.ok('demo-employee', 'accounts', 'confirmEntrustment', { entrustmentId: pending.entrustmentId });
    await cloud.ok('hr-new', 'applications', 'saveDraft', draft);
    const subjects = await cloud.ok('hr-new', 'accounts', 'listSubjects', {});
    expect(subjects.subjects.find((s: any) => s.kind === 'employee')).toMatchObject({
      allowed: true,
      idNumber: expect.stringContaining('*'),
    });

    // Revoked: denied at once, on the same day.
    await cloud.ok('demo-employee', 'accounts', 'revokeEntrustment', { entrustmentId: pending.entrustmentId });
    expect(await cloud.call('hr-new', 'applications', 'saveDraft', draft)).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
    expect(await cloud.call('hr-new', 'applications', 'list', { onBehalfOf: DEMO_PERSON_IDS.employee })).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
    // A revoked entrustment cannot be confirmed again by the agent's side; the agent may ask for a new one.
    expect(
      await cloud.call('hr-new', 'accounts', 'confirmEntrustment', { entrustmentId: pending.entrustmentId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test("createEntrustment refuses a wrong name, someone else's files and a duplicate, changing nothing", async () => {
    await cloud.ok('hr-x', 'accounts', 'register', {
      name: '经办人乙',
      idNumber: idNumberFor('1981-04-04', 2),
      phone: '13911113333',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    const mine = await docs('hr-x');
    const others = await docs('demo-applicant');
    const base = {
      employeeName: '演示员工',
      employeeIdNumber: demoIdNumber('1992-11-08', 5),
      employerName: '某单位',
      entrustmentFileId: mine.entrustment,
      employeeIdentityFileId: mine.a,
      agentIdentityFileId: mine.b,
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, employeeName: '别的名字' }, 'NOT_FOUND'],
      [{ ...base, entrustmentFileId: others.entrustment }, 'NOT_FOUND'],
      [{ ...base, employeeIdentityFileId: mine.entrustment }, 'VALIDATION_FAILED'],
      [{ ...base, agentIdentityFileId: mine.a }, 'VALIDATION_FAILED'],
      [{ ...base, employeeIdNumber: '330106199211080051' }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const before = await snapshot(cloud.store);
      expect(await cloud.call('hr-x', 'accounts', 'createEntrustment', payload)).toMatchObject({
        ok: false,
        error: { code },
      });
      expect(await snapshot(cloud.store)).toBe(before);
    }
    await cloud.ok('hr-x', 'accounts', 'createEntrustment', base);
    expect(await cloud.call('hr-x', 'accounts', 'createEntrustment', base)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The district office may confirm a paper entrustment checked at the window.
    const { asAgent } = await cloud.ok('hr-x', 'accounts', 'listEntrustments', {});
    const confirmed = await cloud.ok('demo-district-office', 'accounts', 'confirmEntrustment', {
      entrustmentId: asAgent[0].entrustmentId,
    });
    expect(confirmed.entrustment).toMatchObject({ status: 'active', confirmedAs: 'district-office' });
  });

  test('guardians: a child under 16 and an elderly parent who cannot act in person, decided by mayActFor', async () => {
    const g = 'demo-guardian';
    const d = await docs(g);
    // The demo minor (born 2016-05-01) and elderly parent (born 1950, 行动不便) are both allowed.
    const subjects = await cloud.ok(g, 'accounts', 'listSubjects', {});
    expect(subjects.subjects.filter((s: any) => s.kind === 'dependent').map((s: any) => s.allowed)).toEqual([
      true,
      true,
    ]);
    await cloud.ok(g, 'applications', 'saveDraft', { onBehalfOf: DEMO_PERSON_IDS.elder, year: 2025, claims: [] });

    // A 16-year-old cannot be added as a dependant; an adult parent who can act in person neither.
    const add = (idNumber: string, relation: string, extra: Record<string, unknown> = {}) =>
      cloud.call(g, 'accounts', 'addDependent', {
        name: '测试家属',
        idNumber,
        relation,
        actorIdentityFileId: d.a,
        subjectIdentityFileId: d.b,
        ...extra,
      });
    const before = await snapshot(cloud.store);
    expect(await add(idNumberFor('2009-09-01', 3), 'parent')).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_NOT_ALLOWED' },
    });
    expect(await add(idNumberFor('1960-01-01', 4), 'child')).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_NOT_ALLOWED' },
    });
    expect(await add(idNumberFor('1960-01-01', 4), 'child', { subjectIdentityFileId: d.a })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
    const ok = await add(idNumberFor('1960-01-01', 4), 'child', { unableToActInPerson: true });
    expect(ok.ok).toBe(true);
    // The same ID number twice: ID_NUMBER_TAKEN.
    expect(await add(idNumberFor('1960-01-01', 4), 'child', { unableToActInPerson: true })).toMatchObject({
      ok: false,
      error: { code: 'ID_NUMBER_TAKEN' },
    });

    // Ending the relation to the elderly parent denies at once; the minor's stays.
    await cloud.ok(g, 'accounts', 'endRelation', { personId: DEMO_PERSON_IDS.elder });
    expect(await cloud.call(g, 'applications', 'list', { onBehalfOf: DEMO_PERSON_IDS.elder })).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
    expect(await cloud.call(g, 'accounts', 'endRelation', { personId: DEMO_PERSON_IDS.elder })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // The minor turns 16 on 2032-05-01: from that day the guardian can no longer act.
    cloud.setNow(bj('2032-04-30'));
    expect((await cloud.call(g, 'applications', 'list', { onBehalfOf: DEMO_PERSON_IDS.minor })).ok).toBe(true);
    cloud.setNow(bj('2032-05-01', '00:00'));
    expect(await cloud.call(g, 'applications', 'list', { onBehalfOf: DEMO_PERSON_IDS.minor })).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
  });

  test('a ward who grows up is bound to their own WeChat at the district office, never by registering online', async () => {
    const d = await docs('demo-guardian');
    const teen = await cloud.ok('demo-guardian', 'accounts', 'addDependent', {
      name: '测试少年',
      idNumber: idNumberFor('2010-01-01', 6),
      relation: 'parent',
      actorIdentityFileId: d.a,
      subjectIdentityFileId: d.b,
    });
    cloud.setNow(bj('2026-01-05'));
    const online = await cloud.call('teen-wechat', 'accounts', 'register', {
      name: '测试少年',
      idNumber: idNumberFor('2010-01-01', 6),
      phone: '13600001111',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(online).toMatchObject({
      ok: false,
      error: { code: 'ID_NUMBER_TAKEN', message: expect.stringContaining('区积分受理点') },
    });
    await cloud.ok('demo-district-office', 'accounts', 'bindAtWindow', {
      openid: 'teen-wechat',
      personId: teen.person.personId,
      phone: '13600001111',
    });
    const me = await cloud.ok('teen-wechat', 'accounts', 'me', {});
    expect(me.person).toMatchObject({
      personId: teen.person.personId,
      idNumber: idNumberFor('2010-01-01', 6),
      phone: '13600001111',
      hasWeChat: true,
    });
    // 16 now: the parent may no longer act for them.
    expect(
      await cloud.call('demo-guardian', 'applications', 'list', { onBehalfOf: teen.person.personId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DELEGATION_REQUIRED' },
    });
    expect(
      await cloud.call('demo-district-office', 'accounts', 'bindAtWindow', {
        openid: 'other-wechat',
        personId: teen.person.personId,
        phone: '13600001111',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  test('identity comes only from the platform: an openid in the payload is rejected, never used', async () => {
    const before = await snapshot(cloud.store);
    const r = await cloud.call('demo-applicant', 'applications', 'saveDraft', {
      openid: 'demo-employee',
      year: 2025,
      claims: [],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await cloud.call(undefined, 'accounts', 'me', { openid: 'demo-admin' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await cloud.call(undefined, 'accounts', 'me', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await snapshot(cloud.store)).toBe(before);
    // The platform-added userInfo is ignored.
    const me = await cloud.ok('demo-applicant', 'accounts', 'me', { userInfo: { openId: 'demo-admin', appId: 'x' } });
    expect(me.roles).toEqual([]);
    expect(me.person.idNumber).not.toContain('*'); // own data in clear
  });

  test('register validates the ID number (GB 11643) and phone, names the field in Chinese, binds once', async () => {
    const bad = await cloud.call('new-user', 'accounts', 'register', {
      name: '新用户',
      idNumber: '330106199001010010',
      phone: '13800001111',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((bad as any).error.message).toMatch(/^身份证号码/);
    const badPhone = await cloud.call('new-user', 'accounts', 'register', {
      name: '新用户',
      idNumber: idNumberFor('1990-01-01', 7),
      phone: '1234',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect((badPhone as any).error.message).toMatch(/^手机号码：/);
    const ok = await cloud.ok('new-user', 'accounts', 'register', {
      name: '新用户',
      idNumber: idNumberFor('1990-01-01', 7).toLowerCase(),
      phone: '138 0000 1111',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(ok.person).toMatchObject({ birthDate: '1990-01-01', phone: '13800001111' });
    expect(
      await cloud.call('new-user', 'accounts', 'register', {
        name: '新用户',
        idNumber: idNumberFor('1990-01-01', 8),
        phone: '13800001111',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_REGISTERED' },
    });
    expect(
      await cloud.call('other-user', 'accounts', 'register', {
        name: '新用户',
        idNumber: idNumberFor('1990-01-01', 7),
        phone: '13800001111',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ID_NUMBER_TAKEN' },
    });
    // An admin grants a reviewer role; the role stays when that person registers later.
    await cloud.ok('demo-admin', 'accounts', 'grantRole', { openid: 'staff-1', role: 'reviewer', department: 'tax' });
    await cloud.ok('staff-1', 'accounts', 'register', {
      name: '税务审核',
      idNumber: idNumberFor('1985-01-01', 9),
      phone: '13800002222',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    expect(await cloud.ok('staff-1', 'accounts', 'me', {})).toMatchObject({ roles: ['reviewer'], department: 'tax' });
    expect(
      await cloud.call('demo-admin', 'accounts', 'grantRole', { openid: 'staff-2', role: 'reviewer' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await cloud.call('demo-admin', 'accounts', 'revokeRole', { openid: 'demo-admin', role: 'admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  test('evidence read-back: the owner gets the same bytes; a stranger gets NOT_FOUND', async () => {
    const { fileId, contentType, size } = await uploadThroughStorage(cloud, 'demo-applicant', {
      purpose: 'evidence',
      bytes: PNG_BYTES,
    });
    expect({ contentType, size }).toEqual({ contentType: 'image/png', size: PNG_BYTES.length });
    const back = await cloud.ok('demo-applicant', 'files', 'read', { fileId });
    expect((await downloadLink(cloud.runtime, back.url))?.equals(PNG_BYTES)).toBe(true);
    expect(await cloud.call('demo-employee', 'files', 'read', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Stored at an unguessable per-person path.
    const doc = await cloud.store.get<any>('files', fileId);
    expect(doc.path).toMatch(/^evidence\/p-demo-applicant\/[0-9a-f]{32}\.png$/);
  });
});
