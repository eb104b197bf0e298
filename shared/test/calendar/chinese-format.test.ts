import { formatChineseDate, formatChineseDateTime, formatChineseMonth } from '../../src';

describe('Chinese dates in sentences', () => {
  it('writes a civil date without leading zeros', () => {
    expect(formatChineseDate('2026-10-21')).toBe('2026年10月21日');
    expect(formatChineseDate('2027-01-05')).toBe('2027年1月5日');
    expect(formatChineseDate('2026-10-21T08:00:00.000Z')).toBe('2026年10月21日');
  });
  it('returns what it cannot read as given, and nothing for nothing', () => {
    expect(formatChineseDate('2023-02-29')).toBe('2023-02-29');
    expect(formatChineseDate(null)).toBe('');
    expect(formatChineseDate(undefined)).toBe('');
  });
  it('writes an instant in Beijing time, across the UTC date line', () => {
    expect(formatChineseDateTime('2026-12-01T01:30:00.000Z')).toBe('2026年12月1日 09:30');
    expect(formatChineseDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05');
    expect(formatChineseDateTime(new Date('2026-06-30T15:59:00.000Z'))).toBe('2026年6月30日 23:59');
    expect(formatChineseDateTime('not a time')).toBe('');
    expect(formatChineseDateTime(null)).toBe('');
  });
  it('writes a month', () => {
    expect(formatChineseMonth('2026-03-15')).toBe('2026年3月');
  });
});
