// The rules package's dates must not move with the machine's time zone (a developer in California, a CI runner on
// UTC, a server in Shanghai). Jest hands each test file a copy of process.env, so assigning TZ inside a test does not
// reach the engine's zone: the probe runs in child processes started with TZ set, and once in this process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { civilDateProbe } from './civil-date-probe';

const PROBE = path.join(__dirname, 'civil-date-probe.ts');
const RUN_PROBE = `process.stdout.write(JSON.stringify(require(${JSON.stringify(PROBE)}).civilDateProbe()))`;

const expected = {
  zoneOffsetJuly: expect.any(Number),
  valid: [true, false, false],
  addDays: ['2025-03-09', '2025-03-10', '2025-11-03', '2025-03-09'],
  daysBetween: [31, 14],
  dayOfWeek: [0, 0, 1], // 2025-03-09 and 2025-11-02 were Sundays
  dayNumber: 20156, // days from 1970-01-01 to 2025-03-09
  months: ['2026-02-28', '2025-02-09', '2025-02-28', '2025-03-01'],
  ages: [24, 25, 35], // a 02-29 birthday is reached on 03-01 in a non-leap year
  // FAQ2021 五、六: cut-off 10-01, five-year look-back, settlement 11-01 to 11-30.
  round: ['2025-10-01', '2020-10-01', '2025-11-01', '2025-11-30'],
  acceptance: [false, true], // 2025-11-01 was a Saturday
  // 20 working days after 2025-09-15 on the 2025 schedule (holidays 10-01 to 10-08; 09-28 and 10-11 worked).
  resultDate: '2025-10-17',
  workingDaysUntil: 3, // 09-30, 10-09, 10-10
  beijing: ['2025-03-09', '2025-03-10', '2025-11-02'],
  chinese: ['2025年3月9日', '2025年12月1日 00:00', '2025年3月9日 18:30', '10月5日'],
};

describe('dates do not depend on the machine time zone', () => {
  test('in this process', () => {
    expect(civilDateProbe()).toEqual(expected);
  });

  test.each([
    ['America/Los_Angeles', 420],
    ['Asia/Shanghai', -480],
    ['Australia/Lord_Howe', -630], // half-hour daylight saving
  ])('TZ=%s (child process)', (tz, offset) => {
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', RUN_PROBE], {
      env: { ...process.env, TZ: tz },
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 60_000, // a date that a zone moves backwards can make a day-by-day loop endless: fail, not hang
    });
    const result = JSON.parse(out);
    expect(result.zoneOffsetJuly).toBe(offset); // the machine zone really was different
    expect(result).toEqual(expected);
  });
});
