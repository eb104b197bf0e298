import { createHash } from 'node:crypto';
import { beijingDate, certificateDate, maskIdNumber } from '@hz-points/shared';
import type { ApplicationDoc, ObjectionDoc, PersonDoc } from '../../core/model';
import { canonicalJson, type CertificateContent } from './signing';

export type CertificateStatus = 'active' | 'superseded' | 'revoked';

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
export function certificateItems(app: ApplicationDoc): CertificateContent['items'] {
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

export { certificateDate };

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

export const serialOf = (year: number, seq: number) => `JF-${year}-${String(seq).padStart(6, '0')}`;
