// Over 300 lines on purpose: planning a publication and its final flip share the plan's invariants (batch, counts,
// the round's state) and are read together.
// Publishing a round's list: rank every settlement application on what stands on the day (their keys come from the
// bucket documents of rounds/list.ts, corrected by rounds/standing.ts: points changed by an objection answered after
// the person applied, revoked certificates), write the list pages and the per-person lookup buckets, then make the
// list visible in one last transaction.
//
// Why not one transaction for everything: a CloudBase transaction holds single-document operations for at most
// 30 s. So the documents are written in chunks tagged with a fresh `batch` id, and readers only see documents of the
// batch named by the round document. Until the final transaction flips `round.published`, nothing is visible; a
// failed run leaves invisible documents (a later run writes a new batch). The audit entry is written with the flip:
// the publication is one recorded act. This module plans and flips; rounds/publish-job.ts runs the chunks as a
// resumable job across invocations.
import {
  admissionNoticeExpiry,
  isOpenAt,
  rankApplications,
  type PublishSummary,
  type RankableApplication,
  type RankOptions,
} from '@hz-points/shared';
import { performance } from 'node:perf_hooks';
import type { ActionContext, AuditInput } from '../../core/action';
import type { DocOps } from '../../storage/store';
import { AppError } from '../../core/errors';
import { roundId } from '../../core/model';
import { COLLECTIONS } from '../../core/collections';
import {
  BUCKETS,
  PAGE_SIZE,
  keysId,
  listPageId,
  lookupId,
  mayHaveChanged,
  type KeysDoc,
  type ListLine,
  type ListPageDoc,
  type LookupDoc,
} from './list';
import type { RoundState } from './model';
import { onlyApplicants, revokedApplicants, standingOnPublication, type Rescored, type Standing } from './standing';

const C = COLLECTIONS;
const ROUNDS = 'rounds';
/** Documents per write transaction (list pages ≤ 60 KB, lookup buckets ≤ 20 KB at 200,000 applications). */
export const PUBLISH_CHUNK = 8;
/** Ranking-key buckets read concurrently while planning. */
const KEYS_IN_FLIGHT = 32;

/**
 * Everything the publication writes, computed from what stands now (deterministic: the same stored data gives the
 * same plan, byte for byte). Documents are built on demand for a batch (`documentAt`), so a resumed job rebuilds
 * exactly the chunk it stopped at without holding 456 large documents in memory.
 */
export interface PublicationPlan {
  round: RoundState;
  /** Everything but `batch` of the summary. */
  summary: Omit<PublishSummary, 'batch'>;
  tieBreakVerified: boolean;
  /** How many documents the list takes: list pages first, then the BUCKETS lookup buckets. */
  documentCount: number;
  /** List pages (the first `pages` documents). */
  pages: number;
  documentAt(index: number, batch: string): [collection: string, doc: ListPageDoc | LookupDoc];
  /** The applicants (by person id), for the revocation check before the flip. */
  applicants: ReadonlyMap<string, number>;
  revoked: ReadonlyMap<string, string>;
  /** The re-read points of flagged applicants (kept by the job, so later invocations need not read them again). */
  rescored: ReadonlyMap<string, Rescored>;
  /** Phase durations (ms), logged with the publication. */
  ms: Record<string, number>;
}

/** The publication's checks on the round (nothing is read beyond the round document); throws the action's errors. */
export async function publishableRound(
  ctx: ActionContext<unknown>,
  year: number,
): Promise<RoundState & { line: NonNullable<RoundState['line']> }> {
  const round = await ctx.runtime.store.get<RoundState>(ROUNDS, roundId(year));
  if (!round) throw new AppError('ROUND_NOT_FOUND');
  if (round.published) throw new AppError('ROUND_PUBLISHED');
  if (!round.line) throw new AppError('LINE_NOT_SET');
  if (isOpenAt(round.settlementCloses, ctx.now)) {
    throw new AppError('INVALID_STATE', `积分落户申请受理至${round.settlementCloses}24时，受理结束后方可公布名单`);
  }
  return round as RoundState & { line: NonNullable<RoundState['line']> };
}

/**
 * The plan of a publication (nothing is written here). `known.rescored`: the flagged applicants' points a running job
 * already re-read; `known.revokedAll`: the year's revoked certificates already read by the caller.
 */
