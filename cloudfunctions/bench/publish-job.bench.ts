// The publication job at 200,000 applicants on the CloudBase stand-in (the CloudBase adapter over the in-process
// database of storage/cloudbase-standin.ts), counted in round trips and bytes: every call the adapter makes to the
// database object is one network round trip in production (a document get/set/update/remove, a query page, a count;
// in a transaction its start, each operation, and its commit), and its bytes are the JSON sent and received.
//
// Wall time on CloudBase is NOT measured here (no CloudBase is reachable from this machine). What is measured: the
// in-process work of each invocation (planning, building documents, the stand-in's copying), and the round trips it
// makes, split into sequential waves (round trips in flight together count once). The printed "modelled" time adds
// an ASSUMED latency per sequential round trip (ROUND_TRIP_MS below, argv[3]) to the measured work; it is a model.
//
// Population as in round.bench.ts: totals in half points 90..250, 2% applied on their last objection day (re-read at
// publication, a quarter with an answered objection), 0.1% with a revoked certificate.
// Run: npx tsx cloudfunctions/bench/publish-job.bench.ts [count] [roundTripMs] [chunksPerInvocation]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS } from '../src/core/collections';
import { invoke } from '../src/core/invoke';
import type { ApplicationDoc, ItemDoc, ObjectionDoc } from '../src/core/model';
import type { Runtime } from '../src/core/runtime';
import { seedDemo } from '../src/demo/seed';
import type { CertificateDoc, CertificateHeadDoc } from '../src/functions/certificates/model';
import { BUCKETS, bucketOf, emptyKeys, keyEntry, setKey, type KeysDoc } from '../src/functions/rounds/list';
import type { SettlementDoc } from '../src/functions/rounds/model';
import { CloudbaseStore } from '../src/storage/cloudbase';
import { CloudbaseStandin } from '../src/storage/cloudbase-standin';
import type { CbCollection, CbDatabase, CbDocumentRef, CbQuery, CbTransaction } from '../src/storage/cloudbase-types';
import { LocalFileStore } from '../src/storage/files-local';
import type { Doc, Store } from '../src/storage/store';
import { syntheticSettlement } from '../test/rounds/settlements';

const N = Number(process.argv[2] ?? 200_000);
/** Assumed latency of one CloudBase database round trip from a function (not measured: a model input). */
const ROUND_TRIP_MS = Number(process.argv[3] ?? 10);
/** Chunks (8 documents each) per invocation on CloudBase: chosen from the figures below (see rounds/API.md). */
const CHUNKS_PER_INVOCATION = Number(process.argv[4] ?? 12);
/** The first invocation plans (reads the keys, re-reads the flagged applications, ranks) and stores the plan: one chunk. */
const FIRST_INVOCATION_CHUNKS = Number(process.argv[5] ?? 1);
const YEAR = 2025;
const cpuMsSince = (c: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const bytes = (v: unknown) => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v)));

/** Round trips, bytes and sequential waves of the calls made to a CloudBase database object. */
class Meter {
  /** Time spent measuring bytes (JSON.stringify of every call): the bench's own cost, subtracted from the figures. */
  overheadMs = 0;
  overheadCpuMs = 0;
  trips = 0;
  up = 0;
  down = 0;
  waves = 0;
  /** Round trips and bytes sent of each transaction since the last reset. */
  transactions: Array<{ trips: number; up: number }> = [];
  private inFlight = 0;
  reset() {
    this.trips = this.up = this.down = this.waves = this.overheadMs = this.overheadCpuMs = 0;
    this.transactions = [];
  }
  async trip<T>(sent: unknown, call: () => Promise<T>): Promise<T> {
    this.trips++;
    let t = performance.now();
    let c = process.cpuUsage();
    this.up += bytes(sent);
    this.overheadMs += performance.now() - t;
    this.overheadCpuMs += cpuMsSince(c);
    if (this.inFlight === 0) this.waves++; // nothing else on the wire: this one waits a full round trip
    this.inFlight++;
    try {
      const r = await call();
      t = performance.now();
      c = process.cpuUsage();
      this.down += bytes(r);
      this.overheadMs += performance.now() - t;
      this.overheadCpuMs += cpuMsSince(c);
      return r;
    } finally {
      // Let calls started in the same tick (Promise.all) count as in flight together.
      await Promise.resolve();
      this.inFlight--;
    }
  }
}

