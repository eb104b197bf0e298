// The instant deadlines are measured against. In the mini-program that is the device clock (the server decides
// every window anyway; the countdown is only information). In local H5 mode the local cloud may run on a dev
// clock (HZ_NOW, POST /api/dev/clock): when it tells us its time we use it, so countdowns match the server.
import { useEffect, useState } from 'react';
import { beijingDate } from '@hz-points/shared';

const isH5 = process.env.TARO_ENV === 'h5';

let offsetMs = 0;
let probed: Promise<void> | null = null;

function probe(): Promise<void> {
  if (!isH5 || typeof fetch !== 'function') return Promise.resolve();
  probed ??= fetch('/api/dev/clock')
    .then((res) => (res.ok ? res.json() : null))
    .then((body: { now?: string } | null) => {
      const t = body?.now ? Date.parse(body.now) : NaN;
      if (Number.isFinite(t)) offsetMs = t - Date.now();
    })
    .catch(() => undefined);
  return probed;
}

export function nowInstant(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The current instant, refreshed once the server clock is known. */
export function useNow(): Date {
  const [now, setNow] = useState<Date>(() => nowInstant());
  useEffect(() => {
    let alive = true;
    probe().then(() => alive && setNow(nowInstant()));
    return () => {
      alive = false;
    };
  }, []);
  return now;
}

/**
 * The round a points application made today belongs to: applications must be complete before 10-01 of the
 * round's year (FAQ2021 Q6), so from 10-01 on the next year's round is the one being applied for.
 */
export function applicationRoundYear(now: Date): number {
  const today = beijingDate(now);
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '10-01' ? year + 1 : year;
}
