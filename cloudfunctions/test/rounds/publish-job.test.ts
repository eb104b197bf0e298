// The publication job is resumable and restart-safe: killed after any number of writes (between chunks, inside a
// chunk's transaction, inside the flip), nothing of the list is visible, and the job continued by later calls ends
// with exactly the list an uninterrupted run publishes — on SQLite and on the CloudBase stand-in. People are taken
// through the real actions (through-actions.ts).
//
// Totals are the policy's numbers written out: age 18–40 → 30; 本科 with degree 50, 硕士 70; social insurance 0.5 a
// month; rental 6 a year (see standing.test.ts).
import fc from 'fast-check';
import { COLLECTIONS } from '../../src/core/collections';
import { resetTimerRuntime, runTimer } from '../../src/functions/reminders/timer';
import type { ListPageDoc, LookupDoc } from '../../src/functions/rounds/list';
import type { RoundState } from '../../src/functions/rounds/model';
import type { DocOps, Store } from '../../src/storage/store';
import type { StoreKind, TestCloud } from '../helpers/runtime';
import { bj, peopleWithCertificates, settle, yearCloud, type Person, type Profile } from './through-actions';

/** 30 + 50 + 60 × 0.5 = 110. */
const AT_110: Profile = {
  education: 'bachelor',
  socialInsuranceMonths: 60,
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
/** 30 + 70 + 40 × 0.5 = 120. */
const AT_120: Profile = {
  education: 'master',
  socialInsuranceMonths: 40,
  residenceRegistrationYears: 0,
  rentalYears: 0,
};

const PUBLISH_DAY = '2025-12-05T10:00:00';
/** 1 list page + 256 lookup buckets, 8 documents per chunk. */
const DOCUMENTS = 257;
const CHUNKS = 33;

class Killed extends Error {}

/**
 * The store with a fuse: the write numbered `after + 1` (counted across plain writes and writes inside transactions)
 * throws, as a process killed there would stop. A transaction it interrupts is rolled back by the store.
 */
function withFuse(inner: Store, after: number): Store {
  let writes = 0;
  const blow = () => {
    if (++writes > after) throw new Killed(`killed after ${after} writes`);
  };
  const guard = (ops: DocOps): DocOps => ({
    get: (c, id) => ops.get(c, id),
    insert: async (c, d) => (blow(), ops.insert(c, d)),
    set: async (c, d) => (blow(), ops.set(c, d)),
    update: async (c, id, p) => (blow(), ops.update(c, id, p)),
    remove: async (c, id) => (blow(), ops.remove(c, id)),
  });
  const plain = guard(inner);
  return {
    ...plain,
    find: (c, w, o) => inner.find(c, w, o),
    count: (c, w) => inner.count(c, w),
    transaction: (work) => inner.transaction((tx) => work(guard(tx))),
    ensureIndex: (c, f) => inner.ensureIndex(c, f),
    close: () => inner.close(),
  };
}

/** The store with some of its calls replaced (the others pass through). */
function wrapStore(inner: Store, over: Partial<Store>): Store {
  return {
    get: (c, id) => inner.get(c, id),
    insert: (c, d) => inner.insert(c, d),
    set: (c, d) => inner.set(c, d),
    update: (c, id, p) => inner.update(c, id, p),
    remove: (c, id) => inner.remove(c, id),
    find: (c, w, o) => inner.find(c, w, o),
    count: (c, w) => inner.count(c, w),
    transaction: (work) => inner.transaction(work),
    ensureIndex: (c, f) => inner.ensureIndex(c, f),
    close: () => inner.close(),
    ...over,
  };
}

/** Three applicants (110, 184, 120 points) with their settlement applications, the line at a quota of 2. */
async function roundReady(kind: StoreKind): Promise<{ cloud: TestCloud; people: Person[] }> {
  const cloud = await yearCloud(kind);
  const people = await peopleWithCertificates(cloud, [
    { openid: 'job-110', profile: AT_110 },
    { openid: 'job-184', profile: AT_184 },
    { openid: 'job-120', profile: AT_120 },
  ]);
  for (const p of people) expect((await settle(cloud, p, '2025-11-20T10:00:00')).ok).toBe(true);
  cloud.setNow(bj(PUBLISH_DAY));
  await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 2 });
  return { cloud, people };
}

/**
 * What readers get of the published list, and its stored documents, with the batch name and the person ids (random
 * in each world) replaced by stable names, so lists of two worlds compare as text.
 */
