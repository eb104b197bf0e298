// Builds the H5 app once per e2e run (≈15 s). E2E_SKIP_BUILD=1 reuses an existing client/dist/h5 (local iteration).
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';

export default async function globalSetup(): Promise<void> {
  const clientDir = path.resolve(__dirname, '../..');
  const index = path.join(clientDir, 'dist/h5/index.html');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(index)) return;
  const taro = path.resolve(clientDir, '../node_modules/.bin/taro');
  execFileSync(taro, ['build', '--type', 'h5'], {
    cwd: clientDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(index)) throw new Error(`H5 build produced no ${index}`);
}
