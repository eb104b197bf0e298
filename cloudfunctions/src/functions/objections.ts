// objections (异议): filed by the applicant or their delegate within 7 working days after the result, answered by the
// district office within 15 working days; an answer may change item values, and the points are rescored by the
// rules package. See API.md.
import {
  AnswerObjectionInput,
  FileObjectionInput,
  ListObjectionsInput,
  isOpenAt,
  objectionAnswerDeadline,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { defineAction, defineFunction } from '../core/action';
import { deadlineOrPending } from '../core/calendar-years';
import { AppError } from '../core/errors';
import { randomId } from '../core/ids';
import {
  itemId as itemIdOf,
  type ApplicationDoc,
  type ItemDoc,
  type ObjectionDoc,
  type PersonDoc,
  type RequestDoc,
} from '../core/model';
import { maskedPerson } from '../core/people';
import { pointsFromItems } from '../core/scoring';
import type { Where } from '../storage/store';
import {
  applicationForApplicant,
  applicationView,
  checkEvidence,
  isPublished,
  loadItems,
  objectionView,
  parseClaimValue,
  priorResult,
  requestKey,
} from './applications';

const file = defineAction({
  input: FileObjectionInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const key = requestKey(ctx.openid, 'objections.file', ctx.input.requestId);
    return ctx.mutate(async (tx, audit) => {
      const prior = await priorResult(tx, key, ctx.input.applicationId);
      if (prior !== null) return prior as { objection: ReturnType<typeof objectionView> };
      const { app, subject } = await applicationForApplicant(tx, actor, ctx.input.applicationId, ctx.today);
      if (!isPublished(app, ctx.today) || !app.objectionDeadline) throw new AppError('RESULT_NOT_PUBLISHED');
      if (app.objectionId) throw new AppError('ALREADY_SUBMITTED', '已提出过异议，请等待答复');
      if (!isOpenAt(app.objectionDeadline, ctx.now)) {
        throw new AppError('WINDOW_CLOSED', `异议期限已过（截至${app.objectionDeadline}24时）`);
      }
      const itemIds = new Set(app.itemIds);
      for (const code of ctx.input.indicators) {
        if (!itemIds.has(itemIdOf(app._id, code))) {
          throw new AppError('VALIDATION_FAILED', '异议指标：所选指标不在本次申请中');
        }
      }
      // Same rule as a claim's evidence: the applicant's own uploaded evidence files only.
      const evidence = ctx.input.evidence ?? [];
      await checkEvidence(tx, subject._id, evidence);
      const at = ctx.now.toISOString();
      const objection: ObjectionDoc = {
        _id: randomId('obj'),
        applicationId: app._id,
        personId: subject._id,
        indicators: ctx.input.indicators,
        reason: ctx.input.reason,
        filedByPersonId: actor._id,
        filedAt: at,
        filedOn: ctx.today,
        // Filing is the applicant's right within their window: never refused because the answer deadline falls
        // in a year whose holiday schedule is not published yet — it is pending until that year is registered.
        answerDeadline: deadlineOrPending(() => objectionAnswerDeadline(ctx.today)),
        evidence,
        status: 'open',
        reply: null,
        changes: [],
        answeredAt: null,
        answeredOn: null,
        answeredByOpenid: null,
        pointsBefore: app.points?.total ?? null,
        pointsAfter: null,
      };
      await tx.insert(COLLECTIONS.objections, objection);
      await tx.update(COLLECTIONS.applications, app._id, { objectionId: objection._id, updatedAt: at });
      const result = { objection: objectionView(objection, ctx.today) };
      await tx.insert<RequestDoc>(COLLECTIONS.requests, {
        _id: key,
        action: 'objections.file',
        key: app._id,
        result,
        at,
      });
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.objections, id: objection._id },
        details: {
          applicationId: app._id,
          indicators: objection.indicators,
          answerDeadline: objection.answerDeadline,
          evidence: evidence.length,
        },
      });
      return result;
    });
  },
});