async function publishedList(cloud: TestCloud, people: Person[]) {
  const round = (await cloud.store.get<RoundState>('rounds', 'round-2025'))!;
  const batch = round.published!.batch;
  const { batch: _b, at: _at, ...published } = round.published!;
  const stable = (value: unknown) => {
    let text = JSON.stringify(value).split(batch).join('<batch>');
    for (const p of people)
      text = text.split(p.personId).join(`<${p.openid}>`).split(p.applicationId).join(`<app ${p.openid}>`);
    return text;
  };
  const sorted = { orderBy: [['_id', 'asc']] as Array<[string, 'asc']>, limit: 1000 };
  return {
    published: stable(published),
    results: stable(await cloud.ok('demo-admin', 'rounds', 'results', { year: 2025 })),
    standings: stable(await Promise.all(people.map((p) => cloud.ok(p.openid, 'rounds', 'myStanding', { year: 2025 })))),
    pages: stable(await cloud.store.find<ListPageDoc>(COLLECTIONS.roundLists, { year: 2025, batch }, sorted)),
    // A person's bucket is a hash of their id, so across worlds the buckets compare by what they hold, in order.
    lookups: stable(
      (await cloud.store.find<LookupDoc>(COLLECTIONS.roundLookup, { year: 2025, batch }, sorted))
        .flatMap((d) => [...d.ids.map((id, k) => [id, d.at[k]]), ...d.ineligible])
        .map((entry) => stable(entry))
        .sort(),
    ),
    lookupCount: await cloud.store.count(COLLECTIONS.roundLookup, { year: 2025, batch }),
  };
}

/** Nothing of a list is visible: no publication on the round, no results, everyone's standing unpublished. */
async function expectNothingVisible(cloud: TestCloud, people: Person[]) {
  expect((await cloud.ok('demo-admin', 'rounds', 'get', { year: 2025 })).round.published).toBeNull();
  expect(await cloud.call('demo-admin', 'rounds', 'results', { year: 2025 })).toMatchObject({
    ok: false,
    error: { code: 'RESULT_NOT_PUBLISHED' },
  });
  for (const p of people)
    expect(await cloud.ok(p.openid, 'rounds', 'myStanding', { year: 2025 })).toEqual({
      published: false,
      result: null,
    });
}

/** Publishes with the store killed after each of `fuses` writes in turn, then (with `finish`) lets it finish. */
async function publishThroughKills(cloud: TestCloud, people: Person[], fuses: number[], finish = true) {
  const store = cloud.runtime.store;
  for (const after of fuses) {
    cloud.runtime.store = withFuse(store, after);
    const r = await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 });
    cloud.runtime.store = store;
    if (r.ok) return r; // the fuse was longer than what was left to write
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await expectNothingVisible(cloud, people);
  }
  return finish ? cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 }) : null;
}

