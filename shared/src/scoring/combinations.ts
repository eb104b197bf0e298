// Rules between two indicators (COMBINATION_RULES in rules.ts): "only the higher of the two counts". Applied after
// both formulas ran; the one not counted gets 0 points and an explanation of why.
import { fmt } from './formula';
import type { Draft } from './formula';
import { COMBINATION_RULES } from './rules';

/** 文化程度 vs 职称/技能: the higher counts; on a tie education is kept. */
export function educationOrTitleSkill(education: Draft, titleSkill: Draft): void {
  if (COMBINATION_RULES.educationVsTitleSkill.mode !== 'higher-only' || education.halves <= 0 || titleSkill.halves <= 0)
    return;
  const edu = education.halves;
  const ts = titleSkill.halves;
  if (ts > edu) {
    education.explanation += `；低于专业技术职称/职业技能（${fmt(ts)}分），两者只计较高一项，本项计0分`;
    titleSkill.explanation += '（高于文化程度，只计此项）';
    education.halves = 0;
  } else {
    titleSkill.explanation += `；${ts === edu ? '与' : '不高于'}文化程度（${fmt(edu)}分）${ts === edu ? '相同' : ''}，两者只计较高一项，本项计0分`;
    education.explanation += '（不低于职称/技能，只计此项）';
    titleSkill.halves = 0;
  }
}

/** 自购产权住房 vs 合法租赁住房: the higher counts; on a tie the own home is kept. */
export function ownHomeOrRental(ownHome: Draft, rental: Draft): void {
  if (COMBINATION_RULES.ownHomeVsRental.mode !== 'higher-only' || ownHome.halves <= 0 || rental.halves <= 0) return;
  if (ownHome.halves >= rental.halves) {
    rental.explanation += `；自购住房分更高（${fmt(ownHome.halves)}分），两者只计较高一项，本项计0分`;
    rental.halves = 0;
  } else {
    ownHome.explanation += `；租赁分更高（${fmt(rental.halves)}分），两者只计较高一项，本项计0分`;
    ownHome.halves = 0;
  }
}
