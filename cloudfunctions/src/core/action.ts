// The action framework: an action is an input schema, a declared access rule (core/access.ts) and a run function.
// `invoke` validates, identifies the caller, applies the guard, then runs; mutating work goes through
// `ctx.mutate`, which wraps every write and the audit entry in one store transaction.
import type { z } from 'zod';
import { appendAudit } from '../audit';
import { trackSummaries } from '../functions/stats/summary';
import type { DocOps } from '../storage/store';
import type { Access } from './access';
import type { Runtime } from './runtime';
import type { AccountDoc, PersonDoc } from './model';

export interface AuditInput {
  /** e.g. 'applications.submit' (filled in by the framework when omitted). */
  action?: string;
  /** The person the action was for (the applicant), when any. */
  onBehalfOf?: string | null;
  /** The document acted on. */
  target: { collection: string; id: string };
  /** Non-personal details (statuses, indicator codes, points). Never ID numbers, phones or names. */
  details?: Record<string, unknown>;
}

export interface ActionContext<I> {
  functionName: string;
  actionName: string;
  input: I;
  openid: string;
  runtime: Runtime;
  /** The instant of this call, read once so every date in it agrees. */
  now: Date;
  /** Beijing date of `now`. */
  today: string;
  account: AccountDoc | null;
  person: PersonDoc | null;
  /** Runs `work` in one transaction; `audit` appends hash-chained audit entries inside that same transaction. */
  mutate<T>(work: (tx: DocOps, audit: (entry: AuditInput) => Promise<void>) => Promise<T>): Promise<T>;
}

export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  /** Who may call it at all (core/access.ts); whose data it then touches is resolved in `run`, same module. */
  access: Access;
  /** Documentation: whether the action writes. A non-mutating action must not call ctx.mutate. */
  mutates: boolean;
  run(ctx: ActionContext<z.output<S>>): Promise<R>;
}

export interface FunctionDef {
  name: string;
  actions: Record<string, ActionDef>;
}

/** Helper keeping the input type of `run` tied to the schema. */
export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

/** Keeps each action's own type (`FunctionDef['actions']` forgets it), so a type test can hold every action's
 * inferred result against its shared result type (`ActionResult` in the rules package's api). */
export function defineFunction<A extends Record<string, ActionDef>>(
  name: string,
  actions: A,
): { name: string; actions: A } {
  return { name, actions };
}

/**
 * Records that someone other than the person read that person's data (evidence, an application, a review item):
 * an access log in the same hash chain. Reads of one's own data and masked lists are not logged.
 */
export async function auditRead(
  ctx: ActionContext<unknown>,
  subjectPersonId: string,
  target: { collection: string; id: string },
): Promise<void> {
  if (ctx.person && ctx.person._id === subjectPersonId) return;
  await ctx.mutate((_tx, audit) => audit({ onBehalfOf: subjectPersonId, target, details: { read: true } }));
}

/** Builds the `mutate` function of a context (exported so later functions can build contexts in tests). */
export function mutatorFor(
  runtime: Runtime,
  now: Date,
  actor: { openid: string; personId: string | null },
  actionKey: string,
): ActionContext<unknown>['mutate'] {
  return (work) =>
    runtime.store.transaction(async (tx) => {
      const audit = async (entry: AuditInput) => {
        await appendAudit(
          tx,
          {
            action: entry.action ?? actionKey,
            actor: { openid: actor.openid, personId: actor.personId },
            onBehalfOf: entry.onBehalfOf ?? null,
            target: entry.target,
            details: entry.details ?? {},
          },
          now,
        );
      };
      // The overview's counters move with the documents they count (functions/stats/summary.ts).
      const tracked = trackSummaries(tx);
      const result = await work(tracked.ops, audit);
      await tracked.flush();
      return result;
    });
}
