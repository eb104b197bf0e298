// Guards for issue 11's "one calendar and clock": every Chinese date is written by calendar/chinese-format.ts, every
// Beijing shift happens in calendar/beijing-time.ts, and every client page reads the time from client/src/lib/clock.ts
// (device clock on weapp, the local cloud's dev clock in H5). Source scans: a new copy fails here with its file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

function sources(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
    }
  };
  for (const d of dirs) walk(path.join(REPO, d));
  return out;
}

/** `file:line` of every line matching `re`, the file relative to the repository. */
function hits(files: string[], re: RegExp, except: string[] = []): string[] {
  const found: string[] = [];
  for (const f of files) {
    const rel = path.relative(REPO, f).split(path.sep).join('/');
    if (except.includes(rel)) continue;
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const comment = /^\s*(\/\/|\*)/.test(line);
        if (re.test(line) && !comment) found.push(`${rel}:${i + 1}`);
      });
  }
  return found;
}

const ALL = sources('shared/src', 'client/src', 'cloudfunctions/src');

describe('one calendar and clock', () => {
  test('a Chinese date (…月…日 from interpolated parts) is built only by calendar/chinese-format.ts', () => {
    // `${m}月${d}日` in a template literal or {m}月{d}日 in JSX.
    expect(hits(ALL, /\}\s*月\s*\$?\{.*\}\s*日/, ['shared/src/calendar/chinese-format.ts'])).toEqual([]);
  });

  test('an instant is shifted to Beijing time only in calendar/beijing-time.ts', () => {
    expect(hits(ALL, /\b8\s*\*\s*3_?600_?000\b|\b28_?800_?000\b/, ['shared/src/calendar/beijing-time.ts'])).toEqual([]);
  });

  // The cloud functions once stepped days on Date objects and added 8 hours by hand (reminders, stats, the certificate
  // PDF); each now calls the rules package. These scans keep such copies out of every package but the calendar.
  const anyOf = (...res: RegExp[]) => new RegExp(res.map((re) => re.source).join('|'));
  const outsideCalendar = ALL.filter((f) => !/[/\\]shared[/\\]src[/\\]calendar[/\\]/.test(f));

  test('the UTC+8 offset is written only in shared/src/calendar', () => {
    // '+08:00' instants, getUTCHours() + 8, 8 hours in seconds or minutes, and the machine's own offset.
    const offset = anyOf(
      /\+08:?00\b/,
      /getUTCHours\(\)\s*\+\s*8\b/,
      /\b8\s*\*\s*(3_?600(_?000)?|60\s*\*\s*60)\b/,
      /\b28_?800(_?000)?\b/,
      /getTimezoneOffset/,
    );
    expect(hits(outsideCalendar, offset)).toEqual([]);
  });

  test('no package but the calendar holds a day in milliseconds or steps days on a Date', () => {
    const msPerDay = anyOf(
      /\b86_?400(_?000)?\b|\b864e5\b/,
      /\b24\s*\*\s*(3_?600_?000|60\s*\*\s*60_?000)\b/,
      /\b24\s*\*\s*60\s*\*\s*60\s*\*\s*1_?000\b/,
    );
    // The file sweep's "at most one pass a day" is elapsed time between timer runs, not a calendar day.
    expect(hits(outsideCalendar, msPerDay, ['cloudfunctions/src/functions/files-sweep.ts'])).toEqual([]);
    // Day arithmetic on Date objects, or a civil date turned into an instant by hand (UTC or local midnight).
    const dateStepping = /\b(get|set)UTC(Date|Day)\(|\.(get|set)Date\(|\.getDay\(|T00:00:00/;
    expect(hits(outsideCalendar, dateStepping)).toEqual([]);
  });

  test('client pages read the time only through lib/clock.ts', () => {
    const client = sources('client/src');
    // Identifiers and save times, not "today" decisions: a draft's savedAt, a request id, a subscription tap id.
    const idsAndTimestamps = [
      'client/src/packages/apply/form/useApplicationDraft.ts',
      'client/src/packages/apply/common/api.ts',
      'client/src/services/subscribe.ts',
    ];
    expect(hits(client, /Date\.now\(\)|new Date\(\)/, ['client/src/lib/clock.ts', ...idsAndTimestamps])).toEqual([]);
  });
});
