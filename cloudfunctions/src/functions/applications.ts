// Over 300 lines on purpose: the five actions beside the helpers review, objections, certificates and stats read
// (views, the result and objection windows, rescore, evidence checks), so an application's life is written once.
// applications: drafts, submission with automatic acceptance (受理), supplementing returned items. See API.md.
import {
  ApplicationRefInput,
  INDICATORS,
  DEFAULT_DECLARATIONS,
  ListApplicationsInput,
  SaveDraftInput,
  SubmitInput,
  SupplementInput,
  claimValueSchema,
  describeIssues,
  beijingDate,
  isOpenAt,
  objectionAnswerDeadline,
  objectionDeadline,
  resultDate,
  resultPublicationDay,
  zhErrorMap,
  type IndicatorCode,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { hasRole, reachPerson, resolveSubject } from '../core/access';
import { auditRead, defineAction, defineFunction } from '../core/action';
import { AppError } from '../core/errors';
import { deadlineOrPending } from '../core/calendar-years';
import { hashKey } from '../core/ids';
import {
  applicationId as appIdOf,
  itemId as itemIdOf,
  roundId,
  type ApplicationDoc,
  type Claim,
  type FileDoc,
  type ItemDoc,
  type ObjectionDoc,
  type PersonDoc,
  type RequestDoc,
  type RoundDoc,
} from '../core/model';
import { maskedPerson } from '../core/people';
import { pointsFromItems } from '../core/scoring';
import type { DocOps } from '../storage/store';

// ---- Building blocks (exported for review, objections and later functions) ----

/**
 * A round accepts points applications when its document says 'open' and its deadline has not passed: FAQ2021 Q6,
 * the application must be complete before 10-01 to count for that year. Year-round acceptance (from 2024) means an
 * application after the deadline goes to the next round (`pointsApplicationRound`), never that the deadline lapses.
 */
async function openRoundOrFail(ops: Pick<DocOps, 'get'>, year: number, now: Date): Promise<RoundDoc> {
  const round = await ops.get<RoundDoc>(COLLECTIONS.rounds, roundId(year));
  if (!round || round.status !== 'open') throw new AppError('ROUND_NOT_OPEN');
  const { opens, closes } = round.pointsApplication;
  if (!isOpenAt(closes, now) || (opens !== null && beijingDate(now) < opens)) throw new AppError('ROUND_NOT_OPEN');
  return round;
}

/** Parses a claim value / accepted value for an indicator, naming the field in Chinese on failure. */
export function parseClaimValue(indicator: IndicatorCode, value: unknown): Record<string, unknown> {
  const parsed = claimValueSchema(indicator).safeParse(value, { error: zhErrorMap });
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', `${INDICATORS[indicator].label}：${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Evidence must be the subject's own uploaded evidence files. */
export async function checkEvidence(ops: Pick<DocOps, 'get'>, subjectId: string, fileIds: string[]): Promise<void> {
  for (const id of fileIds) {
    const f = await ops.get<FileDoc>(COLLECTIONS.files, id);
    if (!f || f.ownerPersonId !== subjectId || f.purpose !== 'evidence') {
      throw new AppError('VALIDATION_FAILED', '证明材料：材料不存在或不属于申请人，请重新上传');
    }
  }
}

/** Lets the department reviewing an item read its evidence. */
async function shareEvidence(tx: DocOps, item: Pick<ItemDoc, 'evidence' | 'department'>): Promise<void> {
  for (const id of item.evidence) {
    const f = await tx.get<FileDoc>(COLLECTIONS.files, id);
    if (f && !f.departments.includes(item.department)) {
      await tx.update(COLLECTIONS.files, id, { departments: [...f.departments, item.department] });
    }
  }
}

/** Item ids of a submitted application (stored on it, so a transaction can read them all by id). */
function itemIdsOf(app: ApplicationDoc): string[] {
  return Array.isArray(app.itemIds) ? app.itemIds : [];
}

export async function loadItems(ops: Pick<DocOps, 'get'>, app: ApplicationDoc): Promise<ItemDoc[]> {
  const items = await Promise.all(itemIdsOf(app).map((id) => ops.get<ItemDoc>(COLLECTIONS.items, id)));
  return items.filter((i): i is ItemDoc => i !== null);
}

/**
 * The result is published (visible to the applicant, items locked) from `resultOn`, which is never inside the
 * supplement window of a returned item (see `resultPublicationDay`).
 */
export function isPublished(app: ApplicationDoc, today: string): boolean {
  return app.status === 'scored' && app.resultOn !== null && today >= app.resultOn;
}

/**
 * Confirmed (score final), computed on read from the clock: published, and either the objection was answered or the
 * objection window closed without one.
 */
export function isConfirmed(app: ApplicationDoc, objection: ObjectionDoc | null, now: Date, today: string): boolean {
  if (!isPublished(app, today) || !app.objectionDeadline) return false;
  if (objection) return objection.status === 'answered';
  return !isOpenAt(app.objectionDeadline, now);
}

/**
 * After any decision: if every item is decided (approved or returned), score the approved values and set the result
 * day (`resultPublicationDay`: the later of resultDate and today, and after the supplement window when an item is
 * returned); otherwise back to 'reviewing' without points.
 */
export async function rescore(
  tx: DocOps,
  app: ApplicationDoc,
  items: ItemDoc[],
  now: Date,
  today: string,
): Promise<Partial<ApplicationDoc>> {
  const decided = items.length > 0 && items.every((i) => i.status === 'approved' || i.status === 'returned');
  let patch: Partial<ApplicationDoc>;
  if (!decided) {
    patch = { status: 'reviewing', points: null, resultOn: null, objectionDeadline: null };
  } else {
    const person = await tx.get<PersonDoc>(COLLECTIONS.persons, app.personId);
    const round = await tx.get<RoundDoc>(COLLECTIONS.rounds, roundId(app.year));
    if (!person || !round) throw new Error('application without person or round');
    const resultOn = resultPublicationDay(
      app.resultDate!,
      today,
      items.some((i) => i.status === 'returned'),
    );
    patch = {
      status: 'scored',
      points: pointsFromItems(items, person, round.cutoffDate, now),
      resultOn,
      objectionDeadline: objectionDeadline(resultOn),
    };
  }
  patch.updatedAt = now.toISOString();
  await tx.update(COLLECTIONS.applications, app._id, patch);
  return patch;
}

export function itemView(i: ItemDoc) {
  return {
    itemId: i._id,
    indicator: i.indicator,
    label: INDICATORS[i.indicator].label,
    department: i.department,
    status: i.status,
    claimed: i.claimed,
    evidence: i.evidence,
    acceptedValue: i.acceptedValue,
    returnReason: i.returnReason,
    updatedAt: i.updatedAt,
  };
}

/**
 * An application as shown. For the applicant side, points appear only once published (from `resultOn`); staff
 * (district office, admin) see them as soon as they exist.
 */
export function applicationView(
  app: ApplicationDoc,
  opts: { now: Date; today: string; staff: boolean; objection: ObjectionDoc | null },
) {
  const published = isPublished(app, opts.today);
  return {
    applicationId: app._id,
    personId: app.personId,
    year: app.year,
    status: app.status,
    claims: app.claims,
    submittedAt: app.submittedAt,
    acceptedOn: app.acceptedOn,
    resultDate: app.resultDate,
    /** Returned items may be supplemented until resultDate 24:00 (Beijing). */
    supplementOpen: app.resultDate !== null && !published && isOpenAt(app.resultDate, opts.now),
    resultOn: published || opts.staff ? app.resultOn : null,
    published,
    objectionDeadline: published || opts.staff ? app.objectionDeadline : null,
    objectionOpen:
      published && !app.objectionId && !!app.objectionDeadline && isOpenAt(app.objectionDeadline, opts.now),
    points: published || opts.staff ? app.points : null,
    confirmed: isConfirmed(app, opts.objection, opts.now, opts.today),
    objectionId: app.objectionId,
    updatedAt: app.updatedAt,
  };
}

/**
 * Loads an application the caller may act on as applicant or delegate. Anyone else gets NOT_FOUND (ids cannot be
 * probed). Works inside a transaction, so a revoked entrustment denies from the moment it is committed.
 */
export async function applicationForApplicant(
  ops: Pick<DocOps, 'get'>,
  actor: PersonDoc,
  applicationId: string,
  today: string,
): Promise<{ app: ApplicationDoc; subject: PersonDoc }> {
  const app = await ops.get<ApplicationDoc>(COLLECTIONS.applications, applicationId);
  if (!app) throw new AppError('NOT_FOUND');
  const { subject } = await reachPerson({ person: actor, account: null, today }, ops, app.personId);
  return { app, subject };
}

/**
 * Idempotency by client request id: the stored result of an earlier call with the same id (same caller, same
 * action), or null. The same id on another target → REQUEST_ID_REUSED.
 */
export async function priorResult(tx: DocOps, key: string, target: string): Promise<unknown | null> {
  const prior = await tx.get<RequestDoc>(COLLECTIONS.requests, key);
  if (!prior) return null;
  if (prior.key !== target) throw new AppError('REQUEST_ID_REUSED');
  return prior.result;
}

export const requestKey = (openid: string, action: string, requestId: string) =>
  hashKey('req', openid, action, requestId);

// ---- Actions ----

const saveDraft = defineAction({
  input: SaveDraftInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    return ctx.mutate(async (tx, audit) => {
      const { subject } = await resolveSubject(tx, actor, ctx.input.onBehalfOf, ctx.today);
      await openRoundOrFail(tx, ctx.input.year, ctx.now);
      const claims = ctx.input.claims as Claim[];
      for (const c of claims) await checkEvidence(tx, subject._id, c.evidence);
      const id = appIdOf(ctx.input.year, subject._id);
      const existing = await tx.get<ApplicationDoc>(COLLECTIONS.applications, id);
      if (existing && existing.status !== 'draft') throw new AppError('ALREADY_SUBMITTED');
      const at = ctx.now.toISOString();
      const app: ApplicationDoc = {
        _id: id,
        personId: subject._id,
        year: ctx.input.year,
        status: 'draft',
        claims,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
        lastActorPersonId: actor._id,
        commitment: false,
        submittedAt: null,
        acceptedOn: null,
        resultDate: null,
        resultOn: null,
        objectionDeadline: null,
        points: null,
        objectionId: null,
        itemIds: [],
      };
      await tx.set(COLLECTIONS.applications, app);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.applications, id },
        details: { indicators: claims.map((c) => c.indicator) },
      });
      return { application: applicationView(app, { now: ctx.now, today: ctx.today, staff: false, objection: null }) };
    });
  },
});

