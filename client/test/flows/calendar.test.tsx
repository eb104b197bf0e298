// 节假日安排 (administrator), the whole page against a mocked `calendar` function: the known years with their source,
// the missing next year said in words, a registration checked with the shared schema before anything is sent and
// sent only after the confirmation, and no form for anyone but the administrator.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OFFICIAL_CALENDAR_YEARS } from '@hz-points/shared';
import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import CalendarPage from '../../src/packages/review/calendar';
import { sessionStore, toMe } from '../../src/services/session';
import { ONLY_DATE } from '../pages/clock';

// Built-in years as the function lists them (their sources come from the rule data, not from this test).
const builtIn = OFFICIAL_CALENDAR_YEARS.map((y) => ({
  year: y.year,
  origin: 'built-in',
  source: y.source,
  registeredAt: null,
}));
const builtInYears = builtIn.map((y) => y.year);

// A made-up schedule for a year after the built-in data (test input only, not the real 2027 notice): 28 days off,
// 19 of them Monday–Friday, and six make-up Saturdays/Sundays.
const HOLIDAYS_TEXT =
  '2027-01-01至2027-01-03\n2027-02-05 至 2027-02-13\n2027-04-05\n2027-05-01~2027-05-05，2027-06-09至2027-06-11\n2027-10-01至2027-10-07';
const WORKDAYS_TEXT = '2027-01-30, 2027-02-20、2027-04-25\n2027-05-08 2027-09-26 2027-10-09';
const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号）';

function signIn(openid: string, roles: string[]) {
  sessionStore.set({
    openid,
    me: toMe({ openid, person: null, roles }),
    status: 'ready',
    error: null,
    actingFor: null,
  });
}

function serve(registered: { year: number; source: string; registeredAt: string }[] = []) {
  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (name === 'calendar' && p.action === 'list') {
      const years = [...builtIn, ...registered.map((r) => ({ ...r, origin: 'registered' }))];
      return { ok: true, data: { years, covered: years.map((y) => y.year) } };
    }
    if (name === 'calendar' && p.action === 'registerYear') {
      return { ok: true, data: { year: { ...p, origin: 'registered', registeredAt: '2026-11-25T02:00:00.000Z' } } };
    }
    return { ok: false, error: { code: 'UNMOCKED', message: '未模拟' } };
  });
}

