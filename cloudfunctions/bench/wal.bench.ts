// The SQLite write-ahead log under sustained writes: 50,000 settlement applications, each one transaction as
// `settlement.apply` writes it (insert the application, read-modify-write its ranking-key bucket, whose document
// grows with the round), 16 at a time, while reads run concurrently on the same event loop (one application and one
// bucket per turn). Prints the largest WAL file seen (sampled after every commit) and the write / read latencies.
// Goal: the WAL stays under the store's bound, walLimitBytes (64 MiB) + one commit group.
// Run: npx tsx cloudfunctions/bench/wal.bench.ts [count]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COLLECTIONS } from '../src/core/collections';
import { BUCKETS, bucketOf, emptyKeys, keyEntry, keysId, setKey, type KeysDoc } from '../src/functions/rounds/list';
import { settlementId, type SettlementDoc } from '../src/functions/rounds/model';
import { DEFAULT_WAL_LIMIT_BYTES, SqliteStore } from '../src/storage/sqlite';
import { syntheticSettlement } from '../test/rounds/settlements';

const N = Number(process.argv[2] ?? 50_000);
const WRITERS = 16;
const YEAR = 2025;

/** Deterministic pseudo-random numbers (every run writes and reads the same sequence). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const personId = (i: number) => `p-${i.toString(36).padStart(6, '0')}`;

function percentiles(xs: number[]): string {
  const sorted = Float64Array.from(xs).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return `p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(1)} ms`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hz-wal-bench-'));
  const file = join(dir, 'db.sqlite');
  const pauses: number[] = [];
  let notEmptied = 0;
  const store = new SqliteStore(file, {
    onWalCheckpoint: ({ pausedMs, emptied }) => {
      pauses.push(pausedMs);
      if (!emptied) notEmptied++;
    },
  });
  const walSize = () => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  try {
    const rand = rng(7);
    let largestWal = 0;
    const writeMs: number[] = [];
    const readMs: number[] = [];
    let written = 0;
    let next = 0;
    let writing = true;

    const apply = async (i: number) => {
      const doc: SettlementDoc = syntheticSettlement(YEAR, personId(i), i, {
        total: 90 + Math.floor(rand() * 320) / 2,
        socialInsuranceMonths: Math.floor(rand() * 240),
        residenceRegistrationYears: Math.floor(rand() * 20),
        submittedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 270 * 86_400_000)).toISOString(),
      });
      const t0 = performance.now();
      await store.transaction(async (tx) => {
        await tx.insert(COLLECTIONS.settlements, doc);
        const bucket = bucketOf(doc.personId);
        const keys =
          (await tx.get<KeysDoc>(COLLECTIONS.settlementKeys, keysId(YEAR, bucket))) ?? emptyKeys(YEAR, bucket);
        setKey(keys, keyEntry(doc));
        await tx.set(COLLECTIONS.settlementKeys, keys);
      });
      writeMs.push(performance.now() - t0);
      written++;
      largestWal = Math.max(largestWal, walSize());
    };

    // One read per event-loop turn, timed from when it is asked for: a stalled event loop shows in its latency.
    const reader = async () => {
      const pick = rng(11);
      while (writing) {
        const t0 = performance.now();
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (written > 0) {
          const i = Math.floor(pick() * written);
          await store.get<SettlementDoc>(COLLECTIONS.settlements, settlementId(YEAR, personId(i)));
          await store.get<KeysDoc>(COLLECTIONS.settlementKeys, keysId(YEAR, i % BUCKETS));
          readMs.push(performance.now() - t0);
        }
      }
    };

    const t0 = performance.now();
    const reading = reader();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < N) await apply(next++);
      }),
    );
    writing = false;
    await reading;
    const seconds = (performance.now() - t0) / 1000;

    const count = await store.count(COLLECTIONS.settlements, { year: YEAR });
    if (count !== N) throw new Error(`expected ${N} applications, found ${count}`);
    console.log(
      `wal_applications: ${N} count (${WRITERS} writers, 1 reader, ${(N / seconds).toFixed(0)} transactions/s)`,
    );
    console.log(
      `wal_machine_load: ${loadavg()[0]!.toFixed(1)} load (1-minute average on ${cpus().length} cores: latencies scale with it)`,
    );
    console.log(
      `wal_largest: ${(largestWal / 2 ** 20).toFixed(1)} MiB (goal ≤ ${DEFAULT_WAL_LIMIT_BYTES / 2 ** 20} + one commit group)`,
    );
    console.log(
      `wal_bounding_checkpoints: ${pauses.length} count (${notEmptied} kept from emptying the WAL by a reader); writes paused ${pauses.length ? percentiles(pauses) : 'never'}`,
    );
    console.log(`wal_write_latency: ${percentiles(writeMs)} (one application, queued behind ${WRITERS - 1} others)`);
    console.log(
      `wal_read_latency: ${percentiles(readMs)} (one application + one bucket, ${readMs.length} reads, including the wait for the event loop)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
