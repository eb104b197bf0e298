// review: each item goes to the department owning its indicator; reviewers see only their department's items, with
// the applicant masked. See API.md.
import {
  DecideInput,
  DecideManyInput,
  ItemRefInput,
  OWN_RECORD_INDICATORS,
  QueueInput,
  type IndicatorCode,
} from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import { ofDepartment, reviewerDepartment } from '../core/access';
import { auditRead, defineAction, defineFunction } from '../core/action';
import { AppError } from '../core/errors';
import type { ApplicationDoc, ItemDoc, PersonDoc } from '../core/model';
import { delegationFor, maskedPerson } from '../core/people';
import type { DocOps, Where } from '../storage/store';
import { isPublished, itemView, loadItems, parseClaimValue, rescore } from './applications';

/**
 * What a reviewer may still decide on this application: not a draft; not their own or one of someone they may act
 * for (conflict of interest: our rule, the sources are silent); not once the result is published (then only the
 * objection procedure adjusts it).
 */
async function assertReviewerMayDecide(
  tx: Pick<DocOps, 'get'>,
  ctx: { person: PersonDoc | null; today: string },
  app: ApplicationDoc,
  applicantId: string,
): Promise<void> {
  if (app.status === 'draft') throw new AppError('INVALID_STATE');
  if (ctx.person) {
    const applicant = await tx.get<PersonDoc>(COLLECTIONS.persons, applicantId);
    if (applicant && (await delegationFor(tx, ctx.person, applicant, ctx.today))) {
      throw new AppError('FORBIDDEN', '不能审核本人或本人代办对象的申请');
    }
  }
  if (isPublished(app, ctx.today)) {
    throw new AppError('INVALID_STATE', '积分结果已公布，事项只能通过异议程序调整');
  }
}

const queue = defineAction({
  input: QueueInput,
  access: ['reviewer'],
  mutates: false,
  async run(ctx) {
    const dept = reviewerDepartment(ctx.account);
    const where: Where = { department: dept };
    if (ctx.input.status) where.status = ctx.input.status;
    const store = ctx.runtime.store;
    const items = await store.find<ItemDoc>(COLLECTIONS.items, where, {
      orderBy: [['updatedAt', 'asc']],
      limit: ctx.input.limit ?? 20,
      skip: ctx.input.skip ?? 0,
    });
    const persons = new Map<string, PersonDoc | null>();
    const resultDates = new Map<string, string | null>();
    const out = [];
    for (const item of items) {
      if (!persons.has(item.personId))
        persons.set(item.personId, await store.get<PersonDoc>(COLLECTIONS.persons, item.personId));
      const p = persons.get(item.personId);
      // The result date lets the queue show the working days left for the item (an addition: older fields unchanged).
      if (!resultDates.has(item.applicationId)) {
        const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, item.applicationId);
        resultDates.set(item.applicationId, app?.resultDate ?? null);
      }
      out.push({
        ...itemView(item),
        applicationId: item.applicationId,
        year: item.year,
        resultDate: resultDates.get(item.applicationId) ?? null,
        applicant: p ? maskedPerson(p) : null,
      });
    }
    return { items: out, total: await store.count(COLLECTIONS.items, where) };
  },
});

const getItem = defineAction({
  input: ItemRefInput,
  access: ['reviewer'],
  mutates: true, // access log
  async run(ctx) {
    const dept = reviewerDepartment(ctx.account);
    const store = ctx.runtime.store;
    const item = ofDepartment(await store.get<ItemDoc>(COLLECTIONS.items, ctx.input.itemId), dept);
    const p = await store.get<PersonDoc>(COLLECTIONS.persons, item.personId);
    await auditRead(ctx, item.personId, { collection: COLLECTIONS.items, id: item._id });
    return {
      item: { ...itemView(item), applicationId: item.applicationId, year: item.year, history: item.history },
      applicant: p ? { ...maskedPerson(p), disabled: p.disabled } : null,
    };
  },
});

