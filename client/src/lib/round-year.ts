// Which round the home page shows. Apart from ./rounds, whose cut-off helpers pull in the scoring plan (and with it
// the schema library) that the first page a person sees does not need.
import { roundDates } from '@hz-points/shared';

/** The round a person cares about on `today`: this year's, or next year's once this year's settlement window is over. */
export function roundYearFor(today: string): number {
  const year = Number(today.slice(0, 4));
  try {
    return today > roundDates(year).settlementCloses ? year + 1 : year;
  } catch {
    return year;
  }
}