describe.each<StoreKind>(['sqlite', 'cloudbase'])('on %s', (kind) => {
  let reference: Awaited<ReturnType<typeof publishedList>>;
  beforeAll(async () => {
    const { cloud, people } = await roundReady(kind);
    const r = await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 });
    expect(r).toMatchObject({
      ok: true,
      data: {
        done: true,
        admittedCount: 2,
        rankedCount: 3,
        progress: { state: 'done', done: DOCUMENTS, total: DOCUMENTS, chunks: CHUNKS, chunkCount: CHUNKS },
      },
    });
    reference = await publishedList(cloud, people);
    await cloud.close();
  }, 120_000);

  test('the uninterrupted list: 184 and 120 admitted at a quota of 2, 110 ranked third', () => {
    const standings = JSON.parse(reference.standings) as Array<{
      result: { total: number; rank: number; admitted: boolean };
    }>;
    expect(standings.map((s) => [s.result.total, s.result.rank, s.result.admitted])).toEqual([
      [110, 3, false],
      [184, 1, true],
      [120, 2, true],
    ]);
  });

  test('killed inside the job start, a chunk, between chunks and inside the flip: the same list in the end', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      // Writes: the job's start (1), then the documents and the checkpoint of each chunk (32 chunks of 8 + 1, the
      // last of 1 + 1), then the flip. Fuse 0 kills the start; 5 lands inside the first chunk (start + 4); 18 on a
      // chunk boundary (chunks 1 and 2); 273 writes the 31 chunks left (30 × 9 + 2) and the flip's first write, and
      // kills the flip's second. `invocations` counts the calls that committed a chunk (the 18 and the 273).
      await publishThroughKills(cloud, people, [0, 5, 18, 273], false);
      expect((await cloud.ok('demo-admin', 'rounds', 'publicationStatus', { year: 2025 })).progress).toMatchObject({
        state: 'running',
        done: DOCUMENTS,
        total: DOCUMENTS,
        chunks: CHUNKS,
        invocations: 2,
      });
      const r = await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(r).toMatchObject({ ok: true, data: { done: true, admittedCount: 2 } });
      expect(await publishedList(cloud, people)).toEqual(reference);
      const { progress } = await cloud.ok('demo-admin', 'rounds', 'publicationStatus', { year: 2025 });
      expect(progress).toMatchObject({
        state: 'done',
        done: DOCUMENTS,
        total: DOCUMENTS,
        chunkCount: CHUNKS,
        restarts: 0,
        remainingSeconds: null,
      });
    } finally {
      await cloud.close();
    }
  }, 120_000);

  test('a call that runs out of budget answers its progress; the next calls continue until done', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      cloud.runtime.publication = { maxChunks: 10, maxWorkMs: Number.POSITIVE_INFINITY };
      const first = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(first).toMatchObject({
        done: false,
        year: 2025,
        progress: { state: 'running', done: 80, total: DOCUMENTS, chunks: 10, chunkCount: CHUNKS, invocations: 1 },
      });
      expect((await cloud.ok('demo-admin', 'rounds', 'publicationStatus', { year: 2025 })).progress).toEqual(
        first.progress,
      );
      await expectNothingVisible(cloud, people);
      const calls = [first];
      while (!calls[calls.length - 1]!.done)
        calls.push(await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 }));
      expect(calls.map((c) => c.progress.done)).toEqual([80, 160, 240, DOCUMENTS]);
      expect(calls[3]).toMatchObject({ done: true, progress: { state: 'done', invocations: 4, chunks: CHUNKS } });
      expect(await publishedList(cloud, people)).toEqual(reference);
      expect(await cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
        ok: false,
        error: { code: 'ROUND_PUBLISHED' },
      });
    } finally {
      await cloud.close();
    }
  }, 120_000);

  test('the reminders timer continues a job the administrator left running, and finishes it', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      cloud.runtime.publication = { maxChunks: 10, maxWorkMs: Number.POSITIVE_INFINITY };
      expect(await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
        done: false,
        progress: { done: 80 },
      });
      resetTimerRuntime();
      const ticks = [];
      for (let tick = 0; tick < 3; tick++)
        ticks.push((await runTimer({} as never, () => cloud.runtime)).data.publication);
      expect(ticks).toEqual([
        [{ year: 2025, done: false, documents: 160, total: DOCUMENTS }],
        [{ year: 2025, done: false, documents: 240, total: DOCUMENTS }],
        [{ year: 2025, done: true, documents: DOCUMENTS, total: DOCUMENTS }],
      ]);
      // Nothing left running: the next tick reports no publication at all.
      expect((await runTimer({} as never, () => cloud.runtime)).data.publication).toBeUndefined();
      expect(await publishedList(cloud, people)).toEqual(reference);
    } finally {
      resetTimerRuntime();
      await cloud.close();
    }
  }, 120_000);

  test('a certificate revoked between two calls restarts the job in a new batch: the revoked applicant is not admitted', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      cloud.runtime.publication = { maxChunks: 10, maxWorkMs: Number.POSITIVE_INFINITY };
      const first = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      const before = (await cloud.store.get<{ _id: string; batch: string }>(COLLECTIONS.publishJobs, 'pj-2025'))!.batch;
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: people[1]!.serial, reason: '核查不实' });
      cloud.runtime.publication = { maxWorkMs: Number.POSITIVE_INFINITY };
      const done = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(first.progress.done).toBe(80);
      expect(done).toMatchObject({
        done: true,
        admittedCount: 2,
        rankedCount: 2,
        revokedCount: 1,
        progress: { restarts: 1 },
      });
      expect(done.batch).not.toBe(before);
      const standing = await cloud.ok(people[1]!.openid, 'rounds', 'myStanding', { year: 2025 });
      expect(standing.result).toMatchObject({
        rank: null,
        admitted: false,
        reason: '积分有效凭证已被撤销（核查不实）',
      });
    } finally {
      await cloud.close();
    }
  }, 120_000);

  test('a withdrawal between two calls moves the keys stamp and restarts the job; the abandoned batch is removed after the flip', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      cloud.runtime.publication = { maxChunks: 10, maxWorkMs: Number.POSITIVE_INFINITY };
      expect(await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
        done: false,
        progress: { done: 80 },
      });
      const before = (await cloud.store.get<{ _id: string; batch: string }>(COLLECTIONS.publishJobs, 'pj-2025'))!.batch;
      // The 184-point applicant withdraws: 120 and 110 are admitted at a quota of 2.
      await cloud.ok(people[1]!.openid, 'settlement', 'withdraw', { year: 2025 });
      cloud.runtime.publication = { maxWorkMs: Number.POSITIVE_INFINITY };
      const done = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(done).toMatchObject({ done: true, admittedCount: 2, rankedCount: 2, progress: { restarts: 1 } });
      expect(done.batch).not.toBe(before);
      expect((await cloud.ok(people[0]!.openid, 'rounds', 'myStanding', { year: 2025 })).result).toMatchObject({
        total: 110,
        rank: 2,
        admitted: true,
      });
      // Nothing of the abandoned batch, and no plan document, is left.
      expect(await cloud.store.count(COLLECTIONS.roundLists, { year: 2025, batch: before })).toBe(0);
      expect(await cloud.store.count(COLLECTIONS.roundLookup, { year: 2025, batch: before })).toBe(0);
      expect(await cloud.store.count(COLLECTIONS.publishPlans, { year: 2025 })).toBe(0);
    } finally {
      await cloud.close();
    }
  }, 120_000);

  test('a call that stops early stores the rest of the plan: later calls read no ranking key and re-read no application', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      cloud.runtime.publication = { maxChunks: 10, maxWorkMs: Number.POSITIVE_INFINITY };
      expect(await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 })).toMatchObject({
        done: false,
        progress: { done: 80 },
      });
      // Chunks 11..33 are stored, one plan document each.
      expect(await cloud.store.count(COLLECTIONS.publishPlans, { year: 2025 })).toBe(CHUNKS - 10);
      const store = cloud.runtime.store;
      const reads: string[] = [];
      cloud.runtime.store = wrapStore(store, { get: (c, id) => (reads.push(c), store.get(c, id)) });
      let last = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      while (!last.done) last = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      cloud.runtime.store = store;
      expect(reads.filter((c) => c === COLLECTIONS.settlementKeys || c === 'applications')).toEqual([]);
      expect(reads.filter((c) => c === COLLECTIONS.publishPlans)).toHaveLength(CHUNKS - 10);
      expect(await publishedList(cloud, people)).toEqual(reference);
      expect(await cloud.store.count(COLLECTIONS.publishPlans, { year: 2025 })).toBe(0);
    } finally {
      await cloud.close();
    }
  }, 120_000);

  test('a withdrawal that lands after the last chunk is written stops the flip; the next call publishes without them', async () => {
    const { cloud, people } = await roundReady(kind);
    try {
      // The withdrawal commits right after the last chunk's transaction, before the flip's.
      const store = cloud.runtime.store;
      let chunks = 0;
      cloud.runtime.store = wrapStore(store, {
        transaction: async (work) => {
          const r = await store.transaction(work);
          if (++chunks === 1 + CHUNKS) {
            cloud.runtime.store = store;
            await cloud.ok(people[1]!.openid, 'settlement', 'withdraw', { year: 2025 });
          }
          return r;
        },
      });
      const first = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      cloud.runtime.store = store;
      expect(first).toMatchObject({ done: false, progress: { done: DOCUMENTS, state: 'running' } });
      await expectNothingVisible(cloud, people);
      const done = await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
      expect(done).toMatchObject({ done: true, admittedCount: 2, rankedCount: 2, progress: { restarts: 1 } });
    } finally {
      await cloud.close();
    }
  }, 120_000);
});

// Property over the kill points (SQLite: a world is built per run, so a few runs only).
test('property: any sequence of kills ends with the uninterrupted list (SQLite)', async () => {
  let reference: Awaited<ReturnType<typeof publishedList>> | undefined;
  {
    const { cloud, people } = await roundReady('sqlite');
    await cloud.ok('demo-admin', 'rounds', 'publish', { year: 2025 });
    reference = await publishedList(cloud, people);
    await cloud.close();
  }
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 320 }), { minLength: 1, maxLength: 4 }), async (fuses) => {
      const { cloud, people } = await roundReady('sqlite');
      try {
        const r = await publishThroughKills(cloud, people, fuses);
        expect(r).toMatchObject({ ok: true, data: { done: true } });
        expect(await publishedList(cloud, people)).toEqual(reference);
      } finally {
        await cloud.close();
      }
    }),
    { numRuns: 4 },
  );
}, 300_000);
