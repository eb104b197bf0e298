// settlement: 积分落户申请 — applicants (or their delegates) apply on acceptance days of 11-01..11-30 Beijing
// (holidays excluded; open until 24:00 of the last day) with a certificate of the round that is not revoked, a score
// that is not under objection, and the basic conditions on the points standing that day (the application's, never
// the certificate's copy); after publication the admitted hold an admission notice (积分落户准入通知书) valid 60 days.
import {
  ApplySettlementInput,
  RecordSettledInput,
  SettlementRefInput,
  WithdrawSettlementInput,
  beijingDate,
  isOpenAt,
  isWorkday,
  maskIdNumber,
  maskName,
} from '@hz-points/shared';
import { createHash } from 'node:crypto';
import { reachPerson, subjectOfCall } from '../../core/access';
import { COLLECTIONS } from '../../core/collections';
import { defineAction, defineFunction } from '../../core/action';
import { AppError } from '../../core/errors';
import { applicationId, pick, roundId, type ApplicationDoc, type ItemDoc, type ObjectionDoc } from '../../core/model';
import type { DocOps } from '../../storage/store';
import type { CertificateDoc, CertificateHeadDoc } from '../certificates/model';
import { queueReminder, recipientOf } from '../reminders/outbox';
import { dropKeys, putKeys, resultFor, type ResultEntry } from '../rounds/list';
import { publicationOf, settlementId, type RoundState, type SettlementDoc } from '../rounds/model';
import { settlementEligibility } from './eligibility';
import { tieBreakKeys } from './ranking-keys';

const C = COLLECTIONS;

/**
 * Whether settlement applications are accepted at `now`: a working day (statutory holidays and weekends excluded,
 * make-up days open) between the round's opening and last day, until 24:00 Beijing of the last day. The round's own
 * dates are used (an administrator may have adjusted them), not the defaults.
 */
export function settlementOpenAt(
  round: Pick<RoundState, 'settlementOpens' | 'settlementCloses' | 'status'>,
  now: Date,
): boolean {
  if (round.status !== 'open') return false;
  const today = beijingDate(now);
  if (today < round.settlementOpens || !isOpenAt(round.settlementCloses, now)) return false;
  return isWorkday(today);
}

/** What a settlement application rests on, read by id (so the transaction can read it again). */
interface Basis {
  app: ApplicationDoc;
  cert: CertificateDoc;
  objection: ObjectionDoc | null;
}

/**
 * The points application, its current certificate and its objection, checked for a settlement application:
 * - a current certificate of the year that is not revoked (the head: a superseded one is never current);
 * - no objection open — the score must be confirmed first (FAQ2021 Q5: objection, then certificate, then the
 *   settlement application; `certificates.issue` refuses the same way). An objection can still be filed on the last
 *   day of its window after the person applied: publication re-reads those applications (`scoreMayChange`).
 * - points standing today (not vetoed). The certificate may state older points: an objection answered after it was
 *   printed changes the application, and the application is what counts.
 */
async function settlementBasis(ops: Pick<DocOps, 'get'>, appId: string): Promise<Basis> {
  const app = await ops.get<ApplicationDoc>(COLLECTIONS.applications, appId);
  const head = await ops.get<CertificateHeadDoc>(C.certificateHeads, appId);
  const cert = head ? await ops.get<CertificateDoc>(C.certificates, head.serial) : null;
  if (!app || !app.submittedAt || !app.points || !cert) throw new AppError('CERTIFICATE_REQUIRED');
  if (cert.status === 'revoked') {
    throw new AppError(
      'CERTIFICATE_REVOKED',
      `本年度积分有效凭证（${cert.serial}）已被撤销，不能申请积分落户${cert.revokedReason ? `（${cert.revokedReason}）` : ''}`,
    );
  }
  if (cert.status !== 'active') throw new AppError('CERTIFICATE_REQUIRED');
  const objection = app.objectionId ? await ops.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
  if (objection && objection.status === 'open') {
    throw new AppError('POINTS_NOT_FINAL', '积分异议正在处理中，异议答复、积分确认后方可申请积分落户');
  }
  if (app.points.total === null) throw new AppError('POINTS_VETOED', '存在一票否决情形，不能申请积分落户');
  return { app, cert, objection };
}

/** The same documents as when the checks ran (a concurrent objection, answer, revocation or re-issue → retry). */
function sameBasis(a: Basis, b: Basis): boolean {
  return (
    a.app.updatedAt === b.app.updatedAt &&
    a.cert.serial === b.cert.serial &&
    a.objection?.status === b.objection?.status
  );
}

