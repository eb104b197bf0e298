// How a round's list is stored, so that publishing 200,000 lines is a few hundred document writes instead of
// 200,000 (CloudBase bills and throttles per write, and a transaction holds single-document operations only):
//
// - `settlement_keys`: what ranking needs of every settlement application, kept up to date by `settlement.apply`
//   and `withdraw` in their own transactions, in BUCKETS documents per year (`sk-<year>-<bucket>`, bucket = hash of
//   the person id). Publishing reads these few hundred documents, never the 200,000 applications.
// - `round_lists`: the published list in rank order, PAGE_SIZE lines per document (`rl-<year>-<batch>-<page>`).
// - `round_lookup`: each person's result, in BUCKETS documents per publication (`rk-<year>-<batch>-<bucket>`), so
//   "my result" is one read by id (also inside a transaction).
import type { DocOps } from '../../storage/store';
import { OWN_COLLECTIONS } from './codes';
import { settlementId, type SettlementDoc } from './model';

export const BUCKETS = 256;
export const PAGE_SIZE = 1000;
const C = OWN_COLLECTIONS;

/** FNV-1a (32 bit) of the person id: cheap enough to run 200,000 times while publishing, and stable forever. */
export function bucketOf(personId: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < personId.length; k++) {
    h ^= personId.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % BUCKETS;
}

/**
 * Ranking keys and list fields of one settlement application, as a tuple: 200,000 of them are read at once, and a
 * tuple is a third of the JSON of an object with named keys (parsing time is most of loading).
 * [personId, total, insurance months, registration years, submitted (epoch ms), basic conditions met (1/0),
 *  masked name, masked ID number, district]
 */
export type KeyEntry = [p: string, t: number, m: number, y: number, s: number, ok: 0 | 1, n: string, i: string, d: string];

export interface KeysDoc {
  _id: string;
  year: number;
  bucket: number;
  /** By person id. */
  entries: Record<string, KeyEntry>;
  [k: string]: unknown;
}

export const keysId = (year: number, bucket: number) => `sk-${year}-${bucket}`;

export function keyEntry(s: SettlementDoc): KeyEntry {
  return [
    s.personId,
    s.total,
    s.socialInsuranceMonths,
    s.residenceRegistrationYears,
    Date.parse(s.submittedAt),
    s.meetsBasicConditions ? 1 : 0,
    s.maskedName,
    s.maskedIdNumber,
    s.district,
  ];
}

/** Adds (or replaces) an application's keys inside the caller's transaction. */
export async function putKeys(tx: DocOps, s: SettlementDoc): Promise<void> {
  const id = keysId(s.year, bucketOf(s.personId));
  const doc = await tx.get<KeysDoc>(C.settlementKeys, id);
  const entries = { ...(doc?.entries ?? {}), [s.personId]: keyEntry(s) };
  await tx.set<KeysDoc>(C.settlementKeys, { _id: id, year: s.year, bucket: bucketOf(s.personId), entries });
}

/** Removes an application's keys (withdrawn) inside the caller's transaction. */
export async function dropKeys(tx: DocOps, s: Pick<SettlementDoc, 'year' | 'personId'>): Promise<void> {
  const id = keysId(s.year, bucketOf(s.personId));
  const doc = await tx.get<KeysDoc>(C.settlementKeys, id);
  if (!doc || !(s.personId in doc.entries)) return;
  const { [s.personId]: _gone, ...entries } = doc.entries;
  await tx.update(C.settlementKeys, id, { entries });
}

/** One person's line of a published list, as readers get it. */
export interface ResultEntry {
  personId: string;
  settlementId: string;
  rank: number | null;
  total: number;
  admitted: boolean;
  reason: string | null;
  maskedName: string;
  maskedIdNumber: string;
  district: string;
  notice: { number: string; issuedOn: string; expiresOn: string } | null;
}

/**
 * A line as stored, as a tuple (200,000 lines are written twice per publication):
 * [personId, rank or null, total, admitted (1/0), masked name, masked ID number, district, reason if not admitted].
 * The notice is not stored: the admitted are the ranked prefix, so the notice number is the rank, and its dates
 * are the publication's.
 */
export type StoredLine = [p: string, r: number | null, t: number, a: 0 | 1, n: string, i: string, d: string, w?: string];

export interface ListPageDoc {
  _id: string;
  year: number;
  batch: string;
  page: number;
  entries: StoredLine[];
  [k: string]: unknown;
}

export interface LookupDoc {
  _id: string;
  year: number;
  batch: string;
  bucket: number;
  entries: Record<string, StoredLine>;
  [k: string]: unknown;
}

/** What a reader needs of the round's publication to expand stored lines. */
export interface Publication {
  year: number;
  batch: string;
  on: string;
  noticeExpiresOn: string;
}

export const listPageId = (year: number, batch: string, page: number) => `rl-${year}-${batch}-${page}`;
export const lookupId = (year: number, batch: string, bucket: number) => `rk-${year}-${batch}-${bucket}`;
export const noticeNumber = (year: number, rank: number) => `ZR-${year}-${String(rank).padStart(6, '0')}`;

export function expand(l: StoredLine, pub: Publication): ResultEntry {
  const [p, r, t, a, n, i, d, w] = l;
  return {
    personId: p,
    settlementId: settlementId(pub.year, p),
    rank: r,
    total: t,
    admitted: a === 1,
    reason: a === 1 ? null : (w ?? null),
    maskedName: n,
    maskedIdNumber: i,
    district: d,
    notice: a === 1 && r !== null ? { number: noticeNumber(pub.year, r), issuedOn: pub.on, expiresOn: pub.noticeExpiresOn } : null,
  };
}

/** A person's published result (null: not on the list), by one read. */
export async function resultFor(ops: Pick<DocOps, 'get'>, pub: Publication, personId: string): Promise<ResultEntry | null> {
  const doc = await ops.get<LookupDoc>(C.roundLookup, lookupId(pub.year, pub.batch, bucketOf(personId)));
  const line = doc?.entries[personId];
  return line ? expand(line, pub) : null;
}

/** Lines [skip, skip + limit) of the ranked list, bounded by `count` (e.g. the admitted prefix). */
export async function listSlice(ops: Pick<DocOps, 'get'>, pub: Publication, skip: number, limit: number, count: number): Promise<ResultEntry[]> {
  const end = Math.min(skip + limit, count);
  const out: ResultEntry[] = [];
  for (let page = Math.floor(skip / PAGE_SIZE); page * PAGE_SIZE < end; page++) {
    const doc = await ops.get<ListPageDoc>(C.roundLists, listPageId(pub.year, pub.batch, page));
    if (!doc) break;
    for (let k = 0; k < doc.entries.length; k++) {
      const index = page * PAGE_SIZE + k;
      if (index >= skip && index < end) out.push(expand(doc.entries[k]!, pub));
    }
  }
  return out;
}
