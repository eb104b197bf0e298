// Fails if the H5-only persona switcher leaked into the weapp build (run after `npm run build:weapp`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');
const needles = ['hz-persona', '本地演示', '切换身份', 'X-WX-OPENID', '/api/dev/personas'];
const hits = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(js|wxml|wxss|json)$/.test(name)) {
      const text = readFileSync(p, 'utf8');
      for (const n of needles) if (text.includes(n)) hits.push(`${p}: ${n}`);
    }
  }
})(root);
if (hits.length) {
  console.error(`H5-only code found in the weapp build:\n${hits.join('\n')}`);
  process.exit(1);
}
console.log(`weapp build free of H5 dev tools (${needles.length} markers checked)`);
