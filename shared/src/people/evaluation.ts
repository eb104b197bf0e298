import type { StatedCitation } from '../citation';

/** One condition of a rule, evaluated: `met: null` when the input does not say (never guessed as met). */
export interface ConditionResult {
  key: string;
  met: boolean | null;
  /** Chinese: what the rule requires. */
  requirement: string;
  /** Chinese: why it failed or could not be judged (absent when met). */
  reason?: string;
  citation: StatedCitation;
}

/** eligible = every condition met; ineligible = one fails; undetermined = none fails but one is unknown. */
export type EvaluationStatus = 'eligible' | 'ineligible' | 'undetermined';

export function statusOf(conditions: readonly ConditionResult[]): EvaluationStatus {
  if (conditions.some((c) => c.met === false)) return 'ineligible';
  if (conditions.some((c) => c.met === null)) return 'undetermined';
  return 'eligible';
}

/** The Chinese reasons of every condition that failed or could not be judged, in order. */
export function reasonsOf(conditions: readonly ConditionResult[]): string[] {
  return conditions.filter((c) => c.met !== true).map((c) => c.reason ?? c.requirement);
}
