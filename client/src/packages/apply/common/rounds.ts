// Which yearly round takes a points application made now: the rules package decides (this year's until its
// deadline before 10-01, FAQ2021 Q6; then next year's), and the administrator must have opened it (rounds.open).
// Falls back to the rules' year when the round does not answer: the server then says ROUND_NOT_OPEN in Chinese.
import { beijingDate, GetRoundInput, isOpenAt, pointsApplicationRound } from '@hz-points/shared';
import { callChecked } from './api';

export async function findOpenRoundYear(thisYear: number, now: Date): Promise<number> {
  const ruleYear = pointsApplicationRound(beijingDate(now)) ?? thisYear;
  for (const year of [ruleYear, ruleYear + 1]) {
    const res = await callChecked(GetRoundInput, 'rounds', 'get', { year });
    if (!res.ok) continue;
    const r = res.data.round;
    // An administrator may have moved the deadline (rounds.adjust): the round's own date decides.
    if (r.status === 'open' && isOpenAt(r.pointsApplication.closes, now)) return year;
  }
  return ruleYear;
}
