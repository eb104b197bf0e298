// Rounds and settlement through invoke: ranking with ties follows the published order, a threshold round admits
// exactly those at or above the line who meet the basic conditions, admin-only actions, and the settlement
// window closing at 24:00 Beijing on its last day.
import { RANKING_RULE } from '@hz-points/shared';
import { COLLECTIONS } from '../../src/core/collections';
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import {
  bucketResults,
  listSlice,
  putKeys,
  resultFor,
  type KeysDoc,
  type LookupDoc,
  type ResultEntry,
} from '../../src/functions/rounds/list';
import { publicationOf, type RoundState } from '../../src/functions/rounds/model';
import type { SettlementDoc } from '../../src/functions/rounds/model';
import { syntheticSettlement } from './settlements';
import { settlementOpenAt } from '../../src/functions/settlement';
import { snapshot, type TestCloud } from '../helpers/runtime';
import { bj, scoredApplication, seededCloud } from '../certificates/fixtures';

/** A synthetic application of the Binjiang district, person `p-synthetic-<n>`. */
function settlement(year: number, n: number, keys: Partial<SettlementDoc>): SettlementDoc {
  return syntheticSettlement(year, `p-synthetic-${String(n).padStart(4, '0')}`, n, { district: '滨江区', ...keys });
}

/** Stores an application as settlement.apply does: the document, and its ranking keys unless withdrawn. */
async function store(cloud: TestCloud, d: SettlementDoc): Promise<void> {
  await cloud.store.transaction(async (tx) => {
    await tx.set(COLLECTIONS.settlements, d);
    if (d.status === 'submitted') await putKeys(tx, d);
  });
}

/** Every published line of the year (from the per-person lookup documents of the visible batch). */
async function results(cloud: TestCloud, year: number): Promise<ResultEntry[]> {
  const pub = publicationOf((await cloud.store.get<RoundState>('rounds', `round-${year}`))!)!;
  const docs = await cloud.store.find<LookupDoc>(COLLECTIONS.roundLookup, { year, batch: pub.batch }, { limit: 1000 });
  const out: ResultEntry[] = [];
  for (const d of docs) out.push(...(await bucketResults(cloud.store, pub, d)));
  return out;
}

describe('quota round (pre-2023 style): ties follow the published order', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await seededCloud('2025-12-02T10:00:00');
  });
  afterAll(() => cloud.close());

  test('the order is total, then insurance months, then registration years, then submission time', async () => {
    // The published order this test relies on.
    expect(RANKING_RULE.order.map((o) => o.key)).toEqual([
      'total',
      'socialInsuranceMonths',
      'residenceRegistrationYears',
      'submittedAt',
    ]);
    const docs = [
      settlement(2025, 1, { total: 150 }),
      settlement(2025, 2, { total: 130, socialInsuranceMonths: 80 }),
      settlement(2025, 3, { total: 130, socialInsuranceMonths: 60, residenceRegistrationYears: 9 }),
      settlement(2025, 4, {
        total: 130,
        socialInsuranceMonths: 60,
        residenceRegistrationYears: 6,
        submittedAt: '2025-07-01T00:00:00.000Z',
      }),
      settlement(2025, 5, {
        total: 130,
        socialInsuranceMonths: 60,
        residenceRegistrationYears: 6,
        submittedAt: '2025-07-02T00:00:00.000Z',
      }),
      settlement(2025, 6, { total: 110 }),
      settlement(2025, 7, { total: 200, meetsBasicConditions: false }),
      settlement(2025, 8, { total: 300, status: 'withdrawn' }),
    ];
    // Stored in reverse so that storage order cannot pass for ranking order.
    for (const d of [...docs].reverse()) await store(cloud, d);

    expect(await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
      error: { code: 'LINE_NOT_SET' },
    });
    expect(
      await cloud.call('demo-district-office', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 4 }),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 4 });
    const summary = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
    expect(summary).toMatchObject({ mode: 'quota', admittedCount: 4, line: 130, rankedCount: 6, ineligibleCount: 1 });

    const rows = await results(cloud, 2025);
    const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked.map((r) => r.personId.slice(-1))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(ranked.map((r) => r.admitted)).toEqual([true, true, true, true, false, false]);
    expect(rows.find((r) => r.personId.endsWith('7'))).toMatchObject({ rank: null, admitted: false });
    expect(rows.some((r) => r.personId.endsWith('8'))).toBe(false); // withdrawn: not on the list
    // Notices only for the admitted, valid 60 days from publication.
    expect(ranked[0]!.notice).toEqual({ number: 'ZR-2025-000001', issuedOn: '2025-12-02', expiresOn: '2026-01-31' });
    expect(ranked[4]!.notice).toBeNull();
  });

  test('after publication the round is frozen', async () => {
    const before = await snapshot(cloud.store, ['rounds', COLLECTIONS.roundLists, COLLECTIONS.roundLookup]);
    expect(await cloud.call('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 5 })).toMatchObject({
      error: { code: 'ROUND_PUBLISHED' },
    });
    expect(await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
      error: { code: 'ROUND_PUBLISHED' },
    });
    expect(
      await cloud.call('demo-admin', 'rounds', 'adjust', { year: 2025, dates: { settlementCloses: '2025-12-15' } }),
    ).toMatchObject({ error: { code: 'ROUND_PUBLISHED' } });
    expect(await snapshot(cloud.store, ['rounds', COLLECTIONS.roundLists, COLLECTIONS.roundLookup])).toBe(before);
  });
});

