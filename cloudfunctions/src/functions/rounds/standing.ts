// What stands on the publication day for a round's settlement applications. Their ranking keys were taken when each
// person applied (rounds/list.ts); publishing corrects them with everything that can have changed since, read from
// the stored documents:
//
// - Points. After the result day an application's points change only through its one objection answer (review
//   decisions end on the result day; one objection per application), and `settlement.apply` refuses while an
//   objection is open. So the keys taken at application are exact unless the objection window was still open that day
//   (its last day — the day the certificate becomes printable — with no objection yet): such entries carry `c` = 1
//   and are re-read here (application, objection, and the items if an answer changed them). An objection still open
//   holds the publication (OBJECTIONS_PENDING): the line is drawn on confirmed scores (FAQ2021 Q10 "确定成绩后").
// - Certificates. The year's revoked certificates come from one indexed query (`certificates` by year and status);
//   a revoked certificate counts when it is still the application's current one (`certificate_heads`), so a lifted
//   revocation or a newer certificate is seen without any certificate action having to maintain the keys.
//
// Cost: reads proportional to the flagged entries and the revoked certificates, not to the 200,000 applicants.
import { applicationId, type ApplicationDoc, type ObjectionDoc } from '../../core/model';
import type { Store } from '../../storage/store';
import { loadItems } from '../applications';
import type { CertificateDoc, CertificateHeadDoc } from '../certificates/model';
import { tieBreakKeys, type TieBreakKeys } from '../settlement/ranking-keys';
import { COLLECTIONS } from '../../core/collections';

const C = COLLECTIONS;
/**
 * Applications re-read concurrently at publication: on CloudBase each read is a round trip, and 4,000 flagged
 * applications (2% of 200,000) 16 at a time were 250 sequential waves of the publication's first call.
 */
const RECHECK_IN_FLIGHT = 64;

/** The current score of an application whose objection was answered after the person applied. */
export interface Rescored extends TieBreakKeys {
  /** null: vetoed by the answer. */
  total: number | null;
}

export interface Standing {
  /** By person id: the answered objection changed what the keys hold (or may have: re-read in full). */
  rescored: Map<string, Rescored>;
  /** Person ids whose objection is still open: the publication must wait for the answers. */
  pending: string[];
  /** By person id: the reason recorded on the list for an applicant whose current certificate is revoked. */
  revoked: Map<string, string>;
}

/** The reason an applicant with a revoked certificate is not admitted (shown to them and their delegates only). */
function revokedReason(cert: Pick<CertificateDoc, 'revokedReason'>): string {
  return cert.revokedReason ? `积分有效凭证已被撤销（${cert.revokedReason}）` : '积分有效凭证已被撤销';
}

/**
 * Re-reads the score of each person in `recheck` (keys flagged `c`): the application and its objection; when the
 * objection was answered, the items too (an answer may change the tie-break values as well as the total).
 */
async function rescore(
  store: Store,
  year: number,
  recheck: readonly string[],
): Promise<Pick<Standing, 'rescored' | 'pending'>> {
  const rescored = new Map<string, Rescored>();
  const pending: string[] = [];
  const one = async (personId: string) => {
    const app = await store.get<ApplicationDoc>(COLLECTIONS.applications, applicationId(year, personId));
    // A settlement application is accepted only on a scored application: anything else is corrupt data, and a list
    // published over it would be wrong. Fail loudly (INTERNAL) rather than rank a guess.
    if (!app || !app.points) throw new Error(`settlement of ${year} without a scored application (person ${personId})`);
    const objection = app.objectionId ? await store.get<ObjectionDoc>(COLLECTIONS.objections, app.objectionId) : null;
    if (!objection) return; // the window closed without one: the score stands as it was when they applied
    if (objection.status === 'open') pending.push(personId);
    else rescored.set(personId, { total: app.points.total, ...tieBreakKeys(await loadItems(store, app)) });
  };
  // A few reads in flight at once: on CloudBase each is a network round trip (SQLite answers synchronously anyway).
  for (let i = 0; i < recheck.length; i += RECHECK_IN_FLIGHT)
    await Promise.all(recheck.slice(i, i + RECHECK_IN_FLIGHT).map(one));
  return { rescored, pending };
}

/**
 * Applicants (of `applicants`) whose current certificate of the year is revoked, with the reason to record. Run twice
 * by the publication (before ranking and just before the flip) to notice a revocation made meanwhile.
 */
export async function revokedApplicants(
  store: Store,
  year: number,
  applicants: { has(personId: string): boolean },
): Promise<Map<string, string>> {
  const revoked = new Map<string, string>();
  const certs = await store.find<CertificateDoc>(
    C.certificates,
    { year, status: 'revoked' },
    { orderBy: [['_id', 'asc']], limit: 1_000_000 },
  );
  const ours = certs.filter((cert) => applicants.has(cert.personId));
  // A few head reads in flight at once (each a round trip on CloudBase); results are taken in the query's order.
  for (let i = 0; i < ours.length; i += RECHECK_IN_FLIGHT) {
    const slice = ours.slice(i, i + RECHECK_IN_FLIGHT);
    const heads = await Promise.all(
      slice.map((cert) => store.get<CertificateHeadDoc>(C.certificateHeads, cert.applicationId)),
    );
    slice.forEach((cert, j) => {
      if (heads[j]?.serial === cert.serial) revoked.set(cert.personId, revokedReason(cert));
    });
  }
  return revoked;
}

export async function standingOnPublication(
  store: Store,
  year: number,
  applicants: { has(personId: string): boolean },
  recheck: readonly string[],
  /** The year's revoked certificates already read (every person, applicant or not): filtered here, not read again. */
  revokedAll?: ReadonlyMap<string, string>,
): Promise<Standing> {
  const { rescored, pending } = await rescore(store, year, recheck);
  return {
    rescored,
    pending,
    revoked: revokedAll ? onlyApplicants(revokedAll, applicants) : await revokedApplicants(store, year, applicants),
  };
}

export function onlyApplicants(
  revokedAll: ReadonlyMap<string, string>,
  applicants: { has(personId: string): boolean },
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [personId, reason] of revokedAll) if (applicants.has(personId)) out.set(personId, reason);
  return out;
}
