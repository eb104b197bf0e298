// One local cloud per test file: its own temp data folder, free port and clock, so flows never share state.
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface Envelope<T = any> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

export interface LocalCloud {
  url: string;
  dataDir: string;
  /** Calls a function as `openid` exactly as the H5 client does. */
  call<T = any>(name: string, data: Record<string, unknown>, openid: string): Promise<Envelope<T>>;
  /** Like call, but throws with the Chinese message when the envelope is not ok. */
  must<T = any>(name: string, data: Record<string, unknown>, openid: string): Promise<T>;
  setClock(nowIso: string): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  // Elapsed time on the monotonic clock (never the wall clock, which a test run may fake).
  const deadline = performance.now() + 60000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`local cloud exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/dev/personas`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`local cloud did not answer within 60 s:\n${log()}`);
}

/**
 * What a flow may read directly (state checks), never a change: every change, an applicant's own included, is made
 * on its screen (support/applicant-screens.ts, support/review-screens.ts), so a shortcut cannot hide a broken screen.
 */
const DIRECT_READS = new Set([
  'accounts.me',
  'accounts.listSubjects',
  'applications.list',
  'applications.get',
  'review.queue',
  'rounds.get',
  'calendar.list',
  'accounts.listStaff',
  'accounts.roleHistory',
]);

function refuseUnlessAllowed(name: string, data: Record<string, unknown>): void {
  const key = `${name}.${String(data.action)}`;
  if (DIRECT_READS.has(key)) return;
  throw new Error(
    `e2e support refuses a direct ${key}: make this change through the screens (only reads and the dev clock are direct)`,
  );
}

export async function startCloud(options: { now: string }): Promise<LocalCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hz-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'cloudfunctions/tsconfig.json', 'cloudfunctions/src/local/main.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HZ_DATA_DIR: dataDir, HZ_NOW: options.now },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (b) => (output += b.toString()));
  child.stderr?.on('data', (b) => (output += b.toString()));
  await waitUntilUp(url, child, () => output);

  const call = async <T>(name: string, data: Record<string, unknown>, openid: string): Promise<Envelope<T>> => {
    refuseUnlessAllowed(name, data);
    const res = await fetch(`${url}/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(data),
    });
    return (await res.json()) as Envelope<T>;
  };
  return {
    url,
    dataDir,
    call,
    async must<T>(name: string, data: Record<string, unknown>, openid: string): Promise<T> {
      const env = await call<T>(name, data, openid);
      if (!env.ok)
        throw new Error(`${name}.${String(data.action)} as ${openid}: ${env.error?.code} ${env.error?.message}`);
      return env.data as T;
    },
    async setClock(nowIso: string) {
      const res = await fetch(`${url}/api/dev/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: nowIso }),
      });
      if (!res.ok) throw new Error(`dev clock refused ${nowIso}: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