type NoticeStatus = 'valid' | 'expired' | 'used';

function noticeView(result: ResultEntry | null, settlement: SettlementDoc, now: Date) {
  if (!result?.notice) return null;
  const status: NoticeStatus = settlement.settledOn
    ? 'used'
    : isOpenAt(result.notice.expiresOn, now)
      ? 'valid'
      : 'expired';
  return { title: '积分落户准入通知书', ...result.notice, status, settledOn: settlement.settledOn ?? null };
}

async function publishedResult(
  store: Parameters<typeof resultFor>[0],
  round: RoundState | null,
  year: number,
  personId: string,
) {
  const pub = round ? publicationOf(round) : null;
  return pub && pub.year === year ? resultFor(store, pub, personId) : null;
}

function settlementView(s: SettlementDoc) {
  return {
    ...pick(s, ['year', 'district', 'status', 'total', 'certificateSerial', 'appliedOn', 'meetsBasicConditions']),
    settledOn: s.settledOn ?? null,
  };
}

const apply = defineAction({
  input: ApplySettlementInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const { actor, subject, delegation } = await subjectOfCall(ctx);
    const store = ctx.runtime.store;
    const year = ctx.input.year;
    const round = await store.get<RoundState>(COLLECTIONS.rounds, roundId(year));
    if (!round) throw new AppError('ROUND_NOT_FOUND');
    if (round.published) throw new AppError('ROUND_PUBLISHED');
    if (!settlementOpenAt(round, ctx.now)) {
      throw new AppError(
        'SETTLEMENT_NOT_OPEN',
        `积分落户申请受理时间为${round.settlementOpens}至${round.settlementCloses}（节假日除外，截止日24时止），当前不在受理时间内`,
      );
    }
    const requestKey = createHash('sha256').update(`${ctx.openid}\u0000${ctx.input.requestId}`).digest('hex');
    const existing = await store.get<SettlementDoc>(C.settlements, settlementId(year, subject._id));
    if (existing && existing.status === 'submitted') {
      // The same request again (a retried tap) answers what was stored; anything else is a second application.
      if (existing.requestKey === requestKey) return { settlement: settlementView(existing), repeated: true };
      throw new AppError('ALREADY_SUBMITTED', '本年度已提交积分落户申请');
    }

    const appId = applicationId(year, subject._id);
    const basis = await settlementBasis(store, appId);
    const { app, cert } = basis;
    const points = app.points!.total!;

    const eligibility = settlementEligibility({
      birthDate: subject.birthDate,
      on: ctx.today,
      points,
      declarations: ctx.input.declarations,
    });
    if (!eligibility.eligible)
      throw new AppError('SETTLEMENT_NOT_ELIGIBLE', `不符合积分落户申请的基本条件：${eligibility.reasons.join('；')}`);
    const items = await store.find<ItemDoc>(COLLECTIONS.items, { applicationId: appId }, { limit: 100 });

    const doc: SettlementDoc = {
      _id: settlementId(year, subject._id),
      year,
      personId: subject._id,
      applicationId: appId,
      certificateSerial: cert.serial,
      district: ctx.input.district,
      declarations: { ...ctx.input.declarations },
      total: points,
      ...tieBreakKeys(items),
      submittedAt: app.submittedAt!,
      meetsBasicConditions: true,
      // Its last day (the day the certificate became printable) with no objection yet: one may still be filed.
      scoreMayChange: !basis.objection && app.objectionDeadline !== null && isOpenAt(app.objectionDeadline, ctx.now),
      maskedName: maskName(subject.name),
      maskedIdNumber: maskIdNumber(subject.idNumber),
      status: 'submitted',
      appliedOn: ctx.today,
      appliedAt: ctx.now.toISOString(),
      appliedByPersonId: actor._id,
      requestKey,
      settledOn: null,
    };
    await ctx.mutate(async (tx, audit) => {
      // Re-check inside the transaction what a concurrent call could have changed.
      const again = await tx.get<SettlementDoc>(C.settlements, doc._id);
      if (again && again.status === 'submitted') throw new AppError('ALREADY_SUBMITTED', '本年度已提交积分落户申请');
      if (!sameBasis(basis, await settlementBasis(tx, appId))) throw new AppError('CONFLICT');
      const r = await tx.get<RoundState>(COLLECTIONS.rounds, round._id);
      if (!r || r.published || !settlementOpenAt(r, ctx.now)) throw new AppError('SETTLEMENT_NOT_OPEN');
      await tx.set(C.settlements, doc);
      await putKeys(tx, doc);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: C.settlements, id: doc._id },
        details: { year, total: doc.total, district: doc.district, delegation: delegation.kind },
      });
      await queueReminder(
        tx,
        {
          personId: subject._id,
          toOpenid: recipientOf(subject, ctx.openid),
          template: 'status',
          fields: { thing1: '积分落户申请', phrase2: '已受理', date3: ctx.today, thing4: '名单公布后将通知您' },
          page: 'packages/settle/index/index',
          dedupeKey: `settlement-applied:${doc._id}:${doc.appliedAt}`,
        },
        ctx.now,
      );
    });
    return { settlement: settlementView(doc), repeated: false };
  },
});