export async function planPublication(
  ctx: ActionContext<unknown>,
  round: RoundState & { line: NonNullable<RoundState['line']> },
  known: { rescored?: ReadonlyArray<[string, Rescored]>; revokedAll?: ReadonlyMap<string, string> } = {},
): Promise<PublicationPlan> {
  const store = ctx.runtime.store;
  const year = round.year;
  // Phase durations are logged with the publication (a rare, heavy operation worth watching in production).
  const ms: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    ms[name] = Math.round(t - mark);
    mark = t;
  };
  // Reads by id: no query has to look inside these large documents. A key's bucket is its person's lookup bucket
  // (both are bucketOf(personId)), so it is remembered here rather than hashed again.
  const P: string[] = [];
  const T: Array<number | null> = []; // null: vetoed (only after an objection answer; see standing)
  const M: number[] = [];
  const Y: number[] = [];
  const S: number[] = [];
  const OK: number[] = [];
  const N: string[] = [];
  const I: string[] = [];
  const D: string[] = [];
  const bucketOfKey: number[] = [];
  // Entries whose score could still change after the person applied (their objection window was open that day).
  const recheck: string[] = [];
  // A few bucket reads in flight at once: on CloudBase each is a network round trip (the order of the columns below
  // stays the bucket order, so the plan is the same).
  const keyDocs: Array<KeysDoc | null> = [];
  for (let b = 0; b < BUCKETS; b += KEYS_IN_FLIGHT) {
    const slice = Array.from({ length: Math.min(KEYS_IN_FLIGHT, BUCKETS - b) }, (_, j) =>
      store.get<KeysDoc>(C.settlementKeys, keysId(year, b + j)),
    );
    keyDocs.push(...(await Promise.all(slice)));
  }
  for (let b = 0; b < BUCKETS; b++) {
    const doc = keyDocs[b];
    if (!doc) continue;
    for (let k = 0; k < doc.p.length; k++) {
      P.push(doc.p[k]!);
      T.push(doc.t[k]!);
      M.push(doc.m[k]!);
      Y.push(doc.y[k]!);
      S.push(doc.s[k]!);
      OK.push(doc.ok[k]!);
      N.push(doc.n[k]!);
      I.push(doc.i[k]!);
      D.push(doc.d[k]!);
      bucketOfKey.push(b);
      if (mayHaveChanged(doc, k)) recheck.push(doc.p[k]!);
    }
  }
  // Where each person's keys are (also who applied: the standing checks look people up in it).
  const indexOf = new Map<string, number>();
  for (let k = 0; k < P.length; k++) indexOf.set(P[k]!, k);
  phase('loadKeys');
  // A running job already re-read the flagged applications (their points cannot change again: one objection per
  // application, answered; and an objection still open stopped the job): only the revocations are read again.
  const standing: Standing = known.rescored
    ? {
        rescored: new Map(known.rescored.filter(([personId]) => indexOf.has(personId))),
        pending: [],
        revoked: known.revokedAll
          ? onlyApplicants(known.revokedAll, indexOf)
          : await revokedApplicants(store, year, indexOf),
      }
    : await standingOnPublication(store, year, indexOf, recheck, known.revokedAll);
  if (standing.pending.length > 0) {
    throw new AppError(
      'OBJECTIONS_PENDING',
      `尚有${standing.pending.length}名积分落户申请人的积分异议未答复；积分确认（异议答复）后方可公布名单`,
    );
  }
  phase('standing');
  // Ranking ids are the person ids. rankApplications' last tie-break (id ascending, by `<`) then orders exactly as
  // with the settlement ids `set-<year>-<personId>`: a common prefix changes no comparison, and no string is built.
  const options: RankOptions =
    round.line.mode === 'quota'
      ? { mode: 'quota', quota: round.line.quota }
      : { mode: 'threshold', line: round.line.threshold };
  // Current totals and tie-break values; a revoked applicant is not ranked at all.
  for (const [personId, r] of standing.rescored) {
    const k = indexOf.get(personId)!;
    T[k] = r.total;
    M[k] = r.socialInsuranceMonths;
    Y[k] = r.residenceRegistrationYears;
  }
  const input: RankableApplication[] = [];
  for (let k = 0; k < P.length; k++) {
    if (standing.revoked.has(P[k]!)) continue;
    input.push({
      id: P[k]!,
      total: T[k]!,
      socialInsuranceMonths: M[k]!,
      residenceRegistrationYears: Y[k]!,
      submittedAt: S[k]!,
      meetsBasicConditions: OK[k] === 1,
    });
  }
  const ranking = rankApplications(input, options);

  phase('rank');
  const reason =
    round.line.mode === 'quota' ? '未进入当年积分落户指标名额' : `积分未达到录取分数线${round.line.threshold}分`;
  const lookups: Array<Pick<LookupDoc, 'ids' | 'at' | 'ineligible'>> = [];
  for (let bucket = 0; bucket < BUCKETS; bucket++) lookups.push({ ids: [], at: [], ineligible: [] });
  // The list in rank order (a line's rank is its position + 1: rankApplications ranks positionally, and the admitted
  // are the ranked prefix, so neither rank, admission, reason nor notice number is stored per line).
  const ranked = ranking.ranked;
  const pages: ListLine[][] = [];
  for (let page = 0; page * PAGE_SIZE < ranked.length; page++) {
    const end = Math.min(ranked.length, (page + 1) * PAGE_SIZE);
    const entries = new Array<ListLine>(end - page * PAGE_SIZE);
    for (let index = page * PAGE_SIZE; index < end; index++) {
      const r = ranked[index]!;
      if (r.rank !== index + 1) throw new Error(`rankApplications: rank ${r.rank} at position ${index}`); // the format relies on it
      const k = indexOf.get(r.id)!;
      entries[index - page * PAGE_SIZE] = [P[k]!, r.total, N[k]!, I[k]!, D[k]!];
      const l = lookups[bucketOfKey[k]!]!;
      l.ids.push(P[k]!);
      l.at.push(index);
    }
    pages.push(entries);
  }
  for (const x of ranking.ineligible) {
    const k = indexOf.get(x.id)!;
    lookups[bucketOfKey[k]!]!.ineligible.push([P[k]!, T[k]!, N[k]!, I[k]!, D[k]!, x.reason]);
  }
  for (const [personId, reason] of standing.revoked) {
    const k = indexOf.get(personId)!;
    lookups[bucketOfKey[k]!]!.ineligible.push([P[k]!, T[k]!, N[k]!, I[k]!, D[k]!, reason]);
  }
  const admittedCount = ranking.admittedCount;
  const summary: Omit<PublishSummary, 'batch'> = {
    year,
    mode: ranking.mode,
    line: ranking.line,
    admittedCount,
    rankedCount: ranking.ranked.length,
    ineligibleCount: ranking.ineligible.length + standing.revoked.size,
    revokedCount: standing.revoked.size,
    rescoredCount: standing.rescored.size,
    tieBreak: ranking.tieBreak,
  };
  phase('build');
  return {
    round,
    summary,
    tieBreakVerified: ranking.verified,
    documentCount: pages.length + BUCKETS,
    pages: pages.length,
    documentAt(index, batch) {
      if (index < pages.length) {
        return [
          C.roundLists,
          {
            _id: listPageId(year, batch, index),
            year,
            batch,
            page: index,
            admittedCount,
            reason,
            entries: pages[index]!,
          },
        ];
      }
      const bucket = index - pages.length;
      const l = lookups[bucket]!;
      return [
        C.roundLookup,
        { _id: lookupId(year, batch, bucket), year, batch, bucket, ids: l.ids, at: l.at, ineligible: l.ineligible },
      ];
    },
    applicants: indexOf,
    revoked: standing.revoked,
    rescored: standing.rescored,
    ms,
  };
}

