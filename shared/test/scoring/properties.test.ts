// Property tests over random valid profiles: invariants that must hold for every input, not just the tables.
import fc from 'fast-check';
import {
  allRuleSets,
  EDUCATION_LEVELS,
  HONOUR_LEVELS,
  parseProfile,
  scorePoints,
  TITLE_LEVELS,
} from '../../src/scoring';
import type { IndicatorCode, ProfileInput, ScoreResult } from '../../src/scoring';

const dateArb = (minYear: number, maxYear: number) =>
  fc
    .date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const cutoffArb = fc.constantFrom(
  '2021-06-01',
  '2022-10-01',
  '2023-10-01',
  '2024-06-01',
  '2024-10-01',
  '2025-10-01',
  '2026-10-01',
);

const honourArb = fc.record({
  level: fc.constantFrom(...HONOUR_LEVELS),
  matter: fc.constantFrom('甲', '乙', '丙', '丁', '戊'),
});

const recordsArb = fc.record(
  {
    criminal: fc.nat(3),
    drugRehab: fc.nat(3),
    detention: fc.nat(3),
    dishonesty: fc.boolean(),
    severeDishonesty: fc.nat(3),
  },
  { requiredKeys: [] },
);

const profileArb: fc.Arbitrary<ProfileInput> = fc.record(
  {
    birthDate: dateArb(1950, 2008),
    education: fc.constantFrom(...EDUCATION_LEVELS),
    hasDiplomaAndDegree: fc.boolean(),
    title: fc.constantFrom(...TITLE_LEVELS),
    skillLevel: fc.integer({ min: 1, max: 5 }),
    socialInsuranceMonths: fc.nat(400),
    residenceRegistrationYears: fc.nat(30),
    ownHome: fc.boolean(),
    rentalYears: fc.nat(10),
    incomeTaxYuan: fc.nat(600000),
    honours: fc.array(honourArb, { maxLength: 8 }),
    boneMarrowDonation: fc.boolean(),
    bloodDonationMl: fc.nat(4000),
    volunteerHours: fc.nat(300),
    donationYuan: fc.nat(20000),
    inventionPatents: fc.array(fc.record({ firstPatentee: fc.boolean() }), { maxLength: 5 }),
    records: recordsArb,
  },
  { requiredKeys: ['birthDate'] },
);

const points = (r: ScoreResult, code: IndicatorCode) => r.items.find((i) => i.code === code)!.points;

/** The largest points an indicator can give under a rule set, read from the data (never from the code). */
function maxima(cutoff: string): Partial<Record<IndicatorCode, number>> {
  const set = allRuleSets().find(
    (s) => (s.from === null || s.from <= cutoff) && (s.until === null || cutoff < s.until),
  )!;
  const v = set.versions;
  return {
    age: v.age.params.maxPoints,
    education: Math.max(...Object.values(v.education.params.points)),
    titleSkill: Math.max(...Object.values(v.titleSkill.params.title), ...Object.values(v.titleSkill.params.skill)),
    socialInsurance: v.socialInsurance.params.cap,
    residenceRegistration: v.residenceRegistration.params.cap,
    ownHome: v.ownHome.params.points,
    rental: v.rental.params.cap,
    incomeTax: v.incomeTax.params.cap,
    honours: Object.values(v.honours.params.levels).reduce((s, l) => s + l.cap, 0),
    boneMarrow: v.boneMarrow.params.points,
    bloodDonation: v.bloodDonation.params.cap,
    volunteering: v.volunteering.params.cap,
    charity: v.charity.params.cap,
    inventionPatent: v.inventionPatent.params.cap ?? Infinity,
  };
}

test('every generated profile passes the schema (the generator matches the form)', () => {
  fc.assert(fc.property(profileArb, (p) => parseProfile(p).ok));
});

test('total is exactly the sum of the items, in whole or half points', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, (p, cutoff) => {
      const r = scorePoints(p, { cutoffDate: cutoff });
      const sum = r.items.reduce((s, i) => s + i.points, 0);
      expect(r.total).toBe(sum);
      expect(Number.isInteger(r.total! * 2)).toBe(true);
      for (const i of r.items) expect(Number.isInteger(i.points * 2)).toBe(true);
    }),
    { numRuns: 500 },
  );
});

test('no indicator exceeds its cap; basic and bonus items are ≥ 0, deductions ≤ 0', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, (p, cutoff) => {
      const r = scorePoints(p, { cutoffDate: cutoff });
      const max = maxima(cutoff);
      for (const i of r.items) {
        if (i.group === 'deduction') expect(i.points).toBeLessThanOrEqual(0);
        else {
          expect(i.points).toBeGreaterThanOrEqual(0);
          expect(i.points).toBeLessThanOrEqual(max[i.code]!);
        }
      }
      // Only the higher of each pair counts.
      expect(points(r, 'education') === 0 || points(r, 'titleSkill') === 0).toBe(true);
      expect(points(r, 'ownHome') === 0 || points(r, 'rental') === 0).toBe(true);
    }),
    { numRuns: 500 },
  );
});

