// The one clock of the client. In the mini-program it is the device clock (the server decides every window anyway;
// what a page shows from it is information). In local H5 mode the local cloud may run on a dev clock (HZ_NOW,
// POST /api/dev/clock, the persona bar's 时间快进): once it tells us its time, every page follows it.
// Pages read it through useNow, or useBeijingToday (lib/today.ts) for a date; no other client file reads the time
// for a decision (guarded by shared/test/calendar/one-calendar.test.ts; ids and save times are listed there).
import { useEffect, useState } from 'react';

const isH5 = process.env.TARO_ENV === 'h5';

let offsetMs = 0;

/** Asked on every mount of a page that reads the clock: the dev clock may have been moved meanwhile (local only). */
export function syncClock(): Promise<void> {
  if (!isH5 || typeof fetch !== 'function') return Promise.resolve();
  return fetch('/api/dev/clock')
    .then((res) => (res.ok ? res.json() : null))
    .then((body: { data?: { now?: string }; now?: string } | null) => {
      const iso = body?.data?.now ?? body?.now;
      const t = iso ? Date.parse(iso) : NaN;
      if (Number.isFinite(t)) offsetMs = t - Date.now();
    })
    .catch(() => undefined);
}

export function nowInstant(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The current instant, refreshed once the server clock is known. */
export function useNow(): Date {
  const [now, setNow] = useState<Date>(() => nowInstant());
  useEffect(() => {
    let alive = true;
    syncClock().then(() => alive && setNow(nowInstant()));
    return () => {
      alive = false;
    };
  }, []);
  return now;
}
