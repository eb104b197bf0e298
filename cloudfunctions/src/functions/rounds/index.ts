// rounds: the yearly round — open it with the dates of roundDates(year) (adjustable), set the line (quota, ranked
// by the published tie-break order, or the post-2023 threshold ≥ 100), publish the list, read it (masked for
// everyone but the owner).
import {
  AdjustRoundInput,
  CloseRoundInput,
  GetRoundInput,
  ListRoundResultsInput,
  MyStandingInput,
  OpenRoundInput,
  PublicationStatusInput,
  PublishRoundInput,
  RANKING_RULE,
  SetLineInput,
  roundDateOrderMessage,
  roundDates,
  type RoundDates,
} from '@hz-points/shared';
import type { z } from 'zod';
import { subjectOfCall } from '../../core/access';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction, type ActionContext } from '../../core/action';
import { AppError } from '../../core/errors';
import { pick, roundId, type PersonDoc } from '../../core/model';
import { listSlice, resultFor, type ResultEntry } from './list';
import { publicationOf, type RoundState } from './model';
import { continuePublication, publicationStatus as statusOf } from './publish-job';

function defaultDates(year: number): RoundDates {
  try {
    return roundDates(year);
  } catch (e) {
    if ((e as { code?: string }).code === 'ROUND_UNKNOWN')
      throw new AppError('VALIDATION_FAILED', (e as Error).message);
    throw e;
  }
}

function applyPatch(
  round: RoundState,
  dates: { settlementOpens?: string; settlementCloses?: string; pointsApplicationCloses?: string },
) {
  const next = {
    settlementOpens: dates.settlementOpens ?? round.settlementOpens,
    settlementCloses: dates.settlementCloses ?? round.settlementCloses,
    pointsApplication: {
      ...round.pointsApplication,
      closes: dates.pointsApplicationCloses ?? round.pointsApplication.closes,
    },
  };
  const outOfOrder = roundDateOrderMessage({ cutoffDate: round.cutoffDate, ...next }); // against the stored round
  if (outOfOrder) throw new AppError('VALIDATION_FAILED', outOfOrder);
  if (next.settlementOpens > next.settlementCloses)
    throw new AppError('VALIDATION_FAILED', '受理结束日期不能早于开始日期');
  if (!next.settlementOpens.startsWith(String(round.year)))
    throw new AppError('VALIDATION_FAILED', '受理开始日期须在该年度内');
  return next;
}

/** What everyone sees of a round. */
function roundView(r: RoundState) {
  return {
    ...pick(r, ['year', 'status', 'cutoffDate', 'settlementOpens', 'settlementCloses', 'pointsApplication']),
    line: r.line ?? null,
    published: r.published ? pick(r.published, ['on', 'mode', 'line', 'admittedCount', 'rankedCount']) : null,
    tieBreak: [...RANKING_RULE.order.map((o) => o.label), RANKING_RULE.finalKeyLabel],
    tieBreakVerified: RANKING_RULE.verified,
  };
}

const open = defineAction({
  input: OpenRoundInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    const d = defaultDates(ctx.input.year);
    const round = await ctx.mutate(async (tx, audit) => {
      if (await tx.get(COLLECTIONS.rounds, roundId(ctx.input.year))) throw new AppError('ROUND_EXISTS');
      const base: RoundState = {
        _id: roundId(d.year),
        year: d.year,
        status: 'open',
        cutoffDate: d.cutoffDate,
        settlementOpens: d.settlementOpens,
        settlementCloses: d.settlementCloses,
        lookbackFrom: d.lookbackFrom,
        pointsApplication: {
          opens: d.pointsApplication.opens,
          closes: d.pointsApplication.closes,
          yearRound: d.pointsApplication.yearRound,
        },
        createdAt: ctx.now.toISOString(),
        line: null,
        published: null,
        adjustments: [],
      };
      const doc: RoundState = ctx.input.dates
        ? {
            ...base,
            ...applyPatch(base, ctx.input.dates),
            adjustments: [{ at: ctx.now.toISOString(), byOpenid: ctx.openid, dates: { ...ctx.input.dates } }],
          }
        : base;
      await tx.insert(COLLECTIONS.rounds, doc);
      await audit({
        target: { collection: COLLECTIONS.rounds, id: doc._id },
        details: { year: doc.year, adjusted: !!ctx.input.dates },
      });
      return doc;
    });
    return { round: roundView(round) };
  },
});

/**
 * An administrator's change to a round before it is final: read the round in the transaction, let `change` check it
 * and name the patch and the audit details, write both.
 */
function roundChange<S extends z.ZodType<{ year: number }>>(
  input: S,
  change: (
    r: RoundState,
    ctx: ActionContext<z.output<S>>,
  ) => { patch: Partial<RoundState>; details: Record<string, unknown> },
) {
  return defineAction({
    input,
    access: ['admin'],
    mutates: true,
    async run(ctx) {
      const round = await ctx.mutate(async (tx, audit) => {
        const r = await tx.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
        if (!r) throw new AppError('ROUND_NOT_FOUND');
        const { patch, details } = change(r, ctx);
        await tx.update(COLLECTIONS.rounds, r._id, patch);
        await audit({ target: { collection: COLLECTIONS.rounds, id: r._id }, details });
        return { ...r, ...patch };
      });
      return { round: roundView(round) };
    },
  });
}

