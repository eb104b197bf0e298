#!/usr/bin/env node
// npm run build:cloud -w @hz-points/cloud
//
// Writes one deployable WeChat Cloud function per entry of src/functions/registry.ts into build/<name>/:
//   index.js      esbuild bundle (platform node, target node16, CommonJS) of a generated entry that requires
//                 wx-server-sdk, calls cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }) and exports `main` via
//                 makeMain(name, cloud); the bundle's registry holds only that function (smaller, faster cold start)
//   package.json  what the platform installs: wx-server-sdk, and for certificates pdfkit + qrcode (kept out of the
//                 bundle: pdfkit loads its font metrics from its own folder, which bundling breaks)
//   assets/fonts  (certificates) the CJK subsets (GB2312; the rest of the name characters, brotli) and their OFL licence
//   config.json   (reminders) the 5-minute timer trigger (sender + daily sweep) and the subscribeMessage.send permission
// Usage: node scripts/build-cloud.mjs [--out <dir>] [--only name,name]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLOUD = path.resolve(HERE, '..');
const ROOT = path.resolve(CLOUD, '..');
const SRC = path.join(CLOUD, 'src');
const REGISTRY_FILE = path.join(SRC, 'functions', 'registry.ts');

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = path.resolve(argValue('--out') ?? path.join(CLOUD, 'build'));
const ONLY = argValue('--only')?.split(',');

/** Packages the platform installs from each function's package.json instead of the bundle. */
const EXTERNAL = ['wx-server-sdk', 'pdfkit', 'qrcode', 'better-sqlite3'];
/** Extra dependencies per function (besides wx-server-sdk). */
const EXTRA_DEPS = { certificates: ['pdfkit', 'qrcode'] };
const FONT_DIR = path.join(CLOUD, 'assets', 'fonts');
/**
 * Every 5 minutes (cloud timers run on Beijing time; 7-field cron: second minute hour day month weekday year).
 * WeChat allows one timer per function: each run sends due reminders and, once a day from 09:00, sweeps deadlines
 * (src/functions/reminders/timer.ts).
 */
const TIMERS = { reminders: [{ name: 'reminderTimer', type: 'timer', config: '0 */5 * * * * *' }] };
/** Cloud-call permissions (config.json `permissions.openapi`): the sender calls subscribeMessage.send. */
const OPENAPI = { reminders: ['subscribeMessage.send'] };

/**
 * The registry, read from its source (not executed): `import { x } from './path'` lines and the entries of the
 * `REGISTRY = { ... }` object (`name` or `name: ident`). The generated per-function registry imports only one.
 */
export function readRegistry(source = readFileSync(REGISTRY_FILE, 'utf8')) {
  const imports = new Map();
  for (const m of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'(\.[^']+)'/g)) {
    for (const raw of m[1].split(',')) {
      const name = raw.trim().replace(/^type\s+/, '');
      if (!name) continue;
      const [imported, local] = name.split(/\s+as\s+/).map((s) => s.trim());
      imports.set(local ?? imported, { imported, from: m[2] });
    }
  }
  const body = /REGISTRY[^=]*=\s*\{([\s\S]*?)\};/.exec(source);
  if (!body) throw new Error('registry.ts: REGISTRY object not found');
  const functions = [];
  for (const entry of body[1]
    .split(',')
    .map((s) => s.replace(/\/\/.*$/gm, '').trim())
    .filter(Boolean)) {
    const [key, value] = entry.split(':').map((s) => s.trim());
    const ident = value ?? key;
    const imp = imports.get(ident);
    if (!imp) throw new Error(`registry.ts: no import for ${ident}`);
    functions.push({
      name: key.replace(/['"]/g, ''),
      ident: imp.imported,
      from: path.join(SRC, 'functions', imp.from),
    });
  }
  return functions;
}

/** esbuild plugin: `../functions/registry` resolves to a registry holding only `fn`. */
function singleFunctionRegistry(fn) {
  return {
    name: 'single-function-registry',
    setup(b) {
      b.onResolve({ filter: /(^|\/)registry$/ }, (a) => {
        const target = path.resolve(a.resolveDir, a.path);
        if (target !== REGISTRY_FILE.replace(/\.ts$/, '')) return undefined;
        return { path: `registry:${fn.name}`, namespace: 'hz-registry' };
      });
      b.onLoad({ filter: /.*/, namespace: 'hz-registry' }, () => ({
        contents:
          `import { ${fn.ident} as fn } from ${JSON.stringify(fn.from)};\n` +
          `export const REGISTRY = { ${JSON.stringify(fn.name)}: fn };\n`,
        resolveDir: path.dirname(REGISTRY_FILE),
        loader: 'ts',
      }));
    },
  };
}

/**
 * esbuild plugin: zod's `locales` namespace (`z.locales`) holds only zh-CN and en. The functions use
 * `z.locales.zhCN()` alone, and the namespace import otherwise bundles all ≈ 60 locales (≈ 290 KB of each bundle,
 * parsed at every cold start). A use of another locale fails the build (esbuild: no matching export).
 */
const ZOD_LOCALES_KEPT = ['zhCN:zh-CN', 'en:en'];
function zodLocalesSubset() {
  return {
    name: 'zod-locales-subset',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (a) => {
        if (!a.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)) return undefined;
        return { path: path.resolve(a.resolveDir, a.path), namespace: 'zod-locales' };
      });
      b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (a) => ({
        contents: ZOD_LOCALES_KEPT.map((kv) => {
          const [name, file] = kv.split(':');
          return `export { default as ${name} } from ${JSON.stringify(path.join(path.dirname(a.path), `${file}.js`))};`;
        }).join('\n'),
        resolveDir: path.dirname(a.path),
        loader: 'js',
      }));
    },
  };
}