function metered(db: CbDatabase, m: Meter): CbDatabase {
  const doc = (ref: CbDocumentRef, id: string): CbDocumentRef => ({
    get: () => m.trip({ id }, () => ref.get()),
    set: (o) => m.trip(o, () => ref.set(o)),
    update: (o) => m.trip(o, () => ref.update(o)),
    remove: () => m.trip({ id }, () => ref.remove()),
  });
  const query = (q: CbQuery, shape: Record<string, unknown>): CbQuery => ({
    where: (c) => query(q.where(c), { ...shape, c }),
    orderBy: (f, d) => query(q.orderBy(f, d), { ...shape, [f]: d }),
    skip: (n) => query(q.skip(n), { ...shape, skip: n }),
    limit: (n) => query(q.limit(n), { ...shape, limit: n }),
    get: () => m.trip(shape, () => q.get()),
    count: () => m.trip(shape, () => q.count()),
  });
  return {
    collection: (name) => {
      const c = db.collection(name);
      const wrapped = query(c, { name }) as CbCollection;
      wrapped.doc = (id) => doc(c.doc(id), id);
      wrapped.add = (o) => m.trip(o, () => c.add(o));
      return wrapped;
    },
    createCollection: (name) => m.trip({ name }, () => db.createCollection(name)),
    // Start and commit are round trips of their own; each operation inside is one too (sequential: a transaction's
    // operations wait for each other).
    runTransaction: async <T>(callback: (tx: CbTransaction) => Promise<T>, times?: number) => {
      const before = { trips: m.trips, up: m.up };
      await m.trip({ start: true }, async () => undefined);
      const r = await db.runTransaction(
        (tx) => callback({ collection: (name) => ({ doc: (id) => doc(tx.collection(name).doc(id), id) }) }),
        times,
      );
      await m.trip({ commit: true }, async () => undefined);
      m.transactions.push({ trips: m.trips - before.trips, up: m.up - before.up });
      return r;
    },
  };
}

/** The population (same shape as round.bench.ts), written straight into the store: keys buckets and the re-read documents. */
async function seedPopulation(store: Store) {
  let s = 42 >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
  const buckets: KeysDoc[] = Array.from({ length: BUCKETS }, (_, b) => emptyKeys(YEAR, b));
  const reread: Array<[string, Doc]> = [];
  for (let i = 0; i < N; i++) {
    const personId = `p-${i.toString(36).padStart(6, '0')}`;
    const d: SettlementDoc = syntheticSettlement(YEAR, personId, i, {
      total: 90 + Math.floor(rand() * 320) / 2,
      socialInsuranceMonths: Math.floor(rand() * 240),
      residenceRegistrationYears: Math.floor(rand() * 20),
      submittedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 270 * 86_400_000)).toISOString(),
      meetsBasicConditions: rand() > 0.02,
      scoreMayChange: i % 50 === 0,
    });
    setKey(buckets[bucketOf(personId)]!, keyEntry(d));
    if (d.scoreMayChange) {
      const answered = i % 200 === 0;
      const itemIds = [`${d.applicationId}-age`, `${d.applicationId}-socialInsurance`];
      reread.push([
        COLLECTIONS.applications,
        {
          _id: d.applicationId,
          personId,
          year: YEAR,
          status: 'scored',
          submittedAt: d.submittedAt,
          itemIds,
          points: {
            total: answered ? d.total + 5 : d.total,
            detail: {},
            cutoffDate: '2025-10-01',
            scoredAt: d.submittedAt,
          },
          objectionId: answered ? `obj-${personId}` : null,
          objectionDeadline: '2025-11-12',
          resultOn: '2025-11-03',
        } as unknown as ApplicationDoc,
      ]);
      if (answered) {
        reread.push([
          COLLECTIONS.objections,
          {
            _id: `obj-${personId}`,
            applicationId: d.applicationId,
            personId,
            status: 'answered',
          } as unknown as ObjectionDoc,
        ]);
        reread.push([
          COLLECTIONS.items,
          {
            _id: itemIds[0]!,
            applicationId: d.applicationId,
            status: 'approved',
            acceptedValue: {},
          } as unknown as ItemDoc,
        ]);
        reread.push([
          COLLECTIONS.items,
          {
            _id: itemIds[1]!,
            applicationId: d.applicationId,
            status: 'approved',
            acceptedValue: { socialInsuranceMonths: d.socialInsuranceMonths + 10 },
          } as unknown as ItemDoc,
        ]);
      }
    }
    if (i % 1000 === 1) {
      reread.push([
        COLLECTIONS.certificates,
        {
          _id: d.certificateSerial,
          serial: d.certificateSerial,
          year: YEAR,
          applicationId: d.applicationId,
          personId,
          status: 'revoked',
          revokedReason: '核查不实',
        } as unknown as CertificateDoc,
      ]);
      reread.push([
        COLLECTIONS.certificateHeads,
        { _id: d.applicationId, serial: d.certificateSerial } as CertificateHeadDoc,
      ]);
    }
  }
  for (const b of buckets) await store.set(COLLECTIONS.settlementKeys, b);
  for (const [c, d] of reread) await store.set(c, d);
  return { keyBytes: buckets.reduce((n, b) => n + bytes(b), 0), reread: reread.length };
}

