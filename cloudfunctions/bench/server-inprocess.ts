// Profiling helper (not part of `npm run bench`): the submit action without HTTP, in this process, to split the
// server's CPU per submission between the transport and invoke → store, and to time each SQL statement kind.
//   npx tsx --tsconfig cloudfunctions/tsconfig.json cloudfunctions/bench/server-inprocess.ts [n] [concurrency]
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import Database from 'better-sqlite3';
import { createLocalRuntime } from '../src/local/runtime';
import { loadDemo, seedOnce } from '../src/local/demo';
import { invoke } from '../src/core/invoke';
import { applicant, DOMAIN_NOW, DOMAIN_YEAR } from '../test/local/fixtures/domain-client';

const statTimes = new Map<string, { n: number; ms: number }>();
const timing = process.env.HZ_TIME_SQL === '1';
if (timing) {
  // Time every statement execution by its SQL text (prepare is cached by the store, so this wraps run/get/all).
  const origPrepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const st = origPrepare.call(this, sql) as Database.Statement;
    const key = sql
      .replace(/"c_\w+"/, 'T')
      .replace(/\s+/g, ' ')
      .slice(0, 60);
    for (const m of ['run', 'get', 'all'] as const) {
      const f = (st as any)[m].bind(st);
      (st as any)[m] = (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return f(...args);
        } finally {
          const s = statTimes.get(key) ?? { n: 0, ms: 0 };
          s.n++;
          s.ms += performance.now() - t0;
          statTimes.set(key, s);
        }
      };
    }
    return st;
  } as typeof origPrepare;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'hz-inproc-'));
  const local = await createLocalRuntime({ dataDir: dir, now: DOMAIN_NOW, log: () => undefined });
  const rt = local.runtime;
  await seedOnce(rt, loadDemo());
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = applicant(i);
    const reg = await invoke(
      'accounts',
      {
        action: 'register',
        name: '压测申请人',
        idNumber: a.idNumber,
        phone: '13900000000',
        privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      },
      { openid: a.openid },
      rt,
    );
    if (!reg.ok) throw new Error(JSON.stringify(reg));
    const d = await invoke(
      'applications',
      {
        action: 'saveDraft',
        year: DOMAIN_YEAR,
        claims: [{ indicator: 'rental', value: { rentalYears: 3 }, evidence: [] }],
      },
      { openid: a.openid },
      rt,
    );
    if (!d.ok) throw new Error(JSON.stringify(d));
    ids.push((d.data as any).application.applicationId);
  }
  statTimes.clear();
  const submit = (i: number) =>
    invoke(
      'applications',
      {
        action: 'submit',
        applicationId: ids[i],
        commitment: true,
        requestId: `load-req-${String(i).padStart(6, '0')}`,
      },
      { openid: applicant(i).openid },
      rt,
    );
  // HZ_CPU_PROFILE=<file>: a V8 CPU profile of the timed submissions only (prepare excluded).
  const profileFile = process.env.HZ_CPU_PROFILE;
  const session = profileFile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let cursor = 0;
  let failures = 0;
  const lat: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < n) {
        const s0 = performance.now();
        if (!(await submit(cursor++)).ok) failures++;
        lat.push(performance.now() - s0);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)].toFixed(1);
  console.log(
    `inprocess.submit.latency: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms (closed loop, ${concurrency} at a time)`,
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (session && profileFile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `inprocess.submit.cpu: ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/submission (user ${(cpu.user / 1000 / n).toFixed(3)}, system ${(cpu.system / 1000 / n).toFixed(3)}; ${failures} failed; wall ${(wall / n).toFixed(3)} ms)`,
  );
  if (timing) {
    let total = 0;
    for (const [k, s] of [...statTimes].sort((a, b) => b[1].ms - a[1].ms)) {
      total += s.ms;
      console.log(
        `${((s.ms * 1000) / n).toFixed(1).padStart(7)} µs/sub ${(s.n / n).toFixed(2).padStart(6)}×  ${((s.ms * 1000) / s.n).toFixed(1).padStart(6)} µs each  ${k}`,
      );
    }
    console.log(`sql total: ${((total * 1000) / n).toFixed(1)} µs/submission`);
  }
  await local.close();
  rmSync(dir, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
