import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { invoke as domainInvoke } from '../core/invoke';
import { httpStatusOf } from '../core/errors';
import type { Runtime } from '../core/runtime';
import { createLocalRuntime, type LocalRuntime } from './runtime';
import { createLocalServer, type InvokeFn } from './server';
import { loadDemo, seedOnce, type DemoModule } from './demo';
import { REPO_ROOT } from './paths';

export interface StartOptions {
  port?: number;
  dataDir?: string;
  /** HZ_NOW: ISO instant the clock starts at. */
  now?: string;
  invoke?: InvokeFn;
  statusOf?: (code: string) => number;
  demo?: DemoModule | null;
  staticDir?: string;
  log?: Runtime['log'];
  bodyLimit?: number;
  store?: 'sqlite' | 'cloudbase-standin';
}

export interface LocalCloud {
  url: string;
  port: number;
  server: Server;
  local: LocalRuntime;
  seed: 'seeded' | 'already' | 'unavailable';
  close(): Promise<void>;
}

/** Starts the local cloud on 127.0.0.1 (loopback only: X-WX-OPENID is trusted here and nowhere else). */
export async function startLocalCloud(options: StartOptions = {}): Promise<LocalCloud> {
  const local = await createLocalRuntime({
    dataDir: options.dataDir,
    now: options.now,
    log: options.log,
    store: options.store,
  });
  const demo = options.demo === undefined ? loadDemo() : options.demo;
  const seed = demo ? await seedOnce(local.runtime, demo) : 'unavailable';
  const server = createLocalServer({
    runtime: local.runtime,
    clock: local.clock,
    invoke: options.invoke ?? domainInvoke,
    statusOf: options.statusOf ?? httpStatusOf,
    personas: () => demo?.personas ?? [],
    staticDir: options.staticDir ?? resolve(REPO_ROOT, 'client', 'dist', 'h5'),
    bodyLimit: options.bodyLimit,
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    local,
    seed,
    close: () =>
      (closing ??= (async () => {
        // Stop taking requests, let those in flight finish (their writes are queued), then close the database.
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeIdleConnections();
        });
        await local.close();
      })()),
  };
}
