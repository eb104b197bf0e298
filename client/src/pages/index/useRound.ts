// The round shown on the home page: computed from the rules package (roundDates) for the current Beijing year,
// then replaced by the rounds function's record when the administrator has opened that round (its dates may have
// been adjusted, and it carries the status and line).
import { useEffect, useState } from 'react';
import { roundDates } from '@hz-points/shared';
import type { ActionResult, RoundView as SharedRoundView } from '@hz-points/shared';
import { callFunction } from '../../services/cloud';
import { roundYearFor } from '../../lib/round-year';

/** What the home round card shows: the rules package's dates, or the opened round (rounds.get's RoundView). */
export interface HomeRound {
  year: number;
  cutoffDate: string;
  settlementOpens: string;
  settlementCloses: string;
  pointsClose: string;
  yearRound: boolean;
  lookbackFrom?: string;
  /** 'rules' = computed from the rules package; 'cloud' = the opened round's record. */
  from: 'rules' | 'cloud';
  status?: string;
  line?: number | null;
}

function roundFromRules(year: number): HomeRound | null {
  try {
    const r = roundDates(year);
    return {
      year,
      cutoffDate: r.cutoffDate,
      settlementOpens: r.settlementOpens,
      settlementCloses: r.settlementCloses,
      pointsClose: r.pointsApplication.closes,
      yearRound: r.pointsApplication.yearRound,
      lookbackFrom: r.lookbackFrom,
      from: 'rules',
    };
  } catch {
    return null;
  }
}

/**
 * The points line of an opened round: the published list's (the last admitted applicant's points under a quota), or
 * the threshold set; null while none is known (a quota round before publication, or no line yet).
 */
export function roundLinePoints(r: SharedRoundView): number | null {
  if (r.published) return r.published.line;
  return r.line?.mode === 'threshold' ? r.line.threshold : null;
}

export function useRound(today: string): HomeRound | null {
  const year = roundYearFor(today);
  const [round, setRound] = useState<HomeRound | null>(() => roundFromRules(year));
  useEffect(() => {
    let alive = true;
    setRound(roundFromRules(year));
    void callFunction<ActionResult<'rounds', 'get'>>('rounds', { action: 'get', year }).then((env) => {
      if (!alive || !env.ok) return;
      const r = env.data.round;
      const base = roundFromRules(year);
      setRound({
        year: r.year,
        cutoffDate: r.cutoffDate,
        settlementOpens: r.settlementOpens,
        settlementCloses: r.settlementCloses,
        pointsClose: r.pointsApplication.closes,
        yearRound: r.pointsApplication.yearRound,
        lookbackFrom: base?.lookbackFrom,
        from: 'cloud',
        status: r.status,
        line: roundLinePoints(r),
      });
    });
    return () => {
      alive = false;
    };
  }, [year]);
  return round;
}
