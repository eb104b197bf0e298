// rankApplications: order a round's scored applications. Quota mode admits the top N under the published
// tie-break order (RANKING_RULE, our assumption); threshold mode admits everyone at or above the line.
// Built for 200,000 applications: keys are copied into typed arrays once and an index array is sorted.
import { RANKING_RULE } from './rules';
import type { TieBreakKey } from './rules';
import type { Citation } from './types';

export interface RankableApplication {
  id: string;
  /** Score total; null = vetoed. */
  total: number | null;
  socialInsuranceMonths?: number;
  residenceRegistrationYears?: number;
  /** Submission instant: epoch milliseconds or an ISO 8601 string with offset. */
  submittedAt: number | string;
  /** Residence permit for the urban districts, age ≥ 18, full civil capacity, no urban-Hangzhou hukou (FAQ2021 Q5). */
  meetsBasicConditions: boolean;
}

/**
 * quota: admit the top `quota` eligible applications. threshold: admit every eligible application with
 * total ≥ `line` (default 100; R2023 §二(四) lets the city raise it). In both modes an application is eligible
 * only with ≥ `minimumPoints` (default 100, the 准申请分值 of FAQ2021 Q5/Q9), the basic conditions and no veto.
 */
export type RankOptions =
  | { mode: 'quota'; quota: number; minimumPoints?: number }
  | { mode: 'threshold'; line?: number; minimumPoints?: number };

export interface RankedApplication {
  id: string;
  /** 1-based position in the published order (unique: the tie-break makes the order total). */
  rank: number;
  total: number;
  admitted: boolean;
}

export interface RankResult {
  mode: 'quota' | 'threshold';
  /** Every eligible application, in ranked order. */
  ranked: RankedApplication[];
  admittedCount: number;
  /** The published 分数线: quota → lowest admitted total (null if nobody); threshold → the line. */
  line: number | null;
  ineligible: { id: string; reason: string }[];
  /** The order used, in Chinese, to publish with the result. */
  tieBreak: string[];
  source: Citation;
  verified: boolean;
}

export class InvalidRankOptionsError extends Error {
  readonly code = 'INVALID_RANK_OPTIONS';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRankOptionsError';
  }
}

function instant(value: number | string, id: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidRankOptionsError(`申请 ${id} 的提交时间无效`);
  return ms;
}

export function rankApplications(apps: readonly RankableApplication[], options: RankOptions): RankResult {
  const minimum = options.minimumPoints ?? RANKING_RULE.minimumPoints;
  const thresholdLine = options.mode === 'threshold' ? (options.line ?? RANKING_RULE.minimumPoints) : 0;
  if (options.mode === 'quota' && !(Number.isInteger(options.quota) && options.quota >= 0)) {
    throw new InvalidRankOptionsError('落户指标数必须是非负整数');
  }
  if (!Number.isFinite(minimum) || !Number.isFinite(thresholdLine))
    throw new InvalidRankOptionsError('分数线必须是数字');

  const n = apps.length;
  const ineligible: { id: string; reason: string }[] = [];
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = apps[i]!;
    if (a.total === null) ineligible.push({ id: a.id, reason: '存在一票否决情形' });
    else if (!a.meetsBasicConditions) ineligible.push({ id: a.id, reason: '不符合积分落户基本申请条件' });
    else if (a.total < minimum) ineligible.push({ id: a.id, reason: `积分未达到${minimum}分` });
    else eligible.push(i);
  }

  // Keys as numbers, sign-adjusted so that every comparison is "smaller first".
  const order: TieBreakKey[] = RANKING_RULE.order;
  const m = eligible.length;
  const keys = order.map(() => new Float64Array(m));
  for (let j = 0; j < m; j++) {
    const a = apps[eligible[j]!]!;
    for (let k = 0; k < order.length; k++) {
      const key = order[k]!;
      let value = 0;
      switch (key.key) {
        case 'total':
          value = a.total!;
          break;
        case 'socialInsuranceMonths':
          value = a.socialInsuranceMonths ?? 0;
          break;
        case 'residenceRegistrationYears':
          value = a.residenceRegistrationYears ?? 0;
          break;
        case 'submittedAt':
          value = instant(a.submittedAt, a.id);
          break;
      }
      keys[k]![j] = key.direction === 'desc' ? -value : value;
    }
  }
  const idx = new Uint32Array(m);
  for (let j = 0; j < m; j++) idx[j] = j;
  const ids = eligible.map((i) => apps[i]!.id);
  const K = keys.length;
  const sorted = Array.from(idx).sort((x, y) => {
    for (let k = 0; k < K; k++) {
      const col = keys[k]!;
      const d = col[x]! - col[y]!;
      if (d !== 0) return d;
    }
    const a = ids[x]!;
    const b = ids[y]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });

  // Totals are sorted first (descending), so the admitted applications are always a prefix of the order.
  let admitLimit: number;
  if (options.mode === 'quota') admitLimit = Math.min(options.quota, m);
  else {
    admitLimit = 0;
    while (admitLimit < m && apps[eligible[sorted[admitLimit]!]!]!.total! >= thresholdLine) admitLimit++;
  }
  const ranked: RankedApplication[] = new Array(m);
  for (let r = 0; r < m; r++) {
    const j = sorted[r]!;
    ranked[r] = { id: ids[j]!, rank: r + 1, total: apps[eligible[j]!]!.total!, admitted: r < admitLimit };
  }
  return {
    mode: options.mode,
    ranked,
    admittedCount: admitLimit,
    // Quota: the lowest admitted total (published after approval). Threshold: the line itself.
    line: options.mode === 'threshold' ? thresholdLine : admitLimit > 0 ? ranked[admitLimit - 1]!.total : null,
    ineligible,
    tieBreak: [...order.map((o) => o.label), RANKING_RULE.finalKeyLabel],
    source: RANKING_RULE.source,
    verified: RANKING_RULE.verified,
  };
}