describe('threshold round (from 2023-05-08): everyone at or above the line who meets the basic conditions', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await seededCloud('2025-12-02T10:00:00');
  });
  afterAll(() => cloud.close());

  test('the line may be raised above 100 to the capacity, never set below it', async () => {
    expect(
      await cloud.call('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 99.5 }),
    ).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const totals = [100, 119.5, 120, 120, 120.5, 180, 95];
    let n = 0;
    for (const total of totals) await store(cloud, settlement(2025, ++n, { total }));
    await store(cloud, settlement(2025, ++n, { total: 160, meetsBasicConditions: false }));
    await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 120 });
    const summary = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
    const rows = await results(cloud, 2025);
    const admitted = rows
      .filter((r) => r.admitted)
      .map((r) => r.total)
      .sort((a, b) => a! - b!);
    expect(admitted).toEqual([120, 120, 120.5, 180]);
    expect(summary).toMatchObject({ admittedCount: 4, line: 120 });
    const refused = rows.filter((r) => !r.admitted);
    expect(refused.map((r) => r.reason)).toEqual(expect.arrayContaining(['不符合积分落户基本申请条件']));
    expect(refused).toHaveLength(4);
  });

  test('the list shows others masked; only the admitted are listed', async () => {
    const list = await cloud.ok('demo-applicant', 'rounds', 'results', { year: 2025 });
    expect(list.rows).toHaveLength(4);
    for (const r of list.rows) {
      expect(r).toMatchObject({ own: false, notice: null, reason: null });
      expect(r.idNumber).toMatch(/\*/);
    }
    // Staff without a person record read the same list, all masked; a stranger without registration cannot.
    const staff = await cloud.ok('demo-admin', 'rounds', 'results', { year: 2025, limit: 2, skip: 1 });
    expect(staff.rows.map((r: { total: number; own: boolean }) => [r.total, r.own])).toEqual(
      list.rows.slice(1, 3).map((r: { total: number }) => [r.total, false]),
    );
    expect(await cloud.call('someone-unregistered', 'rounds', 'results', { year: 2025 })).toMatchObject({
      error: { code: 'NOT_REGISTERED' },
    });
  });
});