async function objectionOf(ops: Pick<DocOps, 'get'>, app: ApplicationDoc): Promise<ObjectionDoc | null> {
  return app.objectionId ? ops.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
}

/** Staff who may read any application: the district office at the window, the administrator. */
const APPLICATION_READERS = ['district-office', 'admin'] as const;

const get = defineAction({
  input: ApplicationRefInput,
  // Anyone: who may read this application is the applicant, a delegate or APPLICATION_READERS; everyone else gets
  // NOT_FOUND (not NOT_REGISTERED), so application ids cannot be probed.
  access: 'caller',
  mutates: true, // access log when someone other than the applicant reads
  async run(ctx) {
    const store = ctx.runtime.store;
    const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, ctx.input.applicationId);
    if (!app) throw new AppError('NOT_FOUND');
    const { subject } = await reachPerson(ctx, store, app.personId, APPLICATION_READERS);
    // Presentation, not access: staff see the points before publication (they work on them).
    const staff = APPLICATION_READERS.some((role) => hasRole(ctx.account, role));
    const objection = await objectionOf(store, app);
    const items = await loadItems(store, app);
    await auditRead(ctx, app.personId, { collection: COLLECTIONS.applications, id: app._id });
    return {
      application: applicationView(app, { now: ctx.now, today: ctx.today, staff, objection }),
      applicant: maskedPerson(subject),
      items: items.map(itemView),
      objection: objection ? objectionView(objection, ctx.today) : null,
    };
  },
});

