// Which yearly round accepts points applications now: the administrator opens rounds (rounds.open); this year's
// round if it is open, else next year's. Falls back to this year when neither answers (the server then says
// ROUND_NOT_OPEN in Chinese on save).
import { GetRoundInput, isOpenAt } from '@hz-points/shared';
import { callChecked } from './api';

interface RoundBrief {
  year: number;
  status: 'open' | 'closed';
  pointsApplication: { closes: string; yearRound: boolean };
}

export async function findOpenRoundYear(thisYear: number, now: Date): Promise<number> {
  for (const year of [thisYear, thisYear + 1]) {
    const res = await callChecked<{ round: RoundBrief }>(GetRoundInput, 'rounds', 'get', { year });
    if (!res.ok) continue;
    const r = res.data.round;
    if (r.status === 'open' && (r.pointsApplication.yearRound || isOpenAt(r.pointsApplication.closes, now))) return year;
  }
  return thisYear;
}