const decide = defineAction({
  input: DecideInput,
  access: ['reviewer'],
  mutates: true,
  async run(ctx) {
    const dept = reviewerDepartment(ctx.account);
    const input = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const item = ofDepartment(await tx.get<ItemDoc>(COLLECTIONS.items, input.itemId), dept);
      const app = await tx.get<ApplicationDoc>(COLLECTIONS.applications, item.applicationId);
      if (!app) throw new AppError('NOT_FOUND');
      await assertReviewerMayDecide(tx, ctx, app, item.personId);
      const at = ctx.now.toISOString();
      const patch: Partial<ItemDoc> = { status: input.decision, updatedAt: at };
      if (input.decision === 'approved') {
        patch.acceptedValue = parseClaimValue(item.indicator, input.acceptedValue);
        patch.returnReason = null;
      } else if (input.decision === 'returned') {
        patch.acceptedValue = null;
        patch.returnReason = input.reason;
      } else {
        patch.acceptedValue = null;
      }
      patch.history = [
        ...item.history,
        {
          at,
          status: input.decision,
          byOpenid: ctx.openid,
          ...(input.decision === 'returned' ? { reason: input.reason } : {}),
        },
      ];
      await tx.update(COLLECTIONS.items, item._id, patch);
      const updated = { ...item, ...patch } as ItemDoc;
      const items = (await loadItems(tx, app)).map((i) => (i._id === item._id ? updated : i));
      const appPatch = await rescore(tx, app, items, ctx.now, ctx.today);
      await audit({
        onBehalfOf: item.personId,
        target: { collection: COLLECTIONS.items, id: item._id },
        details: { indicator: item.indicator, decision: input.decision, applicationStatus: appPatch.status },
      });
      return {
        item: itemView(updated),
        // Only the state: a reviewer does not see other departments' claims or the points.
        application: { applicationId: app._id, status: appPatch.status ?? app.status },
      };
    });
  },
});

/**
 * Approves, in one transaction, several items of ONE application that the reviewer's department confirms from its
 * own records (OWN_RECORD_INDICATORS: age, the deductions, the veto), each with the value the reviewer confirmed.
 * Every item is checked as `decide` checks it, and audited on its own; any refusal changes nothing.
 */
const decideMany = defineAction({
  input: DecideManyInput,
  access: ['reviewer'],
  mutates: true,
  async run(ctx) {
    const dept = reviewerDepartment(ctx.account);
    const input = ctx.input;
    return ctx.mutate(async (tx, audit) => {
      const app = await tx.get<ApplicationDoc>(COLLECTIONS.applications, input.applicationId);
      if (!app) throw new AppError('NOT_FOUND');
      const chosen: Array<{ item: ItemDoc; acceptedValue: Record<string, unknown> }> = [];
      for (const approval of input.approvals) {
        const item = ofDepartment(await tx.get<ItemDoc>(COLLECTIONS.items, approval.itemId), dept);
        if (item.applicationId !== app._id) throw new AppError('NOT_FOUND');
        if (!(OWN_RECORD_INDICATORS as readonly IndicatorCode[]).includes(item.indicator)) {
          throw new AppError(
            'VALIDATION_FAILED',
            '只有本部门依记录核查的事项（年龄、减分项、一票否决）可以一次审核通过',
          );
        }
        chosen.push({ item, acceptedValue: parseClaimValue(item.indicator, approval.acceptedValue) });
      }
      await assertReviewerMayDecide(tx, ctx, app, app.personId);
      const at = ctx.now.toISOString();
      const updated = new Map<string, ItemDoc>();
      for (const { item, acceptedValue } of chosen) {
        const patch: Partial<ItemDoc> = {
          status: 'approved',
          updatedAt: at,
          acceptedValue,
          returnReason: null,
          history: [...item.history, { at, status: 'approved', byOpenid: ctx.openid }],
        };
        await tx.update(COLLECTIONS.items, item._id, patch);
        updated.set(item._id, { ...item, ...patch } as ItemDoc);
      }
      const items = (await loadItems(tx, app)).map((i) => updated.get(i._id) ?? i);
      const appPatch = await rescore(tx, app, items, ctx.now, ctx.today);
      for (const item of updated.values()) {
        await audit({
          onBehalfOf: item.personId,
          target: { collection: COLLECTIONS.items, id: item._id },
          details: { indicator: item.indicator, decision: 'approved', batch: true, applicationStatus: appPatch.status },
        });
      }
      return {
        items: [...updated.values()].map(itemView),
        application: { applicationId: app._id, status: appPatch.status ?? app.status },
      };
    });
  },
});

export const review = defineFunction('review', { queue, getItem, decide, decideMany });
