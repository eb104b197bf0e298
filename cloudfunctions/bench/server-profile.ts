// Profiling helper (not part of `npm run bench`): prepares N applicants on one server run, then restarts the
// local cloud on the same data under `--cpu-prof` and sends only the N submissions (20 at a time), so the profile
// holds startup plus submissions, nothing else.
//   npx tsx cloudfunctions/bench/server-profile.ts [n] [profDir]
//   node cloudfunctions/bench/server-profile-summary.mjs <profDir>/<file>.cpuprofile
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exited, killAll, spawnCloud } from '../test/local/fixtures/child';
import { DOMAIN_NOW, makeClient, prepareApplicant, submitApplication } from '../test/local/fixtures/domain-client';

const ENTRY = resolve(__dirname, '../test/local/fixtures/probe-main.ts');

async function run(n: number, worker: (i: number) => Promise<unknown>, concurrency = 20): Promise<void> {
  let cursor = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (cursor < n) await worker(cursor++);
    }),
  );
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 3000);
  const profDir = process.argv[3] ?? join(tmpdir(), 'hz-prof');
  const dataDir = mkdtempSync(join(tmpdir(), 'hz-prof-data-'));
  const env = { HZ_DATA_DIR: dataDir, HZ_NOW: DOMAIN_NOW, HZ_PROBE_DOMAIN: '1' };
  try {
    const prepServer = await spawnCloud(ENTRY, env);
    const prep = makeClient(prepServer.url, 20);
    const ids: string[] = new Array(n);
    await run(n, async (i) => (ids[i] = await prepareApplicant(prep, i)));
    prep.close();
    prepServer.child.kill('SIGTERM');
    await exited(prepServer.child);

    const cloud = await spawnCloud(ENTRY, env, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=250']);
    const client = makeClient(cloud.url, 20);
    const t0 = performance.now();
    let failures = 0;
    await run(n, async (i) => {
      if ((await submitApplication(client, i, ids[i])).status !== 200) failures++;
    });
    console.log(
      `submitted ${n} (${failures} failed) in ${(performance.now() - t0).toFixed(0)} ms; profile in ${profDir}`,
    );
    client.close();
    cloud.child.kill('SIGTERM');
    await exited(cloud.child);
  } finally {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  killAll();
  process.exit(1);
});