export function objectionView(o: ObjectionDoc, today: string) {
  // Stored as null when filed before the answer deadline's year was in the calendar; computed here once it is.
  const answerDeadline = o.answerDeadline ?? deadlineOrPending(() => objectionAnswerDeadline(o.filedOn));
  return {
    objectionId: o._id,
    applicationId: o.applicationId,
    indicators: o.indicators,
    reason: o.reason,
    filedAt: o.filedAt,
    filedOn: o.filedOn,
    answerDeadline,
    /** The answer deadline falls in a year whose official holiday schedule is not published yet (CALENDAR_UNKNOWN). */
    answerDeadlinePending: answerDeadline === null,
    evidence: o.evidence ?? [],
    status: o.status,
    /** The district office has not answered within 15 working days (never while the deadline is pending). */
    overdue:
      answerDeadline !== null && (o.status === 'open' ? today > answerDeadline : (o.answeredOn ?? '') > answerDeadline),
    reply: o.reply,
    changes: o.changes,
    answeredAt: o.answeredAt,
    pointsBefore: o.pointsBefore,
    pointsAfter: o.pointsAfter,
  };
}

const list = defineAction({
  input: ListApplicationsInput,
  access: 'registered',
  mutates: false,
  async run(ctx) {
    const store = ctx.runtime.store;
    const { subject } = await resolveSubject(store, ctx.person!, ctx.input.onBehalfOf, ctx.today);
    const apps = await store.find<ApplicationDoc>(
      COLLECTIONS.applications,
      { personId: subject._id },
      {
        orderBy: [['year', 'desc']],
        limit: 100,
      },
    );
    const views = [];
    for (const app of apps) {
      views.push(
        applicationView(app, {
          now: ctx.now,
          today: ctx.today,
          staff: false,
          objection: await objectionOf(store, app),
        }),
      );
    }
    return { applications: views };
  },
});

