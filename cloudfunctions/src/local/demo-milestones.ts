// The persona bar's 时间快进 (local mode only, never deployed): the next dates at which something a person can see
// happens — the rounds' windows and the caller's own applications' result, objection and certificate days — so a
// newcomer can walk a whole year alone whatever today's date is. Each milestone is 09:00 Beijing on its day: a
// working-hours instant, inside every window that includes the day.
import {
  addCalendarDays,
  beijingDate,
  beijingIsoInstant,
  certificateDate,
  type ActionResult,
  type ApplicationView,
  type RoundView,
} from '@hz-points/shared';

/** The dates of a round (rounds.get) that make milestones. */
export type RoundDatesView = Pick<RoundView, 'year' | 'cutoffDate' | 'settlementOpens' | 'settlementCloses'> & {
  pointsApplication: Pick<RoundView['pointsApplication'], 'closes'>;
};

/** The dates of an application (applications.list) that make milestones. */
export type ApplicationDatesView = Pick<ApplicationView, 'year' | 'resultDate' | 'resultOn' | 'objectionDeadline'> & {
  /** The objection, when one was filed; the certificate waits for its answer. */
  objection?: { status: string } | null;
};

export interface DemoMilestone {
  /** ISO instant the clock moves to. */
  at: string;
  /** The Beijing calendar date of `at`. */
  date: string;
  label: string;
}

/** Beijing wall-clock time of every milestone (see above). */
const MORNING = '09:00';

function milestone(date: string, label: string): DemoMilestone {
  return { at: beijingIsoInstant(date, MORNING), date, label };
}

function roundMilestones(r: RoundDatesView): DemoMilestone[] {
  return [
    milestone(r.pointsApplication.closes, `${r.year}年度积分申请截止日`),
    milestone(r.cutoffDate, `${r.year}年度积分指标截止日`),
    milestone(r.settlementOpens, `${r.year}年度积分落户申请开始`),
    // The day after the window: the administrator may publish the list from then on.
    milestone(addCalendarDays(r.settlementCloses, 1), `${r.year}年度落户申请截止后（可公布名单）`),
  ];
}

function applicationMilestones(a: ApplicationDatesView): DemoMilestone[] {
  const out: DemoMilestone[] = [];
  if (a.resultDate) out.push(milestone(a.resultDate, `${a.year}年度申请的审核结果日`));
  if (a.resultOn && a.resultOn !== a.resultDate) out.push(milestone(a.resultOn, `${a.year}年度申请的结果公布日`));
  if (a.objectionDeadline) {
    out.push(milestone(a.objectionDeadline, `${a.year}年度申请的异议截止日`));
    const final = addCalendarDays(a.objectionDeadline, 1);
    out.push(milestone(final, `${a.year}年度积分确定（异议期结束）`));
    if (!a.objection || a.objection.status !== 'open') {
      try {
        out.push(milestone(certificateDate(final), `${a.year}年度可出具积分有效凭证`));
      } catch {
        // The year's holiday schedule is not registered: the certificate day is not known yet, so it is not offered.
      }
    }
  }
  return out;
}

/** The milestones after `now`, earliest first, one per instant, at most `limit`. */
export function upcomingMilestones(
  now: Date,
  rounds: readonly RoundDatesView[],
  applications: readonly ApplicationDatesView[],
  limit = 8,
): DemoMilestone[] {
  const all = [...rounds.flatMap(roundMilestones), ...applications.flatMap(applicationMilestones)];
  const byInstant = new Map<number, DemoMilestone>();
  for (const m of all) {
    const t = Date.parse(m.at);
    if (t > now.getTime() && !byInstant.has(t)) byInstant.set(t, m);
  }
  return [...byInstant.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([, m]) => m);
}

/** Reads through the real functions, as the caller (nothing is written). */
export type ReadFn = (fn: string, event: Record<string, unknown>) => Promise<{ ok: boolean; data?: unknown }>;

/**
 * The milestones for the person the persona bar is set to: the rounds of last year, this year and next year (those
 * that exist) and that person's own applications (none when nobody, or an unregistered person, is chosen).
 */
export async function milestonesFor(now: Date, read: ReadFn): Promise<DemoMilestone[]> {
  const year = Number(beijingDate(now).slice(0, 4));
  const rounds: RoundDatesView[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const got = await read('rounds', { action: 'get', year: y });
    if (got.ok) rounds.push((got.data as ActionResult<'rounds', 'get'>).round);
  }
  const mine = await read('applications', { action: 'list' });
  const applications = mine.ok ? (mine.data as ActionResult<'applications', 'list'>).applications : [];
  return upcomingMilestones(now, rounds, applications);
}
