// Builds the H5 app once per e2e run (≈15 s on a quiet machine), unless client/dist/h5 is already newer than
// every source it is built from (the repo's test script builds it just before this stage). E2E_SKIP_BUILD=1
// reuses any existing build; E2E_FORCE_BUILD=1 always rebuilds.
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import path from 'path';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default async function globalSetup(): Promise<void> {
  const clientDir = path.resolve(__dirname, '../..');
  const index = path.join(clientDir, 'dist/h5/index.html');
  if (existsSync(index) && process.env.E2E_FORCE_BUILD !== '1') {
    if (process.env.E2E_SKIP_BUILD === '1') return;
    const sources = ['src', 'config', '../shared/src'].map((d) => newestMtime(path.resolve(clientDir, d)));
    if (statSync(index).mtimeMs > Math.max(...sources)) return;
  }
  const taro = path.resolve(clientDir, '../node_modules/.bin/taro');
  execFileSync(taro, ['build', '--type', 'h5'], {
    cwd: clientDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(index)) throw new Error(`H5 build produced no ${index}`);
}