const list = defineAction({
  input: ListObjectionsInput,
  access: ['district-office', 'admin'],
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const where: Where = {};
    if (ctx.input.status) where.status = ctx.input.status;
    const rows = await store.find<ObjectionDoc>(COLLECTIONS.objections, where, {
      orderBy: [['filedAt', 'asc']],
      limit: ctx.input.limit ?? 20,
      skip: ctx.input.skip ?? 0,
    });
    const out = [];
    for (const o of rows) {
      const p = await store.get<PersonDoc>(COLLECTIONS.persons, o.personId);
      out.push({ ...objectionView(o, ctx.today), applicant: p ? maskedPerson(p) : null });
    }
    return { objections: out, total: await store.count(COLLECTIONS.objections, where) };
  },
});

const answer = defineAction({
  input: AnswerObjectionInput,
  access: ['district-office'],
  mutates: true,
  async run(ctx) {
    const input = ctx.input;
    const changes = input.changes.map((c) => ({
      indicator: c.indicator,
      acceptedValue: c.acceptedValue === null ? null : parseClaimValue(c.indicator, c.acceptedValue),
    }));
    return ctx.mutate(async (tx, audit) => {
      const objection = await tx.get<ObjectionDoc>(COLLECTIONS.objections, input.objectionId);
      if (!objection) throw new AppError('NOT_FOUND');
      if (objection.status !== 'open') throw new AppError('INVALID_STATE', '该异议已答复');
      const app = await tx.get<ApplicationDoc>(COLLECTIONS.applications, objection.applicationId);
      const person = app && (await tx.get<PersonDoc>(COLLECTIONS.persons, app.personId));
      if (!app || !person || !app.points) throw new Error('objection without scored application');
      const seen = new Set<string>();
      for (const c of changes) {
        if (!objection.indicators.includes(c.indicator) || seen.has(c.indicator)) {
          throw new AppError('VALIDATION_FAILED', '调整事项：只能调整异议所涉指标，且每项一次');
        }
        seen.add(c.indicator);
      }
      const at = ctx.now.toISOString();
      const items = await loadItems(tx, app);
      const updated: ItemDoc[] = [];
      for (const item of items) {
        const change = changes.find((c) => c.indicator === item.indicator);
        if (!change) {
          updated.push(item);
          continue;
        }
        const patch: Partial<ItemDoc> = {
          status: change.acceptedValue === null ? 'returned' : 'approved',
          acceptedValue: change.acceptedValue,
          returnReason: change.acceptedValue === null ? input.reply : null,
          updatedAt: at,
          history: [...item.history, { at, status: 'objection-answer', byOpenid: ctx.openid }],
        };
        await tx.update(COLLECTIONS.items, item._id, patch);
        updated.push({ ...item, ...patch } as ItemDoc);
      }
      const points = pointsFromItems(updated, person, app.points.cutoffDate, ctx.now);
      await tx.update(COLLECTIONS.applications, app._id, { points, updatedAt: at });
      const objPatch = {
        status: 'answered' as const,
        reply: input.reply,
        changes,
        answeredAt: at,
        answeredOn: ctx.today,
        answeredByOpenid: ctx.openid,
        pointsAfter: points.total,
      };
      await tx.update(COLLECTIONS.objections, objection._id, objPatch);
      const answeredObjection = { ...objection, ...objPatch };
      const answerDeadline =
        objection.answerDeadline ?? deadlineOrPending(() => objectionAnswerDeadline(objection.filedOn));
      await audit({
        onBehalfOf: app.personId,
        target: { collection: COLLECTIONS.objections, id: objection._id },
        details: {
          changed: changes.map((c) => c.indicator),
          pointsBefore: objection.pointsBefore,
          pointsAfter: points.total,
          late: answerDeadline === null ? null : ctx.today > answerDeadline,
        },
      });
      return {
        objection: objectionView(answeredObjection, ctx.today),
        application: applicationView(
          { ...app, points },
          { now: ctx.now, today: ctx.today, staff: true, objection: answeredObjection },
        ),
      };
    });
  },
});

export const objections = defineFunction('objections', { file, list, answer });
