// The roster pages: import (a picked spreadsheet goes through storage, then roster.import; each bad row is listed by
// row and column), the batch assessment summary, and the board (filter by whose act is next, sort, export).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { __cloudCalls, __reset, __setCloudHandler, navigations } from '../__mocks__/taro';
import { sessionStore } from '../../src/services/session';
import * as rosterApi from '../../src/packages/agent/roster/api';
import RosterImportPage from '../../src/packages/agent/roster-import';
import RosterAssessPage from '../../src/packages/agent/roster-assess';
import RosterBoardPage from '../../src/packages/agent/roster-board';

jest.mock('../../src/packages/agent/roster/api', () => ({
  ...jest.requireActual('../../src/packages/agent/roster/api'),
  pickRoster: jest.fn(),
  uploadRoster: jest.fn(),
  openSpreadsheet: jest.fn(async () => undefined),
}));
const pick = rosterApi.pickRoster as jest.MockedFunction<typeof rosterApi.pickRoster>;
const upload = rosterApi.uploadRoster as jest.MockedFunction<typeof rosterApi.uploadRoster>;
const open = rosterApi.openSpreadsheet as jest.MockedFunction<typeof rosterApi.openSpreadsheet>;

beforeEach(() => {
  __reset();
  pick.mockReset();
  upload.mockReset();
  open.mockClear();
  sessionStore.set({ openid: 'demo-agent', me: null, status: 'idle', error: null, actingFor: null });
});

const rosterCalls = () =>
  __cloudCalls()
    .filter((c) => c.name === 'roster')
    .map((c) => c.data as Record<string, unknown>);

describe('导入员工名单', () => {
  test('imports the picked file and lists each bad row by row number and column', async () => {
    pick.mockResolvedValue({ name: '员工名单.xlsx', size: 37_453, kind: 'xlsx', path: 'wxfile://tmp/roster.xlsx' });
    upload.mockResolvedValue({ ok: true, data: { fileId: 'f-roster-1', contentType: 'text/csv', size: 37_453 } });
    __setCloudHandler((name, data) => {
      const p = data as Record<string, unknown>;
      if (name === 'roster' && p.action === 'import') {
        return {
          ok: true,
          data: {
            imported: 480,
            rejected: 2,
            errors: [
              { row: 7, column: '身份证号码', message: '第7行“身份证号码”：身份证号码校验位不正确' },
              { row: 31, column: '手机号码', message: '第31行“手机号码”：请输入11位中国大陆手机号码' },
            ],
            matches: { entrusted: 1, 'entrustment-pending': 0, 'needs-entrustment': 1, 'not-registered': 478 },
            rows: [],
          },
        };
      }
      return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
    });
    render(<RosterImportPage />);
    fireEvent.click(screen.getByLabelText('选择名单文件并导入'));
    expect(await screen.findByText('第7行“身份证号码”：身份证号码校验位不正确')).toBeTruthy();
    expect(screen.getByText('第31行“手机号码”：请输入11位中国大陆手机号码')).toBeTruthy();
    expect(screen.getByText('480人')).toBeTruthy();
    expect(screen.getByText('2行')).toBeTruthy();
    expect(upload.mock.calls[0]![0]).toMatchObject({ kind: 'xlsx', name: '员工名单.xlsx' });
    expect(rosterCalls()).toEqual([{ action: 'import', fileId: 'f-roster-1' }]);
    fireEvent.click(screen.getByText('查看代办看板'));
    expect(navigations.at(-1)?.url).toBe('/packages/agent/roster-board/index');
  });

  test('a file that is not xlsx or csv is refused before anything is sent', async () => {
    pick.mockResolvedValue({ name: '员工名单.xls', size: 1000, kind: 'csv', path: 'wxfile://tmp/roster.xls' });
    render(<RosterImportPage />);
    fireEvent.click(screen.getByLabelText('选择名单文件并导入'));
    expect(await screen.findByText('请选择xlsx或csv格式的员工名单')).toBeTruthy();
    expect(upload).not.toHaveBeenCalled();
    expect(rosterCalls()).toEqual([]);
  });

  test("the server's refusal of a file that is not a roster is shown as it is", async () => {
    pick.mockResolvedValue({ name: '工资表.xlsx', size: 5000, kind: 'xlsx', path: 'wxfile://tmp/pay.xlsx' });
    upload.mockResolvedValue({ ok: true, data: { fileId: 'f-pay', contentType: 'x', size: 5000 } });
    __setCloudHandler(() => ({
      ok: false,
      error: { code: 'ROSTER_NOT_A_ROSTER', message: '无法识别为员工名单：缺少“身份证号码”“手机号码”列' },
    }));
    render(<RosterImportPage />);
    fireEvent.click(screen.getByLabelText('选择名单文件并导入'));
    expect(await screen.findByText('无法识别为员工名单：缺少“身份证号码”“手机号码”列')).toBeTruthy();
    expect(screen.queryByText('导入结果')).toBeNull();
  });
});

