import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import { runStoreContract } from './store.contract';

runStoreContract(
  'CloudBase over the stand-in (throwOnNotFound: false)',
  async () => new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false })),
);

runStoreContract(
  'CloudBase over the stand-in (throwOnNotFound default)',
  async () => new CloudbaseStore(new CloudbaseStandin()),
);

describe('CloudBase adapter specifics', () => {
  test('reads page by at most 100 records per get()', async () => {
    const db = new CloudbaseStandin({ throwOnNotFound: false });
    const store = new CloudbaseStore(db);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 230; i++) await tx.insert('items', { _id: `x${i}`, n: i });
    });
    db.stats.gets = 0;
    const all = await store.find('items', {}, { orderBy: [['n', 'asc']] });
    expect(all).toHaveLength(230);
    expect(db.stats.gets).toBe(3);
    expect(db.stats.maxReturned).toBeLessThanOrEqual(100);
  });

  test('ensureIndex records the wish for the deployment checklist', async () => {
    const wanted: string[] = [];
    const store = new CloudbaseStore(new CloudbaseStandin(), {
      onIndexWanted: (c, f) => wanted.push(`${c}:${f.join('+')}`),
    });
    await store.ensureIndex('items', ['department', 'status']);
    await store.ensureIndex('items', ['department', 'status']);
    expect(wanted).toEqual(['items:department+status']);
    expect(store.wantedIndexes()).toEqual([{ collection: 'items', fields: ['department', 'status'] }]);
  });

  test('a hot document under many concurrent transactions: every increment lands once', async () => {
    const db = new CloudbaseStandin({ throwOnNotFound: false });
    const store = new CloudbaseStore(db);
    await store.insert('meta', { _id: 'head', seq: 0 });
    await Promise.all(
      Array.from({ length: 40 }, () =>
        store.transaction(async (tx) => {
          const h = (await tx.get<{ _id: string; seq: number }>('meta', 'head'))!;
          await tx.update('meta', 'head', { seq: h.seq + 1 });
        }),
      ),
    );
    expect((await store.get<{ _id: string; seq: number }>('meta', 'head'))!.seq).toBe(40);
    expect(db.stats.conflicts).toBeGreaterThan(0); // the stand-in really made them collide
  });
});

describe('the stand-in follows the documented CloudBase behaviour', () => {
  test('missing collection, missing record, duplicate add, _id in set data, the 100 cap', async () => {
    const db = new CloudbaseStandin();
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
    await db.createCollection('todos');
    await expect(db.createCollection('todos')).rejects.toBeDefined();
    await expect(db.collection('todos').doc('a').get()).rejects.toMatchObject({
      errMsg: expect.stringMatching(/does not exist/),
    });
    await db.collection('todos').add({ data: { _id: 'a', style: { color: 'red' } } });
    await expect(db.collection('todos').add({ data: { _id: 'a' } })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/duplicate/),
    });
    await expect(
      db
        .collection('todos')
        .doc('a')
        .set({ data: { _id: 'a' } }),
    ).rejects.toBeDefined();
    expect(
      (
        await db
          .collection('todos')
          .where({ style: { color: 'red' } })
          .get()
      ).data,
    ).toHaveLength(1);
    expect((await db.collection('todos').where({ 'style.color': 'red' }).get()).data).toHaveLength(1);
    for (let i = 0; i < 150; i++) await db.collection('todos').add({ data: { n: i } });
    expect((await db.collection('todos').limit(1000).get()).data).toHaveLength(100);
    expect((await db.collection('todos').count()).total).toBe(151);
    // update merges plain objects into the stored one (why the adapter uses get + set instead)
    await db
      .collection('todos')
      .doc('a')
      .update({ data: { style: { size: 'L' } } });
    expect((await db.collection('todos').doc('a').get()).data).toMatchObject({ style: { color: 'red', size: 'L' } });
  });

  test('transactions: a rollback by throwing leaves no trace; a write to a locked record conflicts', async () => {
    const db = new CloudbaseStandin({ throwOnNotFound: false });
    await db.createCollection('acc');
    await db.collection('acc').add({ data: { _id: 'a', v: 1 } });
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('acc')
          .doc('a')
          .set({ data: { v: 2 } });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await db.collection('acc').doc('a').get()).data).toMatchObject({ v: 1 });

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = db.runTransaction(async (tx) => {
      await tx
        .collection('acc')
        .doc('a')
        .set({ data: { v: 10 } });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 5));
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('acc')
          .doc('a')
          .set({ data: { v: 20 } });
      }, 1),
    ).rejects.toMatchObject({ errMsg: expect.stringMatching(/CONFLICT/) });
    release();
    await first;
    expect((await db.collection('acc').doc('a').get()).data).toMatchObject({ v: 10 });
  });
});

describe('CloudBase error mapping', () => {
  test('an application error named CONFLICT inside a transaction is not retried as a write conflict', async () => {
    const db = new CloudbaseStandin({ throwOnNotFound: false });
    const store = new CloudbaseStore(db);
    let runs = 0;
    class AppLikeError extends Error {
      code = 'CONFLICT';
    }
    await expect(
      store.transaction(async () => {
        runs++;
        throw new AppLikeError('CONFLICT');
      }),
    ).rejects.toBeInstanceOf(AppLikeError);
    expect(runs).toBe(1);
  });
});

describe('index coverage report', () => {
  test('a query outside the declared indexes is reported once per shape', async () => {
    const reported: string[] = [];
    const store = new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }), {
      onUnindexedQuery: (c, f) => reported.push(`${c}:${f.join('+')}`),
    });
    await store.ensureIndex('items', ['department', 'status']);
    await store.find('items', { status: 'pending', department: 'tax' }, { orderBy: [['updatedAt', 'asc']] });
    await store.find('items', { department: 'tax' });
    await store.count('items', { department: 'tax', status: 'pending' });
    await store.find('items', { _id: 'x' });
    expect(reported).toEqual([]);
    await store.find('items', { personId: 'p' });
    await store.find('items', { personId: 'q' });
    await store.count('items', { status: 'pending' });
    expect(reported).toEqual(['items:personId', 'items:status']);
  });
});