function entrySource(fn) {
  const lines = [
    '// Generated by scripts/build-cloud.mjs: the WeChat Cloud entry of this function.',
    "const cloud = require('wx-server-sdk');",
    'cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });',
    `const { makeMain } = require(${JSON.stringify(path.join(SRC, 'wx', 'entry.ts'))});`,
    `const main = makeMain(${JSON.stringify(fn.name)}, cloud);`,
  ];
  if (TIMERS[fn.name]) {
    // A timer trigger's event has Type 'Timer' and no caller; a client call always has an OPENID, so a forged
    // { Type: 'Timer' } from the mini-program still goes through main (and its access checks).
    lines.push(
      `const { runTimer } = require(${JSON.stringify(path.join(SRC, 'functions', fn.name, 'timer.ts'))});`,
      'exports.main = (event, context) =>',
      "  event && event.Type === 'Timer' && !cloud.getWXContext().OPENID ? runTimer(cloud) : main(event, context);",
    );
  } else {
    lines.push('exports.main = main;');
  }
  // For benchmarks and tests of the bundle itself (never called by the platform).
  lines.push('exports.makeMain = makeMain;');
  return lines.join('\n') + '\n';
}

function installedVersion(pkg) {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

export async function buildFunction(fn, outRoot = OUT) {
  const dir = path.join(outRoot, fn.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await build({
    stdin: { contents: entrySource(fn), resolveDir: CLOUD, sourcefile: `${fn.name}-entry.js`, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    outfile: path.join(dir, 'index.js'),
    external: EXTERNAL,
    tsconfig: path.join(CLOUD, 'tsconfig.json'),
    alias: { '@hz-points/shared': path.join(ROOT, 'shared', 'src', 'index.ts') },
    plugins: [singleFunctionRegistry(fn), zodLocalesSubset()],
    legalComments: 'eof',
    // Whitespace and syntax only: identifiers stay, so a logged stack still names our functions.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
  });
  const deps = { 'wx-server-sdk': installedVersion('wx-server-sdk') };
  for (const d of EXTRA_DEPS[fn.name] ?? []) deps[d] = `^${installedVersion(d)}`;
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: fn.name, version: '1.0.0', private: true, main: 'index.js', dependencies: deps }, null, 2) +
      '\n',
  );
  if (fn.name === 'certificates') {
    mkdirSync(path.join(dir, 'assets', 'fonts'), { recursive: true });
    for (const f of ['NotoSansCJKsc-Regular-GB2312.otf', 'NotoSansCJKsc-Regular-Names.otf.br', 'OFL.txt'])
      copyFileSync(path.join(FONT_DIR, f), path.join(dir, 'assets', 'fonts', f));
  }
  if (TIMERS[fn.name] || OPENAPI[fn.name]) {
    const config = {
      ...(OPENAPI[fn.name] ? { permissions: { openapi: OPENAPI[fn.name] } } : {}),
      ...(TIMERS[fn.name] ? { triggers: TIMERS[fn.name] } : {}),
    };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  }
  // A bundle that would require a package its package.json does not install fails at cold start: refuse to write it.
  const required = new Set(
    Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
  );
  const missing = [...required].filter(
    (p) => !p.startsWith('node:') && !isBuiltin(p) && !(p in deps) && !lazyOk(fn, p),
  );
  if (missing.length)
    throw new Error(`${fn.name}: bundle requires ${missing.join(', ')} but package.json does not install it`);
  return { name: fn.name, dir, bytes: readFileSync(path.join(dir, 'index.js')).length };
}

import { builtinModules } from 'node:module';
const isBuiltin = (p) => builtinModules.includes(p);
/** pdfkit/qrcode are required lazily (src/pdf/certificate.ts), only by certificate actions. */
const lazyOk = (fn, p) => (p === 'pdfkit' || p === 'qrcode') && fn.name !== 'certificates';

async function mainCli() {
  const fns = readRegistry().filter((f) => !ONLY || ONLY.includes(f.name));
  mkdirSync(OUT, { recursive: true });
  for (const fn of fns) {
    const r = await buildFunction(fn);
    console.log(`${r.name}: ${(r.bytes / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), r.dir)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mainCli().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
