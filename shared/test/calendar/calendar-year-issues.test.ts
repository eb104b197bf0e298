// The year-data check the calendar runs before trusting a registered year (written without zod so that every page
// showing a date need not load it), and CalendarYearSchema, the same check for zod callers.
import {
  CalendarYearSchema,
  OFFICIAL_CALENDAR_YEARS,
  calendarYearIssues,
  createWorkCalendar,
} from '../../src/calendar';

// 2027-01-01 is a Friday; 2027-01-02/03 the weekend; 2027-02-20 a Saturday; 2027-02-22 a Monday.
const good = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-02-20'],
  source: '国办发明电〔2026〕X号',
};

describe('calendarYearIssues', () => {
  test('the official years and a well-formed year have no issue', () => {
    for (const year of OFFICIAL_CALENDAR_YEARS) expect(calendarYearIssues(year)).toEqual([]);
    expect(calendarYearIssues(good)).toEqual([]);
  });

  test.each([
    [null, [{ path: [], message: '节假日数据须为一个对象（year、holidays、workdays、source）' }]],
    [['2027-01-01'], [{ path: [], message: '节假日数据须为一个对象（year、holidays、workdays、source）' }]],
    [{ ...good, year: 1999 }, [{ path: ['year'], message: '年份须为 2000 至 2100 之间的整数' }]],
    [{ ...good, year: 2027.5 }, [{ path: ['year'], message: '年份须为 2000 至 2100 之间的整数' }]],
    [{ ...good, year: '2027' }, [{ path: ['year'], message: '年份须为 2000 至 2100 之间的整数' }]],
    [
      { ...good, holidays: ['2027-01-01', 20270102] },
      [{ path: ['holidays'], message: '节假日须为日期（YYYY-MM-DD）的列表' }],
    ],
    [{ ...good, workdays: '2027-02-20' }, [{ path: ['workdays'], message: '调休工作日须为日期（YYYY-MM-DD）的列表' }]],
    [{ ...good, source: '   ' }, [{ path: ['source'], message: '须注明节假日安排的来源（如国务院办公厅通知文号）' }]],
    [
      { ...good, source: undefined },
      [{ path: ['source'], message: '须注明节假日安排的来源（如国务院办公厅通知文号）' }],
    ],
    [
      { ...good, holidays: ['2026-12-31', '2027-02-30'] },
      [
        { path: ['holidays', 0], message: '2026-12-31 不是 2027 年内的有效日期' },
        { path: ['holidays', 1], message: '2027-02-30 不是 2027 年内的有效日期' },
      ],
    ],
    [
      { ...good, workdays: ['2027-01-02'] },
      [{ path: ['workdays', 0], message: '2027-01-02 不能同时是节假日和调休工作日' }],
    ],
    [
      { ...good, workdays: ['2027-02-22'] },
      [{ path: ['workdays', 0], message: '2027-02-22 不是周末，不能作为调休工作日' }],
    ],
  ])('%j → %j', (data, issues) => {
    expect(calendarYearIssues(data)).toEqual(issues);
  });

  test('a calendar refuses such data with CALENDAR_INPUT and every message, and keeps nothing of it', () => {
    const calendar = createWorkCalendar([]);
    expect(() => calendar.register({ ...good, workdays: ['2027-02-22'], source: '' })).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_INPUT',
        message: '节假日数据有误：须注明节假日安排的来源（如国务院办公厅通知文号）',
      }),
    );
    expect(calendar.coveredYears()).toEqual([]);
  });

  test('CalendarYearSchema reports the same issues at the same paths', () => {
    expect(CalendarYearSchema.safeParse(good).success).toBe(true);
    const parsed = CalendarYearSchema.safeParse({ ...good, holidays: ['2027-13-01'], workdays: ['2027-02-22'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [['holidays', 0], '2027-13-01 不是 2027 年内的有效日期'],
      [['workdays', 0], '2027-02-22 不是周末，不能作为调休工作日'],
    ]);
  });
});
