import {
  resultDate,
  objectionDeadline,
  objectionAnswerDeadline,
  certificateDate,
  admissionNoticeExpiry,
  beijingDate,
  isOpenAt,
  DEADLINE_PERIODS,
} from '../../src/calendar';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { probe } from './beijing-probe';

const PROBE = path.join(__dirname, 'beijing-probe.ts');

describe('yearly-cycle deadlines (working days counted from the next day)', () => {
  test.each([
    ['resultDate', resultDate, '2025-09-15', '2025-10-17'], // +20 across National Day, incl. 09-28 and 10-11
    // 09-29, 09-30 (2), 10-08, 10-09 make-up Sat (4), 10-11..15, 18..22, 25..29 (19), 11-01 (20)
    ['resultDate', resultDate, '2021-09-28', '2021-11-01'],
    // 09-29 make-up Sun, 09-30, 10-08..11 (6), 10-12 make-up Sat (7)
    ['objectionDeadline', objectionDeadline, '2024-09-27', '2024-10-12'],
    // 01-26 make-up Sun, 01-27 (2), holiday 01-28..02-04, 02-05..07 (5), 02-08 make-up Sat (6), 02-10 (7)
    ['objectionDeadline', objectionDeadline, '2025-01-24', '2025-02-10'],
    // 09-28 make-up Sun, 09-29, 09-30 (3), 10-09, 10-10, 10-11 make-up Sat (6), 10-13..17 (11), 10-20..23 (15)
    ['objectionAnswerDeadline', objectionAnswerDeadline, '2025-09-26', '2025-10-23'],
    // 02-14 make-up Sat (1), holiday 02-15..23, 02-24..27 (5), 02-28 make-up Sat (6), 03-02 (7)
    ['certificateDate', certificateDate, '2026-02-13', '2026-03-02'],
  ] as const)('%s(%s) → %s', (_name, fn, from, expected) => {
    expect(fn(from)).toBe(expected);
  });

  test('the periods are cited data', () => {
    expect(DEADLINE_PERIODS.result).toMatchObject({ workdays: 20, citation: { doc: 'FAQ2021', verified: true } });
    expect(DEADLINE_PERIODS.objection).toMatchObject({ workdays: 7, citation: { doc: 'FAQ2021', verified: true } });
    expect(DEADLINE_PERIODS.certificate).toMatchObject({ workdays: 7, citation: { doc: 'FAQ2021', verified: true } });
    expect(DEADLINE_PERIODS.objectionAnswer).toMatchObject({ workdays: 15, citation: { verified: false } });
  });

  test.each([
    ['2025-11-20', '2026-01-19'], // issue day not counted: the 60th day after it is the last valid day
    ['2025-12-31', '2026-03-01'],
    ['2024-01-01', '2024-03-01'], // leap February
    ['2026-12-15', '2027-02-13'], // calendar days: no holiday calendar needed
  ])('admission notice issued %s is valid through %s', (issued, expiry) => {
    expect(admissionNoticeExpiry(issued)).toBe(expiry);
  });
});

// The same probe runs in this process and in child processes with other machine zones: jest hands tests a copy of
// process.env, so setting TZ inside a test would not reach the engine's time zone.
const expectedProbe = {
  zoneOffsetJuly: expect.any(Number),
  beforeMidnight: '2025-11-30',
  atMidnight: '2025-12-01',
  usDstChangeDay: '2025-03-09',
  startOfDay: '2025-11-30T16:00:00.000Z',
  openAt235959: true,
  closedAt0000: false,
  openEarly: true,
  leapDayOpen: true,
  leapDayClosed: false,
};

describe('Beijing dates and 24:00 deadlines, whatever the machine zone', () => {
  test('in this process', () => {
    expect(probe()).toEqual(expectedProbe);
  });

  test.each([
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('TZ=%s (child process)', (tz, offset) => {
    const out = execFileSync(
      process.execPath,
      ['--require', 'tsx/cjs', '-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(PROBE)}).probe()))`],
      { env: { ...process.env, TZ: tz }, cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' },
    );
    const result = JSON.parse(out);
    expect(result.zoneOffsetJuly).toBe(offset); // the machine zone really was different
    expect(result).toEqual(expectedProbe);
  });

  test('invalid instants and dates are rejected', () => {
    expect(() => beijingDate(new Date('not a date'))).toThrow(expect.objectContaining({ code: 'CALENDAR_INPUT' }));
    expect(() => isOpenAt('2025-11-31', new Date(0))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => admissionNoticeExpiry('2025/11/20')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
