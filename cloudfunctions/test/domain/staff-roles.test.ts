// The staff-roles page's actions (accounts.findStaffCandidate / grantStaffRole / revokeStaffRole / listStaff /
// roleHistory): a person is found by name + ID number, granted by person id, revoked by the opaque staff id; the
// last administrator cannot be revoked; openids never leave the server; every change is in the trail.
import { createTestCloud, snapshot, type StoreKind, type TestCloud } from '../helpers/runtime';
import { bj } from '../helpers/world';
import { seedDemo } from '../../src/demo/seed';

// The seed's fake identities (GB 11643 check characters), written out as literals.
const APPLICANT = { name: '演示申请人', idNumber: '330106199503150010', masked: '330***********0010' };
const EMPLOYEE = { name: '演示员工', idNumber: '330106199211080057', masked: '330***********0057' };
const MINOR_WITHOUT_WECHAT = { name: '演示未成年人', idNumber: '330106201605010027' };

// On SQLite and on the CloudBase adapter over its stand-in: listStaff's query (isStaff, equality only) is one CloudBase
// can answer.
describe.each<StoreKind>(['sqlite', 'cloudbase'])('on %s', (store) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2026-12-02'), { store });
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  async function find(who: { name: string; idNumber: string }) {
    return (await cloud.ok('demo-admin', 'accounts', 'findStaffCandidate', { name: who.name, idNumber: who.idNumber }))
      .candidate;
  }
  async function staffIdOfName(name: string | null): Promise<string> {
    const { staff } = await cloud.ok('demo-admin', 'accounts', 'listStaff', {});
    const row = staff.find((s: { name: string | null }) => s.name === name);
    if (!row) throw new Error(`no staff row named ${name}`);
    return row.staffId;
  }

  test('an administrator finds a person by name and ID number, grants reviewer, sees them listed and in the trail, then revokes', async () => {
    const candidate = await find(APPLICANT);
    expect(candidate).toEqual({
      personId: 'p-demo-applicant',
      name: '演示申请人',
      idNumber: APPLICANT.masked,
      roles: [],
      department: null,
    });

    const granted = await cloud.ok('demo-admin', 'accounts', 'grantStaffRole', {
      personId: candidate.personId,
      role: 'reviewer',
      department: 'housing',
    });
    expect(granted.staff).toMatchObject({
      name: '演示申请人',
      idNumber: APPLICANT.masked,
      roles: ['reviewer'],
      department: 'housing',
      isSelf: false,
    });
    expect(await cloud.ok('demo-applicant', 'accounts', 'me', {})).toMatchObject({
      roles: ['reviewer'],
      department: 'housing',
    });

    const { staff } = await cloud.ok('demo-admin', 'accounts', 'listStaff', {});
    // 10 seeded reviewers + the new one, the district office, the administrator.
    expect(staff).toHaveLength(13);
    expect(staff[0]).toMatchObject({ roles: ['admin'], name: null, isSelf: true });
    expect(staff.filter((s: { name: string | null }) => s.name === '演示申请人')).toHaveLength(1);
    // No openid reaches the page: staff are named by an opaque id.
    expect(JSON.stringify(staff)).not.toContain('demo-');
    expect(granted.staff.staffId).toMatch(/^staff-[0-9a-f]{40}$/);

    cloud.setNow(bj('2026-12-03', '09:30'));
    const revoked = await cloud.ok('demo-admin', 'accounts', 'revokeStaffRole', {
      staffId: granted.staff.staffId,
      role: 'reviewer',
    });
    expect(revoked.staff).toMatchObject({ roles: [], department: null });
    expect(await cloud.ok('demo-applicant', 'accounts', 'me', {})).toMatchObject({ roles: [], department: null });
    expect((await cloud.ok('demo-admin', 'accounts', 'listStaff', {})).staff).toHaveLength(12);

    const { entries } = await cloud.ok('demo-admin', 'accounts', 'roleHistory', {});
    expect(entries).toEqual([
      {
        at: '2026-12-03T01:30:00.000Z',
        change: 'revoke',
        role: 'reviewer',
        department: 'housing',
        departmentLabel: '住保房管',
        by: { name: null, idNumber: null, registered: false },
        subject: { name: '演示申请人', idNumber: APPLICANT.masked, registered: true },
      },
      {
        at: '2026-12-02T02:00:00.000Z',
        change: 'grant',
        role: 'reviewer',
        department: 'housing',
        departmentLabel: '住保房管',
        by: { name: null, idNumber: null, registered: false },
        subject: { name: '演示申请人', idNumber: APPLICANT.masked, registered: true },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(APPLICANT.idNumber);
  });

  test('the lookup needs both name and number to match, and a person without their own WeChat cannot be staff; nothing changes', async () => {
    const before = await snapshot(cloud.store);
    expect(
      await cloud.call('demo-admin', 'accounts', 'findStaffCandidate', { name: '别人', idNumber: APPLICANT.idNumber }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未找到该人员的实名登记信息，请核对姓名和身份证号码' },
    });
    expect(await cloud.call('demo-admin', 'accounts', 'findStaffCandidate', MINOR_WITHOUT_WECHAT)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(
      await cloud.call('demo-admin', 'accounts', 'grantStaffRole', {
        personId: 'p-demo-minor',
        role: 'district-office',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    // A reviewer needs a department; other roles take none.
    expect(
      await cloud.call('demo-admin', 'accounts', 'grantStaffRole', { personId: 'p-demo-applicant', role: 'reviewer' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await cloud.call('demo-admin', 'accounts', 'grantStaffRole', {
        personId: 'p-demo-applicant',
        role: 'admin',
        department: 'tax',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    // Only an administrator may look people up or change roles.
    for (const openid of ['demo-reviewer-tax', 'demo-district-office', 'demo-applicant']) {
      expect(
        await cloud.call(openid, 'accounts', 'findStaffCandidate', {
          name: APPLICANT.name,
          idNumber: APPLICANT.idNumber,
        }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await cloud.call(openid, 'accounts', 'listStaff', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await cloud.call(openid, 'accounts', 'roleHistory', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('granting the same role twice is refused; granting reviewer of another department moves the reviewer', async () => {
    await cloud.ok('demo-admin', 'accounts', 'grantStaffRole', {
      personId: 'p-demo-applicant',
      role: 'reviewer',
      department: 'tax',
    });
    expect(
      await cloud.call('demo-admin', 'accounts', 'grantStaffRole', {
        personId: 'p-demo-applicant',
        role: 'reviewer',
        department: 'tax',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await cloud.ok('demo-admin', 'accounts', 'grantStaffRole', {
      personId: 'p-demo-applicant',
      role: 'reviewer',
      department: 'education',
    });
    expect(await cloud.ok('demo-applicant', 'accounts', 'me', {})).toMatchObject({
      roles: ['reviewer'],
      department: 'education',
    });
    // A role that is not held cannot be revoked.
    const staffId = await staffIdOfName('演示申请人');
    expect(
      await cloud.call('demo-admin', 'accounts', 'revokeStaffRole', { staffId, role: 'district-office' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('the last administrator cannot be revoked; an administrator never revokes their own admin role', async () => {
    const selfId = (await cloud.ok('demo-admin', 'accounts', 'listStaff', {})).staff.find(
      (s: { isSelf: boolean }) => s.isSelf,
    ).staffId as string;
    expect(
      await cloud.call('demo-admin', 'accounts', 'revokeStaffRole', { staffId: selfId, role: 'admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这是系统中唯一的管理员，不能撤销：请先授予另一人管理员角色' },
    });

    // A second administrator (the demo employee, registered with their own WeChat).
    const employee = await find(EMPLOYEE);
    await cloud.ok('demo-admin', 'accounts', 'grantStaffRole', { personId: employee.personId, role: 'admin' });
    expect(
      await cloud.call('demo-admin', 'accounts', 'revokeStaffRole', { staffId: selfId, role: 'admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '不能撤销自己的管理员角色，请由其他管理员办理' },
    });
    // The other administrator may revoke the first; then they are the last one and cannot be revoked.
    await cloud.ok('demo-employee', 'accounts', 'revokeStaffRole', { staffId: selfId, role: 'admin' });
    expect(await cloud.call('demo-admin', 'accounts', 'listStaff', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const { staff } = await cloud.ok('demo-employee', 'accounts', 'listStaff', {});
    const employeeId = staff.find((s: { isSelf: boolean }) => s.isSelf).staffId;
    expect(
      await cloud.call('demo-employee', 'accounts', 'revokeStaffRole', { staffId: employeeId, role: 'admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '这是系统中唯一的管理员，不能撤销：请先授予另一人管理员角色' },
    });
  });

  test('two administrators revoking each other at the same moment leave one administrator', async () => {
    await cloud.ok('demo-admin', 'accounts', 'grantStaffRole', { personId: 'p-demo-employee', role: 'admin' });
    const { staff } = await cloud.ok('demo-admin', 'accounts', 'listStaff', {});
    const adminId = staff.find((s: { isSelf: boolean }) => s.isSelf).staffId;
    const employeeId = staff.find((s: { name: string | null }) => s.name === '演示员工').staffId;
    const results = await Promise.all([
      cloud.call('demo-admin', 'accounts', 'revokeStaffRole', { staffId: employeeId, role: 'admin' }),
      cloud.call('demo-employee', 'accounts', 'revokeStaffRole', { staffId: adminId, role: 'admin' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await Promise.all(['demo-admin', 'demo-employee'].map((o) => cloud.ok(o, 'accounts', 'me', {})));
    expect(admins.filter((m) => m.roles.includes('admin'))).toHaveLength(1);
  });
});
