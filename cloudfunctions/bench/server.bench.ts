// Local cloud under load: `npx tsx --tsconfig cloudfunctions/tsconfig.json cloudfunctions/bench/server.bench.ts`.
// Starts the real local cloud (child process, temp data folder, loopback only), prepares applicants (register +
// one-claim draft, not timed), then times `applications.submit` (validation, one SQLite transaction writing the
// items, the idempotency record and a hash-chained audit entry) at 50 and 200 concurrent clients.
// Also times the probe function (one insert + audit) to separate the infrastructure's share, and the store alone.
// Bounded: a fixed number of requests per phase and a time cap. Prints `name: value unit` lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exited, killAll, spawnCloud } from '../test/local/fixtures/child';
import { SqliteStore } from '../src/storage/sqlite';
import { appendAudit } from '../src/audit';
import { DOMAIN_NOW, makeClient, prepareApplicant, submitApplication } from '../test/local/fixtures/domain-client';

const ENTRY = resolve(__dirname, '../test/local/fixtures/probe-main.ts');
const WARMUP = { clients: 50, requests: 300 };
const PHASES = [
  { clients: 50, requests: 1000 },
  { clients: 200, requests: 2000 },
];
const TIME_CAP_MS = 30_000;

/**
 * CPU seconds (user + system) the server process has used, from /proc (Linux). On a shared machine the wall-clock
 * figures move with everyone else's load; CPU per request is the steadier measure of our own cost.
 */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function runPhase(
  label: string,
  clients: number,
  requests: number,
  send: (i: number) => Promise<{ status: number }>,
  quiet = false,
  pid?: number,
): Promise<void> {
  const cpuBefore = cpuSeconds(pid);
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests && performance.now() - started < TIME_CAP_MS) {
      const i = next++;
      const t0 = performance.now();
      const res = await send(i);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  const cpuAfter = cpuSeconds(pid);
  if (quiet) return;
  if (cpuBefore !== null && cpuAfter !== null) {
    console.log(`${label}.c${clients}.server_cpu: ${(((cpuAfter - cpuBefore) * 1000) / latencies.length).toFixed(2)} ms/submission`);
  }
  console.log(`${label}.c${clients}.requests: ${latencies.length} count`);
  console.log(`${label}.c${clients}.throughput: ${(latencies.length / seconds).toFixed(0)} submissions/s`);
  console.log(`${label}.c${clients}.p50: ${percentile(latencies, 50).toFixed(1)} ms`);
  console.log(`${label}.c${clients}.p99: ${p99.toFixed(1)} ms${clients === 200 ? ` (goal ≤ 50: ${p99 <= 50 ? 'met' : 'NOT met'})` : ''}`);
  console.log(`${label}.c${clients}.failures: ${failures} count`);
  if (cpuBefore !== null && cpuAfter !== null && latencies.length > 0) {
    // Little's law for a closed loop: mean latency = clients / throughput. With the server's own CPU per request
    // as the best possible throughput (one core, nothing else running), this is the floor no tuning beats.
    const perRequestMs = ((cpuAfter - cpuBefore) * 1000) / latencies.length;
    console.log(`${label}.c${clients}.mean_latency_floor: ${(clients * perRequestMs).toFixed(0)} ms (clients × server CPU per request)`);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hz-bench-'));
  try {
    // 1. The real submit action (domain registry, demo seed, clock on a day the 2025 round is open).
    const domain = await spawnCloud(ENTRY, { HZ_DATA_DIR: join(dataDir, 'domain'), HZ_NOW: DOMAIN_NOW, HZ_PROBE_DOMAIN: '1' });
    const prep = makeClient(domain.url, 20);
    const total = WARMUP.requests + PHASES.reduce((n, p) => n + p.requests, 0);
    const appIds: string[] = new Array(total);
    const prepStart = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (cursor < total) {
          const i = cursor++;
          appIds[i] = await prepareApplicant(prep, i);
        }
      }),
    );
    prep.close();
    console.log(`server.prepare.applicants: ${total} count in ${((performance.now() - prepStart) / 1000).toFixed(1)} s`);
    console.log(`server.machine.loadavg: ${(await import('node:os')).loadavg()[0].toFixed(2)} (2 cores shared; wall-clock figures depend on it)`);
    // Warm-up (not reported): the first requests to a fresh process pay for module loading and JIT compilation.
    const warm = makeClient(domain.url, WARMUP.clients);
    await runPhase('warmup', WARMUP.clients, WARMUP.requests, (i) => submitApplication(warm, i, appIds[i]), true);
    warm.close();
    let offset = WARMUP.requests;
    for (const phase of PHASES) {
      const client = makeClient(domain.url, phase.clients);
      const base = offset;
      await runPhase('server.submit', phase.clients, phase.requests, (i) => submitApplication(client, base + i, appIds[base + i]), false, domain.child.pid);
      client.close();
      offset += phase.requests;
    }
    domain.child.kill('SIGTERM');
    await exited(domain.child);

    // 2. The probe: one insert + one audit entry through the same server, invoke and store.
    const probe = await spawnCloud(ENTRY, { HZ_DATA_DIR: join(dataDir, 'probe') });
    const warmProbe = makeClient(probe.url, WARMUP.clients);
    await runPhase('warmup', WARMUP.clients, WARMUP.requests, (i) => warmProbe.call(`warm-${i}`, 'probe', 'submit', { requestId: `warm-${String(i).padStart(6, '0')}` }), true);
    warmProbe.close();
    for (const phase of PHASES) {
      const client = makeClient(probe.url, phase.clients);
      await runPhase('server.probe', phase.clients, phase.requests, (i) =>
        client.call(`bench-${i}`, 'probe', 'submit', { requestId: `bench-${phase.clients}-${String(i).padStart(6, '0')}` }),
        false,
        probe.child.pid,
      );
      client.close();
    }
    probe.child.kill('SIGTERM');
    await exited(probe.child);

    // 3. The store alone, in process: 2000 concurrent transactions (insert + audit entry), per durability level.
    //    Group commit lets one WAL commit (and, with FULL, one fsync) serve up to 32 queued transactions.
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const store = new SqliteStore(join(dataDir, `store-${synchronous}.sqlite`), { synchronous });
      const n = 2000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.insert('subs', { _id: `s${i}`, i });
            await appendAudit(tx, { action: 'bench.submit', actor: { openid: 'bench', personId: null } }, new Date());
          }),
        ),
      );
      console.log(`server.store.${synchronous.toLowerCase()}.throughput: ${(n / ((performance.now() - t0) / 1000)).toFixed(0)} transactions/s`);
      await store.close();
    }
  } finally {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`server bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  killAll();
  process.exit(1);
});
