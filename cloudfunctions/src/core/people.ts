// People rules used by the functions: ID validation, masking and delegation, all decided by the rules package
// (`@hz-points/shared` people barrel). This file only adapts their results to our documents and error codes.
import { maskIdNumber, maskPhone, mayActFor, parseIdNumber } from '@hz-points/shared';
import type { DocOps } from '../storage/store';
import { AppError } from './errors';
import {
  COLLECTIONS,
  entrustmentId,
  relationId,
  type EntrustmentDoc,
  type PersonDoc,
  type Relation,
  type RelationDoc,
} from './model';

export interface IdFacts {
  birthDate: string;
  gender: 'male' | 'female';
}

/** GB 11643 check (checksum, region, date) by the rules package; INVALID_ID_NUMBER when it fails. */
export function idFactsOrFail(idNumber: string, today: string): IdFacts & { idNumber: string } {
  const parsed = parseIdNumber(idNumber, { on: today });
  if (!parsed.valid) throw new AppError('INVALID_ID_NUMBER', `身份证号码：${parsed.reason}`);
  return { idNumber: parsed.idNumber, birthDate: parsed.birthDate, gender: parsed.sex };
}

/** What anyone but the person sees of a person. */
export function maskedPerson(p: PersonDoc) {
  return {
    personId: p._id,
    name: p.name,
    idNumber: maskIdNumber(p.idNumber),
    phone: p.phone === null ? null : maskPhone(p.phone),
    hasWeChat: p.openid !== null,
  };
}

/** What the person themself sees. */
export function clearPerson(p: PersonDoc) {
  return {
    personId: p._id,
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    birthDate: p.birthDate,
    gender: p.gender,
    hasWeChat: p.openid !== null,
    disabled: p.disabled,
  };
}

export type Delegation =
  | { kind: 'self' }
  | { kind: 'entrustment'; entrustmentId: string }
  | { kind: 'relation'; relationId: string; relation: Relation };

/**
 * Whether `actor` may act for `subject` on `today`, read from the documents by id (so it works inside a
 * transaction: a revocation committed before is seen, one committed after waits for us).
 * Employer agent: an entrustment with status 'active'. Relative/guardian: a relation not revoked that
 * `mayActFor` (rules package) accepts today (e.g. the minor is still under 16).
 */
export async function delegationFor(
  ops: Pick<DocOps, 'get'>,
  actor: PersonDoc,
  subject: PersonDoc,
  today: string,
): Promise<Delegation | null> {
  if (actor._id === subject._id) return { kind: 'self' };
  const ent = await ops.get<EntrustmentDoc>(COLLECTIONS.entrustments, entrustmentId(actor._id, subject._id));
  if (ent && ent.status === 'active') return { kind: 'entrustment', entrustmentId: ent._id };
  const rel = await ops.get<RelationDoc>(COLLECTIONS.relations, relationId(actor._id, subject._id));
  if (rel && rel.revokedAt === null && relationAllows(rel.relation, subject, today)) {
    return { kind: 'relation', relationId: rel._id, relation: rel.relation };
  }
  return null;
}

/** The rules package decides whether a relation lets the actor act for the subject on a date. */
export function relationAllows(relation: Relation, subject: Pick<PersonDoc, 'birthDate' | 'disabled'>, today: string): boolean {
  return mayActFor({ relation, subjectBirthDate: subject.birthDate, subjectDisabled: subject.disabled, on: today }).allowed;
}

/**
 * The person an applicant-side action is for: the caller, or `onBehalfOf` when the caller may act for them.
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
