// What a settlement line would do, before the administrator sets it: the same inputs publication ranks (the ranking
// keys stored by settlement.apply, corrected by what stands today: rounds/standing.ts) through the same pure
// ranking (`rankApplications`, rules package). Nothing is written; the count shown is the count publication at this
// line would admit if nothing changed in between (a test holds the two equal).
import {
  POINTS_THRESHOLD,
  rankApplications,
  type LinePreview,
  type RankableApplication,
  type RankOptions,
  type RankResult,
} from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { AppError } from '../../core/errors';
import { roundId } from '../../core/model';
import type { Store } from '../../storage/store';
import { BUCKETS, keysId, mayHaveChanged, type KeysDoc } from '../rounds/list';
import type { Line, RoundState } from '../rounds/model';
import { standingOnPublication } from '../rounds/standing';
import { barChart } from './charts';
import type { ChartView } from './svg';

/** Width of a band around the line, and how many bands on each side of it. */
const BAND = 5;
const BANDS_EACH_SIDE = 6;

/** The applicants publication would rank today, as rankApplications takes them. */
async function rankableToday(
  store: Store,
  year: number,
): Promise<{ input: RankableApplication[]; revoked: number; pending: number }> {
  const input: RankableApplication[] = [];
  const recheck: string[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const doc = await store.get<KeysDoc>(COLLECTIONS.settlementKeys, keysId(year, b));
    if (!doc) continue;
    for (let k = 0; k < doc.p.length; k++) {
      input.push({
        id: doc.p[k]!,
        total: doc.t[k]!,
        socialInsuranceMonths: doc.m[k]!,
        residenceRegistrationYears: doc.y[k]!,
        submittedAt: doc.s[k]!,
        meetsBasicConditions: doc.ok[k] === 1,
      });
      if (mayHaveChanged(doc, k)) recheck.push(doc.p[k]!);
    }
  }
  const byId = new Map(input.map((a, k) => [a.id, k]));
  const standing = await standingOnPublication(store, year, byId, recheck);
  for (const [personId, r] of standing.rescored) {
    const a = input[byId.get(personId)!]!;
    input[byId.get(personId)!] = {
      ...a,
      total: r.total,
      socialInsuranceMonths: r.socialInsuranceMonths,
      residenceRegistrationYears: r.residenceRegistrationYears,
    };
  }
  return {
    input: input.filter((a) => !standing.revoked.has(a.id)),
    revoked: standing.revoked.size,
    pending: standing.pending.length,
  };
}

export async function previewLine(store: Store, year: number, line: Line): Promise<LinePreview> {
  const round = await store.get<RoundState>(COLLECTIONS.rounds, roundId(year));
  if (!round) throw new AppError('ROUND_NOT_FOUND');
  const { input, revoked, pending } = await rankableToday(store, year);
  const options: RankOptions =
    line.mode === 'quota' ? { mode: 'quota', quota: line.quota } : { mode: 'threshold', line: line.threshold };
  const ranking = rankApplications(input, options);
  return {
    year,
    mode: ranking.mode,
    line: ranking.line,
    admittedCount: ranking.admittedCount,
    rankedCount: ranking.ranked.length,
    ineligibleCount: ranking.ineligible.length + revoked,
    pendingObjections: pending,
    currentLine: round.line ?? null,
    published: !!round.published,
    chart: aroundTheLine(year, line, ranking),
  };
}

/** Applicants in 5-point bands around the line, admitted and not, with everyone further away in the end bands. */
function aroundTheLine(year: number, line: Line, ranking: RankResult): ChartView {
  const centre = line.mode === 'threshold' ? line.threshold : (ranking.line ?? POINTS_THRESHOLD);
  // Bands start at the line, so a threshold never splits one (every band is wholly above or below it).
  const lowest = centre - BAND * BANDS_EACH_SIDE;
  const highest = centre + BAND * BANDS_EACH_SIDE;
  const labels = [`${lowest}以下`];
  for (let b = lowest; b < highest; b += BAND) labels.push(`${b}–${b + BAND}`);
  labels.push(`${highest}及以上`);
  const admitted = labels.map(() => 0);
  const notAdmitted = labels.map(() => 0);
  const slot = (total: number) =>
    total < lowest ? 0 : total >= highest ? labels.length - 1 : 1 + Math.floor((total - lowest) / BAND);
  ranking.ranked.forEach((r, index) => {
    const s = slot(r.total);
    if (index < ranking.admittedCount) admitted[s]!++;
    else notAdmitted[s]!++;
  });
  const rule = line.mode === 'threshold' ? `分数线${line.threshold}分` : `名额${line.quota}人`;
  const last = line.mode === 'quota' && ranking.line !== null ? `，末位录取者${ranking.line}分` : '';
  return barChart({
    title: `${year}年度按${rule}的录取情况`,
    summary: `按${rule}，将录取${ranking.admittedCount}人${last}；参与排序${ranking.ranked.length}人，未达条件${ranking.ineligible.length}人。图中每段含下限、不含上限。`,
    categories: labels,
    series: [
      { name: '录取', values: admitted, stack: 'line', color: '#1f5fbf' },
      { name: '未录取', values: notAdmitted, stack: 'line', color: '#9ca3af' },
    ],
    yName: '人',
    target: {
      value: `${centre}–${centre + BAND}`,
      label: line.mode === 'threshold' ? `${centre}分` : `末位${centre}分`,
      onCategory: true,
    },
    table: {
      columns: ['分数段（分）', '录取', '未录取'],
      rows: labels.map((l, i) => [l, admitted[i]!, notAdmitted[i]!]),
    },
  });
}
