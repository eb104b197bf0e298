import { createHash } from 'node:crypto';
import { beijingDate, formatChineseDate, maskIdNumber, type CertificateStatus } from '@hz-points/shared';
import type { ApplicationDoc, ObjectionDoc, PersonDoc } from '../../core/model';
import { canonicalJson, type CertificateContent } from './signing';

export interface CertificateDoc {
  _id: string; // = serial
  serial: string;
  year: number;
  applicationId: string;
  personId: string;
  content: CertificateContent;
  signature: string;
  keyId: string;
  /** Hash of what the certificate states (not the serial or issue date): same key → re-issuing changes nothing. */
  contentKey: string;
  status: CertificateStatus;
  grantedOn: string;
  issuedOn: string;
  issuedAt: string;
  issuedByOpenid: string;
  supersededBy: string | null;
  supersededAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  /**
   * An administrator lifted the revocation (`liftRevocation`): the revoked serial stays revoked (printed copies of it
   * never become valid again), but `issue` may print a new certificate. Absent on certificates stored before.
   */
  revocationLiftedAt?: string | null;
  revocationLiftedReason?: string | null;
  revocationLiftedByOpenid?: string | null;
  [k: string]: unknown;
}

export interface CertificateHeadDoc {
  _id: string; // = applicationId
  serial: string;
  [k: string]: unknown;
}

export interface CounterDoc {
  _id: string;
  value: number;
  [k: string]: unknown;
}

interface ScoreDetailItem {
  code: string;
  label: string;
  points: number;
}

/**
 * The indicators a certificate lists: every indicator the applicant claimed, plus any other that scored (a
 * deduction found by the police check), in the rules package's order, with the reviewed points.
 */
function certificateItems(app: ApplicationDoc): CertificateContent['items'] {
  const detail = app.points?.detail as { items?: ScoreDetailItem[] } | undefined;
  const claimed = new Set<string>(app.claims.map((c) => c.indicator));
  return (detail?.items ?? [])
    .filter((i) => claimed.has(i.code) || i.points !== 0)
    .map((i) => ({ code: i.code, name: i.label, points: i.points }));
}

/**
 * The day the points were granted (获得积分): the result day, or the day an objection was answered (the answer
 * re-grants the points, and the 7 working days run again from it).
 */
export function grantedOn(app: ApplicationDoc, objection: ObjectionDoc | null): string | null {
  if (app.status !== 'scored' || !app.resultOn || !app.points) return null;
  if (objection && objection.status === 'answered' && objection.answeredAt) {
    const answered = beijingDate(new Date(objection.answeredAt));
    return answered > app.resultOn ? answered : app.resultOn;
  }
  return app.resultOn;
}

export function buildContent(
  serial: string,
  app: ApplicationDoc,
  person: PersonDoc,
  permitNo: string,
  issueDate: string,
): CertificateContent {
  return {
    v: 1,
    serial,
    round: app.year,
    name: person.name,
    idMasked: maskIdNumber(person.idNumber),
    permitNo,
    cutOffDate: app.points!.cutoffDate,
    items: certificateItems(app),
    // Callers refuse a vetoed result (total null) before building a certificate.
    total: app.points!.total as number,
    issueDate,
  };
}

export function contentKey(c: CertificateContent): string {
  const { serial: _s, issueDate: _d, ...stated } = c;
  return createHash('sha256').update(canonicalJson(stated)).digest('hex');
}

/** Hash of what a certificate states about the points (round, cut-off, items, total): not name, permit, serial, date. */
function pointsKey(c: CertificateContent): string {
  const { round, cutOffDate, items, total } = c;
  return createHash('sha256').update(canonicalJson({ round, cutOffDate, items, total })).digest('hex');
}

/**
 * Whether a revoked certificate still stops `issue` from printing `next`. A revocation sticks until an administrator
 * lifts it, or until an objection answered after the revocation changed the points (the district office has then
 * re-granted them, and the new points deserve a certificate). A new permit number or anything else does not lift it.
 */
export function revocationStands(
  revoked: CertificateDoc,
  objection: ObjectionDoc | null,
  next: CertificateContent,
): boolean {
  if (revoked.status !== 'revoked') return false;
  if (revoked.revocationLiftedAt) return false;
  const answeredAfter =
    objection?.status === 'answered' &&
    !!objection.answeredAt &&
    !!revoked.revokedAt &&
    objection.answeredAt > revoked.revokedAt;
  return !(answeredAfter && pointsKey(next) !== pointsKey(revoked.content));
}

/** A Beijing date as users read it in sentences: 2025年9月26日 (the rules package's one formatter). */
export const chineseDate = formatChineseDate;

export const serialOf = (year: number, seq: number) => `JF-${year}-${String(seq).padStart(6, '0')}`;
