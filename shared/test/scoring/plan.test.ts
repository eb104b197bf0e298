// planPoints: projections at the next yearly cut-offs, the first cut-off at 100, and the best single change.
import { nextCutoffDates, planPoints, scorePoints } from '../../src/scoring';

const diploma94 = {
  birthDate: '1995-10-01',
  education: 'junior-college' as const,
  socialInsuranceMonths: 24,
  residenceRegistrationYears: 2,
  rentalYears: 2,
};

describe('next cut-off dates (10-01 each year, from the calendar round dates)', () => {
  test.each`
    today           | expected
    ${'2025-09-30'} | ${['2025-10-01', '2026-10-01', '2027-10-01']}
    ${'2025-10-01'} | ${['2026-10-01', '2027-10-01', '2028-10-01']}
    ${'2025-11-25'} | ${['2026-10-01', '2027-10-01', '2028-10-01']}
    ${'2026-01-01'} | ${['2026-10-01', '2027-10-01', '2028-10-01']}
  `('today $today → $expected', ({ today, expected }) => {
    expect(nextCutoffDates(today, 3)).toEqual(expected);
  });
});

describe('projections', () => {
  test('the 94-point profile grows by its insurance months and yearly registration/rental', () => {
    const plan = planPoints(diploma94, { today: '2025-11-25' });
    expect(plan.current.total).toBe(94);
    expect(plan.projections.map((p) => [p.cutoffDate, p.monthsFromToday, p.yearsAdded, p.total])).toEqual([
      // 10 months: +5 insurance; no full year yet.
      ['2026-10-01', 10, 0, 99],
      // 22 months: +11 insurance, +1 year registration (+5) and rental (+6).
      ['2027-10-01', 22, 1, 116],
      ['2028-10-01', 34, 2, 133],
      ['2029-10-01', 46, 3, 150],
      // Rental reaches its cap of 30 at 5 years: +6 only until then.
      ['2030-10-01', 58, 4, 161],
    ]);
    expect(plan.reaches100).toEqual({ when: '2027-10-01', total: 116 });
  });

  test('a profile already at 100 or more says so', () => {
    const plan = planPoints(
      { ...diploma94, education: 'bachelor', socialInsuranceMonths: 48, residenceRegistrationYears: 4, rentalYears: 4 },
      { today: '2025-11-25' },
    );
    expect(plan.reaches100).toEqual({ when: 'now', total: 148 });
  });

  test('age advances: a 40-year-old with nothing else loses 2 points a year under R2023', () => {
    const plan = planPoints({ birthDate: '1986-10-01' }, { today: '2026-01-15', years: 4 });
    expect(plan.projections.map((p) => p.total)).toEqual([30, 28, 26, 24]);
    expect(plan.reaches100).toBeNull();
  });

  test('an own home stops rental growing, and an empty insurance field stays empty', () => {
    const plan = planPoints(
      { birthDate: '1995-10-01', ownHome: true, rentalYears: 3 },
      { today: '2025-11-25', years: 3 },
    );
    expect(plan.projections.map((p) => p.total)).toEqual([110, 110, 110]);
  });

  test('a vetoed profile has no projection', () => {
    const plan = planPoints({ ...diploma94, records: { vetoed: true } }, { today: '2025-11-25' });
    expect(plan.veto).not.toBeNull();
    expect(plan.projections).toEqual([]);
    expect(plan.suggestions).toEqual([]);
  });

  test("'current' does not warn that today is not a 1st of the month", () => {
    const plan = planPoints(diploma94, { today: '2025-11-25' });
    expect(plan.current.warnings.map((w) => w.code)).not.toContain('CUTOFF_NOT_FIRST_OF_MONTH');
  });
});

describe('the single change that adds most', () => {
  test('for the 94-point renter, buying a home adds most (80 replaces 12 of rental)', () => {
    const plan = planPoints(diploma94, { today: '2025-11-25' });
    expect(plan.suggestions[0]).toMatchObject({ key: 'ownHome', gain: 68, totalAfter: 167 });
    expect(plan.suggestions[0]!.change).toContain('购买产权住房');
    const byKey = Object.fromEntries(plan.suggestions.map((s) => [s.key, s.gain]));
    expect(byKey).toMatchObject({
      title: 30,
      education: 20,
      skill: 10,
      socialInsurance: 6,
      rental: 6,
      residenceRegistration: 5,
    });
  });

  test('each gain is the difference of two scores at the next cut-off, largest first, all positive', () => {
    const plan = planPoints(diploma94, { today: '2025-11-25' });
    const first = plan.projections[0]!;
    const gains = plan.suggestions.map((s) => s.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    for (const s of plan.suggestions) {
      expect(s.gain).toBeGreaterThan(0);
      expect(s.totalAfter - s.gain).toBe(first.total);
    }
    // The education suggestion, rescored independently.
    const edu = plan.suggestions.find((s) => s.key === 'education')!;
    const rescored = scorePoints(
      { ...diploma94, education: 'bachelor', socialInsuranceMonths: 34 },
      { cutoffDate: first.cutoffDate },
    ).total;
    expect(edu.totalAfter).toBe(rescored);
  });

  test('a 正高 holder gets no title or education suggestion (nothing higher counts)', () => {
    const plan = planPoints(
      { birthDate: '1980-10-01', title: 'senior', education: 'master', ownHome: true },
      { today: '2025-11-25' },
    );
    const keys = plan.suggestions.map((s) => s.key);
    expect(keys).not.toContain('title');
    expect(keys).not.toContain('ownHome');
    expect(keys).not.toContain('skill');
    expect(keys).toContain('socialInsurance');
  });

  test('the plan states its assumptions in Chinese', () => {
    const plan = planPoints(diploma94, { today: '2025-11-25' });
    expect(plan.assumptions.length).toBeGreaterThan(2);
    for (const a of plan.assumptions) expect(a).toMatch(/[\u4e00-\u9fa5]/);
  });
});

test('the horizon is clamped to 1–20 cut-offs, and an invalid today is refused', () => {
  expect(planPoints(diploma94, { today: '2025-11-25', years: 0 }).projections).toHaveLength(1);
  expect(planPoints(diploma94, { today: '2025-11-25', years: 99 }).projections).toHaveLength(20);
  expect(() => planPoints(diploma94, { today: '2025-13-01' })).toThrow('不是有效的日期');
});
