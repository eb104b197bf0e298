import { __cloudCalls, __reset, __setCloudHandler } from '../__mocks__/taro';
import * as weapp from '../../src/services/cloud';
import * as h5 from '../../src/services/cloud.h5';
import { setPersona } from '../../src/services/persona';

function mockFetch(impl: (url: string, init: RequestInit) => Promise<{ json: () => Promise<unknown> }>) {
  const fn = jest.fn(impl);
  global.fetch = fn as unknown as typeof fetch;
  return fn;
}

beforeEach(() => __reset());

describe('cloud.h5 (local cloud over HTTP)', () => {
  it('posts the data to /api/functions/<name> as the chosen persona', async () => {
    setPersona('demo-agent');
    const fetchFn = mockFetch(async () => ({ json: async () => ({ ok: true, data: { x: 1 } }) }));
    const env = await h5.callFunction('accounts', { action: 'me' });
    expect(env).toEqual({ ok: true, data: { x: 1 } });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/functions/accounts');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ action: 'me' });
    expect((init.headers as Record<string, string>)['X-WX-OPENID']).toBe('demo-agent');
  });

  it('sends no identity when signed out', async () => {
    setPersona(null);
    const fetchFn = mockFetch(async () => ({
      json: async () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '未获取到微信身份' } }),
    }));
    const env = await h5.callFunction('accounts', { action: 'me' });
    expect(env.ok).toBe(false);
    expect((fetchFn.mock.calls[0]![1].headers as Record<string, string>)['X-WX-OPENID']).toBeUndefined();
  });

  it('turns transport failures into Chinese envelope errors', async () => {
    mockFetch(async () => {
      throw new Error('offline');
    });
    const down = await h5.callFunction('accounts', { action: 'me' });
    expect(down).toEqual({ ok: false, error: { code: 'CLIENT_NETWORK', message: '网络异常，请检查网络后重试' } });
    mockFetch(async () => ({ json: async () => '<html>' }));
    const odd = await h5.callFunction('accounts', { action: 'me' });
    expect(odd.ok === false && odd.error.code).toBe('CLIENT_BAD_RESPONSE');
  });
});

describe('cloud (weapp, Taro.cloud)', () => {
  it('returns the function result as the envelope', async () => {
    __setCloudHandler((name, data) => ({ ok: true, data: { name, data } }));
    const env = await weapp.callFunction('rounds', { action: 'get', year: 2026 });
    expect(env).toEqual({ ok: true, data: { name: 'rounds', data: { action: 'get', year: 2026 } } });
    expect(__cloudCalls()).toEqual([{ name: 'rounds', data: { action: 'get', year: 2026 } }]);
  });

  it('never throws: a failed call or an odd result becomes a Chinese error', async () => {
    __setCloudHandler(() => {
      throw new Error('errCode -404011');
    });
    expect(await weapp.callFunction('rounds', { action: 'get' })).toMatchObject({
      ok: false,
      error: { code: 'CLIENT_NETWORK' },
    });
    __setCloudHandler(() => undefined);
    expect(await weapp.callFunction('rounds', { action: 'get' })).toMatchObject({
      ok: false,
      error: { code: 'CLIENT_BAD_RESPONSE' },
    });
  });
});