const submit = defineAction({
  input: SubmitInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const key = requestKey(ctx.openid, 'applications.submit', ctx.input.requestId);
    return ctx.mutate(async (tx, audit) => {
      const prior = await priorResult(tx, key, ctx.input.applicationId);
      if (prior !== null) return prior as { application: ReturnType<typeof applicationView> };
      const { app, subject } = await applicationForApplicant(tx, actor, ctx.input.applicationId, ctx.today);
      if (app.status !== 'draft') throw new AppError('ALREADY_SUBMITTED');
      if (ctx.input.commitment !== true) throw new AppError('COMMITMENT_REQUIRED');
      if (app.claims.length === 0) throw new AppError('INVALID_STATE', '请至少申报一项指标');
      await openRoundOrFail(tx, app.year, ctx.now);
      const acceptedOn = ctx.today;
      const result = resultDate(acceptedOn); // CALENDAR_UNKNOWN for a year whose holidays are unknown
      const at = ctx.now.toISOString();

      // Claimed items, plus the age item (from the ID number) and default "none" declarations public security checks.
      const claims = new Map<IndicatorCode, Claim>(app.claims.map((c) => [c.indicator, c]));
      claims.set('age', { indicator: 'age', value: { birthDate: subject.birthDate }, evidence: [] });
      for (const [code, value] of Object.entries(DEFAULT_DECLARATIONS) as Array<
        [IndicatorCode, Record<string, unknown>]
      >) {
        if (!claims.has(code)) claims.set(code, { indicator: code, value, evidence: [] });
      }
      // Every check before the first write.
      for (const c of claims.values()) await checkEvidence(tx, subject._id, c.evidence);
      const itemIds: string[] = [];
      for (const c of claims.values()) {
        const item: ItemDoc = {
          _id: itemIdOf(app._id, c.indicator),
          applicationId: app._id,
          personId: subject._id,
          year: app.year,
          indicator: c.indicator,
          department: INDICATORS[c.indicator].department,
          status: 'pending',
          claimed: c.value,
          evidence: c.evidence,
          acceptedValue: null,
          returnReason: null,
          updatedAt: at,
          history: [],
        };
        await tx.set(COLLECTIONS.items, item);
        await shareEvidence(tx, item);
        itemIds.push(item._id);
      }
      const patch = {
        status: 'reviewing' as const,
        commitment: true,
        submittedAt: at,
        acceptedOn,
        resultDate: result,
        updatedAt: at,
        lastActorPersonId: actor._id,
        itemIds,
      };
      await tx.update(COLLECTIONS.applications, app._id, patch);
      const view = {
        application: applicationView(
          { ...app, ...patch },
          { now: ctx.now, today: ctx.today, staff: false, objection: null },
        ),
      };
      await tx.insert<RequestDoc>(COLLECTIONS.requests, {
        _id: key,
        action: 'applications.submit',
        key: app._id,
        result: view,
        at,
      });
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.applications, id: app._id },
        details: { acceptedOn, resultDate: result, items: itemIds.length },
      });
      return view;
    });
  },
});