test('the score does not depend on the order of fields or array entries', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, fc.integer(), (p, cutoff, seed) => {
      const shuffle = <T>(a: readonly T[] | undefined): T[] | undefined => {
        if (!a) return a;
        const out = a.slice();
        let s = seed >>> 0;
        for (let i = out.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [out[i], out[j]] = [out[j]!, out[i]!];
        }
        return out;
      };
      const reordered = Object.fromEntries(
        Object.entries({ ...p, honours: shuffle(p.honours), inventionPatents: shuffle(p.inventionPatents) }).reverse(),
      ) as ProfileInput;
      const a = scorePoints(p, { cutoffDate: cutoff });
      const b = scorePoints(reordered, { cutoffDate: cutoff });
      expect(b.total).toBe(a.total);
      expect(b.items.map((i) => i.points)).toEqual(a.items.map((i) => i.points));
    }),
    { numRuns: 300 },
  );
});

const growthFields = [
  'socialInsuranceMonths',
  'residenceRegistrationYears',
  'rentalYears',
  'incomeTaxYuan',
  'bloodDonationMl',
  'volunteerHours',
  'donationYuan',
] as const;

test('more of a bonus or basic quantity never lowers the total', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, fc.constantFrom(...growthFields), fc.nat(5000), (p, cutoff, field, extra) => {
      const before = scorePoints(p, { cutoffDate: cutoff }).total!;
      const after = scorePoints(
        { ...p, [field]: ((p[field] as number | undefined) ?? 0) + extra },
        { cutoffDate: cutoff },
      ).total!;
      expect(after).toBeGreaterThanOrEqual(before);
    }),
    { numRuns: 500 },
  );
});

// Honours are read literally (each matter only its highest honour, caps after), so an honour added to a matter
// already listed can lower a total (golden case in indicators.test.ts); an honour for a new matter never does.
test('a higher education, title or skill, an own home, an honour for a new matter or a patent never lowers the total', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, honourArb, fc.boolean(), (p, cutoff, honour, first) => {
      const at = (q: ProfileInput) => scorePoints(q, { cutoffDate: cutoff }).total!;
      const before = at(p);
      const eduIndex = EDUCATION_LEVELS.indexOf(p.education ?? 'none');
      const titleIndex = TITLE_LEVELS.indexOf(p.title ?? 'none');
      if (eduIndex < EDUCATION_LEVELS.length - 1)
        expect(at({ ...p, education: EDUCATION_LEVELS[eduIndex + 1] })).toBeGreaterThanOrEqual(before);
      if (titleIndex < TITLE_LEVELS.length - 1)
        expect(at({ ...p, title: TITLE_LEVELS[titleIndex + 1] })).toBeGreaterThanOrEqual(before);
      if (p.skillLevel && p.skillLevel > 1)
        expect(at({ ...p, skillLevel: p.skillLevel - 1 })).toBeGreaterThanOrEqual(before);
      expect(at({ ...p, hasDiplomaAndDegree: true })).toBeGreaterThanOrEqual(before);
      expect(at({ ...p, ownHome: true })).toBeGreaterThanOrEqual(before);
      expect(at({ ...p, boneMarrowDonation: true })).toBeGreaterThanOrEqual(before);
      expect(at({ ...p, honours: [...(p.honours ?? []), { ...honour, matter: '另一事项' }] })).toBeGreaterThanOrEqual(
        before,
      );
      expect(
        at({ ...p, inventionPatents: [...(p.inventionPatents ?? []), { firstPatentee: first }] }),
      ).toBeGreaterThanOrEqual(before);
    }),
    { numRuns: 300 },
  );
});

test('one more deduction record never raises the total', () => {
  fc.assert(
    fc.property(
      profileArb,
      cutoffArb,
      fc.constantFrom('criminal' as const, 'drugRehab' as const, 'detention' as const, 'severeDishonesty' as const),
      (p, cutoff, kind) => {
        const before = scorePoints(p, { cutoffDate: cutoff }).total!;
        const records = { ...p.records, [kind]: ((p.records?.[kind] as number | undefined) ?? 0) + 1 };
        const after = scorePoints({ ...p, records }, { cutoffDate: cutoff }).total!;
        expect(after).toBeLessThan(before);
      },
    ),
    { numRuns: 300 },
  );
});

test('from 18 on, age points never rise with age (both age tables)', () => {
  fc.assert(
    fc.property(cutoffArb, fc.integer({ min: 18, max: 80 }), (cutoff, age) => {
      const born = (a: number) => `${Number(cutoff.slice(0, 4)) - a}${cutoff.slice(4)}`;
      const at = (a: number) => scorePoints({ birthDate: born(a) }, { cutoffDate: cutoff }).total!;
      expect(at(age + 1)).toBeLessThanOrEqual(at(age));
    }),
  );
});

test('a veto always gives a null total, whatever else the profile holds', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, (p, cutoff) => {
      const r = scorePoints({ ...p, records: { ...p.records, vetoed: true } }, { cutoffDate: cutoff });
      expect(r.total).toBeNull();
      expect(r.veto).not.toBeNull();
    }),
    { numRuns: 100 },
  );
});

test('scoring never modifies its input', () => {
  fc.assert(
    fc.property(profileArb, cutoffArb, (p, cutoff) => {
      const copy = JSON.parse(JSON.stringify(p));
      scorePoints(p, { cutoffDate: cutoff });
      expect(p).toEqual(copy);
    }),
    { numRuns: 100 },
  );
});
