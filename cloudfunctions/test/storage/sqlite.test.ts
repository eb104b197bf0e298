import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqlite';
import { runStoreContract } from './store.contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

runStoreContract('SQLite (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-'));
  dirs.push(dir);
  return new SqliteStore(join(dir, 'db.sqlite'));
});

runStoreContract('SQLite (synchronous FULL, checkpoints inside commits)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-'));
  dirs.push(dir);
  return new SqliteStore(join(dir, 'db.sqlite'), { synchronous: 'FULL', checkpoint: 'auto' });
});

describe('SQLite specifics', () => {
  test('WAL journal and an expression index that the planner uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-'));
    dirs.push(dir);
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    await store.ensureIndex('applications', ['applicant.personId']);
    await store.insert('applications', { _id: 'a1', applicant: { personId: 'x' } });
    // Open a separate connection to inspect: the store keeps its own private.
    const Database = (await import('better-sqlite3')).default;
    const probe = new Database(join(dir, 'db.sqlite'), { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    const plan = probe
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM "c_applications" WHERE json_extract(doc, '$.applicant.personId') = ?`,
      )
      .all('x') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX ix_applications__applicant_personId/);
    probe.close();
    await store.close();
  });

  test('a standalone read during an open transaction sees only committed data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-'));
    dirs.push(dir);
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    await store.insert('people', { _id: 'p', v: 1 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = store.transaction(async (t) => {
      await t.update('people', 'p', { v: 2 });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await store.get('people', 'p')).toEqual({ _id: 'p', v: 1 });
    release();
    await tx;
    expect(await store.get('people', 'p')).toEqual({ _id: 'p', v: 2 });
    await store.close();
  });

  test('a long queue of transactions yields to the event loop between commit groups', async () => {
    // Without yielding, the queue drains as one microtask chain: I/O callbacks (new requests, response flushes)
    // would wait for all of it. Measured in the bench as every queued request answered at the same instant.
    const dir = mkdtempSync(join(tmpdir(), 'hz-sqlite-'));
    dirs.push(dir);
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    let done = 0;
    const all = Array.from({ length: 200 }, (_, i) =>
      store.transaction((tx) => tx.set('queue', { _id: `q${i}` })).then(() => done++),
    );
    let doneWhenImmediateRan = -1;
    setImmediate(() => (doneWhenImmediateRan = done));
    await Promise.all(all);
    expect(doneWhenImmediateRan).toBeGreaterThanOrEqual(0);
    expect(doneWhenImmediateRan).toBeLessThanOrEqual(32);
    await store.close();
  });

  test('calling the store (not tx) inside a transaction fails fast instead of deadlocking', async () => {
    const store = new SqliteStore(':memory:');
    await expect(store.transaction(async () => store.insert('people', { _id: 'z' }))).rejects.toThrow(/nested/);
    expect(await store.get('people', 'z')).toBeNull();
    await store.close();
  });
});
