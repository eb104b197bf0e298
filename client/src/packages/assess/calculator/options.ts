// The calculator's picker choices. Each list starts with an empty choice, so a person can leave a field unanswered
// (an unanswered field scores nothing).
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  SKILL_LABELS,
  TAXPAYER_TYPES,
  TAXPAYER_TYPE_LABELS,
  TITLE_LABELS,
  TITLE_LEVELS,
} from '@hz-points/shared';

export const EDUCATION_OPTIONS = [
  { value: '', label: '不填写' },
  ...EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_LABELS[l] })),
];
export const TITLE_OPTIONS = [
  { value: '', label: '不填写' },
  ...TITLE_LEVELS.map((l) => ({ value: l, label: TITLE_LABELS[l] })),
];
export const SKILL_OPTIONS = [
  { value: '', label: '无 / 不填写' },
  ...([1, 2, 3, 4, 5] as const).map((l) => ({ value: String(l), label: SKILL_LABELS[l] })),
];
export const TAXPAYER_OPTIONS = [
  { value: '', label: '不填写（按个人）' },
  ...TAXPAYER_TYPES.map((t) => ({ value: t, label: TAXPAYER_TYPE_LABELS[t] })),
];