describe('settlement window: 11-01 to 11-30, working days, until 24:00 Beijing of the last day', () => {
  const round = { settlementOpens: '2026-11-01', settlementCloses: '2026-11-30', status: 'open' as const };

  test('2026-11-30 (a Monday): 23:59:59 open, 00:00 closed', () => {
    expect(settlementOpenAt(round, new Date(bj('2026-11-30T23:59:59')))).toBe(true);
    expect(settlementOpenAt(round, new Date(bj('2026-12-01T00:00:00')))).toBe(false);
    // The same instants in UTC: 15:59:59 open, 16:00 closed, whatever the machine's zone.
    expect(settlementOpenAt(round, new Date('2026-11-30T15:59:59.999Z'))).toBe(true);
    expect(settlementOpenAt(round, new Date('2026-11-30T16:00:00.000Z'))).toBe(false);
  });

  test('weekends inside the window are closed (节假日除外), and nothing before 11-01', () => {
    expect(settlementOpenAt(round, new Date(bj('2026-11-28T10:00:00')))).toBe(false); // Saturday
    expect(settlementOpenAt(round, new Date(bj('2026-11-02T00:00:00')))).toBe(true); // Monday
    expect(settlementOpenAt(round, new Date(bj('2026-10-31T23:59:59')))).toBe(false);
  });

  test('through invoke: applied at 23:59:59 on 11-30, refused at 00:00, nothing written', async () => {
    const cloud = await seededCloud('2026-09-17T10:00:00');
    try {
      await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2026, '2026-09-17');
      await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2026, '2026-09-17');
      cloud.setNow(bj('2026-10-20T10:00:00'));
      for (const [who, id] of [
        ['demo-applicant', DEMO_PERSON_IDS.applicant],
        ['demo-employee', DEMO_PERSON_IDS.employee],
      ] as const) {
        await cloud.ok(who, 'certificates', 'issue', {
          applicationId: `app-2026-${id}`,
          residencePermitNo: '330106202300000009',
        });
      }
      const payload = (n: string) => ({
        year: 2026,
        district: '上城区',
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
        requestId: `settle-window-${n}`,
      });
      cloud.setNow(bj('2026-11-30T23:59:59'));
      await cloud.ok('demo-applicant', 'settlement', 'apply', payload('a'));
      cloud.setNow(bj('2026-12-01T00:00:00'));
      const before = await snapshot(cloud.store, [COLLECTIONS.settlements, COLLECTIONS.outbox, 'audit']);
      expect(await cloud.call('demo-employee', 'settlement', 'apply', payload('b'))).toMatchObject({
        error: { code: 'SETTLEMENT_NOT_OPEN' },
      });
      expect(await snapshot(cloud.store, [COLLECTIONS.settlements, COLLECTIONS.outbox, 'audit'])).toBe(before);
    } finally {
      await cloud.close();
    }
  });

  test('basic conditions: each failure says why; a delegate cannot apply for a stranger', async () => {
    const cloud = await seededCloud('2025-09-17T10:00:00');
    try {
      await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
      await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17', { socialInsuranceMonths: 12 });
      cloud.setNow(bj('2025-10-20T10:00:00'));
      await cloud.ok('demo-applicant', 'certificates', 'issue', {
        applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
        residencePermitNo: '330106202300000001',
      });
      await cloud.ok('demo-employee', 'certificates', 'issue', {
        applicationId: `app-2025-${DEMO_PERSON_IDS.employee}`,
        residencePermitNo: '330106202300000003',
      });
      cloud.setNow(bj('2025-11-04T10:00:00'));
      const base = { year: 2025, district: '西湖区', requestId: 'settle-conditions-1' };
      const hukou = await cloud.call('demo-applicant', 'settlement', 'apply', {
        ...base,
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: true },
      });
      expect(hukou).toMatchObject({
        error: { code: 'SETTLEMENT_NOT_ELIGIBLE', message: expect.stringContaining('杭州市区户籍') },
      });
      const low = await cloud.call('demo-employee', 'settlement', 'apply', {
        ...base,
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      });
      expect(low).toMatchObject({
        error: { code: 'SETTLEMENT_NOT_ELIGIBLE', message: expect.stringContaining('100分') },
      });
      const stranger = await cloud.call('demo-guardian', 'settlement', 'apply', {
        ...base,
        onBehalfOf: DEMO_PERSON_IDS.applicant,
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      });
      expect(stranger).toMatchObject({ error: { code: 'DELEGATION_REQUIRED' } });
      const noCert = await cloud.call('demo-guardian', 'settlement', 'apply', {
        ...base,
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      });
      expect(noCert).toMatchObject({ error: { code: 'CERTIFICATE_REQUIRED' } });
    } finally {
      await cloud.close();
    }
  });
});

describe('a list longer than one page', () => {
  test('each person reads the line the list shows at their rank, on every page; the admitted prefix crosses pages', async () => {
    const cloud = await seededCloud('2025-12-02T10:00:00');
    try {
      // 2,600 applications (PAGE_SIZE is 1,000): totals repeat so the tie-breaks decide; every 50th cannot be ranked.
      const docs = Array.from({ length: 2600 }, (_, n) =>
        settlement(2025, n, {
          total: 100 + (n % 37) * 2.5,
          socialInsuranceMonths: n % 11,
          residenceRegistrationYears: n % 5,
          submittedAt: new Date(Date.UTC(2025, 2, 1) + (n % 13) * 3_600_000).toISOString(),
          meetsBasicConditions: n % 50 !== 7,
        }),
      );
      await cloud.store.transaction(async (tx) => {
        for (const d of docs) {
          await tx.set(COLLECTIONS.settlements, d);
          await putKeys(tx, d);
        }
      });
      await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 1700 });
      const summary = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(summary).toMatchObject({ admittedCount: 1700, rankedCount: 2548, ineligibleCount: 52 });

      const pub = publicationOf((await cloud.store.get<RoundState>('rounds', 'round-2025'))!)!;
      const list = await listSlice(cloud.store, pub, 0, 3000, 3000);
      expect(list.map((r) => r.rank)).toEqual(Array.from({ length: 2548 }, (_, k) => k + 1));
      // The published order, checked independently: total desc, months desc, years desc, submission asc, id asc.
      const key = (d: SettlementDoc) => [
        -d.total,
        -d.socialInsuranceMonths,
        -d.residenceRegistrationYears,
        Date.parse(d.submittedAt),
      ];
      const expected = docs
        .filter((d) => d.meetsBasicConditions)
        .sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
          return a.personId < b.personId ? -1 : 1;
        });
      expect(list.map((r) => r.personId)).toEqual(expected.map((d) => d.personId));

      const everyone = await results(cloud, 2025);
      expect(everyone).toHaveLength(2600);
      const byPerson = new Map(everyone.map((r) => [r.personId, r]));
      for (const line of list) expect(byPerson.get(line.personId)).toEqual(line);
      expect(list[1699]).toMatchObject({ admitted: true, notice: { number: 'ZR-2025-001700' } });
      expect(list[1700]).toMatchObject({ admitted: false, reason: '未进入当年积分落户指标名额', notice: null });
      expect(byPerson.get(docs[7]!.personId)).toMatchObject({
        rank: null,
        admitted: false,
        reason: '不符合积分落户基本申请条件',
      });
      // One person's own reading (lookup bucket, then their page), inside a transaction as recordSettled does.
      const third = list[2345]!;
      expect(await cloud.store.transaction((tx) => resultFor(tx, pub, third.personId))).toEqual(third);
      expect(await resultFor(cloud.store, pub, 'p-not-on-the-list')).toBeNull();
    } finally {
      await cloud.close();
    }
  }, 60_000);
});