function typeIn(name: string, value: string) {
  const box = screen.getByRole('textbox', { name });
  const host = box.closest('taro-textarea-core') ?? box.closest('taro-input-core');
  act(() => {
    host!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

const registerCalls = () => __cloudCalls().filter((c) => (c.data as { action: string }).action === 'registerYear');

beforeEach(() => {
  __reset();
  // 2026-11-25 10:00 Beijing: the built-in data ends with 2026.
  jest.useFakeTimers({ now: new Date('2026-11-25T02:00:00Z'), doNotFake: ONLY_DATE });
});
afterEach(() => jest.useRealTimers());

test('lists every known year with its source and says in words that next year is missing', async () => {
  signIn('demo-admin', ['admin']);
  serve();
  render(<CalendarPage />);
  const last = builtIn[builtIn.length - 1]!;
  expect(await screen.findByText(`${last.year}年`)).toBeTruthy();
  for (const y of builtIn) {
    expect(screen.getByText(`${y.year}年`)).toBeTruthy();
    // The notice by name; how the built-in data was transcribed (a package name) is not for the official.
    expect(screen.getAllByText(new RegExp(`^国务院办公厅关于${y.year}年部分节假日安排的通知`)).length).toBeGreaterThan(
      0,
    );
  }
  expect(screen.queryByText(/chinese-days|转录/)).toBeNull();
  expect(screen.queryByText(/YYYY/)).toBeNull();
  expect(screen.getAllByLabelText('内置官方数据')).toHaveLength(builtIn.length);
  expect(builtInYears).not.toContain(2027);
  expect(screen.getByText(/注意：尚未录入2027年节假日安排/)).toBeTruthy();
  // The form proposes the missing year.
  expect((screen.getByRole('textbox', { name: '年度' }) as HTMLInputElement).value).toBe('2027');
});

test('a registered next year is listed as registered, with its source, and the warning is gone', async () => {
  signIn('demo-admin', ['admin']);
  serve([{ year: 2027, source: SOURCE, registeredAt: '2026-12-20T03:00:00.000Z' }]);
  render(<CalendarPage />);
  expect(await screen.findByText('2027年')).toBeTruthy();
  expect(screen.getByText(SOURCE)).toBeTruthy();
  expect(screen.getByLabelText('管理员登记（2026年12月20日）')).toBeTruthy();
  expect(screen.queryByText(/尚未录入2027年/)).toBeNull();
});

test('a bad date list shows the Chinese message of the shared schema and sends nothing', async () => {
  signIn('demo-admin', ['admin']);
  serve();
  render(<CalendarPage />);
  await screen.findByText(/尚未录入2027年/);
  typeIn('放假日期', `${HOLIDAYS_TEXT}\n2027-02-30`);
  typeIn('调休上班日期', WORKDAYS_TEXT);
  typeIn('通知来源', SOURCE);
  fireEvent.click(screen.getByText('核对并登记'));
  expect((await screen.findByRole('alert')).textContent).toContain('放假日期：2027-02-30 不是真实存在的日期');
  expect(screen.queryByText('确认登记')).toBeNull();

  // A day written in another format (each date is checked before the list as a whole)…
  typeIn('放假日期', HOLIDAYS_TEXT);
  typeIn('调休上班日期', '2027/01/30');
  fireEvent.click(screen.getByText('核对并登记'));
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toContain(
      '调休上班日期：2027/01/30 不是日期，请照通知写作“1月30日”，或写作“2027-01-30”',
    ),
  );
  // …and a make-up working day on a weekday.
  typeIn('调休上班日期', '2027-01-04');
  fireEvent.click(screen.getByText('核对并登记'));
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toContain('调休上班日期：2027-01-04 不是周末，不能作为调休上班日'),
  );

  // Too few weekday holidays for a whole year's notice, and a source that does not name the State Council.
  typeIn('放假日期', '2027-01-01');
  typeIn('调休上班日期', '');
  typeIn('通知来源', '网上看到的2027年放假安排表');
  fireEvent.click(screen.getByText('核对并登记'));
  await waitFor(() =>
    expect(screen.getByRole('alert').textContent).toContain(
      '放假日期：放假日中周一至周五仅 1 天，少于法定节假日 13 天',
    ),
  );
  expect(screen.getByRole('alert').textContent).toContain('通知来源：来源须为国务院办公厅关于当年部分节假日安排的通知');

  expect(registerCalls()).toHaveLength(0);
});

test('a good year is sent only after the confirmation that it cannot be changed, then listed', async () => {
  signIn('demo-admin', ['admin']);
  const registered: { year: number; source: string; registeredAt: string }[] = [];
  serve(registered);
  render(<CalendarPage />);
  await screen.findByText(/尚未录入2027年/);
  typeIn('放假日期', HOLIDAYS_TEXT);
  typeIn('调休上班日期', WORKDAYS_TEXT);
  typeIn('通知来源', `  ${SOURCE} `);
  expect(screen.getByText('已识别放假28天（其中周一至周五19天），调休上班6天')).toBeTruthy();
  fireEvent.click(screen.getByText('核对并登记'));

  expect(await screen.findByText(/登记后不能修改或删除/)).toBeTruthy();
  expect(screen.getByText(/2027年：放假28天（周一至周五19天），调休上班6天/)).toBeTruthy();
  expect(registerCalls()).toHaveLength(0);

  registered.push({ year: 2027, source: SOURCE, registeredAt: '2026-11-25T02:00:00.000Z' });
  fireEvent.click(screen.getByText('确认登记'));
  await waitFor(() => expect(registerCalls()).toHaveLength(1));
  const sent = registerCalls()[0]!;
  expect(sent.name).toBe('calendar');
  const data = sent.data as { action: string; year: number; holidays: string[]; workdays: string[]; source: string };
  expect(data.action).toBe('registerYear');
  expect(data.year).toBe(2027);
  expect(data.source).toBe(SOURCE);
  expect(data.holidays).toHaveLength(28);
  expect(data.holidays.slice(0, 4)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05']);
  expect(data.holidays).toContain('2027-02-13');
  expect(data.holidays).not.toContain('2027-02-14');
  expect(data.workdays).toEqual(['2027-01-30', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);

  expect(await screen.findByText('2027年节假日安排已登记（放假28天，调休上班6天）')).toBeTruthy();
  expect(await screen.findByText('2027年')).toBeTruthy();
  expect(screen.queryByText(/尚未录入2027年/)).toBeNull();
});

test("cancelling the confirmation sends nothing; the server's refusal is shown as is", async () => {
  signIn('demo-admin', ['admin']);
  serve();
  render(<CalendarPage />);
  await screen.findByText(/尚未录入2027年/);
  typeIn('放假日期', HOLIDAYS_TEXT);
  typeIn('调休上班日期', WORKDAYS_TEXT);
  typeIn('通知来源', SOURCE);
  fireEvent.click(screen.getByText('核对并登记'));
  fireEvent.click(await screen.findByText('再核对一下'));
  await waitFor(() => expect(screen.queryByText(/登记后不能修改或删除/)).toBeNull());
  expect(registerCalls()).toHaveLength(0);

  __setCloudHandler((name, payload) => {
    const p = payload as Record<string, unknown>;
    if (p.action === 'list') return { ok: true, data: { years: builtIn, covered: builtInYears } };
    return { ok: false, error: { code: 'CONFLICT', message: '2027年的节假日安排已登记，不能重复登记' } };
  });
  fireEvent.click(screen.getByText('核对并登记'));
  fireEvent.click(await screen.findByText('确认登记'));
  expect((await screen.findByRole('alert')).textContent).toContain('2027年的节假日安排已登记，不能重复登记');
  expect(registerCalls()).toHaveLength(1);
});

test('anyone but the administrator sees the list and 无权进行此操作, never the form', async () => {
  signIn('demo-reviewer-hrss', ['reviewer']);
  serve();
  render(<CalendarPage />);
  expect(await screen.findByText('2026年')).toBeTruthy();
  expect(screen.getByText(/无权进行此操作/)).toBeTruthy();
  expect(screen.queryByRole('textbox', { name: '放假日期' })).toBeNull();
  expect(screen.queryByRole('textbox', { name: '年度' })).toBeNull();
  expect(screen.queryByText('核对并登记')).toBeNull();
  expect(__cloudCalls().map((c) => (c.data as { action: string }).action)).toEqual(['list']);
});
