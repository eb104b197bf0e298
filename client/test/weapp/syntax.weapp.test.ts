/**
 * Every script of the compiled mini-program (client/dist/weapp) must parse on WeChat's oldest supported engines,
 * whatever DevTools' ES6→ES5 switch says (project.config.json turns it off): iOS WeChat runs the JavaScriptCore of the
 * installed iOS, and `?.`, `??` or `catch {}` in one dependency chunk is a SyntaxError there that stops every page
 * using it. ES2018 is the bar; Babel (config/index.ts `compile.include`) lowers the dependencies that ship newer syntax.
 *
 * And no reachable code generation: WeChat forbids `eval` and disables `Function`. The sites left in the bundle are
 * listed with why each is unreachable; pages.weapp.test.ts proves it by running every page with `Function` disabled.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { parse } from 'acorn';

const dist = path.resolve(__dirname, '../..', process.env.HZ_WEAPP_DIST || 'dist/weapp');
const built = existsSync(path.join(dist, 'app.js'));
const d = built || process.env.HZ_REQUIRE_BUILDS ? describe : describe.skip;
if (!built) console.warn('weapp syntax test skipped: run `npx taro build --type weapp` in client/ first');

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return scripts(p);
    return name.endsWith('.js') ? [p] : [];
  });
}

/**
 * Code generation sites in the bundle and why none runs in WeChat. A new site fails the test: decide whether it is
 * reachable before adding it here.
 */
const KNOWN_UNREACHABLE: Array<{ pattern: RegExp; why: string }> = [
  // webpack's `__webpack_require__.g`: `typeof globalThis === 'object'` first; WeChat's base library has globalThis.
  {
    pattern: /"object"===typeof globalThis\)return globalThis;try\{return this\|\|new Function\("return this"\)\(\)/,
    why: 'webpack global fallback',
  },
  // lodash-style global lookup: only if neither webpack's global nor `self` is an object.
  { pattern: /\|\|Function\("return this"\)\(\)/, why: 'lodash global fallback' },
  // zod's object-parser compiler (Doc#compile): only when `allowsEval` — false under `jitless` (src/lib/zod-jitless.ts).
  {
    pattern: /key:"compile",value:function\(\)\{var [A-Za-z_$]+,[A-Za-z_$]+=Function,/,
    why: 'zod JIT, off under jitless',
  },
  // zod's eval probe, skipped under jitless.
  {
    pattern: /jitless\)return!1;.{0,200}?=Function;return new [A-Za-z_$]+\(""\),!0/,
    why: 'zod eval probe, off under jitless',
  },
];

/** `Function(`, `new Function`, `= Function` (an alias about to be called), `eval(`. Not `Function.prototype` etc. */
const CODE_GENERATION = /\bnew Function\b|[^.\w$]Function\(|=Function[,;)]|[^.\w$]eval\(/g;

d('compiled weapp scripts (client/dist/weapp)', () => {
  const files = built ? scripts(dist) : [];

  it('has scripts to check', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((f) => path.relative(dist, f))).toEqual(
      expect.arrayContaining(['app.js', 'vendors.js', 'common.js']),
    );
  });

  it('parses every .js file as ES2018 (no ?. ?? catch{} or later syntax)', () => {
    const failures: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      try {
        parse(source, { ecmaVersion: 2018, sourceType: 'script' });
      } catch (e) {
        const pos = (e as { pos?: number }).pos ?? 0;
        failures.push(
          `${path.relative(dist, file)}: ${(e as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 40), pos + 20))}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('has no code generation outside the known unreachable sites', () => {
    const unknown: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(CODE_GENERATION)) {
        const around = source.slice(Math.max(0, m.index! - 300), m.index! + 300);
        if (!KNOWN_UNREACHABLE.some((k) => k.pattern.test(around))) {
          unknown.push(`${path.relative(dist, file)}: …${source.slice(Math.max(0, m.index! - 80), m.index! + 60)}…`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
