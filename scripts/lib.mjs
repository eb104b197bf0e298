// Small helpers shared by the repo's start, test and bench scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command in the repo (inherits stdio); returns its exit code. */
export function run(cmd, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[${cmd} ${args.join(' ')}] exit ${result.status ?? result.signal} in ${seconds}s`);
  return result.status ?? 1;
}

/** Runs a step and stops the whole script when it fails. */
export function step(title, cmd, args, options) {
  console.log(`\n== ${title}`);
  const code = run(cmd, args, options);
  if (code !== 0) {
    console.error(`\n${title} failed (exit ${code}).`);
    process.exit(code);
  }
}

/**
 * End-to-end tests need Debian's chromium and CJK fonts. CI installs them in .ci/run; on a fresh machine
 * where we are root, install them here too so the README's test command works as written.
 */
export function ensureBrowser() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/share/fonts/opentype/noto')) return;
  if (process.getuid && process.getuid() !== 0) {
    console.error('chromium and fonts-noto-cjk are missing: sudo apt-get install -y chromium fonts-noto-cjk');
    process.exit(1);
  }
  step('Install chromium + fonts-noto-cjk (apt)', 'sh', [
    '-c',
    'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk',
  ]);
}

export const buildShared = () =>
  step('Build the rules package (shared/dist)', 'npm', ['run', 'build', '-w', '@hz-points/shared']);
export const buildH5 = () =>
  step('Build the H5 client (client/dist/h5)', 'npx', ['taro', 'build', '--type', 'h5'], {
    cwd: join(root, 'client'),
    env: { NODE_ENV: 'production' },
  });
export const buildWeapp = () =>
  step('Build the mini-program (client/dist/weapp)', 'npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: join(root, 'client'),
    env: { NODE_ENV: 'production' },
  });
