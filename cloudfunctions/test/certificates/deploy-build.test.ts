// The deployable WeChat Cloud build (scripts/build-cloud.mjs): one folder per registered function with a bundle, a
// package.json the platform installs, the font for certificates and the timer for reminders; every entry loads and
// exports `main`; the certificates bundle issues, renders and verifies with the font beside it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REGISTRY } from '../../src/functions/registry';

const CLOUD = path.resolve(__dirname, '../..');
const ROOT = path.resolve(CLOUD, '..');
// Inside cloudfunctions/build (git-ignored) so that Node resolves wx-server-sdk from the repo's node_modules, as
// the platform resolves it from the function's own.
const OUT = path.join(CLOUD, 'build', `.jest-${process.pid}`);
const names = Object.keys(REGISTRY);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(CLOUD, 'scripts', 'build-cloud.mjs'), '--out', OUT], { stdio: 'pipe' });
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

test('every registered function has a folder with index.js and a package.json installing wx-server-sdk', () => {
  expect(names).toEqual(
    expect.arrayContaining(['accounts', 'applications', 'certificates', 'rounds', 'settlement', 'reminders']),
  );
  for (const name of names) {
    const dir = path.join(OUT, name);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } });
    expect(Object.keys(pkg.dependencies).sort()).toEqual(
      name === 'certificates' ? ['pdfkit', 'qrcode', 'wx-server-sdk'] : ['wx-server-sdk'],
    );
    const js = readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(js).toContain('require("wx-server-sdk")');
    expect(js).toMatch(/\.init\(\{\s*env:\s*\w+\.DYNAMIC_CURRENT_ENV\s*\}\)/);
    // Nothing local-only rides along: no SQLite, no demo seed.
    expect(js).not.toContain('better-sqlite3');
  }
});

test('certificates carries the font and its licence; reminders its one timer (every 5 minutes) and the send permission', () => {
  const fonts = path.join(OUT, 'certificates', 'assets', 'fonts');
  expect(
    readFileSync(path.join(fonts, 'NotoSansCJKsc-Regular-GB2312.otf')).equals(
      readFileSync(path.join(CLOUD, 'assets/fonts/NotoSansCJKsc-Regular-GB2312.otf')),
    ),
  ).toBe(true);
  expect(readFileSync(path.join(fonts, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  // The names font (every other Han character a name may contain), loaded beside the main one.
  expect(
    readFileSync(path.join(fonts, 'NotoSansCJKsc-Regular-Names.otf.br')).equals(
      readFileSync(path.join(CLOUD, 'assets/fonts/NotoSansCJKsc-Regular-Names.otf.br')),
    ),
  ).toBe(true);
  const config = JSON.parse(readFileSync(path.join(OUT, 'reminders', 'config.json'), 'utf8'));
  expect(config.triggers).toEqual([{ name: 'reminderTimer', type: 'timer', config: '0 */5 * * * * *' }]);
  expect(config.permissions).toEqual({ openapi: ['subscribeMessage.send'] });
  expect(existsSync(path.join(OUT, 'accounts', 'assets'))).toBe(false);
});

test('each built entry loads with wx-server-sdk resolvable and exports main (not called)', () => {
  const script = `
    process.on('unhandledRejection', () => {});
    const out = {};
    for (const n of ${JSON.stringify(names)}) out[n] = typeof require(${JSON.stringify(OUT)} + '/' + n + '/index.js').main;
    console.log(JSON.stringify(out));
    process.exit(0);
  `;
  const out = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 }).trim().split('\n').pop()!,
  );
  for (const n of names) expect(out[n]).toBe('function');
}, 60_000);

test('the certificates bundle issues, renders with its own font, and verifies; other functions are not in it', () => {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, [path.join(__dirname, 'probe', 'bundle-probe.ts'), OUT], {
    encoding: 'utf8',
    timeout: 60_000,
    // cwd: tsx takes the @hz-points/shared path mapping from cloudfunctions/tsconfig.json.
    cwd: CLOUD,
    env: { ...process.env, HZ_CERT_FONT: '' },
  });
  const probe = JSON.parse(out.trim().split('\n').pop()!);
  expect(probe.validation).toMatch(/^VALIDATION_FAILED 申请：.*[\u4e00-\u9fa5]/);
  delete probe.validation;
  expect(probe).toEqual({
    mainType: 'function',
    issued: true,
    pdfHeader: '%PDF-',
    pdfHasFont: true,
    verify: 'VALID',
    otherAction: 'UNKNOWN_FUNCTION',
    persons: 6,
    rareNamePrinted: true,
  });
}, 60_000);
