// Publishing a round's list: rank every settlement application, write one result document per application, then
// make the list visible in one last transaction.
//
// Why not one transaction for everything: a CloudBase transaction holds single-document operations for at most
// 30 s, far from 200,000 writes. So the result documents are written in chunks tagged with a fresh `batch` id, and
// readers only see documents of the batch named by the round document. Until the final transaction flips
// `round.published`, nothing is visible; a failed run leaves invisible documents that the next run overwrites
// (the ids are per person). The audit entry is written with the flip: the publication is one recorded act.
import { admissionNoticeExpiry, isOpenAt, rankApplications, type RankOptions } from '@hz-points/shared';
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { roundId } from '../../core/model';
import { OWN_COLLECTIONS, ownError } from './codes';
import { resultId, type RoundResultDoc, type RoundState, type SettlementDoc } from './model';

const C = OWN_COLLECTIONS;
const ROUNDS = 'rounds';
/** Result documents per write transaction (small enough for a CloudBase transaction's time budget). */
export const PUBLISH_CHUNK = 500;

export interface PublishSummary {
  year: number;
  batch: string;
  mode: 'quota' | 'threshold';
  line: number | null;
  admittedCount: number;
  rankedCount: number;
  ineligibleCount: number;
  tieBreak: string[];
}

export async function publishRound(ctx: ActionContext<unknown>, year: number): Promise<PublishSummary> {
  const store = ctx.runtime.store;
  const round = await store.get<RoundState>(ROUNDS, roundId(year));
  if (!round) throw ownError('ROUND_NOT_FOUND');
  if (round.published) throw ownError('ROUND_PUBLISHED');
  if (!round.line) throw ownError('LINE_NOT_SET');
  if (isOpenAt(round.settlementCloses, ctx.now)) {
    throw new AppError('INVALID_STATE', `积分落户申请受理至${round.settlementCloses}24时，受理结束后方可公布名单`);
  }

  const apps = await store.find<SettlementDoc>(C.settlements, { year, status: 'submitted' }, { limit: 10_000_000 });
  const options: RankOptions =
    round.line.mode === 'quota' ? { mode: 'quota', quota: round.line.quota } : { mode: 'threshold', line: round.line.threshold };
  const ranking = rankApplications(
    apps.map((a) => ({
      id: a._id,
      total: a.total,
      socialInsuranceMonths: a.socialInsuranceMonths,
      residenceRegistrationYears: a.residenceRegistrationYears,
      submittedAt: a.submittedAt,
      meetsBasicConditions: a.meetsBasicConditions,
    })),
    options,
  );

  const batch = `${year}-${randomBytes(8).toString('hex')}`;
  const issuedOn = ctx.today;
  const expiresOn = admissionNoticeExpiry(issuedOn);
  const byId = new Map(apps.map((a) => [a._id, a]));
  const notAdmittedReason = round.line.mode === 'quota' ? '未进入当年积分落户指标名额' : `积分未达到录取分数线${round.line.threshold}分`;
  const docs: RoundResultDoc[] = [];
  let noticeSeq = 0;
  const base = (a: SettlementDoc) => ({
    _id: resultId(year, a.personId),
    year,
    batch,
    personId: a.personId,
    settlementId: a._id,
    total: a.total,
    maskedName: a.maskedName,
    maskedIdNumber: a.maskedIdNumber,
    district: a.district,
  });
  for (const r of ranking.ranked) {
    const a = byId.get(r.id)!;
    const notice = r.admitted
      ? { number: `ZR-${year}-${String(++noticeSeq).padStart(6, '0')}`, issuedOn, expiresOn }
      : null;
    docs.push({ ...base(a), rank: r.rank, admitted: r.admitted, reason: r.admitted ? null : notAdmittedReason, notice });
  }
  for (const x of ranking.ineligible) {
    docs.push({ ...base(byId.get(x.id)!), rank: null, admitted: false, reason: x.reason, notice: null });
  }

  for (let i = 0; i < docs.length; i += PUBLISH_CHUNK) {
    const chunk = docs.slice(i, i + PUBLISH_CHUNK);
    await store.transaction(async (tx) => {
      for (const d of chunk) await tx.set(C.roundResults, d);
    });
  }

  const summary: PublishSummary = {
    year,
    batch,
    mode: ranking.mode,
    line: ranking.line,
    admittedCount: ranking.admittedCount,
    rankedCount: ranking.ranked.length,
    ineligibleCount: ranking.ineligible.length,
    tieBreak: ranking.tieBreak,
  };
  await ctx.mutate(async (tx, audit) => {
    const r = await tx.get<RoundState>(ROUNDS, round._id);
    // Another publish (or a line change) got there first: ours stays invisible.
    if (!r || r.published) throw ownError('ROUND_PUBLISHED');
    if (JSON.stringify(r.line) !== JSON.stringify(round.line)) throw new AppError('CONFLICT');
    await tx.update(ROUNDS, r._id, {
      published: {
        batch,
        at: ctx.now.toISOString(),
        on: ctx.today,
        mode: summary.mode,
        line: summary.line,
        admittedCount: summary.admittedCount,
        rankedCount: summary.rankedCount,
        ineligibleCount: summary.ineligibleCount,
        tieBreak: summary.tieBreak,
        tieBreakVerified: ranking.verified,
      },
    });
    await audit({
      target: { collection: ROUNDS, id: r._id },
      details: { batch, mode: summary.mode, line: summary.line, admitted: summary.admittedCount, ranked: summary.rankedCount },
    });
  });
  return summary;
}
