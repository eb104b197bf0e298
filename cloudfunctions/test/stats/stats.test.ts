// The stats function through invoke on the 2025 round, on SQLite and on the CloudBase stand-in: the line page's
// "admitted at this line" equals what publication at the same line admits; the administrator's charts count what
// the actions did; a person's history shows their published points and the plan's projection.
//
// Expected totals are the policy's numbers written out (as in rounds/standing.test.ts): age 18–40 → 30 (R2023
// §二(四)); 本科 with degree 50, 硕士 70; social insurance 0.5 a month; rental 6 a year (cap 30).
import { COLLECTIONS } from '../../src/core/collections';
import { countsFromDocuments, summaryId, type SummaryDoc } from '../../src/functions/stats/summary';
import { snapshot, type StoreKind, type TestCloud } from '../helpers/runtime';
import {
  answerObjection,
  approveEverything,
  submitApplication,
  bj,
  fileObjection,
  LAST_OBJECTION_DAY,
  peopleWithCertificates,
  settle,
  standing,
  yearCloud,
  type Person,
  type Profile,
} from '../rounds/through-actions';

/** 30 + 50 + 60 × 0.5 = 110. */
const AT_110: Profile = {
  education: 'bachelor',
  socialInsuranceMonths: 60,
  residenceRegistrationYears: 0,
  rentalYears: 0,
};
/** 30 + 70 + 40 × 0.5 = 120. */
const AT_120: Profile = {
  education: 'master',
  socialInsuranceMonths: 40,
  residenceRegistrationYears: 0,
  rentalYears: 0,
};
/** 30 + 70 + 120 × 0.5 + 4 × 6 = 184. */
const AT_184: Profile = {
  education: 'master',
  socialInsuranceMonths: 120,
  residenceRegistrationYears: 0,
  rentalYears: 4,
};