describe('withdrawing before publication', () => {
  test('takes the application off the ranking; it may be filed again while the window is open', async () => {
    const cloud = await seededCloud('2025-09-17T10:00:00');
    try {
      await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
      cloud.setNow(bj('2025-10-20T10:00:00'));
      await cloud.ok('demo-applicant', 'certificates', 'issue', {
        applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
        residencePermitNo: '330106202300000001',
      });
      cloud.setNow(bj('2025-11-05T10:00:00'));
      const payload = (requestId: string) => ({
        year: 2025,
        district: '拱墅区',
        declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
        requestId,
      });
      await cloud.ok('demo-applicant', 'settlement', 'apply', payload('settle-first-try'));
      expect(await cloud.call('demo-applicant', 'settlement', 'apply', payload('settle-other-try'))).toMatchObject({
        error: { code: 'ALREADY_SUBMITTED' },
      });
      await cloud.ok('demo-applicant', 'settlement', 'withdraw', { year: 2025 });
      const keysOf = async () => {
        const docs = await cloud.store.find<KeysDoc>(COLLECTIONS.settlementKeys, { year: 2025 }, { limit: 300 });
        return docs.flatMap((d) => d.p);
      };
      expect(await keysOf()).toEqual([]);
      await cloud.ok('demo-applicant', 'settlement', 'apply', payload('settle-second-try'));
      expect(await keysOf()).toEqual([DEMO_PERSON_IDS.applicant]);

      cloud.setNow(bj('2025-12-02T10:00:00'));
      await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 100 });
      await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(await cloud.call('demo-applicant', 'settlement', 'withdraw', { year: 2025 })).toMatchObject({
        error: { code: 'ROUND_PUBLISHED' },
      });
      const mine = await cloud.ok('demo-applicant', 'rounds', 'myStanding', { year: 2025 });
      expect(mine.result).toMatchObject({
        admitted: true,
        name: '演示申请人',
        notice: { number: 'ZR-2025-000001', expiresOn: '2026-01-31' },
      });
    } finally {
      await cloud.close();
    }
  });
});

describe('round administration', () => {
  test('an admin opens a year with roundDates(year), may adjust them; others may not', async () => {
    const cloud = await seededCloud('2025-06-01T10:00:00');
    try {
      expect(await cloud.call('demo-applicant', 'rounds', 'open', { year: 2026 })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      const { round } = await cloud.ok('demo-admin', 'rounds', 'open', { year: 2026 });
      expect(round).toMatchObject({
        year: 2026,
        cutoffDate: '2026-10-01',
        settlementOpens: '2026-11-01',
        settlementCloses: '2026-11-30',
        status: 'open',
      });
      expect(await cloud.call('demo-admin', 'rounds', 'open', { year: 2026 })).toMatchObject({
        error: { code: 'ROUND_EXISTS' },
      });
      const adjusted = await cloud.ok('demo-admin', 'rounds', 'adjust', {
        year: 2026,
        dates: { settlementCloses: '2026-12-04' },
      });
      expect(adjusted.round.settlementCloses).toBe('2026-12-04');
      expect(
        await cloud.call('demo-admin', 'rounds', 'adjust', { year: 2026, dates: { settlementOpens: '2026-12-10' } }),
      ).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const shown = await cloud.ok('unregistered-visitor', 'rounds', 'get', { year: 2026 });
      expect(shown.round.tieBreak[0]).toBe(RANKING_RULE.order[0]!.label);
    } finally {
      await cloud.close();
    }
  });
});