const get = defineAction({
  input: SettlementRefInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const { subject } = await subjectOfCall(ctx);
    const store = ctx.runtime.store;
    const round = await store.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
    const s = await store.get<SettlementDoc>(C.settlements, settlementId(ctx.input.year, subject._id));
    const result = s ? await publishedResult(store, round, ctx.input.year, subject._id) : null;
    // `total` is what the person applied with; an objection answered since may have changed the points that count.
    const app = s ? await store.get<ApplicationDoc>(COLLECTIONS.applications, s.applicationId) : null;
    return {
      acceptingNow: round ? settlementOpenAt(round, ctx.now) : false,
      window: round ? { opens: round.settlementOpens, closes: round.settlementCloses } : null,
      settlement: s ? { ...settlementView(s), currentTotal: app?.points?.total ?? null } : null,
      result: result
        ? { admitted: result.admitted, rank: result.rank, reason: result.reason, line: round!.published!.line }
        : null,
      notice: s ? noticeView(result, s, ctx.now) : null,
    };
  },
});

const withdraw = defineAction({
  input: WithdrawSettlementInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const { subject } = await subjectOfCall(ctx);
    const s = await ctx.mutate(async (tx, audit) => {
      const doc = await tx.get<SettlementDoc>(C.settlements, settlementId(ctx.input.year, subject._id));
      if (!doc || doc.status !== 'submitted') throw new AppError('NOT_FOUND');
      const r = await tx.get<RoundState>(COLLECTIONS.rounds, roundId(ctx.input.year));
      if (r?.published) throw new AppError('ROUND_PUBLISHED');
      await tx.update(C.settlements, doc._id, { status: 'withdrawn' });
      await dropKeys(tx, doc);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: C.settlements, id: doc._id },
        details: { status: 'withdrawn' },
      });
      return { ...doc, status: 'withdrawn' as const };
    });
    return { settlement: settlementView(s) };
  },
});

const recordSettled = defineAction({
  input: RecordSettledInput,
  access: ['district-office'],
  mutates: true,
  async run(ctx) {
    const store = ctx.runtime.store;
    const { year, personId } = ctx.input;
    await reachPerson(ctx, store, personId, ['district-office']);
    const round = await store.get<RoundState>(COLLECTIONS.rounds, roundId(year));
    const out = await ctx.mutate(async (tx, audit) => {
      const s = await tx.get<SettlementDoc>(C.settlements, settlementId(year, personId));
      if (!s || s.status !== 'submitted') throw new AppError('NOT_FOUND');
      const pub = round ? publicationOf(round) : null;
      const result = pub ? await resultFor(tx, pub, personId) : null;
      if (!result || !result.notice) throw new AppError('INVALID_STATE', '该申请人未获准入，无积分落户准入通知书');
      if (s.settledOn) throw new AppError('INVALID_STATE', '已办理落户');
      if (!isOpenAt(result.notice.expiresOn, ctx.now)) {
        throw new AppError('ADMISSION_NOTICE_EXPIRED', `积分落户准入通知书有效期至${result.notice.expiresOn}，已过期`);
      }
      await tx.update(C.settlements, s._id, { settledOn: ctx.today });
      await audit({
        onBehalfOf: personId,
        target: { collection: C.settlements, id: s._id },
        details: { settledOn: ctx.today, notice: result.notice.number },
      });
      return { ...s, settledOn: ctx.today };
    });
    return { settlement: settlementView(out) };
  },
});

export const settlementFunction = defineFunction('settlement', { apply, get, withdraw, recordSettled });
