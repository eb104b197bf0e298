// Deadlines are measured against the client's one clock (lib/clock.ts: the device clock, or the local cloud's dev
// clock in H5 local mode); re-exported here for the application pages.
import { beijingDate } from '@hz-points/shared';

export { nowInstant, syncClock, useNow } from '../../../lib/clock';

/**
 * The round a points application made today most likely belongs to, before asking the server: applications must
 * be complete before 10-01 of the round's year (FAQ2021 Q6); from 2024 they are accepted all year, so the
 * administrator's open round decides (see findOpenRoundYear).
 */
export function applicationRoundYear(now: Date): number {
  return Number(beijingDate(now).slice(0, 4));
}
