// The local cloud: `npx tsx --tsconfig cloudfunctions/tsconfig.json cloudfunctions/src/local/main.ts`
// (or `npm start`). Env: PORT (8080), HZ_DATA_DIR (.data/), HZ_NOW (ISO instant the clock starts at),
// HZ_STORE=cloudbase-standin (the CloudBase adapter over an in-memory stand-in), HZ_SQLITE_SYNC=FULL.
import { startLocalCloud } from './start';
import { jsonLogger } from '../wx/log';
import { auditHeadLine } from '../audit';

const log = jsonLogger((line) => process.stderr.write(`${line}\n`));

// Never let a stray rejection end the server; requests already catch their own failures.
process.on('unhandledRejection', (reason) => {
  log('error', 'unhandled rejection', { errorName: reason instanceof Error ? reason.name : typeof reason });
});

async function main(): Promise<void> {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  const storeKind = process.env.HZ_STORE === 'cloudbase-standin' ? 'cloudbase-standin' : 'sqlite';
  const cloud = await startLocalCloud({
    port,
    dataDir: process.env.HZ_DATA_DIR || undefined,
    now: process.env.HZ_NOW || undefined,
    log,
    store: storeKind,
  });
  const seedNote = { seeded: '已写入演示数据', already: '演示数据已存在', unavailable: '演示数据模块尚未提供' }[
    cloud.seed
  ];
  console.log(
    `本地云已启动 local cloud listening on ${cloud.url}/ (data: ${storeKind === 'sqlite' ? cloud.local.paths.root : 'in memory, CloudBase stand-in'}; ${seedNote}; clock ${cloud.local.clock.now().toISOString()})`,
  );

  // Anchor: the head hash printed at each start lets a later check notice a rewritten history.
  console.log(await auditHeadLine(cloud.local.runtime.store));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    // In-flight requests get 5 s; the database is closed cleanly either way.
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(`local cloud failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