interface Invocation {
  /** Round trips and bytes sent of each chunk transaction (8 documents and the checkpoint). */
  chunkTx: Array<{ trips: number; up: number }>;
  workMs: number;
  /** CPU time of the process (user + system) during the invocation: the machine is shared, wall time is not ours alone. */
  cpuMs: number;
  trips: number;
  waves: number;
  up: number;
  down: number;
  documents: number;
  chunks: number;
}

/** Phase durations (ms, wall) of the plan, from the job's log line. */
let planPhases: Record<string, number> = {};

async function publishOnStandin() {
  const dir = mkdtempSync(join(tmpdir(), 'hz-publish-job-bench-'));
  const meter = new Meter();
  const store = new CloudbaseStore(metered(new CloudbaseStandin({ throwOnNotFound: false }), meter));
  let now = new Date('2025-09-26T02:00:00Z');
  const runtime: Runtime = {
    store,
    files: new LocalFileStore(join(dir, 'files')),
    now: () => now,
    secrets: { certificateKey: 'bench-secret-of-enough-length' },
    log: (_level, message, fields) => {
      if (message === 'publication planned') planPhases = fields?.ms as Record<string, number>;
    },
    publication: { maxChunks: FIRST_INVOCATION_CHUNKS, maxWorkMs: Number.POSITIVE_INFINITY, extendAfterPlan: false },
  };
  try {
    await seedDemo(runtime);
    const population = await seedPopulation(store);
    now = new Date('2025-12-02T02:00:00Z');
    const admin = { openid: 'demo-admin' };
    const set = await invoke(
      'rounds',
      { action: 'setLine', year: YEAR, mode: 'quota', quota: Math.floor(N / 4) },
      admin,
      runtime,
    );
    if (!set.ok) throw new Error(JSON.stringify(set));
    const invocations: Invocation[] = [];
    let last = null as { done: boolean; progress: { done: number; chunks: number } } | null;
    let before = { done: 0, chunks: 0 };
    let summary: Record<string, unknown> = {};
    while (!last?.done) {
      meter.reset();
      const t = performance.now();
      const cpu = process.cpuUsage();
      const r = await invoke('rounds', { action: 'publish', year: YEAR }, admin, runtime);
      const used = process.cpuUsage(cpu);
      // The meter's own JSON.stringify is the bench's work, not the function's: taken out of both figures.
      const workMs = performance.now() - t - meter.overheadMs;
      const cpuMs = (used.user + used.system) / 1000 - meter.overheadCpuMs;
      runtime.publication = {
        maxChunks: CHUNKS_PER_INVOCATION,
        maxWorkMs: Number.POSITIVE_INFINITY,
        extendAfterPlan: false,
      };
      if (!r.ok) throw new Error(JSON.stringify(r));
      last = r.data as { done: boolean; progress: { done: number; chunks: number } };
      // A chunk's transaction: the checkpoint read, 8 document writes (fewer in the last), the checkpoint write.
      const chunkTx = meter.transactions.filter((x) => x.trips >= 5);
      invocations.push({
        chunkTx,
        workMs,
        cpuMs,
        trips: meter.trips,
        waves: meter.waves,
        up: meter.up,
        down: meter.down,
        documents: last!.progress.done - before.done,
        chunks: last!.progress.chunks - before.chunks,
      });
      before = last!.progress;
      summary = r.data as Record<string, unknown>;
    }
    return { invocations, population, summary };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { invocations, population, summary } = await publishOnStandin();
  const sum = (f: (i: Invocation) => number) => invocations.reduce((n, i) => n + f(i), 0);
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(
    `publish_job_applications: ${N} count (${population.reread} re-read documents, keys ${mb(population.keyBytes)})`,
  );
  console.log(
    `publish_job_machine_load: ${loadavg()[0]!.toFixed(1)} load (1-minute average on ${cpus().length} cores: measured work scales with it)`,
  );
  console.log(
    `publish_job_result: ${summary.rankedCount} ranked, ${summary.admittedCount} admitted, ${summary.revokedCount} revoked, ${summary.rescoredCount} rescored`,
  );
  console.log(
    `publish_job_invocations: ${invocations.length} count (the first plans and writes ${FIRST_INVOCATION_CHUNKS} chunk(s); then ${CHUNKS_PER_INVOCATION} chunks of 8 documents per invocation; work and CPU exclude the meter's own byte counting)`,
  );
  // The plan's share: an invocation's figures minus its chunks'. Chunks are alike, so per-chunk figures come from
  // the difference between two full invocations' and the last (shorter) one's would be noisy: take a middle one.
  const worst = invocations.reduce((a, b) =>
    b.workMs + b.waves * ROUND_TRIP_MS > a.workMs + a.waves * ROUND_TRIP_MS ? b : a,
  );
  invocations.forEach((i, k) => {
    const modelled = i.workMs + i.waves * ROUND_TRIP_MS;
    console.log(
      `publish_job_invocation_${k + 1}: ${i.trips} round trips (${i.waves} sequential), ${mb(i.up)} sent, ${mb(i.down)} received, ` +
        `${i.documents} documents in ${i.chunks} chunks, measured work ${i.workMs.toFixed(0)} ms (CPU ${i.cpuMs.toFixed(0)} ms), modelled ${(modelled / 1000).toFixed(2)} s at ${ROUND_TRIP_MS} ms per sequential round trip`,
    );
  });
  console.log(
    `publish_job_plan_phases: ${JSON.stringify(planPhases)} (ms of wall time in the first invocation, meter included)`,
  );
  const chunks = invocations.flatMap((i) => i.chunkTx);
  if (chunks.length > 0) {
    const trips = chunks.map((c) => c.trips);
    const up = chunks.map((c) => c.up);
    console.log(
      `publish_job_per_chunk: ${Math.min(...trips)}–${Math.max(...trips)} round trips, ${(Math.min(...up) / 1e3).toFixed(0)}–${(Math.max(...up) / 1e3).toFixed(0)} KB sent ` +
        `(mean ${(up.reduce((a, b) => a + b, 0) / up.length / 1e3).toFixed(0)} KB; ${chunks.length} chunks: start, checkpoint read, 8 documents, checkpoint write, commit)`,
    );
  }
  console.log(
    `publish_job_total: ${sum((i) => i.trips)} round trips, ${mb(sum((i) => i.up))} sent, ${mb(sum((i) => i.down))} received, measured work ${(sum((i) => i.workMs) / 1000).toFixed(2)} s (CPU ${(sum((i) => i.cpuMs) / 1000).toFixed(2)} s)`,
  );
  console.log(
    `publish_job_worst_invocation: modelled ${((worst.workMs + worst.waves * ROUND_TRIP_MS) / 1000).toFixed(2)} s (goal < 3 s per invocation; ${ROUND_TRIP_MS} ms per round trip is an assumption, not a CloudBase measurement)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
