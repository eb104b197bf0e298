// The round shown on the home page: computed from the rules package (roundDates) for the current Beijing year,
// then replaced by the rounds function's record when the administrator has opened that round (its dates may have
// been adjusted, and it carries the status and line).
import { useEffect, useState } from 'react';
import { roundDates } from '@hz-points/shared';
import { callFunction } from '../../services/cloud';
import { roundYearFor } from '../../lib/round-year';

export { roundYearFor };

export interface RoundView {
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

export function roundFromRules(year: number): RoundView | null {
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

interface CloudRound {
  year: number;
  status?: string;
  cutoffDate: string;
  settlementOpens: string;
  settlementCloses: string;
  pointsApplication?: { closes?: string; yearRound?: boolean };
  line?: { points?: number } | number | null;
}

export function useRound(today: string): RoundView | null {
  const year = roundYearFor(today);
  const [round, setRound] = useState<RoundView | null>(() => roundFromRules(year));
  useEffect(() => {
    let alive = true;
    setRound(roundFromRules(year));
    void callFunction<{ round: CloudRound }>('rounds', { action: 'get', year }).then((env) => {
      if (!alive || !env.ok || !env.data?.round) return;
      const r = env.data.round;
      const base = roundFromRules(year);
      const line = typeof r.line === 'number' ? r.line : r.line && typeof r.line.points === 'number' ? r.line.points : null;
      setRound({
        year: r.year,
        cutoffDate: r.cutoffDate,
        settlementOpens: r.settlementOpens,
        settlementCloses: r.settlementCloses,
        pointsClose: r.pointsApplication?.closes ?? base?.pointsClose ?? '',
        yearRound: r.pointsApplication?.yearRound ?? base?.yearRound ?? false,
        lookbackFrom: base?.lookbackFrom,
        from: 'cloud',
        status: r.status,
        line,
      });
    });
    return () => {
      alive = false;
    };
  }, [year]);
  return round;
}
