// Taro defines these at build time; tests run as the H5 build unless a test says otherwise.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';
process.env.TARO_APP_CLOUD_ENV = 'test-env';
process.env.TARO_PLATFORM = 'web';
// Build-time constants Taro's component library expects (webpack DefinePlugin in a real build).
(globalThis as Record<string, unknown>).DEPRECATED_ADAPTER_COMPONENT = false;
(globalThis as Record<string, unknown>).ENABLE_INNER_HTML = true;
(globalThis as Record<string, unknown>).ENABLE_ADJACENT_HTML = true;
(globalThis as Record<string, unknown>).ENABLE_SIZE_APIS = false;
(globalThis as Record<string, unknown>).ENABLE_TEMPLATE_CONTENT = true;
(globalThis as Record<string, unknown>).ENABLE_CLONE_NODE = true;
(globalThis as Record<string, unknown>).ENABLE_CONTAINS = true;
(globalThis as Record<string, unknown>).ENABLE_MUTATION_OBSERVER = false;
// jsdom has no fetch; by default there is no server (tests that need one install their own).
if (typeof globalThis.fetch !== 'function') {
  (globalThis as Record<string, unknown>).fetch = () => Promise.reject(new Error('no network in tests'));
}
