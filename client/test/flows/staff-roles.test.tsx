// 工作人员角色 (administrator), the whole page against a mocked `accounts` function: a person is found by name and
// ID number (never an openid), granted reviewer with a department, listed; a role is revoked only after the
// confirmation; the trail reads as sentences with dates as 2026年12月2日 and masked ID numbers; nobody but an
// administrator gets the page.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import StaffRolesPage from '../../src/packages/staff/roles';
import { historyText, formatInstant } from '../../src/packages/staff/roles/view';
import { sessionStore, toMe } from '../../src/services/session';

function signIn(openid: string, roles: string[]) {
  sessionStore.set({
    openid,
    me: toMe({ openid, person: null, roles }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
}

const ADMIN_ROW = {
  staffId: `staff-${'a'.repeat(40)}`,
  name: null,
  idNumber: null,
  roles: ['admin'],
  department: null,
  isSelf: true,
};
const APPLICANT_ID = `staff-${'b'.repeat(40)}`;

/** A small stand-in of the five actions, answering as the server does (masked ID numbers, opaque staff ids). */
function serve() {
  const staff: Array<Record<string, unknown>> = [ADMIN_ROW];
  const history: Array<Record<string, unknown>> = [];
  const by = { name: null, idNumber: null, registered: false };
  const subject = { name: '演示申请人', idNumber: '330***********0010', registered: true };
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name !== 'accounts') return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
    switch (p.action) {
      case 'listStaff':
        return { ok: true, data: { staff } };
      case 'roleHistory':
        return { ok: true, data: { entries: [...history].reverse() } };
      case 'findStaffCandidate':
        if (p.name === '演示申请人' && p.idNumber === '330106199503150010') {
          return {
            ok: true,
            data: {
              candidate: {
                personId: 'p-demo-applicant',
                name: '演示申请人',
                idNumber: '330***********0010',
                roles: [],
                department: null,
              },
            },
          };
        }
        return {
          ok: false,
          error: { code: 'NOT_FOUND', message: '未找到该人员的实名登记信息，请核对姓名和身份证号码' },
        };
      case 'grantStaffRole': {
        const row = {
          staffId: APPLICANT_ID,
          name: '演示申请人',
          idNumber: '330***********0010',
          roles: [p.role],
          department: p.department ?? null,
          isSelf: false,
        };
        staff.push(row);
        history.push({
          at: '2026-12-02T02:00:00.000Z',
          change: 'grant',
          role: p.role,
          department: p.department ?? null,
          by,
          subject,
        });
        return { ok: true, data: { staff: row } };
      }
      case 'revokeStaffRole': {
        const i = staff.findIndex((s) => s.staffId === p.staffId);
        const row = staff[i]!;
        staff.splice(i, 1);
        history.push({
          at: '2026-12-03T01:30:00.000Z',
          change: 'revoke',
          role: p.role,
          department: row.department,
          by,
          subject,
        });
        return { ok: true, data: { staff: { ...row, roles: [], department: null } } };
      }
      default:
        return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
    }
  });
}

