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

/**
 * A guard rail (lint, format, unused code): one test that passes or fails. It does not stop the run, so one stray
 * comma does not hide the test results; a failure is counted in the closing line and fails `npm test`.
 */
function checkStage(title, script) {
  console.log(`\n== ${title}`);
  if (run('npm', ['run', '--silent', script]) === 0) {
    totals.passed += 1;
  } else {
    totals.failed += 1;
    failedStage ??= title;
  }
}

// Guard rails first: seconds, not the minutes of the builds below (the npm scripts are the single definition).
checkStage('lint (ESLint; fix: npm run lint:fix)', 'lint');
checkStage('format (Prettier; fix: npm run format)', 'format:check');
checkStage('unused files, exports and dependencies (knip)', 'knip');
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
