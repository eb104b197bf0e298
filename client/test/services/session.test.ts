import { __reset, __setCloudHandler } from '../__mocks__/taro';
import { hasRole, isStaff, sessionStore, setActingFor, switchPersona, toMe } from '../../src/services/session';

beforeEach(() => __reset());

describe('session', () => {
  it('reads accounts.me as documented in cloudfunctions/API.md', () => {
    const applicant = toMe({
      openid: 'demo-applicant',
      person: { personId: 'p1', name: '演示申请人', idNumber: '330106199503150010', phone: '13800000001' },
      roles: [],
      department: null,
    });
    expect(applicant).toMatchObject({
      registered: true,
      name: '演示申请人',
      idNumber: '330106199503150010',
      roles: [],
    });
    expect(isStaff(applicant)).toBe(false);

    const reviewer = toMe({ openid: 'demo-reviewer-hrss', person: null, roles: ['reviewer'], department: 'hrss' });
    expect(reviewer.registered).toBe(false);
    expect(reviewer.roles).toEqual([{ role: 'reviewer', department: 'hrss' }]);
    expect(hasRole(reviewer, 'reviewer')).toBe(true);
    expect(hasRole(reviewer, 'admin')).toBe(false);
    expect(isStaff(reviewer)).toBe(true);

    // Unknown roles are ignored rather than trusted.
    expect(toMe({ person: null, roles: ['superuser', 'admin'] }).roles).toEqual([
      { role: 'admin', department: undefined },
    ]);
  });

  it('switching persona drops acting-for and reloads me', async () => {
    // Jest resolves ./cloud to the weapp service (Taro.cloud mock); the H5 transport is covered in cloud.test.ts.
    __setCloudHandler((name, data) =>
      name === 'accounts' && (data as { action?: string }).action === 'me'
        ? { ok: true, data: { openid: 'demo-guardian', person: { name: '演示监护人' }, roles: [] } }
        : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } },
    );
    setActingFor({ personId: 'p-child', name: '王*明', relationLabel: '监护人' });
    await switchPersona('demo-guardian');
    const s = sessionStore.get();
    expect(s.actingFor).toBeNull();
    expect(s.openid).toBe('demo-guardian');
    expect(s.me?.name).toBe('演示监护人');
    expect(s.status).toBe('ready');
  });

  it('keeps the error message when me cannot be loaded', async () => {
    __setCloudHandler(() => ({
      ok: false,
      error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
    }));
    await switchPersona('demo-applicant');
    expect(sessionStore.get()).toMatchObject({
      me: null,
      status: 'error',
      error: { message: '服务暂时不可用，请稍后再试' },
    });
  });
});