// Taro's H5 input draws its native <input> after the page renders (later still on a loaded machine): wait for it.
async function typeIn(name: string, value: string) {
  const box = await screen.findByRole('textbox', { name });
  const host = box.closest('taro-input-core');
  act(() => {
    host!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

const sent = (action: string) =>
  __cloudCalls()
    .filter((c) => (c.data as { action: string }).action === action)
    .map((c) => c.data as Record<string, unknown>);

// Whole-page flows with several renders each: allow for a loaded machine.
jest.setTimeout(30000);
beforeEach(() => __reset());

test('finds a person by name and ID number, grants reviewer of a department, and lists them with the change in the trail', async () => {
  signIn('demo-admin', ['admin']);
  serve();
  render(<StaffRolesPage />);
  expect(await screen.findByText('系统初始账号（未实名登记）')).toBeTruthy();
  expect(screen.getByText('本人的管理员角色须由其他管理员撤销')).toBeTruthy();
  expect(screen.getByText('暂无记录。')).toBeTruthy();

  // A wrong name: the server's words, beside the lookup; nothing granted.
  await typeIn('姓名', '别人');
  await typeIn('身份证号码', '330106199503150010');
  fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
  expect((await screen.findByRole('alert')).textContent).toContain(
    '未找到该人员的实名登记信息，请核对姓名和身份证号码',
  );

  // A malformed number never leaves the page (the shared schema's Chinese message).
  await typeIn('姓名', '演示申请人');
  await typeIn('身份证号码', '33010619950315001');
  fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('身份证号码'));
  expect(sent('findStaffCandidate')).toHaveLength(1);

  await typeIn('身份证号码', '330106199503150010');
  fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
  expect(await screen.findByText('330***********0010')).toBeTruthy();
  expect(screen.getByText('无（普通申请人）')).toBeTruthy();
  expect(sent('findStaffCandidate').at(-1)).toEqual({
    action: 'findStaffCandidate',
    name: '演示申请人',
    idNumber: '330106199503150010',
  });

  // A reviewer needs a department: asked for in words before anything is sent.
  fireEvent.click(screen.getByRole('button', { name: '授予角色' }));
  expect((await screen.findByRole('alert')).textContent).toBe('请选择审核部门');
  fireEvent.click(screen.getByText('住保房管'));
  fireEvent.click(screen.getByRole('button', { name: '授予角色' }));
  expect(await screen.findByText('已为演示申请人授予审核员（住保房管）角色')).toBeTruthy();
  expect(sent('grantStaffRole')).toEqual([
    { action: 'grantStaffRole', personId: 'p-demo-applicant', role: 'reviewer', department: 'housing' },
  ]);
  expect(await screen.findByText('演示申请人（330***********0010）')).toBeTruthy();
  expect(await screen.findByText('2026年12月2日 10:00')).toBeTruthy();
  expect(
    screen.getByText('系统初始账号（未实名登记）为演示申请人（330***********0010）授予审核员（住保房管）角色'),
  ).toBeTruthy();
  // No call ever carried an openid.
  expect(__cloudCalls().some((c) => 'openid' in (c.data as object))).toBe(false);
});

test('revokes only after the confirmation; cancelling sends nothing', async () => {
  signIn('demo-admin', ['admin']);
  serve();
  render(<StaffRolesPage />);
  await screen.findByText('系统初始账号（未实名登记）');
  await typeIn('姓名', '演示申请人');
  await typeIn('身份证号码', '330106199503150010');
  fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
  await screen.findByText('无（普通申请人）');
  fireEvent.click(screen.getByText('区积分受理点'));
  fireEvent.click(screen.getByRole('button', { name: '授予角色' }));
  await screen.findByText('已为演示申请人授予区积分受理点角色');

  const revoke = await screen.findByRole('button', { name: '撤销演示申请人的区积分受理点角色' });
  fireEvent.click(revoke);
  expect(
    await screen.findByText(
      '撤销后，演示申请人（330***********0010）将不能再查看申请、确认书面委托、答复异议。此操作将记入操作记录。',
    ),
  ).toBeTruthy();
  fireEvent.click(screen.getByText('取消'));
  await waitFor(() => expect(screen.queryByText(/撤销后，演示申请人/)).toBeNull());
  expect(sent('revokeStaffRole')).toHaveLength(0);

  fireEvent.click(screen.getByRole('button', { name: '撤销演示申请人的区积分受理点角色' }));
  fireEvent.click(await screen.findByText('确认撤销'));
  expect(await screen.findByText('已撤销演示申请人（330***********0010）的区积分受理点角色')).toBeTruthy();
  expect(sent('revokeStaffRole')).toEqual([
    { action: 'revokeStaffRole', staffId: APPLICANT_ID, role: 'district-office' },
  ]);
  await waitFor(() => expect(screen.queryByRole('button', { name: '撤销演示申请人的区积分受理点角色' })).toBeNull());
  const trail = screen.getByText('系统初始账号（未实名登记）撤销了演示申请人（330***********0010）的区积分受理点角色');
  expect(within(trail.closest('.flows-row') as HTMLElement).getByText('2026年12月3日 09:30')).toBeTruthy();
});

test('anyone but an administrator gets a sentence, no form and no call', async () => {
  signIn('demo-reviewer-tax', ['reviewer']);
  serve();
  render(<StaffRolesPage />);
  expect(screen.getByText('仅管理员可使用：工作人员角色由管理员授予和撤销。')).toBeTruthy();
  expect(screen.queryByRole('textbox', { name: '身份证号码' })).toBeNull();
  expect(__cloudCalls()).toHaveLength(0);
});

test('the trail reads as sentences: Beijing time, masked numbers, the initial account named in words', () => {
  expect(formatInstant('2026-12-02T16:05:00.000Z')).toBe('2026年12月3日 00:05');
  expect(
    historyText({
      at: '2026-12-02T02:00:00.000Z',
      change: 'grant',
      role: 'admin',
      department: null,
      departmentLabel: null,
      by: { name: '演示员工', idNumber: '330***********0057', registered: true },
      subject: { name: '演示申请人', idNumber: '330***********0010', registered: true },
    }),
  ).toBe('演示员工（330***********0057）为演示申请人（330***********0010）授予管理员角色');
});
