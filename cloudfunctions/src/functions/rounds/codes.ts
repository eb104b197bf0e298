// Error codes and small shared helpers of the certificates / rounds / settlement / reminders functions.
import { CERTIFICATE_ERROR_CODES, ROUND_ERROR_CODES, type ErrorCode } from '@hz-points/shared';
import { AppError } from '../../core/errors';
import type { z } from 'zod';
import { defineAction, hasRole, type ActionContext, type ActionDef } from '../../core/action';
import { delegationFor, subjectOfCall, type Delegation } from '../../core/people';
import { COLLECTIONS, type PersonDoc } from '../../core/model';
import type { DocOps } from '../../storage/store';

const OWN_CODES = { ...CERTIFICATE_ERROR_CODES, ...ROUND_ERROR_CODES };
export type OwnErrorCode = keyof typeof OWN_CODES;

/** An AppError with one of our codes (they are part of the shared ERROR_CODES table). */
export function ownError(code: OwnErrorCode, message?: string): AppError {
  return new AppError(code satisfies ErrorCode, message);
}

/** Collections these functions add (docs/DEPLOY.md lists their indexes). */
export const OWN_COLLECTIONS = {
  certificates: 'certificates',
  /** `_id` = applicationId → the serial of its current certificate (a get by id inside a transaction). */
  certificateHeads: 'certificate_heads',
  counters: 'counters',
  settlements: 'settlements',
  /** Ranking keys of a round's settlement applications, 256 bucket documents per year (rounds/list.ts). */
  settlementKeys: 'settlement_keys',
  /** The published list in rank order, 1,000 lines per document. */
  roundLists: 'round_lists',
  /** The published result of each person, in 256 bucket documents per publication. */
  roundLookup: 'round_lookup',
  /** The publication job of a year (`pj-<year>`): batch, checkpoint and progress (rounds/publish-job.ts). */
  publishJobs: 'publish_jobs',
  /** The job's plan, stored when a call stops with chunks left (`pp-<year>-<batch>-<chunk>`: that chunk's documents). */
  publishPlans: 'publish_plans',
  /** `pi-<year>`: version stamp of the year's ranking keys, moved by every write of them (rounds/publish-inputs.ts). */
  publishInputs: 'publish_inputs',
  /** `ss-<year>`: the administrator's overview counters, moved by the actions' transactions (stats/summary.ts). */
  statsSummaries: 'stats_summaries',
  outbox: 'outbox',
} as const;

/** A name as anyone but its owner sees it: 张*明, 张*, 欧**锋. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Keeps the first 4 and last 2 characters of a document number (居住证号码) for anyone but its owner. */
export function maskDocumentNumber(value: string): string {
  if (value.length <= 6) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`;
}

export type PersonAccess = Delegation | { kind: 'staff'; role: 'admin' | 'district-office' };

/**
 * How the caller may touch the data of `personId`: as that person, as a recorded delegate, or as staff in `staff`
 * roles. null = no access (callers answer NOT_FOUND so existence is not revealed).
 */
export async function accessTo(
  ctx: ActionContext<unknown>,
  ops: Pick<DocOps, 'get'>,
  personId: string,
  staff: ReadonlyArray<'admin' | 'district-office'>,
): Promise<{ access: PersonAccess; subject: PersonDoc } | null> {
  const subject = await ops.get<PersonDoc>(COLLECTIONS.persons, personId);
  if (!subject) return null;
  if (ctx.person) {
    const d = await delegationFor(ops, ctx.person, subject, ctx.today);
    if (d) return { access: d, subject };
  }
  for (const role of staff) if (hasRole(ctx.account, role)) return { access: { kind: 'staff', role }, subject };
  return null;
}

/** For actions open to applicants and to some staff: a caller with neither a person nor one of `staff` roles. */
export function requirePersonOrStaff(ctx: ActionContext<unknown>, staff: ReadonlyArray<'admin' | 'district-office'>): void {
  if (ctx.person) return;
  if (staff.some((r) => hasRole(ctx.account, r))) return;
  throw new AppError('NOT_REGISTERED');
}

/**
 * An action open to applicants (their own or a delegated person's data) and to some staff roles: the framework only
 * knows the caller ('caller'), so `requirePersonOrStaff` runs before `run`. `reach(personId)` is `accessTo` with the
 * same roles, answering NOT_FOUND when the caller may not touch that person's data.
 */
export function personOrStaffAction<S extends z.ZodType, R>(
  staff: ReadonlyArray<'admin' | 'district-office'>,
  def: {
    input: S;
    mutates: boolean;
    run(ctx: ActionContext<z.output<S>>, reach: (personId: string) => Promise<{ access: PersonAccess; subject: PersonDoc }>): Promise<R>;
  },
): ActionDef<S, R> {
  return defineAction({
    input: def.input,
    access: 'caller',
    mutates: def.mutates,
    run(ctx) {
      requirePersonOrStaff(ctx, staff);
      return def.run(ctx, async (personId) => {
        const allowed = await accessTo(ctx, ctx.runtime.store, personId, staff);
        if (!allowed) throw new AppError('NOT_FOUND');
        return allowed;
      });
    },
  });
}

/**
 * An applicant-side action about one person: the caller, or the `onBehalfOf` of the input whom the caller may act
 * for (DELEGATION_REQUIRED otherwise), resolved before `run`. `actor` is the calling person.
 */
export function subjectAction<S extends z.ZodType<{ onBehalfOf?: string | undefined }>, R>(def: {
  input: S;
  mutates: boolean;
  run(ctx: ActionContext<z.output<S>>, who: { actor: PersonDoc; subject: PersonDoc; delegation: Delegation }): Promise<R>;
}): ActionDef<S, R> {
  return defineAction({
    input: def.input,
    access: 'registered',
    mutates: def.mutates,
    async run(ctx) {
      const { subject, delegation } = await subjectOfCall(ctx);
      return def.run(ctx, { actor: ctx.person!, subject, delegation });
    },
  });
}

/** The listed fields of a document, in that order (views copy many fields as they are). */
export function pick<T extends object, K extends keyof T>(doc: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = doc[k];
  return out;
}

/**
 * Indexes our queries need (equality fields first, then the order field). The local cloud builds them with
 * `store.ensureIndex`; for CloudBase they are the console checklist in docs/DEPLOY.md.
 */
export const OWN_INDEXES: ReadonlyArray<{ collection: string; fields: string[] }> = [
  { collection: OWN_COLLECTIONS.certificates, fields: ['personId', 'issuedAt'] },
  { collection: OWN_COLLECTIONS.certificates, fields: ['signature'] },
  { collection: OWN_COLLECTIONS.certificates, fields: ['year', 'status'] },
  { collection: OWN_COLLECTIONS.settlements, fields: ['year', 'status'] },
  { collection: OWN_COLLECTIONS.settlementKeys, fields: ['year'] },
  { collection: OWN_COLLECTIONS.outbox, fields: ['toOpenid', 'createdMs'] },
  { collection: OWN_COLLECTIONS.outbox, fields: ['personId', 'toOpenid', 'createdMs'] },
  { collection: OWN_COLLECTIONS.outbox, fields: ['status', 'createdMs'] },
];
