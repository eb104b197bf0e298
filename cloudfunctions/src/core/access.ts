// The one authorisation path of every action, in two steps:
// 1. Declared access (`access` on the action's definition, checked by `invoke` before the action runs): who may call
//    it at all — any caller, a registered person, a person or some staff roles, or only some staff roles.
// 2. Subject resolution (inside the action, once it knows whose data it touches; pass a transaction to decide inside
//    it): `subjectOfCall` / `resolveSubject` — the caller, or the `onBehalfOf` person they may act for
//    (`mayActFor` through `delegationFor`), else DELEGATION_REQUIRED; `reachPerson` — that person, a delegate, or a
//    holder of the staff roles given, else NOT_FOUND (existence is not revealed).
// Checks that depend on the record itself (a reviewer's department, the employee named in an entrustment, a file's
// uploader) are data, not roles: the department scope is `reviewerDepartment` + `ofDepartment`, used the same way
// by every reviewer action; the others stay beside the record they read.
import type { DepartmentCode } from '@hz-points/shared';
import type { DocOps } from '../storage/store';
import { COLLECTIONS } from './collections';
import { AppError } from './errors';
import type { AccountDoc, PersonDoc, StaffRole } from './model';
import { delegationFor, type Delegation } from './people';

/**
 * Who may call an action at all (checked before anything is loaded beyond the caller's own account):
 * - 'caller': any WeChat user with an OPENID (e.g. register, me, public verification);
 * - 'registered': a caller bound to a person (applicant-side actions), else NOT_REGISTERED;
 * - { registeredOr: roles }: a registered person or a holder of one of the roles (applicants and staff at the
 *   window), else NOT_REGISTERED;
 * - a list of staff roles: the caller must hold one of them, else FORBIDDEN.
 */
export type Access = 'caller' | 'registered' | { readonly registeredOr: readonly StaffRole[] } | readonly StaffRole[];

export function hasRole(account: AccountDoc | null, role: StaffRole): boolean {
  return !!account && account.roles.includes(role);
}

/** The declared-access check (`invoke` calls it with the caller's account and person). */
export function authorise(access: Access, account: AccountDoc | null, person: PersonDoc | null): void {
  if (access === 'caller') return;
  if (access === 'registered') {
    if (!person) throw new AppError('NOT_REGISTERED');
    return;
  }
  if ('registeredOr' in access) {
    if (person || access.registeredOr.some((role) => hasRole(account, role))) return;
    throw new AppError('NOT_REGISTERED');
  }
  if (!access.some((role) => hasRole(account, role))) throw new AppError('FORBIDDEN');
}

// ---- Subject resolution ----

/** What subject resolution needs of the caller (an ActionContext has it). */
export interface CallerFacts {
  person: PersonDoc | null;
  account: AccountDoc | null;
  today: string;
}

/** How the caller reaches a person's data: as that person, as a recorded delegate, or as staff. */
export type PersonAccess = Delegation | { kind: 'staff'; role: StaffRole };

/**
 * The person an applicant-side action is for: `actor`, or `onBehalfOf` when the actor may act for them on `today`.
 * Unknown and not-allowed look the same to the caller (DELEGATION_REQUIRED) so person ids cannot be probed.
 */
export async function resolveSubject(
  ops: Pick<DocOps, 'get'>,
  actor: PersonDoc,
  onBehalfOf: string | undefined,
  today: string,
): Promise<{ subject: PersonDoc; delegation: Delegation }> {
  if (onBehalfOf === undefined || onBehalfOf === actor._id) return { subject: actor, delegation: { kind: 'self' } };
  const subject = await ops.get<PersonDoc>(COLLECTIONS.persons, onBehalfOf);
  if (!subject) throw new AppError('DELEGATION_REQUIRED');
  const delegation = await delegationFor(ops, actor, subject, today);
  if (!delegation) throw new AppError('DELEGATION_REQUIRED');
  return { subject, delegation };
}

/** What `subjectOfCall` needs of an action's context (structural: timer and test contexts have it too). */
export interface SubjectCall {
  runtime: { store: Pick<DocOps, 'get'> };
  person: PersonDoc | null;
  input: { onBehalfOf?: string | undefined };
  today: string;
}

/**
 * `resolveSubject` for an applicant-side action (access 'registered'): the calling person, or the `onBehalfOf` of
 * the input when they may act for that person on the day. `ops` defaults to the store (pass a transaction to
 * re-check inside one). `actor` is the calling person.
 */
export async function subjectOfCall(
  ctx: SubjectCall,
  ops: Pick<DocOps, 'get'> = ctx.runtime.store,
): Promise<{ actor: PersonDoc; subject: PersonDoc; delegation: Delegation }> {
  // Unreachable behind access 'registered'; a guard instead of a cast.
  if (!ctx.person) throw new AppError('NOT_REGISTERED');
  return { actor: ctx.person, ...(await resolveSubject(ops, ctx.person, ctx.input.onBehalfOf, ctx.today)) };
}

/**
 * How the caller may touch the data of `personId`: as that person, as a recorded delegate, or as a holder of one of
 * the `staff` roles (in that order). null = no access, or no such person.
 */
async function accessTo(
  caller: CallerFacts,
  ops: Pick<DocOps, 'get'>,
  personId: string,
  staff: readonly StaffRole[] = [],
): Promise<{ access: PersonAccess; subject: PersonDoc } | null> {
  const subject = await ops.get<PersonDoc>(COLLECTIONS.persons, personId);
  if (!subject) return null;
  if (caller.person) {
    const d = await delegationFor(ops, caller.person, subject, caller.today);
    if (d) return { access: d, subject };
  }
  for (const role of staff) if (hasRole(caller.account, role)) return { access: { kind: 'staff', role }, subject };
  return null;
}

/** `accessTo`, answering NOT_FOUND when the caller may not touch that person's data (ids cannot be probed). */
export async function reachPerson(
  caller: CallerFacts,
  ops: Pick<DocOps, 'get'>,
  personId: string,
  staff: readonly StaffRole[] = [],
): Promise<{ access: PersonAccess; subject: PersonDoc }> {
  const allowed = await accessTo(caller, ops, personId, staff);
  if (!allowed) throw new AppError('NOT_FOUND');
  return allowed;
}

// ---- Department scope of reviewers ----

/** The staff department of a reviewer account (null for others). */
export function departmentOf(account: AccountDoc | null): DepartmentCode | null {
  return account && account.roles.includes('reviewer') ? account.department : null;
}

/** The department a reviewer action works in; FORBIDDEN for a reviewer account without one. */
export function reviewerDepartment(account: AccountDoc | null): DepartmentCode {
  const dept = departmentOf(account);
  if (!dept) throw new AppError('FORBIDDEN');
  return dept;
}

/** A record of the reviewer's department, or NOT_FOUND: another department's records do not exist for them. */
export function ofDepartment<T extends { department: DepartmentCode }>(doc: T | null, dept: DepartmentCode): T {
  if (!doc || doc.department !== dept) throw new AppError('NOT_FOUND');
  return doc;
}
