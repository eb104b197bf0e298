// WeChat's logic layer forbids code generation: `eval` throws and the `Function` constructor is disabled (reports,
// e.g. NervJS/taro#10258, show it returning nothing instead of throwing). zod 4 probes `new Function('')` when the
// first object schema is built and, if the probe does not throw, later compiles each object parser with
// `new Function` — which then crashes on the first parse. `jitless` makes zod skip both the probe and the compiled
// path (its interpreted parser gives the same results).
//
// zod reads the flag when a schema is CONSTRUCTED, so this module must run before any module that builds one:
// it is the first import of app.tsx, and app.js (the module WeChat runs before any page or subpackage script)
// evaluates it first. client/test/weapp/pages.weapp.test.ts checks that order on the compiled output with a
// disabled `Function`. `zod/v4/core` owns the config object (kept on globalThis, shared by every copy of zod),
// so this import does not pull the schema library into app.js.
import { config } from 'zod/v4/core';

config({ jitless: true });
