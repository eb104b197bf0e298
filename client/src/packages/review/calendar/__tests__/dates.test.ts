// How the administrator's typing becomes the date list the shared schema checks.
import { MAX_RANGE_DAYS, normaliseChineseDates, parseDateList, weekdayCount } from '../dates';

test('dates split on new lines, spaces and Chinese or Latin commas; single entries are kept exactly as typed', () => {
  expect(
    parseDateList(' 2027-01-01，2027-04-05、2027-05-01;2027-06-09；2027-10-01\n\n2027/10/02 ', '放假日期'),
  ).toEqual({
    ok: true,
    dates: ['2027-01-01', '2027-04-05', '2027-05-01', '2027-06-09', '2027-10-01', '2027/10/02'],
  });
  expect(parseDateList('  \n ', '放假日期')).toEqual({ ok: true, dates: [] });
});

test('a range 至 / ~ / ～ (spaces allowed) expands to each day, across a month end and 29 February', () => {
  expect(parseDateList('2027-01-30 至 2027-02-02', '放假日期')).toEqual({
    ok: true,
    dates: ['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'],
  });
  expect(parseDateList('2028-02-28~2028-03-01', '放假日期')).toEqual({
    ok: true,
    dates: ['2028-02-28', '2028-02-29', '2028-03-01'],
  });
  expect(parseDateList('2027-10-01～2027-10-01', '放假日期')).toEqual({ ok: true, dates: ['2027-10-01'] });
});

test('a range that cannot be right is refused in Chinese, naming the box', () => {
  expect(parseDateList('2027-02-10至2027-02-05', '放假日期')).toEqual({
    ok: false,
    message: '放假日期：2027-02-10至2027-02-05 的结束日期早于开始日期',
  });
  expect(parseDateList('2027-02-27至2027-02-30', '调休上班日期')).toEqual({
    ok: false,
    message: '调休上班日期：2027-02-27至2027-02-30 不是有效的日期范围',
  });
  const long = parseDateList('2027-01-01至2027-03-01', '放假日期');
  expect(long).toEqual({ ok: false, message: `放假日期：2027-01-01至2027-03-01 超过${MAX_RANGE_DAYS}天，请核对通知` });
});

test('weekday count: 2027-01-01 was a Friday, so New Year 2027-01-01..03 has one weekday; invalid entries count nothing', () => {
  expect(weekdayCount(['2027-01-01', '2027-01-02', '2027-01-03'])).toBe(1);
  // 2024-10-01 (Tuesday) … 2024-10-07 (Monday): five weekdays.
  const national = parseDateList('2024-10-01至2024-10-07', '放假日期');
  expect(national.ok && weekdayCount(national.dates)).toBe(5);
  expect(weekdayCount(['2027-02-30', '2027/01/04'])).toBe(0);
});

test('dates as the notice writes them: 2027年1月28日至2月4日, or 1月28日至2月4日 with the year of the form', () => {
  expect(parseDateList('2027年1月30日至2月2日', '放假日期')).toEqual({
    ok: true,
    dates: ['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'],
  });
  expect(parseDateList('1月1日至3日\n10月1日至10月2日、4月5日', '放假日期', 2027)).toEqual({
    ok: true,
    dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-10-01', '2027-10-02', '2027-04-05'],
  });
  // No year anywhere: left as typed, for the schema to refuse by name.
  expect(normaliseChineseDates('1月1日')).toBe('1月1日');
  expect(parseDateList('2月30日', '调休上班日期', 2027)).toEqual({ ok: true, dates: ['2027-02-30'] });
});
