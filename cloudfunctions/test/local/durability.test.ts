import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../../src/core/collections';
import { SqliteStore } from '../../src/storage/sqlite';
import { verifyAuditChain } from '../../src/audit';
import { dataPaths } from '../../src/local/paths';
import { PROBE_COLLECTION } from './fixtures/probe';
import { exited, killAll, spawnCloud } from './fixtures/child';
import { DOMAIN_NOW, makeClient, prepareApplicant, submitApplication } from './fixtures/domain-client';

afterAll(killAll);

const ENTRY = resolve(__dirname, 'fixtures/probe-main.ts');

function submit(agent: Agent, url: string, requestId: string): Promise<boolean> {
  const body = JSON.stringify({ action: 'submit', requestId });
  const { hostname, port } = new URL(url);
  return new Promise((ok) => {
    const req = request(
      {
        host: hostname,
        port,
        agent,
        method: 'POST',
        path: '/api/functions/probe',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-WX-OPENID': `o-${requestId}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            ok(res.statusCode === 200 && JSON.parse(Buffer.concat(chunks).toString()).ok === true);
          } catch {
            ok(false);
          }
        });
        res.on('error', () => ok(false));
      },
    );
    req.on('error', () => ok(false)); // connection reset by the kill: outcome unknown, not acknowledged
    req.end(body);
  });
}

test('SIGKILL mid-flight: every acknowledged submission survives exactly once and the audit chain verifies', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hz-durable-'));
  try {
    const first = await spawnCloud(ENTRY, { HZ_DATA_DIR: dataDir });
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    const acked = new Set<string>();
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed = false;
    const total = 600;
    let next = 0;
    const worker = async () => {
      while (next < total && !killed) {
        const id = `dur-${String(next++).padStart(5, '0')}`;
        inFlight++;
        const ok = await submit(agent, first.url, id);
        inFlight--;
        if (ok) acked.add(id);
        if (!killed && acked.size >= 150) {
          killed = true;
          inFlightAtKill = inFlight;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, worker));
    await exited(first.child);
    agent.destroy();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(0); // the kill really landed with requests in flight

    // Restart on the same folder: it must come up on the crashed database and see every acknowledged write.
    const second = await spawnCloud(ENTRY, { HZ_DATA_DIR: dataDir });
    const countRes = await fetch(`${second.url}/api/functions/probe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': 'checker' },
      body: JSON.stringify({ action: 'count' }),
    });
    const counted = ((await countRes.json()) as { data: { count: number } }).data.count;
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);

    const store = new SqliteStore(dataPaths(dataDir).database);
    try {
      const docs = await store.find<{ _id: string; requestId: string }>(PROBE_COLLECTION, {});
      expect(docs.length).toBe(counted);
      const perRequest = new Map<string, number>();
      for (const d of docs) perRequest.set(d.requestId, (perRequest.get(d.requestId) ?? 0) + 1);
      for (const id of acked) expect([id, perRequest.get(id)]).toEqual([id, 1]);
      expect([...perRequest.values()].every((n) => n === 1)).toBe(true);
      // Unacknowledged requests may or may not have committed, but never half: one audit entry per document.
      expect(await store.count(COLLECTIONS.audit, {})).toBe(docs.length);
      expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: docs.length });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);

test('SIGKILL during real applications.submit: acknowledged ones stay submitted once; client retries complete the rest', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hz-durable-domain-'));
  const env = { HZ_DATA_DIR: dataDir, HZ_NOW: DOMAIN_NOW, HZ_PROBE_DOMAIN: '1' };
  try {
    const first = await spawnCloud(ENTRY, env);
    const prep = makeClient(first.url, 20);
    const n = 240;
    const appIds: string[] = [];
    for (let i = 0; i < n; i += 20) {
      appIds.push(...(await Promise.all(Array.from({ length: 20 }, (_, k) => prepareApplicant(prep, i + k)))));
    }
    prep.close();

    const client = makeClient(first.url, 40);
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < n && !killed) {
          const i = next++;
          const res = await submitApplication(client, i, appIds[i]);
          if (res.status === 200 && res.body?.ok) acked.add(i);
          if (!killed && acked.size >= 60) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    client.close();
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');

    // Restart; every client whose submit was not acknowledged retries with the same requestId.
    const second = await spawnCloud(ENTRY, env);
    const retry = makeClient(second.url, 20);
    for (let i = 0; i < n; i++) {
      if (acked.has(i)) continue;
      const res = await submitApplication(retry, i, appIds[i]);
      expect([i, res.status, res.body?.data?.application?.status]).toEqual([i, 200, 'reviewing']);
    }
    // A retry of an acknowledged one answers the same result, without a second submission.
    const again = await submitApplication(retry, [...acked][0], appIds[[...acked][0]]);
    expect(again.body?.data?.application?.status).toBe('reviewing');
    retry.close();
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);

    const store = new SqliteStore(dataPaths(dataDir).database);
    try {
      for (let i = 0; i < n; i++) {
        const app = await store.get<{ _id: string; status: string; itemIds: string[] }>('applications', appIds[i]);
        expect([i, app?.status]).toEqual([i, 'reviewing']);
        const submits = await store.count(COLLECTIONS.audit, { action: 'applications.submit', 'target.id': appIds[i] });
        expect([i, submits]).toEqual([i, 1]);
        expect(await store.count('items', { applicationId: appIds[i] })).toBe(app!.itemIds.length);
      }
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
