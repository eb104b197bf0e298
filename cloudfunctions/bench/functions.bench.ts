// Deployable functions: bundle size of each (and of its folder with the font), and cold start = require of the
// built index.js (wx-server-sdk included) + first call through the bundle's own makeMain on a local SQLite
// runtime, each in a fresh Node process. Builds first (scripts/build-cloud.mjs).
// Run: npx tsx cloudfunctions/bench/functions.bench.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const CLOUD = path.resolve(__dirname, '..');
const ROOT = path.resolve(CLOUD, '..');
const OUT = path.join(CLOUD, 'build');
const RUNS = 3;

/** A cheap, representative first call per function (caller openid, event). */
const FIRST_CALL: Record<string, [string, Record<string, unknown>]> = {
  accounts: ['demo-applicant', { action: 'me' }],
  files: ['demo-agent', { action: 'read', fileId: 'f-demo-entrustment' }],
  applications: ['demo-applicant', { action: 'list' }],
  review: ['demo-reviewer-hrss', { action: 'queue' }],
  objections: ['demo-district-office', { action: 'list' }],
  certificates: ['demo-applicant', { action: 'publicKey' }],
  rounds: ['demo-applicant', { action: 'get', year: 2025 }],
  settlement: ['demo-applicant', { action: 'get', year: 2025 }],
  reminders: ['demo-applicant', { action: 'list' }],
  calendar: ['demo-applicant', { action: 'list' }],
  roster: ['demo-agent', { action: 'board' }],
  stats: ['demo-applicant', { action: 'history' }],
};

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  execFileSync(process.execPath, [path.join(CLOUD, 'scripts', 'build-cloud.mjs')], { stdio: 'pipe' });
  const runtimeJs = path.join(OUT, '.bench', 'runtime.js');
  await build({
    entryPoints: [path.join(__dirname, 'functions-runtime.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: runtimeJs,
    external: ['better-sqlite3'],
    alias: { '@hz-points/shared': path.join(ROOT, 'shared', 'src', 'index.ts') },
    logLevel: 'warning',
  });

  console.log(
    `functions_machine_load: ${loadavg()[0]!.toFixed(1)} load (1-minute average on ${cpus().length} cores: figures scale with it)`,
  );
  const sdk = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', "const t=performance.now();require('wx-server-sdk');console.log(performance.now()-t)"],
      { cwd: OUT, encoding: 'utf8' },
    );
    sdk.push(Number(out.trim()));
  }
  console.log(`functions_wx_server_sdk_require: ${median(sdk).toFixed(0)} ms (part of every cold start below)`);

  const names = readdirSync(OUT).filter((n) => !n.startsWith('.') && statSync(path.join(OUT, n)).isDirectory());
  for (const name of names) {
    const dir = path.join(OUT, name);
    console.log(`functions_${name}_bundle: ${(statSync(path.join(dir, 'index.js')).size / 1024).toFixed(0)} KB`);
    if (name === 'certificates')
      console.log(`functions_${name}_folder: ${(dirBytes(dir) / 1024).toFixed(0)} KB (with the font)`);
    const [openid, event] = FIRST_CALL[name] ?? ['demo-applicant', { action: '__unknown__' }];
    const requires: number[] = [];
    const calls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const data = mkdtempSync(path.join(tmpdir(), 'hz-cold-'));
      const script = `
        process.on('unhandledRejection', () => {});
        (async () => {
          const runtime = await require(${JSON.stringify(runtimeJs)}).create(${JSON.stringify(data)}, '2025-11-05T02:00:00Z');
          const t0 = performance.now();
          const m = require(${JSON.stringify(path.join(dir, 'index.js'))});
          const t1 = performance.now();
          const main = m.makeMain(${JSON.stringify(name)}, { getWXContext: () => ({ OPENID: ${JSON.stringify(openid)} }) }, { createRuntime: () => runtime });
          const r = await main(${JSON.stringify(event)}, {});
          const t2 = performance.now();
          console.log(JSON.stringify({ requireMs: t1 - t0, callMs: t2 - t1, ok: r.ok, code: r.ok ? null : r.error.code }));
          process.exit(0);
        })();`;
      const out = execFileSync(process.execPath, ['-e', script], { cwd: OUT, encoding: 'utf8', timeout: 60_000 });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      if (!r.ok) throw new Error(`${name}: first call failed with ${r.code}`);
      requires.push(r.requireMs);
      calls.push(r.callMs);
      rmSync(data, { recursive: true, force: true });
    }
    console.log(`functions_${name}_cold_require: ${median(requires).toFixed(0)} ms`);
    console.log(`functions_${name}_cold_first_call: ${median(calls).toFixed(0)} ms (${String(event.action)})`);
    console.log(`functions_${name}_cold_start: ${(median(requires) + median(calls)).toFixed(0)} ms`);
  }
  rmSync(path.join(OUT, '.bench'), { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
