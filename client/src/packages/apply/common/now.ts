// The instant deadlines are measured against. In the mini-program that is the device clock (the server decides
// every window anyway; the countdown is only information). In local H5 mode the local cloud may run on a dev
// clock (HZ_NOW, POST /api/dev/clock): when it tells us its time we use it, so countdowns match the server.
import { useEffect, useState } from 'react';
import { beijingDate } from '@hz-points/shared';

const isH5 = process.env.TARO_ENV === 'h5';

let offsetMs = 0;

/** Asked on every page mount: the dev clock may have been moved meanwhile (cheap, local only). */
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

/**
 * The round a points application made today most likely belongs to, before asking the server: applications must
 * be complete before 10-01 of the round's year (FAQ2021 Q6); from 2024 they are accepted all year, so the
 * administrator's open round decides (see findOpenRoundYear).
 */
export function applicationRoundYear(now: Date): number {
  return Number(beijingDate(now).slice(0, 4));
}