const decode = (dataUri: string) =>
  Buffer.from(dataUri.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');

/**
 * Opening tags of the SVG whose attributes are not well quoted. A browser or WeChat refuses an image with one bad
 * attribute outright (seen: a font list in double quotes inside style="…" left every chart blank in chromium).
 */
function malformedTags(svg: string): string[] {
  const tags = svg.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.filter((t) => !/^<[a-zA-Z][\w:-]*(\s+[\w:-]+="[^"<]*")*\s*\/?>$/.test(t)).map((t) => t.slice(0, 120));
}

/**
 * Five applicants settle: 110 (lowered to 30 by an objection answered after applying), 110, 120, 120, 184. At a
 * 120 line three are admitted, at 100 four, with a quota of 2 two.
 */
async function fiveApplicants(cloud: TestCloud): Promise<Person[]> {
  const people = await peopleWithCertificates(cloud, [
    { openid: 'lowered', profile: AT_110 },
    { openid: 'p110', profile: AT_110 },
    { openid: 'p120a', profile: AT_120 },
    { openid: 'p120b', profile: AT_120 },
    { openid: 'p184', profile: AT_184 },
  ]);
  const [lowered, ...others] = people;
  expect((await settle(cloud, lowered!, `${LAST_OBJECTION_DAY}T10:00:00`)).ok).toBe(true);
  const objectionId = await fileObjection(
    cloud,
    lowered!,
    ['education', 'socialInsurance'],
    `${LAST_OBJECTION_DAY}T11:00:00`,
  );
  const answered = await answerObjection(
    cloud,
    objectionId,
    [
      { indicator: 'education', acceptedValue: null },
      { indicator: 'socialInsurance', acceptedValue: null },
    ],
    '2025-11-14T10:00:00',
  );
  expect(answered.application.points.total).toBe(30);
  for (const p of others) expect((await settle(cloud, p, '2025-11-13T10:00:00')).ok).toBe(true);
  return people;
}

/** Publishes through the rounds actions until the round says it is published (a resumable job may take calls). */
async function publishToEnd(cloud: TestCloud, year: number) {
  for (let call = 0; call < 50; call++) {
    const r = await cloud.call('demo-admin', 'rounds', 'publish', { year });
    if (!r.ok) throw new Error(`publish failed: ${JSON.stringify(r.error)}`);
    const { round } = await cloud.ok('demo-admin', 'rounds', 'get', { year });
    if (round.published) return round.published as { admittedCount: number; rankedCount: number; line: number | null };
  }
  throw new Error('publication did not finish in 50 calls');
}

describe.each<StoreKind>(['sqlite', 'cloudbase'])('on %s', (store) => {
  let cloud: TestCloud;
  let people: Person[];
  beforeAll(async () => {
    cloud = await yearCloud(store);
    people = await fiveApplicants(cloud);
    cloud.setNow(bj('2025-12-05T10:00:00'));
  });
  afterAll(() => cloud.close());

  test('moving the line: the admitted count at each line, nothing written', async () => {
    const before = await snapshot(cloud.store);
    const at120 = await cloud.ok('demo-admin', 'stats', 'linePreview', {
      year: 2025,
      mode: 'threshold',
      threshold: 120,
    });
    expect(at120).toMatchObject({
      mode: 'threshold',
      line: 120,
      admittedCount: 3,
      rankedCount: 4,
      ineligibleCount: 1,
      pendingObjections: 0,
      published: false,
      currentLine: null,
    });
    // The bands around the line: 110–115 holds one not admitted, 120–125 two admitted, 180 and above one admitted.
    const rows = at120.chart.table.rows as Array<[string, number, number]>;
    expect(rows.filter((r) => r[1] + r[2] > 0)).toEqual([
      ['110–115', 0, 1],
      ['120–125', 2, 0],
      ['150及以上', 1, 0],
    ]);
    expect(decode(at120.chart.image)).toContain('<svg');
    expect(malformedTags(decode(at120.chart.image))).toEqual([]);
    expect(at120.chart.summary).toBe('按分数线120分，将录取3人；参与排序4人，未达条件1人。图中每段含下限、不含上限。');

    expect(
      await cloud.ok('demo-admin', 'stats', 'linePreview', { year: 2025, mode: 'threshold', threshold: 100 }),
    ).toMatchObject({ admittedCount: 4 });
    expect(await cloud.ok('demo-admin', 'stats', 'linePreview', { year: 2025, mode: 'quota', quota: 2 })).toMatchObject(
      { mode: 'quota', line: 120, admittedCount: 2 },
    );
    expect(await snapshot(cloud.store)).toBe(before);
  });

  test('the staff and applicants who may not preview the line are refused', async () => {
    for (const openid of ['demo-district-office', 'demo-reviewer-education', 'p120a']) {
      expect(
        await cloud.call(openid, 'stats', 'linePreview', { year: 2025, mode: 'threshold', threshold: 120 }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(
      await cloud.call('demo-admin', 'stats', 'linePreview', { year: 2025, mode: 'threshold', threshold: 99 }),
    ).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(
      await cloud.call('demo-admin', 'stats', 'linePreview', { year: 2031, mode: 'threshold', threshold: 120 }),
    ).toMatchObject({ error: { code: 'ROUND_NOT_FOUND' } });
  });

  test('the administrator sees the year: counts by week, district, score band, department and objection', async () => {
    const o = await cloud.ok('demo-admin', 'stats', 'overview', { year: 2025 });
    expect(o.counts).toEqual({ submitted: 5, scored: 5, settlementApplications: 5, waitingItems: 0, objections: 1 });
    // Submitted on Monday 2025-09-29.
    expect(o.charts.byWeek.table.rows).toEqual([['9月29日起', 5]]);
    expect(o.charts.byDistrict.table.rows.filter((r: [string, number]) => r[1] > 0)).toEqual([['西湖区', 5]]);
    expect(o.charts.scores.table.rows.filter((r: [string, number]) => r[1] > 0)).toEqual([
      ['30–40', 1],
      ['110–120', 1],
      ['120–130', 2],
      ['180–190', 1],
    ]);
    // Filed 2025-11-12, answered 11-14: within 15 working days.
    expect(o.charts.objections.table.rows).toEqual([
      ['已答复', 1, 0],
      ['未答复', 0, 0],
    ]);
    expect(o.charts.queueAge.summary).toBe('各部门暂无待审事项。');
    // WeChat documents about 100 KB for a callFunction field: the five charts stay well inside one answer.
    const bytes = Buffer.byteLength(JSON.stringify(o), 'utf8');
    expect(bytes).toBeLessThan(100_000);
    for (const chart of Object.values(o.charts) as Array<{ title: string; image: string }>) {
      expect(decode(chart.image)).toContain(chart.title);
      expect(malformedTags(decode(chart.image))).toEqual([]);
    }
    // District offices read it too (counts only); reviewers and applicants do not.
    expect((await cloud.call('demo-district-office', 'stats', 'overview', { year: 2025 })).ok).toBe(true);
    expect(await cloud.call('demo-reviewer-hrss', 'stats', 'overview', { year: 2025 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await cloud.call('p184', 'stats', 'overview', { year: 2025 })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('the overview counters the actions maintained equal the counts read from every document of the year', async () => {
    const summary = await cloud.store.get<SummaryDoc>(COLLECTIONS.statsSummaries, summaryId(2025));
    expect(summary).not.toBeNull();
    expect(summary!.counts).toEqual(await countsFromDocuments(cloud.store, 2025));
    // Five accepted on 2025-09-29; one application lowered to 30 by its objection answer; five settlements in 西湖区.
    expect(summary!.counts).toMatchObject({
      'a|2025-09-29': 5,
      'b|30': 1,
      'b|110': 1,
      'b|120': 2,
      'b|180': 1,
      'd|西湖区': 5,
    });
  });

  test('a person sees their own points: 2025 published, and the projection from the approved values', async () => {
    const h = await cloud.ok('p184', 'stats', 'history', {});
    expect(h.rounds).toEqual([{ year: 2025, cutoffDate: '2025-10-01', status: 'scored', total: 184, vetoed: false }]);
    // Today 184 (already over 100); on 2026-10-01, 9 more insurance months (+4.5) and no full rental year: 188.5.
    expect(h.projection).toMatchObject({
      basis: 'approved',
      basisYear: 2025,
      current: 184,
      reaches100: { when: 'now', total: 184 },
    });
    expect(h.projection.points[0]).toEqual({ cutoffDate: '2026-10-01', total: 188.5 });
    expect(h.chart.summary).toBe('历年积分：2025年度184分。现已达到100分（184分）。');
    // Someone else may not read it, not even by naming the person.
    expect(await cloud.call('p110', 'stats', 'history', { onBehalfOf: people[4]!.personId })).toMatchObject({
      error: { code: 'DELEGATION_REQUIRED' },
    });
    expect(await cloud.call('demo-admin', 'stats', 'history', {})).toMatchObject({ error: { code: 'NOT_REGISTERED' } });
  });

  test('the line page count equals the published result at the same line', async () => {
    const preview = await cloud.ok('demo-admin', 'stats', 'linePreview', {
      year: 2025,
      mode: 'threshold',
      threshold: 120,
    });
    await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 120 });
    const published = await publishToEnd(cloud, 2025);
    expect(published).toMatchObject({
      admittedCount: preview.admittedCount,
      rankedCount: preview.rankedCount,
      line: 120,
    });
    // And person by person, as each reads their own result.
    let admitted = 0;
    for (const p of people) if ((await standing(cloud, p))?.admitted) admitted++;
    expect(admitted).toBe(3);
    expect(preview.admittedCount).toBe(3);
  });
});

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the overview counters on %s, while items wait', (store) => {
  test('submitted items wait in their departments, then the decisions empty the queue: counters equal the documents at each step', async () => {
    const cloud = await yearCloud(store);
    try {
      await submitApplication(cloud, 'wait-110', 1, AT_110, '10:00:00');
      await submitApplication(cloud, 'wait-184', 2, AT_184, '10:05:00');
      const waiting = (await cloud.store.get<SummaryDoc>(COLLECTIONS.statsSummaries, summaryId(2025)))!.counts;
      expect(waiting).toEqual(await countsFromDocuments(cloud.store, 2025));
      // Education claimed by both, the rental years by 184 only (each item waits at its department).
      expect(waiting).toMatchObject({ 'a|2025-09-29': 2, 'w|education|2025-09-29': 2, 'w|housing|2025-09-29': 1 });
      const pending = await cloud.store.count('items', { year: 2025, status: 'pending' });
      const o = await cloud.ok('demo-admin', 'stats', 'overview', { year: 2025 });
      expect(o.counts).toEqual({
        submitted: 2,
        scored: 0,
        settlementApplications: 0,
        waitingItems: pending,
        objections: 0,
      });
      await approveEverything(cloud);
      const decided = (await cloud.store.get<SummaryDoc>(COLLECTIONS.statsSummaries, summaryId(2025)))!.counts;
      expect(decided).toEqual(await countsFromDocuments(cloud.store, 2025));
      expect(decided).toEqual({ 'a|2025-09-29': 2, 'b|110': 1, 'b|180': 1 });
    } finally {
      await cloud.close();
    }
  }, 120_000);
});
