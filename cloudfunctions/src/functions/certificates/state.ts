// Whether a stored certificate is still what it claims to be. The stored status says revoked / superseded once an
// action said so; but between an objection answer and the re-print, an `active` certificate already states points
// that are no longer the granted ones. Every view (list, download, verify) asks here, so none hands out such a
// certificate as current.
import { beijingDate } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import type { ApplicationDoc, ObjectionDoc, PersonDoc } from '../../core/model';
import type { DocOps } from '../../storage/store';
import { buildContent, chineseDate, contentKey, type CertificateDoc } from './model';

/** What a certificate is worth now, with the sentence that says why (the contract's CertificateState is `state`). */
export type CertificateStanding =
  | { state: 'valid'; notice: null; supersededBy: null }
  | { state: 'revoked'; notice: string; supersededBy: null }
  | { state: 'superseded'; notice: string; supersededBy: string | null };

const dayOf = (iso: string) => chineseDate(beijingDate(new Date(iso)));

/** The sentence shown for a revoked certificate: when, why, and whether a new one may be printed. */
export function revokedNotice(c: CertificateDoc): string {
  const when = c.revokedAt ? `于${dayOf(c.revokedAt)}` : '';
  const lifted = c.revocationLiftedAt ? `；撤销已于${dayOf(c.revocationLiftedAt)}由管理员解除，可重新打印新的凭证` : '';
  return `该积分有效凭证（${c.serial}）已${when}被撤销，撤销原因：${c.revokedReason ?? '未说明'}${lifted}`;
}

export async function certificateState(store: Pick<DocOps, 'get'>, c: CertificateDoc): Promise<CertificateStanding> {
  if (c.status === 'revoked') return { state: 'revoked', notice: revokedNotice(c), supersededBy: null };
  if (c.status === 'superseded') {
    return {
      state: 'superseded',
      notice: `该积分有效凭证（${c.serial}）已作废，已被新凭证（${c.supersededBy}）取代，请使用最新凭证`,
      supersededBy: c.supersededBy,
    };
  }
  const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, c.applicationId);
  const person = await store.get<PersonDoc>(COLLECTIONS.persons, c.personId);
  const stale = (why: string): CertificateStanding => ({
    state: 'superseded',
    notice: `该积分有效凭证（${c.serial}）已作废：${why}，请重新打印最新的积分有效凭证`,
    supersededBy: null,
  });
  if (!app || !person || !app.points || app.points.total === null) return stale('所载积分已不再有效');
  const now = buildContent(c.serial, app, person, c.content.permitNo, c.content.issueDate);
  if (contentKey(now) === c.contentKey) return { state: 'valid', notice: null, supersededBy: null };
  const objection = app.objectionId ? await store.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
  if (objection?.status === 'answered' && objection.answeredAt && objection.answeredAt > c.issuedAt) {
    return stale(`积分已于${dayOf(objection.answeredAt)}经异议答复重新核定，本凭证所载积分已被取代`);
  }
  return stale('凭证所载信息已变更');
}
