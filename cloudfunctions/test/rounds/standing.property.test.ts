// Property: whatever happens between the certificate and the publication — an objection answered before or after the
// person applied (raising, lowering or striking an item), a certificate revoked after applying — the published list
// equals an independent ranking of the points that stand on the publication day. Every person is taken through the
// real actions (register, submit, review, certificate, settlement, objection, answer, revoke, publish: invoke).
//
// The oracle is written here from the policy, not from the code under test: points (age 18–40 → 30, R2023 §二(四);
// 本科 with degree 50, 硕士 70; insurance 0.5 a month, cap 120; registration 5 a year, cap 100; rental 6 a year,
// cap 30 — RULES.md, public copies of the indicator table), 准申请分值 100 (FAQ2021 Q5), and the published order
// (rounds/API.md, RANKING_RULE): total, then insurance months, then registration years (more first), then the points
// application's submission time (earlier first), then the id (person id ascending, as publication ranks).
import fc from 'fast-check';
import type { StoreKind, TestCloud } from '../helpers/runtime';
import {
  answerObjection,
  approveEverything,
  fileObjection,
  LAST_OBJECTION_DAY,
  printCertificate,
  publish,
  settle,
  standing,
  submitApplication,
  yearCloud,
  type Profile,
} from './through-actions';

type Indicator = 'education' | 'socialInsurance' | 'residenceRegistration' | 'rental';
type Scenario = 'plain' | 'objectionAfterApplying' | 'objectionBeforeApplying';

interface Change {
  indicator: Indicator;
  /** null: not accepted (the item scores 0). */
  value: Record<string, unknown> | null;
}

interface Case {
  profile: Profile;
  /** Two submission instants only, so that equal keys fall through to the id. */
  lateSubmission: boolean;
  scenario: Scenario;
  change: Change;
  revokeAfterApplying: boolean;
}

const EDUCATION_POINTS = { bachelor: 50, master: 70 } as const;

/** The points of a profile on the 2025 cut-off date for a person born 1990-06-15 (35: age points 30). */
function policyPoints(p: {
  education: keyof typeof EDUCATION_POINTS | null;
  months: number;
  years: number;
  rental: number;
}): number {
  return (
    30 +
    (p.education ? EDUCATION_POINTS[p.education] : 0) +
    Math.min(p.months * 0.5, 120) +
    Math.min(p.years * 5, 100) +
    Math.min(p.rental * 6, 30)
  );
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constantFrom<Change>(
    { indicator: 'education', value: { education: 'master', hasDiplomaAndDegree: true } },
    { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true } },
    { indicator: 'education', value: null },
  ),
  fc.constantFrom<Change>(
    { indicator: 'socialInsurance', value: { socialInsuranceMonths: 20 } },
    { indicator: 'socialInsurance', value: { socialInsuranceMonths: 100 } },
    { indicator: 'socialInsurance', value: null },
  ),
  fc.constantFrom<Change>(
    { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 } },
    { indicator: 'residenceRegistration', value: null },
    { indicator: 'rental', value: { rentalYears: 5 } },
    { indicator: 'rental', value: null },
  ),
);

const aCase: fc.Arbitrary<Case> = fc.record({
  profile: fc.record({
    education: fc.constantFrom<Profile['education']>('bachelor', 'master'),
    socialInsuranceMonths: fc.constantFrom(40, 60, 80),
    residenceRegistrationYears: fc.constantFrom(0, 1, 2),
    rentalYears: fc.constantFrom(0, 2, 3),
  }),
  lateSubmission: fc.boolean(),
  scenario: fc.constantFrom<Scenario>('plain', 'objectionAfterApplying', 'objectionBeforeApplying'),
  change,
  revokeAfterApplying: fc.boolean(),
});

const line = fc.oneof(
  fc.record({ mode: fc.constant('quota' as const), quota: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ mode: fc.constant('threshold' as const), threshold: fc.constantFrom(100, 120, 140, 160) }),
);

/** The claim an objection may name must be in the application: an unclaimed registration or rental → insurance. */
function claimed(c: Case): Change {
  const p = c.profile;
  if (
    (c.change.indicator === 'residenceRegistration' && p.residenceRegistrationYears === 0) ||
    (c.change.indicator === 'rental' && p.rentalYears === 0)
  ) {
    return { indicator: 'socialInsurance', value: { socialInsuranceMonths: 100 } };
  }
  return c.change;
}

/** The values standing on the publication day (the objection answer applied, if any). */
function standingValues(c: Case) {
  const p = c.profile;
  const v = {
    education: p.education as keyof typeof EDUCATION_POINTS | null,
    months: p.socialInsuranceMonths,
    years: p.residenceRegistrationYears,
    rental: p.rentalYears,
  };
  if (c.scenario === 'plain') return v;
  const ch = claimed(c);
  const x = ch.value ?? {};
  if (ch.indicator === 'education') v.education = ch.value ? (x.education as keyof typeof EDUCATION_POINTS) : null;
  if (ch.indicator === 'socialInsurance') v.months = ch.value ? (x.socialInsuranceMonths as number) : 0;
  if (ch.indicator === 'residenceRegistration') v.years = ch.value ? (x.residenceRegistrationYears as number) : 0;
  if (ch.indicator === 'rental') v.rental = ch.value ? (x.rentalYears as number) : 0;
  return v;
}

