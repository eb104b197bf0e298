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

const LINE_CITATIONS = {
  floor: {
    doc: 'R2023',
    clause: '二(四)',
    description: '分数线可按城市承载能力调整，不低于准申请分值',
    verified: true,
  },
  halfPoints: {
    doc: 'public-copy',
    clause: '社会保险：每满1个月计0.5分',
    description: '各项积分以0.5分为最小单位，总分与分数线同',
    verified: false,
    confidence: 'B',
  },
  inputCheck: { doc: 'our-choice', clause: '输入检查', description: '防止误输入的上限，不是政策规定', verified: false },
  suggestion: {
    doc: 'our-choice',
    clause: '预览初始值',
    description: '名额预览的起始人数，由管理员修改，不是政策规定',
    verified: false,
  },
} as const satisfies Record<string, StatedCitation>;

/**
 * The settlement line an administrator may set (rounds.setLine, `SetLineInput`) and the line preview starts from:
 * a threshold from 2023-05-08, a yearly quota before (RULES.md "The yearly cycle").
 */
export const LINE_RULES = {
  /** A threshold line is never below the threshold to apply; the city may raise it to its capacity. */
  thresholdFloor: { points: POINTS_THRESHOLD, citation: LINE_CITATIONS.floor },
  /** Lines are whole or half points, as every total is. */
  thresholdStep: { points: 0.5, citation: LINE_CITATIONS.halfPoints },
  /** Above any total the indicator caps allow: a typing mistake, not a line. */
  thresholdCeiling: { points: 1000, citation: LINE_CITATIONS.inputCheck },
  /** The quota the line preview proposes first, for the administrator to change. */
  quotaSuggestion: { places: 1000, citation: LINE_CITATIONS.suggestion },
  /** More places than applicants in any year: a typing mistake, not a quota. */
  quotaCeiling: { places: 1_000_000, citation: LINE_CITATIONS.inputCheck },
} as const satisfies Record<string, { citation: StatedCitation; points?: number; places?: number }>;
