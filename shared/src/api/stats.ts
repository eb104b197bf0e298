// Input schemas of the read-only `stats` function: the administrator's charts of a round, the settlement line's
// preview (the same input as rounds.setLine, so a previewed line is exactly one the administrator may set), and a
// person's own points history.
import { z } from 'zod';
import { IdSchema, YearSchema } from './schemas';
import { SetLineInput } from './rounds';

export const StatsOverviewInput = z.strictObject({ year: YearSchema });
/** A line to try: `{ year, mode: 'threshold', threshold }` or `{ year, mode: 'quota', quota }`, as `rounds.setLine`. */
export const LinePreviewInput = SetLineInput;
export const PointsHistoryInput = z.strictObject({ onBehalfOf: IdSchema.optional() });

export const STATS_ACTION_INPUTS = {
  overview: StatsOverviewInput,
  linePreview: LinePreviewInput,
  history: PointsHistoryInput,
} as const;

/** One chart as the page shows it: the picture, and the same facts in words and as a table for screen readers. */
export interface ChartView {
  title: string;
  /** A short Chinese summary (the image's accessible description). */
  summary: string;
  table: { columns: string[]; rows: Array<Array<string | number>> };
  /** `data:image/svg+xml;base64,…` */
  image: string;
}
