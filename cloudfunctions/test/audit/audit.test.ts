import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { appendAudit, auditId, canonicalJson, redact, verifyAuditChain, type AuditEntry } from '../../src/audit';
import { COLLECTIONS } from '../../src/core/collections';
import { SqliteStore } from '../../src/storage/sqlite';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import type { Store } from '../../src/storage/store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hz-audit-'));
  dirs.push(d);
  return d;
}

const actor = { openid: 'o-reviewer', personId: 'p-reviewer' };
const T0 = new Date('2026-03-02T02:00:00Z');

async function writeEntries(store: Store, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await store.transaction((tx) =>
      appendAudit(
        tx,
        {
          action: 'items.review',
          actor,
          target: { collection: 'items', id: `i${i}` },
          details: { status: 'approved', i },
        },
        new Date(T0.getTime() + i * 1000),
      ),
    );
  }
}

for (const [name, make] of [
  ['SQLite', async () => new SqliteStore(join(tempDir(), 'db.sqlite'))],
  ['CloudBase stand-in', async () => new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }))],
] as Array<[string, () => Promise<Store>]>) {
  describe(`audit chain over ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(() => store.close());

    test('an empty log verifies; appended entries chain seq and hashes', async () => {
      expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 0 });
      await writeEntries(store, 5);
      const result = await verifyAuditChain(store, 2); // small pages exercise paging
      expect(result).toEqual({ ok: true, entries: 5 });
      const entries = await store.find<AuditEntry>(COLLECTIONS.audit, {}, { orderBy: [['seq', 'asc']] });
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(entries[1].prevHash).toBe(entries[0].hash);
      expect(entries[0].at).toBe('2026-03-02T02:00:00.000Z');
    });

    test('the entry lands with the change or not at all', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('applications', { _id: 'a1', status: 'submitted' });
          await appendAudit(
            tx,
            { action: 'applications.submit', actor, target: { collection: 'applications', id: 'a1' } },
            T0,
          );
          throw new Error('validation failed late');
        }),
      ).rejects.toThrow('late');
      expect(await store.count(COLLECTIONS.audit, {})).toBe(0);
      expect(await store.get('applications', 'a1')).toBeNull();
      expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 0 });
    });

    test('concurrent appends keep one gapless chain', async () => {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          store.transaction(async (tx) => {
            await tx.insert('applications', { _id: `a${i}` });
            await appendAudit(
              tx,
              { action: 'applications.submit', actor, target: { collection: 'applications', id: `a${i}` } },
              T0,
            );
          }),
        ),
      );
      expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 25 });
    });

    test('a tampered entry is detected', async () => {
      await writeEntries(store, 4);
      const e = (await store.get<AuditEntry>(COLLECTIONS.audit, auditId(2)))!;
      await store.set(COLLECTIONS.audit, { ...e, details: { ...e.details, status: 'rejected' } });
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false, brokenAt: 2, entries: 1 });
    });

    test('a deleted entry is detected (middle and tail)', async () => {
      await writeEntries(store, 4);
      await store.remove(COLLECTIONS.audit, auditId(4));
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false, entries: 3 });
      await store.remove(COLLECTIONS.audit, auditId(2));
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false, brokenAt: 2 });
    });

    test('reordered entries are detected', async () => {
      await writeEntries(store, 4);
      const a = (await store.get<AuditEntry>(COLLECTIONS.audit, auditId(2)))!;
      const b = (await store.get<AuditEntry>(COLLECTIONS.audit, auditId(3)))!;
      // Swap positions, keeping each entry's own content and hash intact.
      await store.set(COLLECTIONS.audit, { ...b, _id: auditId(2), seq: 2 });
      await store.set(COLLECTIONS.audit, { ...a, _id: auditId(3), seq: 3 });
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false, brokenAt: 2 });
    });

    test('an edited head is detected', async () => {
      await writeEntries(store, 2);
      await store.update(COLLECTIONS.auditHead, 'head', { seq: 1 });
      expect(await verifyAuditChain(store)).toMatchObject({ ok: false });
    });
  });
}

describe('redact', () => {
  test('masks ID numbers and phones by key and by shape, leaves the rest', () => {
    const out = redact({
      idNumber: '330106199001011234',
      phone: '13812345678',
      note: '申请人 33010619900101123X 电话 13912345678 已核验',
      nested: [{ mobile: '15000000000' }],
      points: 120,
      status: 'approved',
    });
    expect(out).toEqual({
      idNumber: '330***********1234',
      phone: '138****5678',
      note: '申请人 330***********123X 电话 139****5678 已核验',
      nested: [{ mobile: '150****0000' }],
      points: 120,
      status: 'approved',
    });
  });

  test('stored details never contain a clear ID number or phone (property)', async () => {
    const store = new SqliteStore(':memory:');
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^\d{17}[\dX]$/),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.string({ maxLength: 8 }),
        async (id, phone, filler) => {
          const e = await store.transaction((tx) =>
            appendAudit(
              tx,
              { action: 'x', actor, details: { text: `${filler}${id} ${phone}${filler}`, idNumber: id } },
              T0,
            ),
          );
          const stored = JSON.stringify(e.details);
          return !stored.includes(id) && !stored.includes(phone);
        },
      ),
      { numRuns: 60 },
    );
    await store.close();
  });
});

test('canonicalJson sorts keys at every level', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
    '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

describe('check-cli', () => {
  const repo = resolve(__dirname, '../../..');
  const run = (dir: string) => {
    try {
      execFileSync(
        process.execPath,
        [
          join(repo, 'node_modules/tsx/dist/cli.mjs'),
          '--tsconfig',
          join(repo, 'cloudfunctions/tsconfig.json'),
          join(repo, 'cloudfunctions/src/audit/check-cli.ts'),
          dir,
        ],
        { stdio: 'pipe' },
      );
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  test('exits 0 on an intact chain, 1 on a broken one, 2 without a database', async () => {
    const dir = tempDir();
    expect(run(dir)).toBe(2);
    const store = new SqliteStore(join(dir, 'hz.sqlite'));
    await writeEntries(store, 3);
    await store.close();
    expect(run(dir)).toBe(0);
    const again = new SqliteStore(join(dir, 'hz.sqlite'));
    await again.remove(COLLECTIONS.audit, auditId(2));
    await again.close();
    expect(run(dir)).toBe(1);
  }, 30000);
});
