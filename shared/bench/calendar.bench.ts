// Benchmarks for the calendar and people barrels. Run: npx tsx shared/bench/calendar.bench.ts
// Prints plain `name: value unit` lines (the root `npm run bench` collects them). Measures only; never fails.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { addWorkdays, resultDate } from '../src/calendar';
import { settlementPathways } from '../src/people';

// Deterministic dates (mulberry32) in 2020-01-01 .. 2026-09-30, so 20 working days never leave the covered years.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20251101);
const first = Date.UTC(2020, 0, 1) / 864e5;
const last = Date.UTC(2026, 8, 30) / 864e5;
const dates = Array.from({ length: 10_000 }, () =>
  new Date((first + Math.floor(rand() * (last - first))) * 864e5).toISOString().slice(0, 10),
);

function rate(label: string, unit: string, fn: (i: number) => unknown) {
  for (let i = 0; i < 5_000; i++) fn(i); // warm-up
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 300) {
      for (let i = 0; i < 500; i++) fn(n + i);
      n += 500;
    }
    rates.push(n / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  console.log(`${label} (median of 5): ${Math.round(rates[2]!)} ${unit}`);
}

rate('addWorkdays(d, 1) throughput', 'calls/s', (i) => addWorkdays(dates[i % dates.length]!, 1));
rate('resultDate (+20 working days) throughput', 'calls/s', (i) => resultDate(dates[i % dates.length]!));
rate('settlementPathways throughput', 'profiles/s', (i) =>
  settlementPathways(
    {
      birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-15`,
      education: 'master',
      skillLevel: 1 + (i % 5),
      hukou: 'other',
      points: i % 160,
    },
    { on: '2025-11-03' },
  ),
);

// ---- What the barrels add to the mini-program (minified; gzip shown for transfer) ----
async function size(label: string, contents: string, external: string[] = []) {
  const out = await build({
    stdin: { contents, resolveDir: path.resolve(__dirname), loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external,
    logLevel: 'silent',
    // Chinese stays UTF-8 as in the mini-program build (esbuild's default \uXXXX escapes double its size).
    charset: 'utf8',
  });
  const bytes = out.outputFiles[0]!.contents;
  console.log(
    `${label}: ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip`,
  );
}

void (async () => {
  await size('calendar barrel (incl. 2020–2026 data, zod external)', "export * from '../src/calendar';", ['zod']);
  await size(
    'calendar: isWorkday + addWorkdays + deadlines only (zod external)',
    "export { isWorkday, addWorkdays, resultDate, objectionDeadline, isOpenAt, beijingDate } from '../src/calendar';",
    ['zod'],
  );
  await size('people barrel (zod external)', "export * from '../src/people';", ['zod']);
  await size('people + calendar barrels with zod', "export * from '../src/people'; export * from '../src/calendar';");
  await size(
    'for comparison: chinese-days 1.5.7 (isWorkday only; does not tree-shake)',
    "export { isWorkday } from 'chinese-days';",
  );
  console.log(
    'goal: calendar ≤ 15 KB and people ≤ 40 KB minified without zod (mostly Chinese text); WeChat main package limit 2 MB',
  );
})();
