// `npm test`: the whole suite, in the order CI runs it. Ends with one plain line "tests: N passed, N failed".
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildH5, buildShared, buildWeapp, ensureBrowser, root, run, step } from './lib.mjs';

const reports = join(root, '.test-reports');
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0 };
let failedStage = null;

function jestStage(title, args) {
  const outputFile = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  console.log(`\n== ${title}`);
  const code = run('npx', ['jest', '--ci', '--json', `--outputFile=${outputFile}`, ...args]);
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    if (report.numTotalTests === 0) {
      console.error(`${title}: no test ran`);
      failedStage ??= title;
    }
  } catch {
    totals.failed += 1; // the runner died before writing its report
  }
  if (code !== 0) failedStage ??= title;
}

buildShared();
step('Type check (shared, cloudfunctions, client)', 'npm', ['run', 'typecheck']);
// Builds come before the unit stage: a smoke test renders the compiled weapp pages (miniprogram-simulate).
buildWeapp();
buildH5();
process.env.HZ_REQUIRE_BUILDS = '1';
jestStage('unit and integration tests', []);
ensureBrowser();
jestStage('end-to-end tests (chromium)', ['-c', 'client/e2e/jest.config.js', '--runInBand']);

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
if (failedStage) console.error(`failed stage: ${failedStage}`);
process.exit(failedStage || totals.failed ? 1 : 0);
