// The certificate → settlement → publication path once more, on the CloudBase adapter over the in-process stand-in
// (exactly the calls CloudbaseStore makes, with CloudBase's limits: collections must exist, 100 records per get,
// transactions of single-document operations). The collections created are those docs/DEPLOY.md tells the operator
// to create: a collection the functions use but the document forgets fails here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COLLECTIONS, INDEXES } from '../../src/core/collections';
import { invoke } from '../../src/core/invoke';
import type { Runtime } from '../../src/core/runtime';
import { DEMO_PERSON_IDS, seedDemo } from '../../src/demo/seed';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import { LocalFileStore } from '../../src/storage/files-local';
import { deployedCollections, type TestCloud } from '../helpers/runtime';
import { bj, scoredApplication } from '../certificates/fixtures';

const ALL_COLLECTIONS = Object.values(COLLECTIONS);

test('docs/DEPLOY.md names every collection the functions use', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/DEPLOY.md'), 'utf8');
  for (const c of ALL_COLLECTIONS) expect(doc).toContain(`\`${c}\``);
});

test('docs/DEPLOY.md §4 lists exactly the collections of the one table (core/collections.ts)', () => {
  expect([...deployedCollections()].sort()).toEqual([...ALL_COLLECTIONS].sort());
});

test('docs/DEPLOY.md §5 lists exactly the indexes of the one table (core/collections.ts)', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/DEPLOY.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 5. Indexes'));
  const table = section.slice(0, section.indexOf('\n## ', 1));
  // A row is `collection` | `a`, `b` (desc); `c` | used by: one index per `;`-separated part, fields in backticks.
  const documented = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const [, collection, indexes] = line.split('|');
      const name = /`([A-Za-z0-9_]+)`/.exec(collection!)![1]!;
      return indexes!
        .split(';')
        .map((part) => `${name}: ${[...part.matchAll(/`([A-Za-z0-9_.]+)`/g)].map((m) => m[1]).join(', ')}`);
    });
  const declared = INDEXES.map((ix) => `${ix.collection}: ${ix.fields.join(', ')}`);
  expect([...documented].sort()).toEqual([...declared].sort());
});

describe('on the CloudBase adapter (stand-in)', () => {
  let dir: string;
  let now = new Date(bj('2025-09-17T09:00:00'));
  let runtime: Runtime;
  const ok = async (openid: string, fn: string, action: string, payload: Record<string, unknown> = {}) => {
    const r = await invoke(fn, { action, ...payload }, { openid }, runtime);
    if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.code} ${r.error.message}`);
    return r.data as any;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hz-cb-'));
    const db = new CloudbaseStandin({ throwOnNotFound: false });
    for (const c of ALL_COLLECTIONS) await db.createCollection(c);
    runtime = {
      store: new CloudbaseStore(db),
      files: new LocalFileStore(path.join(dir, 'files')),
      now: () => new Date(now.getTime()),
      secrets: { certificateKey: 'cloudbase-test-secret-0001' },
      log: () => undefined,
    };
    await seedDemo(runtime);
    const asCloud = { store: runtime.store } as unknown as TestCloud;
    await scoredApplication(asCloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
    await scoredApplication(asCloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('certificate, verify, settlement, publication, notice, reminders', async () => {
    now = new Date(bj('2025-10-09T10:00:00'));
    const a = await ok('demo-applicant', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
      residencePermitNo: '330106202300000001',
    });
    await ok('demo-agent', 'certificates', 'issue', {
      applicationId: `app-2025-${DEMO_PERSON_IDS.employee}`,
      residencePermitNo: '330106202300000003',
    });
    expect(await ok('clerk', 'certificates', 'verify', { payload: a.certificate.qrPayload })).toMatchObject({
      code: 'VALID',
    });
    const tampered = `${a.certificate.signature.slice(0, 85)}${a.certificate.signature.endsWith('A') ? 'B' : 'A'}`;
    expect(
      await ok('clerk', 'certificates', 'verify', { serial: a.certificate.serial, signature: tampered }),
    ).toMatchObject({ valid: false });

    now = new Date(bj('2025-11-10T10:00:00'));
    const declarations = { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false };
    await ok('demo-applicant', 'settlement', 'apply', {
      year: 2025,
      district: '余杭区',
      declarations,
      requestId: 'cb-settle-applicant',
    });
    await ok('demo-agent', 'settlement', 'apply', {
      year: 2025,
      onBehalfOf: DEMO_PERSON_IDS.employee,
      district: '余杭区',
      declarations,
      requestId: 'cb-settle-employee',
    });

    now = new Date(bj('2025-12-03T10:00:00'));
    await ok('demo-admin', 'rounds', 'setLine', { year: 2025, mode: 'quota', quota: 1 });
    const summary = await ok('demo-admin', 'rounds', 'publish', { year: 2025 });
    expect(summary).toMatchObject({ admittedCount: 1, rankedCount: 2 });
    const list = await ok('demo-employee', 'rounds', 'results', { year: 2025 });
    expect(list.rows).toHaveLength(1);
    const mine = await ok('demo-applicant', 'settlement', 'get', { year: 2025 });
    const emp = await ok('demo-agent', 'settlement', 'get', { year: 2025, onBehalfOf: DEMO_PERSON_IDS.employee });
    // Equal totals: the tie-break decides, and exactly one of the two holds a notice.
    expect([mine.result.admitted, emp.result.admitted].sort()).toEqual([false, true]);
    expect([mine.notice, emp.notice].filter(Boolean)).toEqual([
      expect.objectContaining({ issuedOn: '2025-12-03', expiresOn: '2026-02-01', status: 'valid' }),
    ]);

    expect(await ok('demo-admin', 'reminders', 'sweep', {})).toMatchObject({ queued: 1 });
    const reminders = await ok('demo-applicant', 'reminders', 'list', {});
    expect(reminders.reminders.length).toBeGreaterThanOrEqual(2);
  });
});
