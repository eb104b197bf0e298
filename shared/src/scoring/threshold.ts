// The one policy number the whole app repeats: the points at which a person may apply for points settlement
// (准申请分值). Held once here with its citation; the ranking rule, the settlement pathway and every screen read it.
// No imports beyond types: a page may show it without loading any rule table (or zod).
import type { StatedCitation } from '../citation';

/**
 * 100 points: the threshold to apply for points settlement, not a promise of settling (FAQ2021 Q5/Q9; R2023 二(四)
 * keeps it as the floor of the line the city sets, RULES.md "Settlement").
 */
export const POINTS_THRESHOLD = 100;
export const POINTS_THRESHOLD_CITATION: StatedCitation = { doc: 'FAQ2021', clause: 'Q5', verified: true };
