// The administrator's year: four charts of a round, aggregated from the stored documents (counts only, no person).
//
// - Applications by week: points applications accepted (受理) that week. By district: settlement applications
//   (积分落户申请), the only application that names a district (a points application does not).
// - Score distribution: scored points applications, in 10-point bands (a veto counted apart).
// - Queue age per department: items waiting for a decision, in working days since their application was accepted,
//   against the 20-working-day result date (resultDate).
// - Objections: answered within 15 working days, answered late, open and still in time, open and overdue (the same
//   `overdue` rule as objections.list).
import { DEPARTMENT_LABELS, URBAN_DISTRICTS, type DepartmentCode } from '@hz-points/shared';
import { COLLECTIONS, type ApplicationDoc, type ItemDoc, type ObjectionDoc } from '../../core/model';
import type { Store } from '../../storage/store';
import { objectionView } from '../applications';
import { OWN_COLLECTIONS } from '../rounds/codes';
import type { SettlementDoc } from '../rounds/model';
import { barChart } from './charts';
import { forEachDoc, monthDay, weekStart, workdaysAfter } from './read';
import type { ChartView } from './svg';

/** Working days from acceptance to the result (applications API: resultDate = acceptedOn + 20 working days). */
export const REVIEW_TARGET_WORKDAYS = 20;
export const SCORE_BAND = 10;

export interface Overview {
  year: number;
  today: string;
  counts: { submitted: number; scored: number; settlementApplications: number; waitingItems: number; objections: number };
  charts: { byWeek: ChartView; byDistrict: ChartView; scores: ChartView; queueAge: ChartView; objections: ChartView };
}

export async function roundOverview(store: Store, year: number, today: string): Promise<Overview> {
  const acceptedOn = new Map<string, string>();
  const weeks = new Map<string, number>();
  const bands = new Map<number, number>();
  let vetoed = 0;
  let scored = 0;
  await forEachDoc<ApplicationDoc>(store, COLLECTIONS.applications, { year }, (a) => {
    if (!a.acceptedOn) return;
    acceptedOn.set(a._id, a.acceptedOn);
    const w = weekStart(a.acceptedOn);
    weeks.set(w, (weeks.get(w) ?? 0) + 1);
    if (a.status === 'scored' && a.points) {
      scored++;
      if (a.points.total === null) vetoed++;
      else {
        const band = Math.floor(a.points.total / SCORE_BAND) * SCORE_BAND;
        bands.set(band, (bands.get(band) ?? 0) + 1);
      }
    }
  });

  const districts = new Map<string, number>();
  let settlementApplications = 0;
  await forEachDoc<SettlementDoc>(store, OWN_COLLECTIONS.settlements, { year, status: 'submitted' }, (s) => {
    settlementApplications++;
    districts.set(s.district, (districts.get(s.district) ?? 0) + 1);
  });

  // Items still waiting for their department (pending or reviewing).
  const waiting = new Map<DepartmentCode, { count: number; over: number; unknown: number; oldest: number }>();
  let waitingItems = 0;
  for (const status of ['pending', 'reviewing'] as const) {
    await forEachDoc<ItemDoc>(store, COLLECTIONS.items, { year, status }, (item) => {
      const from = acceptedOn.get(item.applicationId);
      if (!from) return;
      waitingItems++;
      const w = waiting.get(item.department) ?? { count: 0, over: 0, unknown: 0, oldest: 0 };
      const age = workdaysAfter(from, today);
      w.count++;
      if (age === null) w.unknown++;
      else {
        if (age > REVIEW_TARGET_WORKDAYS) w.over++;
        w.oldest = Math.max(w.oldest, age);
      }
      waiting.set(item.department, w);
    });
  }

  const objectionCounts = { answeredInTime: 0, answeredLate: 0, openInTime: 0, openOverdue: 0 };
  let objections = 0;
  await forEachDoc<ObjectionDoc>(store, COLLECTIONS.objections, {}, (o) => {
    if (!o.applicationId.startsWith(`app-${year}-`)) return;
    objections++;
    const v = objectionView(o, today);
    if (o.status === 'answered') v.overdue ? objectionCounts.answeredLate++ : objectionCounts.answeredInTime++;
    else v.overdue ? objectionCounts.openOverdue++ : objectionCounts.openInTime++;
  });

  return {
    year,
    today,
    counts: { submitted: acceptedOn.size, scored, settlementApplications, waitingItems, objections },
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
  const names = [...URBAN_DISTRICTS, ...[...districts.keys()].filter((d) => !(URBAN_DISTRICTS as readonly string[]).includes(d))];
  const values = names.map((d) => districts.get(d) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const top = total ? names[values.indexOf(Math.max(...values))]! : null;
  return barChart({
    title: `${year}年度积分落户申请（按区）`,
    summary: total === 0 ? `${year}年度尚无积分落户申请。` : `${year}年度共${total}件积分落户申请，${top}最多（${Math.max(...values)}件）。`,
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
  const reached = all.reduce((n, b, i) => (b >= 100 ? n + values[i]! : n), 0);
  return barChart({
    title: `${year}年度积分分布（已评分）`,
    summary:
      total + vetoed === 0
        ? `${year}年度尚无评分完成的积分申请。`
        : `已评分${total + vetoed}件，其中${reached}件达到100分${vetoed ? `，${vetoed}件因一票否决不计分` : ''}。每段含下限、不含上限。`,
    categories: labels,
    series: [{ name: '人数', values }],
    yName: '人',
    target: all.includes(100) ? { value: `100–${100 + SCORE_BAND}`, label: '100分', onCategory: true } : undefined,
    table: { columns: ['分数段（分）', '人数'], rows: [...labels.map((l, i) => [l, values[i]!]), ...(vetoed ? [['一票否决', vetoed]] : [])] },
  });
}

function queueAgeChart(waiting: Map<DepartmentCode, { count: number; over: number; unknown: number; oldest: number }>): ChartView {
  const depts = (Object.keys(DEPARTMENT_LABELS) as DepartmentCode[]).filter((d) => waiting.has(d));
  const names = depts.map((d) => DEPARTMENT_LABELS[d]);
  const oldest = depts.map((d) => waiting.get(d)!.oldest);
  const late = depts.filter((d) => waiting.get(d)!.over > 0).map((d) => `${DEPARTMENT_LABELS[d]}${waiting.get(d)!.over}项`);
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
        return [DEPARTMENT_LABELS[d], w.count, w.over, w.unknown ? `${w.oldest}（另有${w.unknown}项日历未公布）` : w.oldest];
      }),
    },
  });
}

function objectionsChart(c: { answeredInTime: number; answeredLate: number; openInTime: number; openOverdue: number }): ChartView {
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
