// The administrator's year: four charts of a round, aggregated from the stored documents (counts only, no person).
//
// - Applications by week: points applications accepted (受理) that week. By district: settlement applications
//   (积分落户申请), the only application that names a district (a points application does not).
// - Score distribution: scored points applications, in 10-point bands (a veto counted apart).
// - Queue age per department: items waiting for a decision, in working days since their application was accepted,
//   against the 20-working-day result date (resultDate).
// - Objections: answered within 15 working days, answered late, open and still in time, open and overdue (the same
//   `overdue` rule as objections.list).
import {
  DEADLINE_PERIODS,
  DEPARTMENT_LABELS,
  POINTS_THRESHOLD,
  URBAN_DISTRICTS,
  type DepartmentCode,
  type StatsOverview,
} from '@hz-points/shared';
import type { ObjectionDoc } from '../../core/model';
import type { Store } from '../../storage/store';
import { objectionView } from '../applications';
import { COLLECTIONS } from '../../core/collections';
import { barChart } from './charts';
import { monthDay, weekStart, workdaysAfter } from './read';
import { countsFromDocuments, SCORE_BAND, summaryId, type SummaryDoc } from './summary';
import type { ChartView } from './svg';

/** Working days from acceptance to the result (resultDate = acceptedOn + the rule data's result period). */
const REVIEW_TARGET_WORKDAYS = DEADLINE_PERIODS.result.workdays;

/**
 * The overview of a year from its summary counters (stats/summary.ts: maintained by the actions' transactions), or,
 * for a year without a summary document (no tracked write yet), from its documents.
 */
export async function roundOverview(store: Store, year: number, today: string): Promise<StatsOverview> {
  const summary = await store.get<SummaryDoc>(COLLECTIONS.statsSummaries, summaryId(year));
  return overviewFromCounts(year, today, summary ? summary.counts : await countsFromDocuments(store, year));
}

export function overviewFromCounts(
  year: number,
  today: string,
  counts: Readonly<Record<string, number>>,
): StatsOverview {
  const weeks = new Map<string, number>();
  const bands = new Map<number, number>();
  const districts = new Map<string, number>();
  const waiting = new Map<DepartmentCode, { count: number; over: number; unknown: number; oldest: number }>();
  const objectionCounts = { answeredInTime: 0, answeredLate: 0, openInTime: 0, openOverdue: 0 };
  let submitted = 0;
  let scored = 0;
  let vetoed = 0;
  let settlementApplications = 0;
  let waitingItems = 0;
  let objections = 0;
  // Keys sorted: the charts' categories come out in the same order whatever order the counters were written in.
  for (const k of Object.keys(counts).sort()) {
    const n = counts[k]!;
    if (n <= 0) continue;
    const [kind, a, b, c, d] = k.split('|');
    if (kind === 'a') {
      submitted += n;
      const w = weekStart(a!);
      weeks.set(w, (weeks.get(w) ?? 0) + n);
    } else if (kind === 'b') {
      scored += n;
      bands.set(Number(a), (bands.get(Number(a)) ?? 0) + n);
    } else if (kind === 'v') {
      scored += n;
      vetoed += n;
    } else if (kind === 'd') {
      settlementApplications += n;
      districts.set(a!, (districts.get(a!) ?? 0) + n);
    } else if (kind === 'w') {
      waitingItems += n;
      const dept = a as DepartmentCode;
      const w = waiting.get(dept) ?? { count: 0, over: 0, unknown: 0, oldest: 0 };
      const age = workdaysAfter(b!, today);
      w.count += n;
      if (age === null) w.unknown += n;
      else {
        if (age > REVIEW_TARGET_WORKDAYS) w.over += n;
        w.oldest = Math.max(w.oldest, age);
      }
      waiting.set(dept, w);
    } else if (kind === 'o') {
      objections += n;
      const o = { status: a, filedOn: b, answerDeadline: c || null, answeredOn: d || null } as unknown as ObjectionDoc;
      const v = objectionView(o, today);
      const answered = o.status === 'answered';
      if (answered && v.overdue) objectionCounts.answeredLate += n;
      else if (answered) objectionCounts.answeredInTime += n;
      else if (v.overdue) objectionCounts.openOverdue += n;
      else objectionCounts.openInTime += n;
    }
  }
  return {
    year,
    today,
    counts: { submitted, scored, settlementApplications, waitingItems, objections },
    charts: {
      byWeek: byWeekChart(year, weeks),
      byDistrict: byDistrictChart(year, districts),
      scores: scoresChart(year, bands, vetoed),
      queueAge: queueAgeChart(waiting),
      objections: objectionsChart(objectionCounts),
    },
  };
}

function byWeekChart(year: number, weeks: Map<string, number>): ChartView {
  const keys = [...weeks.keys()].sort();
  const labels = keys.map((k) => `${monthDay(k)}起`);
  const values = keys.map((k) => weeks.get(k)!);
  const total = values.reduce((a, b) => a + b, 0);
  const peak = keys.length ? keys[values.indexOf(Math.max(...values))]! : null;
  return barChart({
    title: `${year}年度积分申请（按受理周）`,
    summary:
      total === 0
        ? `${year}年度尚无受理的积分申请。`
        : `${year}年度共受理积分申请${total}件，分布在${keys.length}周；最多的一周为${monthDay(peak!)}起的一周，${Math.max(...values)}件。`,
    categories: labels,
    series: [{ name: '受理件数', values }],
    yName: '件',
    table: { columns: ['周（周一起）', '受理件数'], rows: labels.map((l, i) => [l, values[i]!]) },
  });
}

