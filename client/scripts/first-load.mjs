// The one definition of "H5 first-load JavaScript" (issue 10 goal: ≤ 150 KB gzipped), shared by the size report
// (scripts/size.mjs) and the cheap-phone benchmark (e2e/cheap-phone.bench.ts):
//
//   what the browser must download before the home page can render = the entry chunks (webpack runtime, vendors,
//   app: the scripts index.html names) + the home page's chunk group (the chunks Taro's router loads for
//   pages/index/index), each file counted once, gzip -9 of the file as built. Their stylesheets are counted the same
//   way and reported separately.
//
// The file lists come from the build itself: config/route-chunks.js writes dist/h5/route-chunks.json from webpack's
// chunk graph, so neither a browser nor a guess at which requests belong to the first load is involved.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MANIFEST = 'route-chunks.json';

/** The manifest of an H5 build, or null when the build predates it (or is missing). */
export function readRouteChunks(h5Dir) {
  const file = join(h5Dir, MANIFEST);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function measure(h5Dir, files) {
  return files.map((file) => {
    const path = join(h5Dir, file);
    const bytes = readFileSync(path);
    const br = `${path}.br`;
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      // What the local cloud sends a browser that accepts brotli (the build's .br sibling), when there is one.
      brotli: existsSync(br) && statSync(br).mtimeMs >= statSync(path).mtimeMs ? statSync(br).size : null,
    };
  });
}

const sum = (items, key) => items.reduce((total, item) => total + (item[key] ?? item.raw), 0);

/**
 * The home page's first load, JavaScript and CSS apart: `{ route, js: { files, raw, gzip, brotli }, css: {…},
 * repeatedStylesheets }` (sizes in bytes), or null when dist/h5 has no route-chunks.json.
 */
export function firstLoad(h5Dir, route) {
  const manifest = readRouteChunks(h5Dir);
  if (!manifest) return null;
  const page = manifest.routes[route ?? manifest.home];
  if (!page) throw new Error(`route-chunks.json has no route ${route ?? manifest.home}`);
  const unique = (list) => [...new Set(list)];
  const group = (files) => {
    const items = measure(h5Dir, unique(files));
    return { files: items, raw: sum(items, 'raw'), gzip: sum(items, 'gzip'), brotli: sum(items, 'brotli') };
  };
  return {
    route: route ?? manifest.home,
    js: group([...manifest.initial.js, ...page.js]),
    css: group([...manifest.initial.css, ...page.css]),
    repeatedStylesheets: manifest.repeatedStylesheets ?? [],
  };
}
