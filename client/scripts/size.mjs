// Size report for `npm run bench`: the weapp main package, each subpackage and the total (WeChat: ≤ 2 MB each,
// our goal main ≤ 450 KB, issue 10), and the H5 first-load JavaScript, gzipped (goal ≤ 150 KB). Plain `name: value unit` lines.
// Run after both builds. The H5 figure loads the home page in headless chromium and counts every script it
// fetched; without chromium it falls back to the scripts named in index.html (and says so).
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, dirname, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function scriptsLoadedByChromium() {
  const { chromium } = await import('playwright-core');
  const server = await serve(h5);
  const { port } = server.address();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const scripts = new Set();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.port === String(port) && u.pathname.endsWith('.js')) scripts.add(u.pathname);
    });
    await page.goto(`http://127.0.0.1:${port}/#/pages/index/index`, { waitUntil: 'networkidle' });
    // The page's own chunks load after the app starts: on a busy machine networkidle alone can come first.
    await page.waitForSelector('.hz-grid__label', { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    return [...scripts];
  } finally {
    await browser.close();
    server.close();
  }
}

function scriptsInIndexHtml() {
  const html = readFileSync(join(h5, 'index.html'), 'utf8');
  return [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/^\.?\//, '/'));
}

async function h5Size() {
  if (!existsSync(join(h5, 'index.html'))) {
    console.error('size: dist/h5 missing (run `npx taro build --type h5` in client/)');
    return;
  }
  let scripts;
  let how = 'chromium';
  try {
    scripts = await scriptsLoadedByChromium();
  } catch (e) {
    how = 'index.html';
    console.error(`size: chromium unavailable (${e.message.split('\n')[0]}); counting index.html scripts only`);
    scripts = scriptsInIndexHtml();
  }
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = readFileSync(join(h5, s));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  console.log(`h5-first-load-js-files: ${scripts.length} files`);
  console.log(`h5-first-load-js: ${kb(raw)} KB`);
  console.log(`h5-first-load-js-gzip: ${kb(gz)} KB`);
  if (how !== 'chromium') console.log('h5-first-load-method: index.html-only count');
}

weappSizes();
await h5Size();
