// Verifies the audit chain of the local data folder: `npx tsx cloudfunctions/src/audit/check-cli.ts [dataDir]`.
// Exit 0: intact. Exit 1: broken (prints where). Exit 2: no database there.
import { existsSync } from 'node:fs';
import { SqliteStore } from '../storage/sqlite';
import { dataPaths } from '../local/paths';
import { auditHeadLine, verifyAuditChain } from './index';

async function main(): Promise<number> {
  const paths = dataPaths(process.argv[2] || undefined);
  if (!existsSync(paths.database)) {
    console.error(`no database at ${paths.database}`);
    return 2;
  }
  const store = new SqliteStore(paths.database);
  try {
    const result = await verifyAuditChain(store);
    if (result.ok) {
      console.log(`audit chain OK: ${result.entries} entries`);
      console.log(await auditHeadLine(store));
      return 0;
    }
    console.error(
      `audit chain BROKEN at seq ${result.brokenAt} after ${result.entries} good entries: ${result.reason}`,
    );
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`audit check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
