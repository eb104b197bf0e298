// Property: for random populations (many ties), the published list equals an independent reading of the published
// order — total, then insurance months, then registration years (all descending), then submission time, then the
// application id (ascending); only those meeting the basic conditions with ≥ 100 points are ranked; quota admits the
// first N, a threshold admits exactly those at or above the line.
import fc from 'fast-check';
import { COLLECTIONS } from '../../src/core/collections';
import { invoke } from '../../src/core/invoke';
import { bucketResults, putKeys, type LookupDoc, type ResultEntry } from '../../src/functions/rounds/list';
import { publicationOf, settlementId, type RoundState } from '../../src/functions/rounds/model';
import type { TestCloud } from '../helpers/runtime';
import { syntheticSettlement } from './settlements';
import { seededCloud } from '../certificates/fixtures';

interface Applicant {
  total: number;
  m: number;
  y: number;
  day: number;
  ok: boolean;
}

const applicant = fc.record({
  total: fc.integer({ min: 180, max: 260 }).map((h) => h / 2), // 90..130 in half points: many ties around 100
  m: fc.integer({ min: 0, max: 3 }),
  y: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 1, max: 3 }),
  ok: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), // most meet the basic conditions
});
const line = fc.oneof(
  fc.record({ mode: fc.constant('quota' as const), quota: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    mode: fc.constant('threshold' as const),
    threshold: fc.integer({ min: 200, max: 240 }).map((h) => h / 2),
  }),
);

function oracle(
  year: number,
  people: Applicant[],
  l: { mode: 'quota'; quota: number } | { mode: 'threshold'; threshold: number },
) {
  const rows = people.map((a, n) => ({
    ...a,
    pid: `p-prop-${String(n).padStart(3, '0')}`,
    sid: settlementId(year, `p-prop-${String(n).padStart(3, '0')}`),
  }));
  const eligible = rows.filter((r) => r.ok && r.total >= 100);
  eligible.sort(
    (a, b) =>
      b.total - a.total || b.m - a.m || b.y - a.y || a.day - b.day || (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0),
  );
  const expected = new Map<string, { rank: number | null; admitted: boolean }>();
  for (const r of rows) expected.set(r.pid, { rank: null, admitted: false });
  eligible.forEach((r, i) => {
    const admitted = l.mode === 'quota' ? i < l.quota : r.total >= l.threshold;
    expected.set(r.pid, { rank: i + 1, admitted });
  });
  return { rows, expected };
}

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await seededCloud('2030-01-02T10:00:00');
});
afterAll(() => cloud.close());

test('the published list follows the published order (property, through rounds.publish on SQLite)', async () => {
  let year = 2030;
  await fc.assert(
    fc.asyncProperty(fc.array(applicant, { minLength: 0, maxLength: 40 }), line, async (people, l) => {
      year += 1;
      cloud.setNow(new Date(`${year}-06-01T02:00:00Z`).toISOString());
      const opened = await invoke('rounds', { action: 'open', year }, { openid: 'demo-admin' }, cloud.runtime);
      if (!opened.ok) throw new Error(JSON.stringify(opened));
      const { rows, expected } = oracle(year, people, l);
      await cloud.store.transaction(async (tx) => {
        for (const r of rows) {
          const doc = syntheticSettlement(year, r.pid, 1, {
            declarations: { validResidencePermit: r.ok, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
            total: r.total,
            socialInsuranceMonths: r.m,
            residenceRegistrationYears: r.y,
            submittedAt: `${year}-03-0${r.day}T00:00:00.000Z`,
            meetsBasicConditions: r.ok,
            requestKey: r.sid,
          });
          await tx.set(COLLECTIONS.settlements, doc);
          await putKeys(tx, doc);
        }
      });
      const set = await invoke('rounds', { action: 'setLine', year, ...l }, { openid: 'demo-admin' }, cloud.runtime);
      if (!set.ok) throw new Error(JSON.stringify(set));
      cloud.setNow(new Date(`${year}-12-10T02:00:00Z`).toISOString());
      const pub = await invoke('rounds', { action: 'publish', year }, { openid: 'demo-admin' }, cloud.runtime);
      if (!pub.ok) throw new Error(JSON.stringify(pub));

      const round = (await cloud.store.get<RoundState>('rounds', `round-${year}`))!;
      const p = publicationOf(round)!;
      const lookups = await cloud.store.find<LookupDoc>(
        COLLECTIONS.roundLookup,
        { year, batch: p.batch },
        { limit: 1000 },
      );
      const got = new Map<string, ResultEntry>();
      for (const d of lookups) for (const r of await bucketResults(cloud.store, p, d)) got.set(r.personId, r);
      expect(got.size).toBe(rows.length);
      for (const [pid, want] of expected)
        expect({ pid, rank: got.get(pid)!.rank, admitted: got.get(pid)!.admitted }).toEqual({ pid, ...want });
      const admitted = [...expected.values()].filter((e) => e.admitted).length;
      expect((pub.data as { admittedCount: number }).admittedCount).toBe(admitted);
    }),
    { numRuns: 25 },
  );
}, 120_000);
