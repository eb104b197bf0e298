// Size report for `npm run bench`: the weapp main package, each subpackage and the total (WeChat: ≤ 2 MB each,
// our goal main ≤ 450 KB, issue 10), and the H5 first load (goal: JavaScript ≤ 150 KB gzipped). Plain
// `name: value unit` lines. Run after both builds.
// H5 first load = the entry chunks + the home page's chunk group, as defined once in scripts/first-load.mjs (the
// cheap-phone benchmark prints the same figure); its CSS is listed apart, and so is any stylesheet repeated across
// chunks (should be none).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstLoad } from './first-load.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const weapp = join(root, 'dist', 'weapp');
const h5 = join(root, 'dist', 'h5');
const kb = (bytes) => (bytes / 1024).toFixed(1);

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

function weappSizes() {
  if (!existsSync(join(weapp, 'app.json'))) {
    console.error('size: dist/weapp missing (run `npx taro build --type weapp` in client/)');
    return;
  }
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = Object.fromEntries(roots.map((r) => [r, 0]));
  let main = 0;
  let total = 0;
  for (const f of files(weapp)) {
    // Licence texts are not uploaded by the WeChat tooling's packer (not code); source maps are not produced.
    if (f.endsWith('.LICENSE.txt') || f.endsWith('.map')) continue;
    const size = statSync(f).size;
    total += size;
    const rel = relative(weapp, f).split(sep).join('/');
    const owner = roots.find((r) => rel.startsWith(`${r}/`));
    if (owner) sizes[owner] += size;
    else main += size;
  }
  console.log(`weapp-main-package: ${kb(main)} KB`);
  for (const r of roots) console.log(`weapp-subpackage-${r.replace(/^packages\//, '')}: ${kb(sizes[r])} KB`);
  console.log(`weapp-total: ${kb(total)} KB`);
}

async function h5Size() {
  if (!existsSync(join(h5, 'index.html'))) {
    console.error('size: dist/h5 missing (run `npx taro build --type h5` in client/)');
    return;
  }
  const load = firstLoad(h5);
  if (!load) {
    console.error('size: dist/h5/route-chunks.json missing (a build from before config/route-chunks.js: rebuild H5)');
    return;
  }
  const goal = 150;
  const verdict = load.js.gzip / 1024 <= goal ? 'meets goal' : 'over goal';
  console.log(`h5-first-load-js-files: ${load.js.files.length} files (${load.js.files.map((f) => f.file).join(' ')})`);
  console.log(`h5-first-load-js: ${kb(load.js.raw)} KB`);
  console.log(`h5-first-load-js-gzip: ${kb(load.js.gzip)} KB (goal ≤ ${goal} KB: ${verdict})`);
  console.log(`h5-first-load-js-brotli: ${kb(load.js.brotli)} KB (as the local cloud sends it)`);
  console.log(`h5-first-load-css-files: ${load.css.files.length} files`);
  console.log(`h5-first-load-css-gzip: ${kb(load.css.gzip)} KB`);
  console.log(`h5-repeated-stylesheets: ${load.repeatedStylesheets.length}`);
  for (const r of load.repeatedStylesheets) console.log(`  repeated: ${r.module} in ${r.chunks} chunks`);
}

weappSizes();
await h5Size();