/** The line and the dates are fixed once the list is published. */
function notPublished(r: RoundState): void {
  if (r.published) throw new AppError('ROUND_PUBLISHED');
}

const adjust = roundChange(AdjustRoundInput, (r, ctx) => {
  notPublished(r);
  const patch = {
    ...applyPatch(r, ctx.input.dates),
    adjustments: [
      ...(r.adjustments ?? []),
      { at: ctx.now.toISOString(), byOpenid: ctx.openid, dates: { ...ctx.input.dates } },
    ],
  };
  return { patch, details: { dates: ctx.input.dates } };
});

const close = roundChange(CloseRoundInput, (r) => {
  if (r.status === 'closed') throw new AppError('INVALID_STATE', '该年度批次已关闭');
  return { patch: { status: 'closed' as const }, details: { status: 'closed' } };
});

const get = defineAction({
  input: GetRoundInput,
  access: 'caller',
  mutates: false,
  async run(ctx) {
    const r = await ctx.runtime.store.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
    if (!r) throw new AppError('ROUND_NOT_FOUND');
    return { round: roundView(r) };
  },
});

const setLine = roundChange(SetLineInput, (r, ctx) => {
  notPublished(r);
  const line =
    ctx.input.mode === 'quota'
      ? { mode: 'quota' as const, quota: ctx.input.quota }
      : { mode: 'threshold' as const, threshold: ctx.input.threshold };
  return { patch: { line, lineSetAt: ctx.now.toISOString() }, details: { line } };
});

// A resumable job (rounds/publish-job.ts): each call writes chunks within its budget and answers `done: false` with
// the progress, or finishes (`done: true` with the summary). The admin page calls again until done; so does the timer.
const publish = defineAction({
  input: PublishRoundInput,
  access: ['admin'],
  mutates: true,
  async run(ctx) {
    return continuePublication(ctx, ctx.input.year);
  },
});

const publicationStatus = defineAction({
  input: PublicationStatusInput,
  access: ['admin'],
  mutates: false,
  async run(ctx) {
    return { progress: await statusOf(ctx, ctx.input.year) };
  },
});

/**
 * One line of the list. `clear`: the owner themself (name and ID in clear); everyone else, delegates included,
 * sees them masked. `forSubject`: the owner or their delegate, who also sees the admission notice.
 */
function resultView(r: ResultEntry, clear: PersonDoc | null, forSubject: boolean) {
  return {
    rank: r.rank,
    total: r.total,
    admitted: r.admitted,
    reason: forSubject ? r.reason : null,
    district: r.district,
    name: clear ? clear.name : r.maskedName,
    idNumber: clear ? clear.idNumber : r.maskedIdNumber,
    own: forSubject,
    notice: forSubject ? r.notice : null,
  };
}

// Applicants (their own line in clear), and the admin and district offices (everyone masked).
const results = defineAction({
  input: ListRoundResultsInput,
  access: { registeredOr: ['admin', 'district-office'] },
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const r = await store.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
    if (!r) throw new AppError('ROUND_NOT_FOUND');
    if (!r.published) throw new AppError('RESULT_NOT_PUBLISHED', '该年度积分落户名单尚未公布');
    // The public list shows the admitted (the ranked prefix); the rest learn their own result from myStanding.
    const rows = await listSlice(
      store,
      publicationOf(r)!,
      ctx.input.skip ?? 0,
      ctx.input.limit ?? 50,
      r.published.admittedCount,
    );
    const me = ctx.person;
    return {
      year: r.year,
      line: r.published.line,
      admittedCount: r.published.admittedCount,
      tieBreak: r.published.tieBreak,
      rows: rows.map((row) =>
        me && row.personId === me._id ? resultView(row, me, true) : resultView(row, null, false),
      ),
    };
  },
});

const myStanding = defineAction({
  input: MyStandingInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const { actor, subject } = await subjectOfCall(ctx);
    const store = ctx.runtime.store;
    const r = await store.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
    if (!r) throw new AppError('ROUND_NOT_FOUND');
    if (!r.published) return { published: false as const, result: null };
    const mine = await resultFor(store, publicationOf(r)!, subject._id);
    // The subject's own data: in clear only for the subject themself; a delegate sees it masked.
    const own = subject._id === actor._id;
    return {
      published: true as const,
      line: r.published.line,
      result: mine ? resultView(mine, own ? subject : null, true) : null,
    };
  },
});

export const roundsFunction = defineFunction('rounds', {
  open,
  adjust,
  close,
  get,
  setLine,
  publish,
  results,
  myStanding,
  publicationStatus,
});
