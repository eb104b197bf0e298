// What every indicator formula shares: the shape of a formula and of its result, and the arithmetic of the formula
// kinds (linear, threshold-and-step). Each indicator's own formula sits beside its dated data in indicators/.
// Arithmetic is in half-points (integers) so 0.5 steps stay exact and a total is exactly the sum of its items.
import type { ProfileInput } from './profile';
import type { ScoreWarning } from './score';
import type {
  Confidence,
  IndicatorCode,
  IndicatorVersion,
  LinearParams,
  ParamsByCode,
  Citation,
  ThresholdStepParams,
} from './types';

/** One indicator's result before it becomes an item of the score. */
export interface Draft {
  /** Points in half-points (negative for deductions). */
  halves: number;
  /** Short Chinese explanation, e.g. '本科学历且有学位：50分'. */
  explanation: string;
  /**
   * Where this result rests on other provenance than its version (a sub-reading, or an assumption the version's
   * source does not cover): the item then carries these instead of the version's.
   */
  provenance?: Provenance;
}

interface Provenance {
  source: Citation;
  verified: boolean;
  confidence: Confidence;
  note: string | undefined;
}

/** What a formula may read and report besides the profile and its version: one object per scorePoints call. */
export interface FormulaContext {
  readonly cutoffDate: string;
  /** Warnings in the order formulas raise them (the age formula runs first). */
  readonly warnings: ScoreWarning[];
  /** Set by formulas whose evidence counts only inside the 5-year look-back window, when the profile uses it. */
  lookBack: boolean;
}

/** The points of one indicator under one dated version of its parameters. */
export type Formula<C extends IndicatorCode> = (
  profile: ProfileInput,
  version: IndicatorVersion<ParamsByCode[C]>,
  context: FormulaContext,
) => Draft;

export const NOT_FILLED = '未填写：0分';

/** Half-points as the Chinese text shows them ('23.5'). */
export const fmt = (halves: number): string => String(halves / 2);

/** Points in half-points; rounding only absorbs a data value that is not a multiple of 0.5 (tests forbid it). */
export const H = (points: number): number => Math.round(points * 2);

/** points = floor(amount / unit) × rate, at most cap. */
export function linearHalves(amount: number, p: LinearParams): number {
  return Math.min(H(Math.floor(amount / p.unit) * p.rate), H(p.cap));
}

/** 0 below the threshold; firstPoints at it; + stepPoints per further full step; at most cap. */
export function thresholdHalves(amount: number, p: ThresholdStepParams): number {
  if (amount < p.threshold) return 0;
  return Math.min(H(p.firstPoints) + Math.floor((amount - p.threshold) / p.step) * H(p.stepPoints), H(p.cap));
}