const supplement = defineAction({
  input: SupplementInput,
  access: 'registered',
  mutates: true,
  async run(ctx) {
    const actor = ctx.person!;
    const { indicator } = ctx.input;
    const value = parseClaimValue(indicator, ctx.input.value);
    return ctx.mutate(async (tx, audit) => {
      const { app, subject } = await applicationForApplicant(tx, actor, ctx.input.applicationId, ctx.today);
      if (app.status === 'draft') throw new AppError('INVALID_STATE', '申请尚未提交，请直接修改草稿');
      if (!app.resultDate || isPublished(app, ctx.today) || !isOpenAt(app.resultDate, ctx.now)) {
        throw new AppError('WINDOW_CLOSED', '补正期限已过（至积分结果公布日24时）');
      }
      const item = await tx.get<ItemDoc>(COLLECTIONS.items, itemIdOf(app._id, indicator));
      if (!item || item.applicationId !== app._id) throw new AppError('NOT_FOUND');
      if (item.status !== 'returned') throw new AppError('INVALID_STATE', '只有被退回的事项可以补正');
      await checkEvidence(tx, subject._id, ctx.input.evidence);
      const at = ctx.now.toISOString();
      const itemPatch = {
        status: 'pending' as const,
        claimed: value,
        evidence: ctx.input.evidence,
        acceptedValue: null,
        updatedAt: at,
        history: [...item.history, { at, status: 'supplemented' as const, byOpenid: ctx.openid }],
      };
      await tx.update(COLLECTIONS.items, item._id, itemPatch);
      await shareEvidence(tx, { ...item, ...itemPatch });
      const items = (await loadItems(tx, app)).map((i) => (i._id === item._id ? { ...i, ...itemPatch } : i));
      const appPatch = await rescore(tx, app, items, ctx.now, ctx.today);
      await audit({
        onBehalfOf: subject._id,
        target: { collection: COLLECTIONS.items, id: item._id },
        details: { indicator },
      });
      return {
        application: applicationView(
          { ...app, ...appPatch },
          { now: ctx.now, today: ctx.today, staff: false, objection: null },
        ),
        item: itemView({ ...item, ...itemPatch }),
      };
    });
  },
});

export const applications = defineFunction('applications', { saveDraft, get, list, submit, supplement });