/** The flip's checks and writes: the round gets its publication and the audit entry, in the caller's transaction. */
export async function flipPublication(
  ctx: ActionContext<unknown>,
  plan: Pick<PublicationPlan, 'round' | 'summary' | 'tieBreakVerified'>,
  batch: string,
  tx: DocOps,
  audit: (entry: AuditInput) => Promise<void>,
  extraDetails: Record<string, unknown> = {},
): Promise<PublishSummary> {
  const { round } = plan;
  const summary: PublishSummary = { ...plan.summary, batch };
  const r = await tx.get<RoundState>(ROUNDS, round._id);
  // Another publish (or a line change) got there first: ours stays invisible.
  if (!r || r.published) throw new AppError('ROUND_PUBLISHED');
  if (JSON.stringify(r.line) !== JSON.stringify(round.line)) throw new AppError('CONFLICT');
  await tx.update(ROUNDS, r._id, {
    published: {
      batch,
      at: ctx.now.toISOString(),
      on: ctx.today,
      noticeExpiresOn: admissionNoticeExpiry(ctx.today),
      mode: summary.mode,
      line: summary.line,
      admittedCount: summary.admittedCount,
      rankedCount: summary.rankedCount,
      ineligibleCount: summary.ineligibleCount,
      revokedCount: summary.revokedCount,
      rescoredCount: summary.rescoredCount,
      tieBreak: summary.tieBreak,
      tieBreakVerified: plan.tieBreakVerified,
    },
  });
  await audit({
    target: { collection: ROUNDS, id: r._id },
    details: {
      batch,
      mode: summary.mode,
      line: summary.line,
      admitted: summary.admittedCount,
      ranked: summary.rankedCount,
      revoked: summary.revokedCount,
      rescored: summary.rescoredCount,
      ...extraDetails,
    },
  });
  return summary;
}
