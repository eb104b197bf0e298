import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { makeMain } from '../../src/wx/entry';
import { createWxRuntime, wxCaller } from '../../src/wx/runtime';
import { fakeCloud } from './fixtures/fake-cloud';
import { verifyAuditChain } from '../../src/audit';
import { demoIdNumber } from '../../src/demo/seed';

const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
afterAll(() => quiet.mockRestore());

test('a deployed function: the domain over CloudBase (stand-in), caller from the WX context only', async () => {
  const cloud = fakeCloud();
  const accounts = makeMain('accounts', cloud);
  cloud.as('wx-user-1');
  const idNumber = demoIdNumber('1990-01-01', 123);
  const reg = await accounts(
    {
      action: 'register',
      name: '云端用户',
      idNumber,
      phone: '13800001234',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
      userInfo: { openId: 'forged' },
    },
    {},
  );
  expect(reg).toMatchObject({ ok: true });
  const me = await accounts({ action: 'me' }, {});
  expect(me).toMatchObject({ ok: true, data: { openid: 'wx-user-1' } });
  // Another caller does not become wx-user-1 by saying so in the payload.
  cloud.as('wx-user-2');
  expect(await accounts({ action: 'me', openid: 'wx-user-1' }, {})).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED' },
  });
  expect(await accounts({ action: 'me' }, {})).toMatchObject({ ok: true, data: { openid: 'wx-user-2', person: null } });
  // No OPENID at all → 401-class error, not a crash.
  cloud.as(undefined);
  expect(await accounts({ action: 'me' }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(cloud.dbOptions).toEqual([{ throwOnNotFound: false }]); // one runtime per container, doc.get → null
});

test('the runtime: audit lands in CloudBase, secrets only from CERT_SIGNING_KEY, logs redact', async () => {
  const cloud = fakeCloud();
  const runtime = createWxRuntime(cloud, {});
  expect(() => runtime.secrets.certificateKey).toThrow(/CERT_SIGNING_KEY/);
  expect(createWxRuntime(cloud, { CERT_SIGNING_KEY: 'k'.repeat(32) }).secrets.certificateKey).toBe('k'.repeat(32));
  const main = makeMain('accounts', cloud, { createRuntime: () => runtime });
  cloud.as('wx-user-9');
  await main(
    {
      action: 'register',
      name: '审计用户',
      idNumber: demoIdNumber('1988-08-08', 321),
      phone: '13800004321',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    },
    {},
  );
  expect(await verifyAuditChain(runtime.store)).toMatchObject({ ok: true, entries: 1 });
  quiet.mockClear();
  runtime.log('info', 'test line', { phone: '13800004321', note: 'id 330106198808083214' });
  const line = String(quiet.mock.calls[0][0]);
  expect(line).not.toContain('13800004321');
  expect(line).toContain('138****4321');
  expect(wxCaller({ getWXContext: () => ({ OPENID: '' }) })).toEqual({ openid: undefined });
});

test('a broken runtime build still answers an envelope', async () => {
  const main = makeMain('accounts', fakeCloud(), {
    createRuntime: () => {
      throw new Error('no env');
    },
  });
  expect(await main({ action: 'me' }, {})).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: expect.any(String) },
  });
});
