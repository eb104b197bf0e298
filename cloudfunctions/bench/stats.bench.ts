// The administrator's overview (stats.overview) of a year of 200,000 points applications on SQLite: from the summary
// counters the actions maintain (functions/stats/summary.ts: one document read), against reading every document of
// the year as it did before (the fallback for a year without a summary, and rebuildSummary's pass).
//
// Population: 200,000 accepted applications over 26 weeks, 95% scored (10-point bands 60..250, 0.5% vetoed), 5% with
// two items still waiting, 100,000 settlement applications over the urban districts, 2,000 objections.
// Run: npx tsx cloudfunctions/bench/stats.bench.ts [count]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URBAN_DISTRICTS } from '@hz-points/shared';
import { invoke } from '../src/core/invoke';
import type { Runtime } from '../src/core/runtime';
import { seedDemo } from '../src/demo/seed';

import { overviewFromCounts } from '../src/functions/stats/overview';
import { COLLECTIONS, ensureIndexes } from '../src/core/collections';
import { countsFromDocuments, rebuildSummary } from '../src/functions/stats/summary';

import { LocalFileStore } from '../src/storage/files-local';
import { SqliteStore } from '../src/storage/sqlite';

const N = Number(process.argv[2] ?? 200_000);
const YEAR = 2025;
const DEPTS = ['public-security', 'hrss', 'housing', 'education'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hz-stats-bench-'));
  let store = new SqliteStore(join(dir, 'db.sqlite'));
  const runtime: Runtime = {
    store,
    files: new LocalFileStore(join(dir, 'files')),
    now: () => new Date('2025-12-02T02:00:00Z'),
    secrets: { certificateKey: 'bench-secret-of-enough-length' },
    log: () => {},
  };
  try {
    await seedDemo(runtime);
    await ensureIndexes(store);
    const rand = rng(7);
    const t0 = performance.now();
    const start = Date.UTC(2025, 2, 3);
    for (let i = 0; i < N; i += 5000) {
      await store.transaction(async (tx) => {
        for (let k = i; k < Math.min(N, i + 5000); k++) {
          const personId = `p-${k.toString(36).padStart(6, '0')}`;
          const appId = `app-${YEAR}-${personId}`;
          const acceptedOn = new Date(start + Math.floor(rand() * 182) * 86_400_000).toISOString().slice(0, 10);
          const scored = rand() < 0.95;
          const total = rand() < 0.005 ? null : 60 + Math.floor(rand() * 380) / 2;
          await tx.set('applications', {
            _id: appId,
            personId,
            year: YEAR,
            status: scored ? 'scored' : 'reviewing',
            acceptedOn,
            submittedAt: `${acceptedOn}T02:00:00.000Z`,
            points: scored
              ? { total, detail: {}, cutoffDate: '2025-10-01', scoredAt: `${acceptedOn}T02:00:00.000Z` }
              : null,
          });
          if (!scored) {
            for (const dept of [DEPTS[k % 4]!, DEPTS[(k + 1) % 4]!]) {
              await tx.set('items', {
                _id: `${appId}-${dept}`,
                applicationId: appId,
                year: YEAR,
                department: dept,
                status: 'pending',
              });
            }
          }
          if (k % 2 === 0) {
            await tx.set(COLLECTIONS.settlements, {
              _id: `set-${YEAR}-${personId}`,
              year: YEAR,
              personId,
              status: 'submitted',
              district: URBAN_DISTRICTS[k % URBAN_DISTRICTS.length]!,
            });
          }
          if (k % 100 === 0) {
            const filedOn = '2025-11-05';
            await tx.set('objections', {
              _id: `obj-${personId}`,
              applicationId: appId,
              status: k % 300 === 0 ? 'open' : 'answered',
              filedOn,
              answerDeadline: '2025-11-26',
              answeredOn: k % 300 === 0 ? null : '2025-11-20',
            });
          }
        }
      });
    }
    const setupMs = performance.now() - t0;
    // Reopen: the write-ahead log checkpointed, as a year's writes long before the administrator looks.
    await store.close();
    store = new SqliteStore(join(dir, 'db.sqlite'));
    runtime.store = store;

    const admin = { openid: 'demo-admin' };
    // No summary yet (written outside the actions): the overview reads every document, as before.
    const scan = await timed(() => invoke('stats', { action: 'overview', year: YEAR }, admin, runtime));
    if (!scan.value.ok) throw new Error(JSON.stringify(scan.value));
    const rebuilt = await timed(() => rebuildSummary(store, YEAR));
    const summary = await timed(() => invoke('stats', { action: 'overview', year: YEAR }, admin, runtime));
    if (!summary.value.ok) throw new Error(JSON.stringify(summary.value));
    // Counts and every chart's table and summary (the SVG images carry generated element ids, so they are left out).
    const essence = (d: unknown) => {
      const o = d as { counts: unknown; charts: Record<string, { table: unknown; summary: string }> };
      return JSON.stringify([o.counts, Object.entries(o.charts).map(([k, c]) => [k, c.table, c.summary])]);
    };
    const same = essence(scan.value.data) === essence(summary.value.data);
    const fromCounts = await timed(async () =>
      overviewFromCounts(YEAR, '2025-12-02', await countsFromDocuments(store, YEAR)),
    );
    const counts = (summary.value.data as { counts: Record<string, number> }).counts;
    const docs =
      N +
      (await store.count('items', { year: YEAR })) +
      (await store.count(COLLECTIONS.settlements, { year: YEAR })) +
      (await store.count('objections', {}));

    console.log(`stats_applications: ${N} count (${JSON.stringify(counts)})`);
    console.log(
      `stats_machine_load: ${loadavg()[0]!.toFixed(1)} load (1-minute average on ${cpus().length} cores: wall times scale with it; CPU is this process's)`,
    );
    console.log(`stats_setup_insert: ${(setupMs / 1000).toFixed(2)} s (not part of any goal)`);
    console.log(
      `stats_overview_from_summary: ${summary.ms.toFixed(1)} ms (CPU ${summary.cpuMs.toFixed(1)} ms; one summary document read, then the five charts drawn; on CloudBase 2 reads)`,
    );
    console.log(
      `stats_overview_reading_documents: ${(scan.ms / 1000).toFixed(2)} s (CPU ${(scan.cpuMs / 1000).toFixed(2)} s; ${docs} documents, ${Math.ceil(docs / 100)} query pages of 100 on CloudBase: the year without a summary: its fallback reads every document, 1,000 per query; before issue 12 every overview call did this, 100 per query)`,
    );
    console.log(
      `stats_summary_rebuild: ${(rebuilt.ms / 1000).toFixed(2)} s (CPU ${(rebuilt.cpuMs / 1000).toFixed(2)} s; rebuildSummary, a repair run once for a year whose documents predate the summary)`,
    );
    console.log(
      `stats_counts_only: ${(fromCounts.ms / 1000).toFixed(2)} s (the document pass without the action around it)`,
    );
    console.log(
      `stats_same_answer: ${same ? 1 : 0} (1 = the overview from the summary has the counts, tables and summaries of the one from every document)`,
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