test('名单积分测算: who reaches 100 and when, per person with the plan', async () => {
  __setCloudHandler(() => ({
    ok: true,
    data: {
      today: '2025-11-25',
      count: 2,
      reaches100: { now: 1, byCutoff: [{ cutoffDate: '2027-10-01', count: 1 }], notWithinYears: 0 },
      rows: [
        {
          name: '李强',
          idNumber: '330***********0021',
          personId: null,
          match: 'not-registered',
          total: 148,
          nextCutoff: '2026-10-01',
          nextTotal: 153,
          reaches100: { when: 'now', total: 148 },
          vetoed: false,
          plan: [{ cutoffDate: '2026-10-01', total: 153 }],
          bestChange: null,
        },
        {
          name: '王芳',
          idNumber: '330***********0013',
          personId: null,
          match: 'not-registered',
          total: 94,
          nextCutoff: '2026-10-01',
          nextTotal: 99,
          reaches100: { when: '2027-10-01', total: 116 },
          vetoed: false,
          plan: [
            { cutoffDate: '2026-10-01', total: 99 },
            { cutoffDate: '2027-10-01', total: 116 },
          ],
          bestChange: { change: '取得更高学历：本科（同时取得学位）', gain: 30 },
        },
      ],
    },
  }));
  render(<RosterAssessPage />);
  expect(await screen.findByText('测算汇总（共2人）')).toBeTruthy();
  expect(screen.getByText('2027年10月1日达到')).toBeTruthy();
  expect(screen.getByText('预计2027年10月1日达到100分（116分）')).toBeTruthy();
  expect(screen.getByText('2026年99分 · 2027年116分')).toBeTruthy();
  expect(screen.getByText('建议：取得更高学历：本科（同时取得学位）（+30分）')).toBeTruthy();
  expect(rosterCalls()).toEqual([{ action: 'assess' }]);
});

describe('代办看板', () => {
  const returnedRow = {
    personId: 'p-demo-employee',
    name: '演示员工',
    idNumber: '330***********0057',
    phone: '138****0003',
    onRoster: true,
    entrustment: 'active',
    stage: 'returned',
    stageLabel: '已退回待补正',
    actor: 'agent',
    actorLabel: '待经办人办理',
    next: '在2025年10月28日前补正退回的材料',
    applicationId: 'app-2025-p-demo-employee',
    returned: [{ indicator: 'education', label: '文化程度', reason: '请补充学历证明' }],
    points: null,
    objectionDeadline: null,
    certificateSerial: null,
  };
  const pendingRow = {
    personId: 'p-x',
    name: '张伟',
    idNumber: '330***********0011',
    phone: '139****0001',
    onRoster: true,
    entrustment: 'pending',
    stage: 'entrustment-pending',
    stageLabel: '委托待确认',
    actor: 'employee',
    actorLabel: '待员工本人办理',
    next: '待员工本人在小程序中确认委托（或到区积分受理点核验纸质委托书）',
    applicationId: null,
    returned: [],
    points: null,
    objectionDeadline: null,
    certificateSerial: null,
  };
  const counts = { all: 2, agent: 1, employee: 1, waiting: 0, done: 0 };

  test('shows each stage with the reason of a return, filters by whose act is next, exports', async () => {
    __setCloudHandler((name, data) => {
      const p = data as Record<string, unknown>;
      if (p.action === 'board')
        return {
          ok: true,
          data: { year: 2025, counts, rows: p.filter === 'employee' ? [pendingRow] : [returnedRow, pendingRow] },
        };
      if (p.action === 'export')
        return {
          ok: true,
          data: {
            fileName: '代办看板.xlsx',
            url: 'https://tmp.example/board.xlsx',
            expiresAt: '2025-09-26T02:10:00.000Z',
            rows: 2,
          },
        };
      return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
    });
    render(<RosterBoardPage />);
    expect(await screen.findByText('退回（文化程度）：请补充学历证明')).toBeTruthy();
    expect(screen.getByLabelText('演示员工，已退回待补正，待经办人办理')).toBeTruthy();
    expect(screen.getByText('身份证：330***********0057 · 手机：138****0003')).toBeTruthy();
    fireEvent.click(screen.getByText('待员工本人办理（1）'));
    await waitFor(() => expect(rosterCalls()).toHaveLength(2), { timeout: 5000 });
    await waitFor(() => expect(screen.queryByText('退回（文化程度）：请补充学历证明')).toBeNull(), { timeout: 5000 });
    expect(screen.getByLabelText('张伟，委托待确认，待员工本人办理')).toBeTruthy();
    // No 为其办理 without an active entrustment.
    expect(screen.queryByLabelText('为张伟办理')).toBeNull();
    fireEvent.click(screen.getByLabelText('导出表格'));
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://tmp.example/board.xlsx'), { timeout: 5000 });
    expect(rosterCalls()).toEqual([
      { action: 'board', filter: 'all', sort: 'next' },
      { action: 'board', filter: 'employee', sort: 'next' },
      { action: 'export', filter: 'employee', sort: 'next' },
    ]);
  });

  test('为其办理 acts for the employee under the entrustment (the banner names them)', async () => {
    __setCloudHandler(() => ({ ok: true, data: { year: 2025, counts, rows: [returnedRow] } }));
    render(<RosterBoardPage />);
    fireEvent.click(await screen.findByLabelText('为演示员工办理'));
    expect(sessionStore.get().actingFor).toEqual({
      personId: 'p-demo-employee',
      name: '演示员工',
      relationLabel: '单位委托代办',
    });
    expect(navigations.at(-1)?.url).toBe('/packages/apply/progress/index');
  });

  test('someone who is not an agent sees the server refusal', async () => {
    __setCloudHandler(() => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: '仅单位经办人可使用：请先导入员工名单或建立单位委托' },
    }));
    render(<RosterBoardPage />);
    expect(await screen.findByText('仅单位经办人可使用：请先导入员工名单或建立单位委托')).toBeTruthy();
  });
});
