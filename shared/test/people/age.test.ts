import { ageOn, AgeBeforeBirthError } from '../../src/people';

// Golden table: [birthDate, on, expected 周岁, why]
const cases: Array<[string, string, number, string]> = [
  ['1990-06-15', '2025-06-14', 34, 'day before the 35th birthday'],
  ['1990-06-15', '2025-06-15', 35, 'on the 35th birthday'],
  ['1990-06-15', '2025-06-16', 35, 'day after'],
  ['1990-12-31', '2025-01-01', 34, 'birthday late in year, early reference'],
  ['1990-01-01', '2024-12-31', 34, 'new-year eve'],
  ['2000-02-29', '2024-02-28', 23, 'leap birth, leap year, day before'],
  ['2000-02-29', '2024-02-29', 24, 'leap birth, leap year, on the day'],
  ['2000-02-29', '2023-02-28', 22, 'leap birth, non-leap year: 02-28 is not yet the birthday'],
  ['2000-02-29', '2023-03-01', 23, 'leap birth, non-leap year: older on 03-01 (convention, unverified)'],
  ['2000-02-28', '2023-02-28', 23, '02-28 birth unaffected'],
  ['2000-03-01', '2024-02-29', 23, '03-01 birth on a leap day'],
  ['2025-10-01', '2025-10-01', 0, 'born on the reference day'],
  ['1965-10-01', '2025-10-01', 60, 'turns 60 on the cut-off date'],
  ['1965-10-02', '2025-10-01', 59, 'one day short of 60'],
];

describe('ageOn (周岁)', () => {
  test.each(cases)('born %s, on %s → %i (%s)', (birth, on, expected) => {
    expect(ageOn(birth, on)).toBe(expected);
  });

  test('a reference date before birth is an error, not a negative age', () => {
    expect(() => ageOn('2025-10-02', '2025-10-01')).toThrow(AgeBeforeBirthError);
  });

  test('malformed or impossible dates are rejected', () => {
    expect(() => ageOn('1990-13-01', '2025-01-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => ageOn('2023-02-29', '2025-01-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => ageOn('1990-1-1', '2025-01-01')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
