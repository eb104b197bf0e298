// `npm run bench`: every benchmark in the repo, each printing `name: value unit` lines.
// Benchmarks measure; they never pass or fail a build (goals are printed beside the figures).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildH5, buildShared, buildWeapp, ensureBrowser, root, run } from './lib.mjs';

const benches = [
  // [title, script relative to the repo root, needs]
  ['rules: scoring and ranking', 'shared/bench/scoring.bench.ts'],
  ['rules: calendar', 'shared/bench/calendar.bench.ts'],
  ['local cloud: submissions under load', 'cloudfunctions/bench/server.bench.ts'],
  ['certificates: PDF', 'cloudfunctions/bench/cert.bench.ts'],
  ['rounds: rank and publish', 'cloudfunctions/bench/round.bench.ts'],
  [
    'rounds: publication job on the CloudBase stand-in (round trips, bytes)',
    'cloudfunctions/bench/publish-job.bench.ts',
  ],
  ['files: photo upload time and bytes sent', 'cloudfunctions/bench/upload.bench.ts'],
  ['local cloud: SQLite WAL under sustained writes', 'cloudfunctions/bench/wal.bench.ts'],
  ['deployable functions: size and cold start', 'cloudfunctions/bench/functions.bench.ts'],
  ['roster: import and batch assessment of 5,000 rows', 'cloudfunctions/bench/roster.bench.ts'],
  ['stats: the administrator overview at 200,000 applications', 'cloudfunctions/bench/stats.bench.ts'],
  ['client: package sizes', 'client/scripts/size.mjs', 'builds'],
  ['client: calculator first render in chromium', 'client/e2e/first-render.bench.ts', 'builds'],
  [
    'client: a cheap phone (4x CPU, 1.6 Mbps / 150 ms): paint, content, first-load JS, weapp main package',
    'client/e2e/cheap-phone.bench.ts',
    'builds',
  ],
];

buildShared();
let built = false;
let failures = 0;
for (const [title, script, needs] of benches) {
  if (!existsSync(join(root, script))) {
    console.log(`\n== ${title}: (no ${script} yet)`);
    continue;
  }
  if (needs === 'builds' && !built) {
    buildWeapp();
    buildH5();
    ensureBrowser();
    built = true;
  }
  console.log(`\n== ${title}`);
  const runner = script.endsWith('.mjs') ? ['node', [script]] : ['npx', ['tsx', script]];
  if (run(runner[0], runner[1]) !== 0) failures += 1;
}
process.exit(failures ? 1 : 0);
