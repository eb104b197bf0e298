import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/storage/sqlite';

// The WAL bound (SqliteStoreOptions.walLimitBytes) with a small limit, so a few hundred writes cross it many
// times. The periodic PASSIVE checkpoint is pushed out of reach (one a minute): the test depends on no timer, only
// on the bounding checkpoint that runs between commit groups.
const LIMIT = 256 * 1024;
/** One commit group's frames on top of the limit: these writes are one small document per group. */
const ONE_GROUP = 64 * 1024;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function openStore(): { store: SqliteStore; file: string; emptied: boolean[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-wal-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const emptied: boolean[] = [];
  const store = new SqliteStore(file, {
    walLimitBytes: LIMIT,
    walCheckpointWaitMs: 20,
    checkpointIntervalMs: 60_000,
    onWalCheckpoint: (event) => emptied.push(event.emptied),
  });
  return { store, file, emptied };
}

const walSize = (file: string) => statSync(`${file}-wal`).size;

/** A document of about 3 KB in UTF-8 (as an application is), distinct per write. */
const application = (i: number, version: number) => ({
  _id: `app-${String(i).padStart(5, '0')}`,
  version,
  personId: `p-${i}`,
  notes: `申请材料${i}-${version}-`.repeat(120),
});

describe('SQLite WAL stays bounded under sustained writes', () => {
  test('the WAL file stays under the limit across writes of eight times its size, and every write is kept', async () => {
    const { store, file, emptied } = openStore();
    let largest = 0;
    for (let i = 0; i < 1000; i++) {
      await store.set('applications', application(i, 1));
      largest = Math.max(largest, walSize(file));
    }
    // Each commit appends several pages (the document overflows one page): measured 18 MB of WAL without the bound.
    expect(largest).toBeLessThanOrEqual(LIMIT + ONE_GROUP);
    expect(emptied.length).toBeGreaterThan(0);
    expect(emptied.every((e) => e === true)).toBe(true);
    expect(await store.count('applications', {})).toBe(1000);
    expect(await store.get('applications', 'app-00000')).toEqual(application(0, 1));
    expect(await store.get('applications', 'app-00999')).toEqual(application(999, 1));
    await store.close();
  });

  test('a read transaction held open lets the WAL grow; once released, the WAL is emptied and bounded again', async () => {
    const { store, file, emptied } = openStore();
    for (let i = 0; i < 100; i++) await store.set('applications', application(i, 1));
    // Another connection holding a snapshot (as a backup or a report in another process would).
    const attemptsBeforeHold = emptied.length;
    const snapshot = new Database(file, { readonly: true });
    snapshot.exec('BEGIN');
    const countInSnapshot = () =>
      (snapshot.prepare('SELECT COUNT(*) AS n FROM c_applications').get() as { n: number }).n;
    expect(countInSnapshot()).toBe(100);

    for (let i = 100; i < 600; i++) await store.set('applications', application(i, 1));
    // The held snapshot pins the frames it may still read: the WAL cannot be emptied, writes still went through.
    expect(walSize(file)).toBeGreaterThan(LIMIT + ONE_GROUP);
    expect(countInSnapshot()).toBe(100);
    expect(await store.count('applications', {})).toBe(600);
    // Tried (writes paused at most 20 ms each time), and said so: not emptied.
    expect(emptied.length).toBeGreaterThan(attemptsBeforeHold);
    expect(emptied.slice(attemptsBeforeHold).every((e) => e === false)).toBe(true);
    const attemptsWhileHeld = emptied.length;

    snapshot.exec('COMMIT');
    snapshot.close();
    let largestAfterTruncation = 0;
    let truncated = false;
    let previous = walSize(file);
    for (let i = 0; i < 600; i++) {
      await store.set('applications', application(i, 2));
      const size = walSize(file);
      if (size < previous) truncated = true;
      if (truncated) largestAfterTruncation = Math.max(largestAfterTruncation, size);
      previous = size;
    }
    expect(truncated).toBe(true);
    expect(emptied.slice(attemptsWhileHeld)).toContain(true);
    expect(largestAfterTruncation).toBeLessThanOrEqual(LIMIT + ONE_GROUP);
    expect(walSize(file)).toBeLessThanOrEqual(LIMIT + ONE_GROUP);
    expect(await store.count('applications', {})).toBe(600);
    expect(await store.get('applications', 'app-00599')).toEqual(application(599, 2));
    expect(await store.get('applications', 'app-00000')).toEqual(application(0, 2));
    await store.close();
  });
});