function byDistrictChart(year: number, districts: Map<string, number>): ChartView {
  // Every urban district in the policy's order, zero included: an empty district is a fact worth seeing.
  const names = [
    ...URBAN_DISTRICTS,
    ...[...districts.keys()].filter((d) => !(URBAN_DISTRICTS as readonly string[]).includes(d)),
  ];
  const values = names.map((d) => districts.get(d) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const top = total ? names[values.indexOf(Math.max(...values))]! : null;
  return barChart({
    title: `${year}年度积分落户申请（按区）`,
    summary:
      total === 0
        ? `${year}年度尚无积分落户申请。`
        : `${year}年度共${total}件积分落户申请，${top}最多（${Math.max(...values)}件）。`,
    categories: names,
    series: [{ name: '申请件数', values }],
    yName: '件',
    horizontal: true,
    table: { columns: ['区', '申请件数'], rows: names.map((d, i) => [d, values[i]!]) },
  });
}

function scoresChart(year: number, bands: Map<number, number>, vetoed: number): ChartView {
  const keys = [...bands.keys()].sort((a, b) => a - b);
  const from = keys.length ? keys[0]! : 0;
  const to = keys.length ? keys[keys.length - 1]! : 0;
  const all: number[] = [];
  for (let b = from; b <= to && keys.length; b += SCORE_BAND) all.push(b);
  const labels = all.map((b) => `${b}–${b + SCORE_BAND}`);
  const values = all.map((b) => bands.get(b) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const reached = all.reduce((n, b, i) => (b >= POINTS_THRESHOLD ? n + values[i]! : n), 0);
  return barChart({
    title: `${year}年度积分分布（已评分）`,
    summary:
      total + vetoed === 0
        ? `${year}年度尚无评分完成的积分申请。`
        : `已评分${total + vetoed}件，其中${reached}件达到${POINTS_THRESHOLD}分${vetoed ? `，${vetoed}件因一票否决不计分` : ''}。每段含下限、不含上限。`,
    categories: labels,
    series: [{ name: '人数', values }],
    yName: '人',
    target: all.includes(POINTS_THRESHOLD)
      ? {
          value: `${POINTS_THRESHOLD}–${POINTS_THRESHOLD + SCORE_BAND}`,
          label: `${POINTS_THRESHOLD}分`,
          onCategory: true,
        }
      : undefined,
    table: {
      columns: ['分数段（分）', '人数'],
      rows: [...labels.map((l, i) => [l, values[i]!]), ...(vetoed ? [['一票否决', vetoed]] : [])],
    },
  });
}

function queueAgeChart(
  waiting: Map<DepartmentCode, { count: number; over: number; unknown: number; oldest: number }>,
): ChartView {
  const depts = (Object.keys(DEPARTMENT_LABELS) as DepartmentCode[]).filter((d) => waiting.has(d));
  const names = depts.map((d) => DEPARTMENT_LABELS[d]);
  const oldest = depts.map((d) => waiting.get(d)!.oldest);
  const late = depts
    .filter((d) => waiting.get(d)!.over > 0)
    .map((d) => `${DEPARTMENT_LABELS[d]}${waiting.get(d)!.over}项`);
  return barChart({
    title: '待审事项最长等待（工作日）',
    summary:
      depts.length === 0
        ? '各部门暂无待审事项。'
        : `时限为受理后${REVIEW_TARGET_WORKDAYS}个工作日。${late.length ? `已超期：${late.join('、')}。` : '暂无超期事项。'}`,
    categories: names,
    series: [{ name: '最长等待（工作日）', values: oldest }],
    yName: '工作日',
    horizontal: true,
    target: { value: REVIEW_TARGET_WORKDAYS, label: `时限${REVIEW_TARGET_WORKDAYS}个工作日` },
    table: {
      columns: ['部门', '待审事项', '超过20个工作日', '最长等待（工作日）'],
      rows: depts.map((d) => {
        const w = waiting.get(d)!;
        return [
          DEPARTMENT_LABELS[d],
          w.count,
          w.over,
          w.unknown ? `${w.oldest}（另有${w.unknown}项日历未公布）` : w.oldest,
        ];
      }),
    },
  });
}

function objectionsChart(c: {
  answeredInTime: number;
  answeredLate: number;
  openInTime: number;
  openOverdue: number;
}): ChartView {
  const labels = ['已答复', '未答复'];
  return barChart({
    title: '异议答复（15个工作日时限）',
    summary: `已在时限内答复${c.answeredInTime}件，超期答复${c.answeredLate}件；尚未答复${c.openInTime + c.openOverdue}件，其中已超期${c.openOverdue}件。`,
    categories: labels,
    series: [
      { name: '时限内', values: [c.answeredInTime, c.openInTime], stack: 'objections', color: '#1f5fbf' },
      { name: '超过15个工作日', values: [c.answeredLate, c.openOverdue], stack: 'objections', color: '#c2410c' },
    ],
    yName: '件',
    table: {
      columns: ['', '时限内', '超过15个工作日'],
      rows: [
        ['已答复', c.answeredInTime, c.answeredLate],
        ['未答复', c.openInTime, c.openOverdue],
      ],
    },
  });
}