async function runCase(
  store: StoreKind,
  cases: Case[],
  l: { mode: 'quota'; quota: number } | { mode: 'threshold'; threshold: number },
) {
  const cloud: TestCloud = await yearCloud(store);
  try {
    const people = [];
    for (const [n, c] of cases.entries()) {
      const submitAt = c.lateSubmission ? '10:30:00' : '10:00:00';
      people.push({ c, submitAt, ...(await submitApplication(cloud, `prop-${n}`, n + 1, c.profile, submitAt)) });
    }
    await approveEverything(cloud);
    const serials = new Map<string, string>();
    for (const p of people) serials.set(p.openid, await printCertificate(cloud, p));

    // Last objection day: some apply and then object; others object first (and apply after the answer).
    const objections = new Map<string, string>();
    for (const p of people.filter((p) => p.c.scenario === 'objectionAfterApplying')) {
      const r = await settle(cloud, p, `${LAST_OBJECTION_DAY}T10:00:00`);
      expect(r.ok).toBe(true);
    }
    for (const p of people.filter((p) => p.c.scenario !== 'plain')) {
      objections.set(
        p.openid,
        await fileObjection(cloud, p, [claimed(p.c).indicator], `${LAST_OBJECTION_DAY}T11:00:00`),
      );
    }
    for (const p of people.filter((p) => p.c.scenario === 'plain')) {
      expect((await settle(cloud, p, '2025-11-13T10:00:00')).ok).toBe(true);
    }
    for (const p of people.filter((p) => p.c.scenario !== 'plain')) {
      const ch = claimed(p.c);
      await answerObjection(
        cloud,
        objections.get(p.openid)!,
        [{ indicator: ch.indicator, acceptedValue: ch.value }],
        '2025-11-14T10:00:00',
      );
    }
    // Applying after the answer: accepted exactly when the points standing then reach 100.
    const applied = new Set(people.filter((p) => p.c.scenario !== 'objectionBeforeApplying').map((p) => p.openid));
    for (const p of people.filter((p) => p.c.scenario === 'objectionBeforeApplying')) {
      const r = await settle(cloud, p, '2025-11-17T10:00:00');
      expect({ openid: p.openid, ok: r.ok }).toEqual({
        openid: p.openid,
        ok: policyPoints(standingValues(p.c)) >= 100,
      });
      if (r.ok) applied.add(p.openid);
    }
    cloud.setNow('2025-11-20T02:00:00.000Z');
    const revoked = new Set<string>();
    for (const p of people.filter((p) => applied.has(p.openid) && p.c.revokeAfterApplying)) {
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: serials.get(p.openid)!, reason: '核查不实' });
      revoked.add(p.openid);
    }

    const published = await publish(cloud, l);
    expect(published.ok).toBe(true);

    // The independent ranking.
    const rows = people
      .filter((p) => applied.has(p.openid))
      .map((p) => {
        const v = standingValues(p.c);
        return {
          openid: p.openid,
          personId: p.personId,
          submitAt: p.submitAt,
          total: policyPoints(v),
          months: v.months,
          years: v.years,
        };
      });
    const ranked = rows
      .filter((r) => !revoked.has(r.openid) && r.total >= 100)
      .sort(
        (a, b) =>
          b.total - a.total ||
          b.months - a.months ||
          b.years - a.years ||
          (a.submitAt < b.submitAt ? -1 : a.submitAt > b.submitAt ? 1 : 0) ||
          (a.personId < b.personId ? -1 : 1),
      );
    const expected = new Map<
      string,
      { rank: number | null; total: number; admitted: boolean; reason: string | null }
    >();
    for (const r of rows) {
      const reason = revoked.has(r.openid) ? '积分有效凭证已被撤销（核查不实）' : '积分未达到100分';
      expected.set(r.openid, { rank: null, total: r.total, admitted: false, reason });
    }
    ranked.forEach((r, i) => {
      const admitted = l.mode === 'quota' ? i < l.quota : r.total >= l.threshold;
      const reason = admitted
        ? null
        : l.mode === 'quota'
          ? '未进入当年积分落户指标名额'
          : `积分未达到录取分数线${l.threshold}分`;
      expected.set(r.openid, { rank: i + 1, total: r.total, admitted, reason });
    });

    for (const p of people) {
      const got = await standing(cloud, p);
      const want = expected.get(p.openid) ?? null;
      expect({
        openid: p.openid,
        result: got && { rank: got.rank, total: got.total, admitted: got.admitted, reason: got.reason },
      }).toEqual({
        openid: p.openid,
        result: want,
      });
    }
    expect(published.ok && (published.data as { admittedCount: number }).admittedCount).toBe(
      [...expected.values()].filter((e) => e.admitted).length,
    );
  } finally {
    await cloud.close();
  }
}

test.each<[StoreKind, number]>([
  ['sqlite', 20],
  ['cloudbase', 8],
])(
  'the published list is the independent ranking of the points standing on the day (%s, %i runs)',
  async (store, numRuns) => {
    await fc.assert(
      fc.asyncProperty(fc.array(aCase, { minLength: 1, maxLength: 6 }), line, (cases, l) => runCase(store, cases, l)),
      { numRuns },
    );
  },
  600_000,
);
