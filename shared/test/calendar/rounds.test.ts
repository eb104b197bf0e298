import { roundDates, isSettlementAcceptanceDay } from '../../src/calendar';

describe('roundDates', () => {
  test.each([
    // year, cutoff, opens, closes, lookbackFrom, points opens, points closes, year-round
    [2021, '2021-10-01', '2021-11-01', '2021-12-15', '2016-10-01', '2021-09-28', '2021-10-31', false],
    [2022, '2022-10-01', '2022-11-01', '2022-11-30', '2017-10-01', null, '2022-09-30', false],
    [2023, '2023-10-01', '2023-11-01', '2023-11-30', '2018-10-01', null, '2023-09-30', false],
    [2024, '2024-10-01', '2024-11-01', '2024-11-30', '2019-10-01', null, '2024-09-30', true],
    [2025, '2025-10-01', '2025-11-01', '2025-11-30', '2020-10-01', null, '2025-09-30', true],
    [2030, '2030-10-01', '2030-11-01', '2030-11-30', '2025-10-01', null, '2030-09-30', true],
  ])('%i', (year, cutoff, opens, closes, lookback, pOpens, pCloses, yearRound) => {
    const r = roundDates(year);
    expect(r).toMatchObject({
      year,
      cutoffDate: cutoff,
      settlementOpens: opens,
      settlementCloses: closes,
      lookbackFrom: lookback,
      pointsApplication: { opens: pOpens, closes: pCloses, yearRound },
    });
    expect(r.citations.length).toBeGreaterThan(0);
    expect(r.citations.every((c) => c.verified && (c.doc === 'FAQ2021' || c.doc === 'R2023'))).toBe(true);
    expect(r.pointsApplication.yearRoundCitation?.verified ?? false).toBe(false);
  });

  test('the 2021 transition round is cited to FAQ2021 Q4', () => {
    expect(roundDates(2021).citations[0]).toEqual({ doc: 'FAQ2021', clause: '四、五', verified: true });
  });

  test('a round before the 2021 revision is not described by our sources', () => {
    expect(() => roundDates(2020)).toThrow(expect.objectContaining({ code: 'ROUND_UNKNOWN' }));
    expect(() => roundDates(2025.5)).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
  });
});

describe('isSettlementAcceptanceDay (11-01..11-30, holidays excluded)', () => {
  test.each([
    ['2025-10-31', false, 'day before the window'],
    ['2025-11-01', false, 'opening day is a Saturday'],
    ['2025-11-03', true, 'first Monday'],
    ['2025-11-28', true, 'last Friday'],
    ['2025-11-30', false, 'closing day is a Sunday'],
    ['2025-12-01', false, 'after the window'],
    ['2024-11-01', true, 'Friday opening day'],
    ['2021-12-15', true, '2021 extended window, last day (Wednesday)'],
    ['2021-12-16', false, 'after the 2021 extension'],
    ['2022-12-01', false, 'no extension after 2021'],
    ['2019-11-04', false, 'no round known'],
  ])('%s → %s (%s)', (d, expected) => {
    expect(isSettlementAcceptanceDay(d)).toBe(expected);
  });

  test('a window in a year without a holiday calendar throws', () => {
    expect(() => isSettlementAcceptanceDay('2027-11-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }),
    );
    expect(isSettlementAcceptanceDay('2027-10-31')).toBe(false); // outside the window: no calendar needed
  });
});
