import type { Doc, Store } from '../../src/storage/store';
import { StoreError } from '../../src/storage/store';

/**
 * One behavioural contract for every Store adapter. Each `*.test.ts` beside this file runs it against one adapter,
 * so SQLite (local) and CloudBase (production, here over the in-process stand-in) cannot drift apart.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    interface Person extends Doc {
      name: string;
      age: number;
      active: boolean;
      address: { city: string; district?: string };
      note?: string | null;
    }
    const alice: Person = {
      _id: 'p1',
      name: '张三',
      age: 30,
      active: true,
      address: { city: '杭州', district: '西湖区' },
    };

    test('insert then get returns an equal copy; missing id gives null', async () => {
      await store.insert('people', alice);
      expect(await store.get('people', 'p1')).toEqual(alice);
      expect(await store.get('people', 'nope')).toBeNull();
      expect(await store.get('never_created', 'p1')).toBeNull();
      const copy = (await store.get<Person>('people', 'p1'))!;
      copy.address.city = '宁波';
      expect((await store.get<Person>('people', 'p1'))!.address.city).toBe('杭州');
    });

    test('insert of an existing id throws DUPLICATE and keeps the original', async () => {
      await store.insert('people', alice);
      await expect(store.insert('people', { ...alice, name: '李四' })).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect((await store.get<Person>('people', 'p1'))!.name).toBe('张三');
    });

    test('set creates or replaces the whole document', async () => {
      await store.set('people', alice);
      await store.set('people', { _id: 'p1', name: '王五', age: 40, active: false, address: { city: '温州' } });
      expect(await store.get('people', 'p1')).toEqual({
        _id: 'p1',
        name: '王五',
        age: 40,
        active: false,
        address: { city: '温州' },
      });
    });

    test('update sets top-level fields (objects replaced, not merged); missing doc → NOT_FOUND', async () => {
      await store.insert('people', alice);
      await store.update('people', 'p1', { age: 31, address: { city: '宁波' } });
      expect(await store.get('people', 'p1')).toEqual({ ...alice, age: 31, address: { city: '宁波' } });
      await expect(store.update('people', 'ghost', { age: 1 })).rejects.toBeInstanceOf(StoreError);
      await expect(store.update('people', 'ghost', { age: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await store.get('people', 'ghost')).toBeNull();
    });

    test('remove deletes; removing a missing doc is harmless', async () => {
      await store.insert('people', alice);
      await store.remove('people', 'p1');
      expect(await store.get('people', 'p1')).toBeNull();
      await expect(store.remove('people', 'p1')).resolves.toBeUndefined();
    });

    test('find: equality on fields and dot paths, booleans, null; count agrees', async () => {
      await store.insert('people', alice);
      await store.insert('people', {
        _id: 'p2',
        name: '李四',
        age: 30,
        active: false,
        address: { city: '杭州', district: '上城区' },
        note: null,
      });
      await store.insert('people', {
        _id: 'p3',
        name: '王五',
        age: 25,
        active: true,
        address: { city: '宁波' },
        note: 'x',
      });
      const ids = async (w: Record<string, string | number | boolean | null>) =>
        (await store.find('people', w)).map((d) => d._id).sort();
      expect(await ids({ 'address.city': '杭州' })).toEqual(['p1', 'p2']);
      expect(await ids({ 'address.city': '杭州', active: true })).toEqual(['p1']);
      expect(await ids({ age: 30 })).toEqual(['p1', 'p2']);
      expect(await ids({ age: '30' })).toEqual([]);
      expect(await ids({ active: false })).toEqual(['p2']);
      expect(await ids({ note: null })).toEqual(['p1', 'p2']);
      expect(await ids({ 'address.district': '上城区' })).toEqual(['p2']);
      expect(await ids({})).toEqual(['p1', 'p2', 'p3']);
      expect(await store.count('people', { 'address.city': '杭州' })).toBe(2);
      expect(await store.count('people', {})).toBe(3);
      expect(await store.count('nothing_here', {})).toBe(0);
      expect(await store.find('nothing_here', {})).toEqual([]);
    });

    test('find: ordering, limit and skip', async () => {
      for (const [id, age] of [
        ['a', 3],
        ['b', 1],
        ['c', 2],
        ['d', 2],
      ] as const) {
        await store.insert('people', { ...alice, _id: id, age });
      }
      const asc = await store.find<Person>('people', {}, { orderBy: [['age', 'asc']] });
      expect(asc.map((d) => d._id)).toEqual(['b', 'c', 'd', 'a']);
      const desc = await store.find<Person>('people', {}, { orderBy: [['age', 'desc']], limit: 2 });
      expect(desc.map((d) => d.age)).toEqual([3, 2]);
      const page = await store.find<Person>('people', {}, { orderBy: [['age', 'asc']], skip: 1, limit: 2 });
      expect(page.map((d) => d._id)).toEqual(['c', 'd']);
      expect(await store.find('people', {}, { limit: 0 })).toEqual([]);
      expect(await store.find('people', {}, { skip: 10 })).toEqual([]);
      await expect(store.find('people', {}, { limit: -1 })).rejects.toBeInstanceOf(StoreError);
      await expect(store.find('people', {}, { skip: 1.5 })).rejects.toBeInstanceOf(StoreError);
    });

    test('find pages beyond 100 documents (CloudBase caps one get() at 100)', async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 250; i++) {
          await tx.insert('items', { _id: `i${String(i).padStart(3, '0')}`, n: i, dept: i % 2 === 0 ? 'hrss' : 'tax' });
        }
      });
      const all = await store.find<Doc & { n: number }>('items', {}, { orderBy: [['n', 'asc']] });
      expect(all).toHaveLength(250);
      expect(all.map((d) => d.n)).toEqual(Array.from({ length: 250 }, (_, i) => i));
      const even = await store.find<Doc & { n: number }>(
        'items',
        { dept: 'hrss' },
        { orderBy: [['n', 'desc']], skip: 10, limit: 110 },
      );
      expect(even).toHaveLength(110);
      expect(even[0].n).toBe(228);
      expect(even[109].n).toBe(10);
      expect(await store.count('items', { dept: 'tax' })).toBe(125);
    });

    test('transaction commits every write together', async () => {
      const result = await store.transaction(async (tx) => {
        await tx.insert('people', alice);
        await tx.insert('log', { _id: 'l1', what: 'created p1' });
        expect(await tx.get('people', 'p1')).toEqual(alice); // reads its own writes
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.get('people', 'p1')).toEqual(alice);
      expect(await store.get('log', 'l1')).toEqual({ _id: 'l1', what: 'created p1' });
    });

    test('transaction that throws leaves nothing behind', async () => {
      await store.insert('people', alice);
      await expect(
        store.transaction(async (tx) => {
          await tx.update('people', 'p1', { age: 99 });
          await tx.insert('log', { _id: 'l1', what: 'x' });
          await tx.remove('people', 'p1');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.get('people', 'p1')).toEqual(alice);
      expect(await store.get('log', 'l1')).toBeNull();
    });

    test('a DUPLICATE inside a transaction rolls back its earlier writes', async () => {
      await store.insert('people', alice);
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('log', { _id: 'l2', what: 'y' });
          await tx.insert('people', alice);
        }),
      ).rejects.toMatchObject({ code: 'DUPLICATE' });
      expect(await store.get('log', 'l2')).toBeNull();
    });

    test('a collection first touched in a rolled-back transaction is usable afterwards', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('fresh', { _id: 'a' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await store.insert('fresh', { _id: 'b' });
      await store.transaction((tx) => tx.insert('fresh', { _id: 'c' }));
      expect((await store.find('fresh', {})).map((d) => d._id)).toEqual(['b', 'c']);
    });

    test('in a burst of concurrent transactions the failing ones leave nothing and the others all land', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.insert('burst', { _id: `b${i}`, i });
            await tx.set('burstLog', { _id: `l${i}`, i });
            if (i % 3 === 0) throw new Error(`fail ${i}`);
            return i;
          }),
        ),
      );
      const ok = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(ok).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 0));
      expect((await store.find<Doc & { i: number }>('burst', {}, { orderBy: [['i', 'asc']] })).map((d) => d.i)).toEqual(
        ok,
      );
      expect(await store.count('burstLog', {})).toBe(ok.length);
    });

    test('concurrent read-modify-write transactions on one document lose no update', async () => {
      await store.insert('counters', { _id: 'c', value: 0, seen: [] as number[] });
      const n = 20;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          store.transaction(async (tx) => {
            const c = (await tx.get<Doc & { value: number; seen: number[] }>('counters', 'c'))!;
            await new Promise((r) => setTimeout(r, Math.random() * 3)); // widen the race window
            await tx.update('counters', 'c', { value: c.value + 1, seen: [...c.seen, i] });
          }),
        ),
      );
      const c = (await store.get<Doc & { value: number; seen: number[] }>('counters', 'c'))!;
      expect(c.value).toBe(n);
      expect([...c.seen].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    });

    test('concurrent inserts of the same id: exactly one wins', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.transaction((tx) => tx.insert('people', { ...alice, name: `n${i}` })),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DUPLICATE' });
      }
    });

    test('invalid collection names and field paths are refused, not interpolated', async () => {
      await expect(store.get('people"; DROP TABLE x; --', 'a')).rejects.toBeInstanceOf(StoreError);
      await expect(store.insert('../etc', { _id: 'a' })).rejects.toBeInstanceOf(StoreError);
      await expect(store.find('people', { "a') OR 1=1 --": 'x' })).rejects.toBeInstanceOf(StoreError);
    });

    test('ensureIndex is idempotent and queries still answer', async () => {
      await store.ensureIndex('applications', ['applicantId']);
      await store.ensureIndex('applications', ['applicantId']);
      await store.ensureIndex('items', ['department', 'status']);
      await store.insert('items', { _id: 'x', department: 'hrss', status: 'pending' });
      expect(await store.count('items', { department: 'hrss', status: 'pending' })).toBe(1);
    });
  });
}
