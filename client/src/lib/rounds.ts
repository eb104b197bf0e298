// Which round a date belongs to, from the rules package's round dates. Shared by the home page, the calculator
// and the guide so they always agree on "the current round".
import { nextCutoffDates, roundDates } from '@hz-points/shared';

/** The indicator cut-off date of the next round whose points application is still ahead (strictly after today). */
export function nextCutoff(today: string): string {
  const year = Number(today.slice(0, 4));
  try {
    const thisYear = roundDates(year).cutoffDate;
    return today < thisYear ? thisYear : roundDates(year + 1).cutoffDate;
  } catch {
    return nextCutoffDates(today, 1)[0]!;
  }
}

// The home page's question lives in ./round-year, free of the planning code the other helpers here need.
export { roundYearFor } from './round-year';

/**
 * Cut-off dates a self-assessment may be made for on `today`: the last one that has passed (its round may still
 * be in its settlement window) and the next one. Oldest first.
 */
export function cutoffChoices(today: string): string[] {
  const next = nextCutoff(today);
  try {
    const previous = roundDates(Number(next.slice(0, 4)) - 1).cutoffDate;
    return previous <= today ? [previous, next] : [next];
  } catch {
    return [next];
  }
}
