// Development-only UI, present in the H5 (local cloud) build and absent from the weapp build. The condition is a
// build-time constant (Taro defines process.env.TARO_ENV), so webpack drops the require in the weapp build and the
// switcher's code is not even bundled (`npm run check:weapp-devtools -w client` greps the output to prove it).
import type { ComponentType } from 'react';

export function devPersonaSwitcher(): ComponentType | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a conditional require lets webpack drop it
  return process.env.TARO_ENV === 'h5' ? require('./PersonaSwitcher').PersonaSwitcher : null;
}
