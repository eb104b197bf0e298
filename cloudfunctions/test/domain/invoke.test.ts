// The framework itself: dispatch errors, the one-transaction rule (a failing action leaves nothing, audit included),
// bugs mapped to INTERNAL with an English log free of personal data, storage failures mapped to stable codes.
import { z } from 'zod';
import { defineAction, defineFunction, type FunctionDef } from '../../src/core/action';
import { AppError } from '../../src/core/errors';
import { invoke } from '../../src/core/invoke';
import { StoreError } from '../../src/storage/store';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';

let cloud: TestCloud;
beforeEach(() => {
  cloud = createTestCloud();
});
afterEach(() => cloud.close());

const CLEAR_ID = '11010519491231002X';

const testFn = defineFunction('t', {
  // Writes two documents and an audit entry, then fails: nothing of it may remain.
  halfway: defineAction({
    input: z.strictObject({ fail: z.enum(['app', 'bug']) }),
    access: 'caller',
    mutates: true,
    async run(ctx) {
      return ctx.mutate(async (tx, audit) => {
        await tx.insert('things', { _id: 'a', v: 1 });
        await audit({ target: { collection: 'things', id: 'a' } });
        await tx.insert('things', { _id: 'b', v: 2 });
        if (ctx.input.fail === 'app') throw new AppError('INVALID_STATE');
        throw new Error(`bug while handling ${CLEAR_ID}`);
      });
    },
  }),
  ok: defineAction({
    input: z.strictObject({ name: z.string().min(2) }),
    access: 'caller',
    mutates: true,
    async run(ctx) {
      return ctx.mutate(async (tx, audit) => {
        await tx.insert('things', { _id: 'c', v: 3 });
        await audit({ target: { collection: 'things', id: 'c' } });
        return { done: true };
      });
    },
  }),
  storeDown: defineAction({
    input: z.strictObject({ code: z.enum(['UNAVAILABLE', 'CONFLICT']) }),
    access: 'caller',
    mutates: false,
    async run(ctx) {
      throw new StoreError(ctx.input.code, 'simulated');
    },
  }),
});
const REG: Record<string, FunctionDef> = { t: testFn };
const callAs = (openid: string | undefined, event: unknown) => invoke('t', event, { openid }, cloud.runtime, REG);
const call = (event: unknown) => callAs('u1', event);

test('a failing action leaves nothing: no documents, no audit entry', async () => {
  expect(await call({ action: 'ok', name: 'ab' })).toEqual({ ok: true, data: { done: true } });
  const before = await snapshot(cloud.store, ['things', 'audit', 'auditHead']);
  expect(await call({ action: 'halfway', fail: 'app' })).toEqual({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.any(String) },
  });
  expect(await call({ action: 'halfway', fail: 'bug' })).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
  });
  expect(await snapshot(cloud.store, ['things', 'audit', 'auditHead'])).toBe(before);
  expect(await cloud.store.count('things', {})).toBe(1);
  expect(await cloud.store.count('audit', {})).toBe(1);
});

// Regression: the SQLite adapter once kept a table created inside a rolled-back transaction in its cache, so the
// next write to that collection failed with "no such table" (→ INTERNAL).
test('a collection whose first write was rolled back can still be written', async () => {
  await call({ action: 'halfway', fail: 'app' });
  expect(await call({ action: 'ok', name: 'ab' })).toEqual({ ok: true, data: { done: true } });
});

test('a bug is logged in English with the action name and no personal data', async () => {
  await call({ action: 'halfway', fail: 'bug' });
  expect(cloud.logs).toHaveLength(1);
  expect(cloud.logs[0]).toMatchObject({
    level: 'error',
    message: 'unexpected exception in action',
    fields: { action: 't.halfway', errorName: 'Error' },
  });
  expect(JSON.stringify(cloud.logs)).not.toContain(CLEAR_ID);
});

test('dispatch and validation errors', async () => {
  expect((await invoke('nope', { action: 'x' }, { openid: 'u' }, cloud.runtime, REG)) as any).toMatchObject({
    error: { code: 'UNKNOWN_FUNCTION' },
  });
  expect(await call({ action: 'missing' })).toMatchObject({ error: { code: 'UNKNOWN_ACTION' } });
  expect(await call({ action: 'toString' })).toMatchObject({ error: { code: 'UNKNOWN_ACTION' } });
  expect(await call(null)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  expect(await call([1, 2])).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  // Validation comes before identity: a bad payload without OPENID is a validation error.
  const v = await callAs(undefined, { action: 'ok', name: 1 });
  expect(v).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  expect((v as any).error.message).toMatch(/^姓名：/);
  expect(await callAs(undefined, { action: 'ok', name: 'ab' })).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  expect(await callAs('x'.repeat(129), { action: 'ok', name: 'ab' })).toMatchObject({
    error: { code: 'UNAUTHENTICATED' },
  });
});

test('storage failures become stable codes', async () => {
  expect(await call({ action: 'storeDown', code: 'UNAVAILABLE' })).toMatchObject({
    error: { code: 'SERVICE_UNAVAILABLE' },
  });
  expect(await call({ action: 'storeDown', code: 'CONFLICT' })).toMatchObject({ error: { code: 'CONFLICT' } });
});
