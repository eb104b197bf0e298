// People rules used by the functions: ID validation, masking and delegation, all decided by the rules package
// (`@hz-points/shared` people barrel). This file only adapts their results to our documents and error codes; who
// may act for whom in an action is resolved in core/access.ts on top of `delegationFor`.
import { maskIdNumber, maskPhone, mayActFor, parseIdNumber, tryBeijingDate } from '@hz-points/shared';
import type { DocOps } from '../storage/store';
import { AppError } from './errors';
import { COLLECTIONS } from './collections';
import {
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
    unableToActInPerson: p.unableToActInPerson,
  };
}

export type Delegation =
  | { kind: 'self' }
  | { kind: 'entrustment'; entrustmentId: string }
  | { kind: 'relation'; relationId: string; relation: Relation };

type SubjectFacts = Pick<PersonDoc, '_id' | 'birthDate' | 'disabled' | 'unableToActInPerson'>;

function subjectInput(subject: SubjectFacts) {
  return {
    personId: subject._id,
    birthDate: subject.birthDate,
    disabled: subject.disabled,
    unableToActInPerson: subject.unableToActInPerson,
  };
}

/** The rules package decides whether a recorded relation lets the actor act for the subject on a date. */
export function relationDecision(
  actorId: string,
  relation: Relation,
  subject: SubjectFacts,
  today: string,
  bothIdentityDocuments: boolean,
) {
  return mayActFor({
    actor: { personId: actorId },
    subject: subjectInput(subject),
    relation,
    bothIdentityDocuments,
    on: today,
  });
}

export function relationAllows(rel: RelationDoc, subject: SubjectFacts, today: string): boolean {
  if (rel.revokedAt !== null) return false;
  const docs = !!rel.documents?.actorIdentity && !!rel.documents?.subjectIdentity;
  return relationDecision(rel.actorPersonId, rel.relation, subject, today, docs).allowed;
}

/** An entrustment counts while its status is 'active' and the rules package accepts it on the day. */
export function entrustmentAllows(ent: EntrustmentDoc, subject: SubjectFacts, today: string): boolean {
  if (ent.status !== 'active') return false;
  return mayActFor({
    actor: { personId: ent.agentPersonId },
    subject: subjectInput(subject),
    relation: 'employer-agent',
    entrustment: {
      written: !!ent.documents.entrustment,
      // Stored instants read totally: an unreadable recording time means not recorded, an unreadable revocation
      // time means revoked already — either way the unreadable record denies, never allows.
      recordedOn: tryBeijingDate(ent.confirmedAt),
      revokedOn: ent.revokedAt ? (tryBeijingDate(ent.revokedAt) ?? today) : null,
    },
    bothIdentityDocuments: !!ent.documents.employeeIdentity && !!ent.documents.agentIdentity,
    on: today,
  }).allowed;
}

/**
 * Whether `actor` may act for `subject` on `today`, read from the documents by id (so it works inside a
 * transaction: a revocation committed before is seen, one committed after waits for us).
 * Employer agent: an active entrustment; guardian / close relative: a recorded relation; both decided by
 * `mayActFor` (rules package) on the day (e.g. the minor is still under 16).
 */
export async function delegationFor(
  ops: Pick<DocOps, 'get'>,
  actor: PersonDoc,
  subject: PersonDoc,
  today: string,
): Promise<Delegation | null> {
  if (actor._id === subject._id) return { kind: 'self' };
  const ent = await ops.get<EntrustmentDoc>(COLLECTIONS.entrustments, entrustmentId(actor._id, subject._id));
  if (ent && entrustmentAllows(ent, subject, today)) return { kind: 'entrustment', entrustmentId: ent._id };
  const rel = await ops.get<RelationDoc>(COLLECTIONS.relations, relationId(actor._id, subject._id));
  if (rel && relationAllows(rel, subject, today))
    return { kind: 'relation', relationId: rel._id, relation: rel.relation };
  return null;
}
