// Test helpers: build a birth date that gives an exact age on a cut-off date, and read one item's points.
import { scorePoints } from '../../src/scoring';
import type { IndicatorCode, ProfileInput, ScoreResult } from '../../src/scoring';

export const ROUND_2025 = '2025-10-01';
export const ROUND_2022 = '2022-10-01';

/** A birth date whose holder is exactly `age` 周岁 on `cutoff` (birthday on the cut-off day itself). */
export function bornAged(age: number, cutoff: string): string {
  return `${Number(cutoff.slice(0, 4)) - age}${cutoff.slice(4)}`;
}

/** A neutral 30-year-old base so an indicator's row changes only that indicator. */
export function base(cutoff: string = ROUND_2025): ProfileInput {
  return { birthDate: bornAged(30, cutoff) };
}

export function item(result: ScoreResult, code: IndicatorCode) {
  const found = result.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

export function pointsOf(profile: Partial<ProfileInput>, code: IndicatorCode, cutoff: string = ROUND_2025): number {
  return item(scorePoints({ ...base(cutoff), ...profile }, { cutoffDate: cutoff }), code).points;
}

export function totalOf(profile: Partial<ProfileInput>, cutoff: string = ROUND_2025): number | null {
  return scorePoints({ ...base(cutoff), ...profile }, { cutoffDate: cutoff }).total;
}
