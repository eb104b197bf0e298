// Minified size of the rules package: what each entry and barrel adds to a bundle, and what the bytes are made of.
// Run alone: npx tsx shared/bench/size.ts (scoring.bench.ts also prints it, so `npm run bench` shows it).
// Prints plain `name: value unit` lines. Measures only; never fails (the 60 KB goal is printed beside the figures).
//
// Settings: esbuild bundle, minify, ESM, es2020, zod/chinese-days external (the goal is "without zod"; chinese-days is
// a dev dependency the package does not import), `charset: 'utf8'` because the mini-program build keeps Chinese as
// UTF-8 (3 bytes a character; esbuild's default \uXXXX escapes cost 6). The package has no date library: its own
// civil-date.ts is smaller than dayjs (README, dependencies), so nothing date-related is left external.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const SRC = path.join(__dirname, '..', 'src');
const REPO = path.join(__dirname, '..', '..');
const EXTERNAL = ['zod', 'chinese-days'];
const GOAL_KB = 60;

interface Measured {
  min: number;
  gz: number;
  text: string;
  metafile: Metafile;
}

async function measure(contents: string, charset: 'utf8' | 'ascii' = 'utf8'): Promise<Measured> {
  const out = await build({
    stdin: { contents, resolveDir: SRC, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: EXTERNAL,
    logLevel: 'silent',
    charset,
    metafile: true,
  });
  const bytes = out.outputFiles[0]!.contents;
  return { min: bytes.length, gz: gzipSync(bytes).length, text: out.outputFiles[0]!.text, metafile: out.metafile };
}

const kb = (b: number) => (b / 1024).toFixed(1);

/** Value names a folder's sources import from the package root (type-only imports left out: they cost nothing). */
function importedNames(dir: string, from = '@hz-points/shared'): string[] {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        const src = readFileSync(p, 'utf8');
        const re = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'${from.replace('/', '\\/')}'`, 'g');
        for (const m of src.matchAll(re)) {
          if (m[1]) continue;
          for (const raw of m[2]!.split(',')) {
            const name = raw
              .trim()
              .split(/\s+as\s+/)[0]!
              .trim();
            if (name && !name.startsWith('type ')) names.add(name);
          }
        }
      }
    }
  };
  walk(dir);
  return [...names].sort();
}

/** Bytes of the output that are non-ASCII (in practice Chinese text) and that sit inside string literals. */
function textShare(code: string): { nonAscii: number; literals: number } {
  let nonAscii = 0;
  for (const ch of code) if (ch.charCodeAt(0) > 127) nonAscii += Buffer.byteLength(ch);
  let literals = 0;
  for (const m of code.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g))
    literals += Buffer.byteLength(m[0]);
  return { nonAscii, literals };
}

function modules(m: Metafile): [string, number][] {
  const inputs = Object.values(m.outputs)[0]!.inputs;
  return Object.entries(inputs)
    .map(([file, v]): [string, number] => [file.replace(/^.*shared\/src\//, ''), v.bytesInOutput])
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1]);
}

export async function printSizes(): Promise<void> {
  const line = (name: string, m: Measured) => console.log(`${name}: ${kb(m.min)} KB minified, ${kb(m.gz)} KB gzip`);

  const whole = await measure("export * from './index'; export * from './guide';");
  const core = await measure("export * from './index';");
  const guideAlone = await measure("export * from './guide';");
  const wholeAscii = await measure("export * from './index'; export * from './guide';", 'ascii');
  line('rules package, whole (root + guide entry; zod external)', whole);
  console.log(
    `rules package, whole, with \\u escapes instead of UTF-8 (esbuild default): ${kb(wholeAscii.min)} KB minified`,
  );
  line('core entry @hz-points/shared (everything but the guide text)', core);
  line('guide entry @hz-points/shared/guide bundled alone (includes the rule table it reads)', guideAlone);
  console.log(`guide entry, added on top of the core entry: ${kb(whole.min - core.min)} KB minified`);
  for (const barrel of ['scoring', 'people', 'calendar', 'api']) {
    line(`${barrel} barrel alone`, await measure(`export * from './${barrel}';`));
  }

  // What the product actually bundles: the package is side-effect free (package.json "sideEffects": false), so a
  // bundler keeps only what these imports reach.
  const client = (...p: string[]) => path.join(REPO, 'client', 'src', ...p);
  const sets: [string, string[]][] = [
    ['calculator pages (client/src/packages/assess)', [client('packages', 'assess')]],
    [
      'client main package (client/src/pages, components, services)',
      [client('pages'), client('components'), client('services')],
    ],
    ['cloud functions together (cloudfunctions/src)', [path.join(REPO, 'cloudfunctions', 'src')]],
  ];
  const results: [string, Measured][] = [];
  for (const [label, dirs] of sets) {
    const names = [...new Set(dirs.filter((d) => existsSync(d)).flatMap((d) => importedNames(d)))].sort();
    if (names.length === 0) continue;
    const m = await measure(`export { ${names.join(', ')} } from './index';`);
    line(`imports of the ${label}, ${names.length} names, tree-shaken`, m);
    results.push([label, m]);
  }

  // The date arithmetic alone: what dayjs (7.0 KB) and its utc plugin (2.2 KB) would have replaced (README).
  const civilDate = await measure("export * from './calendar/civil-date';");
  line('calendar/civil-date.ts alone (parse, add days/months, day of week, difference)', civilDate);

  // A single label table from api/schemas.ts: that module builds its zod schemas at load (calls a minifier must keep),
  // and they reference the rule table and the profile schema, so importing any one name there carries them.
  line(
    'single import DEPARTMENT_LABELS (api/schemas.ts, module-level zod schemas)',
    await measure("export { DEPARTMENT_LABELS } from './index';"),
  );

  // Each cloud function is deployed as its own bundle (cloudfunctions/scripts/build-cloud.mjs): bundle each handler
  // module with the package resolved to source and every other package external, and count the output bytes that
  // come from shared/src (the handler's own code and the runtime are not the rules package's).
  const fnDir = path.join(REPO, 'cloudfunctions', 'src', 'functions');
  let largestFn: [string, number] | null = null;
  if (existsSync(fnDir)) {
    for (const f of readdirSync(fnDir).sort()) {
      const entry = f.endsWith('.ts') && f !== 'registry.ts' ? path.join(fnDir, f) : path.join(fnDir, f, 'index.ts');
      if (!existsSync(entry) || statSync(entry).isDirectory()) continue;
      const out = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        write: false,
        format: 'esm',
        platform: 'node',
        target: 'es2020',
        charset: 'utf8',
        logLevel: 'silent',
        metafile: true,
        plugins: [
          {
            name: 'shared-from-source',
            setup(b) {
              b.onResolve({ filter: /^@hz-points\/shared$/ }, () => ({ path: path.join(SRC, 'index.ts') }));
              b.onResolve({ filter: /^@hz-points\/shared\/guide$/ }, () => ({ path: path.join(SRC, 'guide.ts') }));
              b.onResolve({ filter: /^[^./]/ }, (a) => ({ path: a.path, external: true }));
            },
          },
        ],
      });
      let bytes = 0;
      for (const [file, v] of Object.entries(Object.values(out.metafile.outputs)[0]!.inputs)) {
        if (file.includes('shared/src/')) bytes += v.bytesInOutput;
      }
      const name = f.replace(/\.ts$/, '');
      console.log(`rules package inside cloud function ${name} (tree-shaken): ${kb(bytes)} KB minified`);
      if (!largestFn || bytes > largestFn[1]) largestFn = [name, bytes];
    }
  }

  // Composition of the core entry.
  const share = textShare(core.text);
  console.log(
    `core entry, non-ASCII bytes (Chinese text: labels, citations, notes, messages): ${kb(share.nonAscii)} KB`,
  );
  console.log(`core entry, bytes inside string literals (text, ids, codes): ${kb(share.literals)} KB`);
  for (const [file, bytes] of modules(core.metafile).slice(0, 12)) {
    console.log(`core entry module ${file}: ${kb(bytes)} KB minified`);
  }

  const met = (m: Measured) => (m.min <= GOAL_KB * 1024 ? 'yes' : 'no');
  console.log(`goal ≤ ${GOAL_KB} KB minified without zod, whole package: ${met(whole)}`);
  console.log(`goal ≤ ${GOAL_KB} KB minified without zod, core entry: ${met(core)}`);
  for (const [label, m] of results) console.log(`goal ≤ ${GOAL_KB} KB minified without zod, ${label}: ${met(m)}`);
  if (largestFn) {
    const ok = largestFn[1] <= GOAL_KB * 1024 ? 'yes' : 'no';
    console.log(
      `goal ≤ ${GOAL_KB} KB minified without zod, each cloud function alone (largest: ${largestFn[0]}): ${ok}`,
    );
  }
}

if (require.main === module) void printSizes();
