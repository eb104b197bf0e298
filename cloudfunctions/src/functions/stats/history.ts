// A person's own points over the years: each round's published points, and where the plan (planPoints, rules
// package) projects them at the next cut-off dates if life simply goes on — until POINTS_THRESHOLD (100), the
// threshold to apply.
//
// What the projection starts from: the approved values of the person's latest scored application (what the
// departments confirmed); without one, the values claimed in their latest application (their own declaration,
// said so on the page). Without any application there is no profile to project (`projection: null`).
import { planPoints, POINTS_THRESHOLD, type PastRound, type PointsHistory, type ProfileInput } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import type { ApplicationDoc, PersonDoc } from '../../core/model';
import { profileFromItems } from '../../core/scoring';
import type { Store } from '../../storage/store';
import { isPublished, loadItems } from '../applications';
import { pointsLineChart } from './charts';
import { chineseDate } from './read';
import type { ChartView } from './svg';

/** Yearly cut-offs projected. */
const PROJECTION_YEARS = 5;

export async function pointsHistory(store: Store, subject: PersonDoc, today: string): Promise<PointsHistory> {
  const apps = (
    await store.find<ApplicationDoc>(COLLECTIONS.applications, { personId: subject._id }, { limit: 100 })
  ).sort((a, b) => a.year - b.year);
  const rounds: PastRound[] = apps
    .filter((a) => a.status !== 'draft')
    .map((a) => {
      const published = isPublished(a, today) && !!a.points;
      return {
        year: a.year,
        cutoffDate: a.points?.cutoffDate ?? null,
        status: a.status,
        total: published ? a.points!.total : null,
        vetoed: published && a.points!.total === null,
      };
    });

  const scored = [...apps].reverse().find((a) => isPublished(a, today) && a.points);
  const latest = apps[apps.length - 1];
  let profile: ProfileInput | null = null;
  let basis: 'approved' | 'claimed' = 'approved';
  let basisYear = 0;
  if (scored) {
    profile = profileFromItems(await loadItems(store, scored), subject);
    basisYear = scored.year;
  } else if (latest) {
    profile = profileFromClaims(latest, subject);
    basis = 'claimed';
    basisYear = latest.year;
  }
  const plan = profile ? planPoints(profile, { today, years: PROJECTION_YEARS }) : null;
  const projection = plan
    ? {
        basis,
        basisYear,
        current: plan.current.total,
        points: plan.projections.map((p) => ({ cutoffDate: p.cutoffDate, total: p.total })),
        reaches100: plan.reaches100,
        assumptions: plan.assumptions,
      }
    : null;
  return { today, rounds, projection, chart: historyChart(rounds, projection) };
}

/** The values a person claimed, read as the calculator's profile (deductions under `records`). */
function profileFromClaims(app: ApplicationDoc, person: Pick<PersonDoc, 'birthDate'>): ProfileInput {
  return profileFromItems(
    app.claims.map(
      (c) =>
        ({ indicator: c.indicator, status: 'approved', acceptedValue: c.value }) as unknown as Parameters<
          typeof profileFromItems
        >[0][number],
    ),
    person,
  );
}

function historyChart(rounds: PastRound[], projection: PointsHistory['projection']): ChartView {
  const shown = rounds.filter((r) => r.total !== null);
  const categories = [...shown.map((r) => `${r.year}年度`)];
  const past: Array<number | null> = shown.map((r) => r.total);
  const projected: Array<number | null> = shown.map(() => null);
  if (projection) {
    categories.push('今天');
    past.push(null);
    projected.push(projection.current);
    for (const p of projection.points) {
      categories.push(`${p.cutoffDate.slice(0, 4)}年度`);
      past.push(null);
      projected.push(p.total);
    }
  }
  const pastText = shown.length ? shown.map((r) => `${r.year}年度${r.total}分`).join('，') : '尚无已公布的积分';
  const reach = !projection
    ? '提交积分申请后可预测。'
    : projection.reaches100 === null
      ? `按现有情况，${PROJECTION_YEARS}年内不会达到${POINTS_THRESHOLD}分。`
      : projection.reaches100.when === 'now'
        ? `现已达到${POINTS_THRESHOLD}分（${projection.reaches100.total}分）。`
        : `按现有情况，预计在${chineseDate(projection.reaches100.when)}的截止日达到${projection.reaches100.total}分。`;
  return pointsLineChart({
    title: '我的积分变化',
    summary: `历年积分：${pastText}。${reach}`,
    categories,
    past,
    projected,
    threshold: POINTS_THRESHOLD,
    table: {
      columns: ['年度', '积分', '说明'],
      rows: [
        ...rounds.map((r) => [
          `${r.year}年度`,
          r.total ?? '—',
          r.vetoed ? '一票否决' : r.total === null ? '审核中或未公布' : '已公布',
        ]),
        ...(projection
          ? [
              ['今天', projection.current ?? '—', '按现有情况测算'],
              ...projection.points.map((p) => [
                `${p.cutoffDate.slice(0, 4)}年度（${chineseDate(p.cutoffDate)}）`,
                p.total ?? '—',
                '预测',
              ]),
            ]
          : []),
      ],
    },
  });
}
