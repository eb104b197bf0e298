// Benchmarks for the scoring half of the rules package. Run: npx tsx shared/bench/scoring.bench.ts
// Prints plain `name: value unit` lines (the root `npm run bench` collects them).
import { loadavg } from 'node:os';
import { parseProfile, rankApplications, scorePoints } from '../src/scoring';
import type { ProfileInput, RankableApplication } from '../src/scoring';
import { printSizes } from './size';

// Deterministic pseudo-random profiles (mulberry32), so runs compare like with like.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20251001);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (max: number) => Math.floor(rand() * (max + 1));
const pad = (n: number) => String(n).padStart(2, '0');

function randomProfile(): ProfileInput {
  const p: ProfileInput = {
    birthDate: `${1960 + int(45)}-${pad(1 + int(11))}-${pad(1 + int(27))}`,
    education: pick(['none', 'high-school', 'junior-college', 'bachelor', 'master', 'doctor'] as const),
    hasDiplomaAndDegree: rand() < 0.9,
    socialInsuranceMonths: int(300),
    residenceRegistrationYears: int(25),
    rentalYears: int(8),
    ownHome: rand() < 0.3,
    incomeTaxYuan: int(300000),
  };
  if (rand() < 0.3) p.title = pick(['intermediate', 'associate-senior', 'senior'] as const);
  if (rand() < 0.2) p.skillLevel = 1 + int(4);
  if (rand() < 0.1)
    p.honours = [{ level: pick(['national', 'provincial', 'city', 'district'] as const), matter: 'm' + int(3) }];
  if (rand() < 0.1) p.volunteerHours = int(200);
  if (rand() < 0.1) p.bloodDonationMl = int(2000);
  if (rand() < 0.05) p.records = { detention: int(1), dishonesty: rand() < 0.5 };
  return p;
}

const CUTOFF = '2025-10-01';
// Profiles are parsed once, as the product does (the form or the cloud function validates, then scores):
// scorePoints itself never runs zod.
const profiles = Array.from({ length: 10_000 }, () => {
  const parsed = parseProfile(randomProfile());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.profile;
});

// ---- Scoring throughput (one core: this loop is single-threaded) ----
let sink = 0;
for (let i = 0; i < 50_000; i++) sink += scorePoints(profiles[i % profiles.length]!, { cutoffDate: CUTOFF }).total ?? 0;
// Two measures: wall clock, and CPU time of this process (user + system), which is what "one core" means on a
// machine shared with other engineers' builds: time spent descheduled does not count against the code.
const wallRates: number[] = [];
const cpuRates: number[] = [];
for (let run = 0; run < 5; run++) {
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < 400) {
    for (let i = 0; i < 1000; i++)
      sink += scorePoints(profiles[(n + i) % profiles.length]!, { cutoffDate: CUTOFF }).total ?? 0;
    n += 1000;
  }
  const cpu = process.cpuUsage(cpu0);
  wallRates.push(n / ((performance.now() - start) / 1000));
  cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
}
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`scorePoints throughput, CPU time of one core (median of 5): ${Math.round(median(cpuRates))} profiles/s`);
console.log(`scorePoints throughput, wall clock (median of 5): ${Math.round(median(wallRates))} profiles/s`);

// ---- Ranking 200,000 scored applications ----
const N = 200_000;
const apps: RankableApplication[] = new Array(N);
for (let i = 0; i < N; i++) {
  const p = profiles[i % profiles.length]!;
  apps[i] = {
    id: `A${String(i).padStart(6, '0')}`,
    total: scorePoints(p, { cutoffDate: CUTOFF }).total,
    socialInsuranceMonths: p.socialInsuranceMonths,
    residenceRegistrationYears: p.residenceRegistrationYears,
    submittedAt: Date.UTC(2025, 8, 1) + int(86_400_000 * 30),
    meetsBasicConditions: rand() < 0.95,
  };
}
const rankTimes: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const r = rankApplications(apps, { mode: 'quota', quota: 50_000 });
  rankTimes.push(performance.now() - start);
  sink += r.admittedCount;
}
rankTimes.sort((a, b) => a - b);
console.log(`rankApplications 200000 quota (median of 5): ${rankTimes[2]!.toFixed(1)} ms`);
const thStart = performance.now();
sink += rankApplications(apps, { mode: 'threshold' }).admittedCount;
console.log(`rankApplications 200000 threshold: ${(performance.now() - thStart).toFixed(1)} ms`);

// ---- Minified size of the rules package: every entry and barrel, and what the bytes are (see size.ts) ----
(async () => {
  await printSizes();
  console.log(`machine load average (1 min, 2 cores shared): ${loadavg()[0]!.toFixed(2)} load`);
  if (sink === -1) console.log('unreachable');
})();
