// Over 300 lines on purpose: the three stored layouts below and their readers are one format; a change to one is a
// change to all.
// How a round's list is stored, so that publishing 200,000 lines is a few hundred document writes instead of
// 200,000 (CloudBase bills and throttles per write, and a transaction holds single-document operations only):
//
// - `settlement_keys`: what ranking needs of every settlement application, kept up to date by `settlement.apply`
//   and `withdraw` in their own transactions, in BUCKETS documents per year (`sk-<year>-<bucket>`, bucket = hash of
//   the person id). Publishing reads these few hundred documents, never the 200,000 applications; it re-reads only
//   what can have changed since a person applied (rounds/standing.ts): the few applications flagged `c` and the
//   year's revoked certificates.
// - `round_lists`: the published list in rank order, PAGE_SIZE lines per document (`rl-<year>-<batch>-<page>`).
// - `round_lookup`: where each person stands, in BUCKETS documents per publication (`rk-<year>-<batch>-<bucket>`):
//   a position in the list (whose page holds the masked fields, stored once), or the full line of someone who could
//   not be ranked. "My result" is two reads by id (also inside a transaction).
import type { DocOps } from '../../storage/store';
import { COLLECTIONS } from '../../core/collections';
import { bumpPublishInputs } from './publish-inputs';
import { settlementId, type SettlementDoc } from './model';

export const BUCKETS = 256;
export const PAGE_SIZE = 1000;
const C = COLLECTIONS;

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
 * Ranking keys and list fields of one settlement application (one row of a KeysDoc's columns):
 * [personId, total, insurance months, registration years, submitted (epoch ms), basic conditions met (1/0),
 *  masked name, masked ID number, district, score may still change (1/0: re-read at publication)]
 */
export type KeyEntry = [
  p: string,
  t: number,
  m: number,
  y: number,
  s: number,
  ok: 0 | 1,
  n: string,
  i: string,
  d: string,
  c: 0 | 1,
];

/** The columns of a keys bucket, in KeyEntry order. */
const KEY_COLUMNS = ['p', 't', 'm', 'y', 's', 'ok', 'n', 'i', 'd', 'c'] as const;

/**
 * A bucket of ranking keys, by column (`p[k]`, `t[k]`, … are the fields of entry k): parsing a few columns of plain
 * numbers and strings is much cheaper than 200,000 small arrays or objects keyed by person id, and the person id is
 * stored once.
 */
export interface KeysDoc {
  _id: string;
  year: number;
  bucket: number;
  p: string[];
  t: number[];
  m: number[];
  y: number[];
  s: number[];
  ok: Array<0 | 1>;
  n: string[];
  i: string[];
  d: string[];
  /** 1 = the score could still change after the person applied (SettlementDoc.scoreMayChange). */
  c?: Array<0 | 1>;
  [k: string]: unknown;
}

export const keysId = (year: number, bucket: number) => `sk-${year}-${bucket}`;

export function emptyKeys(year: number, bucket: number): KeysDoc {
  return {
    _id: keysId(year, bucket),
    year,
    bucket,
    p: [],
    t: [],
    m: [],
    y: [],
    s: [],
    ok: [],
    n: [],
    i: [],
    d: [],
    c: [],
  };
}

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
    s.scoreMayChange ? 1 : 0,
  ];
}

/**
 * Whether entry k's score may have changed since the person applied. A bucket written before the `c` column
 * existed has none: every entry of it is re-read (safe, only slower).
 */
export function mayHaveChanged(doc: Pick<KeysDoc, 'c'>, k: number): boolean {
  return doc.c === undefined || doc.c[k] !== 0;
}

/** Puts an entry into a bucket, replacing the person's previous one. */
export function setKey(doc: KeysDoc, e: KeyEntry): void {
  if (doc.c === undefined) doc.c = doc.p.map(() => 1); // an older bucket: its entries keep "re-read"
  let k = doc.p.indexOf(e[0]);
  if (k < 0) k = doc.p.length;
  KEY_COLUMNS.forEach((c, f) => ((doc[c] as unknown[])[k] = e[f]));
}

/** Adds (or replaces) an application's keys inside the caller's transaction. */
export async function putKeys(tx: DocOps, s: SettlementDoc): Promise<void> {
  const bucket = bucketOf(s.personId);
  const doc = (await tx.get<KeysDoc>(C.settlementKeys, keysId(s.year, bucket))) ?? emptyKeys(s.year, bucket);
  setKey(doc, keyEntry(s));
  await tx.set<KeysDoc>(C.settlementKeys, doc);
  // A publication job planned before this write must notice it (rounds/publish-inputs.ts).
  await bumpPublishInputs(tx, s.year);
}

/** Removes an application's keys (withdrawn) inside the caller's transaction. */
export async function dropKeys(tx: DocOps, s: Pick<SettlementDoc, 'year' | 'personId'>): Promise<void> {
  const id = keysId(s.year, bucketOf(s.personId));
  const doc = await tx.get<KeysDoc>(C.settlementKeys, id);
  const k = doc ? doc.p.indexOf(s.personId) : -1;
  if (!doc || k < 0) return;
  const patch: Record<string, unknown[]> = {};
  for (const c of KEY_COLUMNS)
    patch[c] = ((doc[c] as unknown[] | undefined) ?? doc.p.map(() => 1)).filter((_, j) => j !== k);
  await tx.update(C.settlementKeys, id, patch);
  await bumpPublishInputs(tx, s.year);
}

/** One person's line of a published list, as readers get it. */
export interface ResultEntry {
  personId: string;
  settlementId: string;
  rank: number | null;
  /** null: vetoed (only on a line that could not be ranked). */
  total: number | null;
  admitted: boolean;
  reason: string | null;
  maskedName: string;
  maskedIdNumber: string;
  district: string;
  notice: { number: string; issuedOn: string; expiresOn: string } | null;
}

/**
 * A ranked line as stored in a list page: [personId, total, masked name, masked ID number, district]. Everything
 * else follows from where it stands: the rank is its position + 1 (rankApplications ranks positionally), the
 * admitted are the ranked prefix (`admittedCount` on the page), the others share one reason (`reason` on the page),
 * and an admitted person's notice number is the rank with the publication's dates.
 */
export type ListLine = [p: string, t: number, n: string, i: string, d: string];

/**
 * A line of someone who could not be ranked (basic conditions not met, under 100 points, vetoed, certificate revoked):
 * [personId, total (null: vetoed), name, ID, district, reason].
 */
type IneligibleLine = [p: string, t: number | null, n: string, i: string, d: string, w: string];

export interface ListPageDoc {
  _id: string;
  year: number;
  batch: string;
  page: number;
  /** How many lines of the whole list are admitted (a prefix). */
  admittedCount: number;
  /** Why a ranked line beyond the admitted prefix is not admitted (the same for all of them). */
  reason: string;
  entries: ListLine[];
  [k: string]: unknown;
}

/**
 * Where each person of a bucket stands: ranked people by their position in the list (`ids[k]` at `at[k]`), so the
 * masked fields are stored once, in the list page; the few who could not be ranked in full (`ineligible`).
 * Parallel arrays rather than objects keyed by person id: cheaper to build, write and parse.
 */
export interface LookupDoc {
  _id: string;
  year: number;
  batch: string;
  bucket: number;
  ids: string[];
  at: number[];
  ineligible: IneligibleLine[];
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
const noticeNumber = (year: number, rank: number) => `ZR-${year}-${String(rank).padStart(6, '0')}`;

/** The line at `index` (0-based) of the ranked list, as readers get it. */
function expandListLine(page: ListPageDoc, index: number, pub: Publication): ResultEntry {
  const [p, t, n, i, d] = page.entries[index - page.page * PAGE_SIZE]!;
  const rank = index + 1;
  const admitted = index < page.admittedCount;
  return {
    personId: p,
    settlementId: settlementId(pub.year, p),
    rank,
    total: t,
    admitted,
    reason: admitted ? null : page.reason,
    maskedName: n,
    maskedIdNumber: i,
    district: d,
    notice: admitted
      ? { number: noticeNumber(pub.year, rank), issuedOn: pub.on, expiresOn: pub.noticeExpiresOn }
      : null,
  };
}

function expandIneligible(l: IneligibleLine, pub: Publication): ResultEntry {
  const [p, t, n, i, d, w] = l;
  return {
    personId: p,
    settlementId: settlementId(pub.year, p),
    rank: null,
    total: t,
    admitted: false,
    reason: w,
    maskedName: n,
    maskedIdNumber: i,
    district: d,
    notice: null,
  };
}

const readPage = (ops: Pick<DocOps, 'get'>, pub: Publication, page: number) =>
  ops.get<ListPageDoc>(C.roundLists, listPageId(pub.year, pub.batch, page));

/** The results of everyone in one lookup bucket (reads the list pages they stand on, each once). */
export async function bucketResults(
  ops: Pick<DocOps, 'get'>,
  pub: Publication,
  doc: LookupDoc,
): Promise<ResultEntry[]> {
  const pages = new Map<number, ListPageDoc | null>();
  const out: ResultEntry[] = [];
  for (const index of doc.at) {
    const n = Math.floor(index / PAGE_SIZE);
    if (!pages.has(n)) pages.set(n, await readPage(ops, pub, n));
    const page = pages.get(n);
    if (page) out.push(expandListLine(page, index, pub));
  }
  for (const l of doc.ineligible) out.push(expandIneligible(l, pub));
  return out;
}

/** A person's published result (null: not on the list): the bucket by id, then the list page they stand on. */
export async function resultFor(
  ops: Pick<DocOps, 'get'>,
  pub: Publication,
  personId: string,
): Promise<ResultEntry | null> {
  const doc = await ops.get<LookupDoc>(C.roundLookup, lookupId(pub.year, pub.batch, bucketOf(personId)));
  if (!doc) return null;
  const k = doc.ids.indexOf(personId);
  if (k >= 0) {
    const index = doc.at[k]!;
    const page = await readPage(ops, pub, Math.floor(index / PAGE_SIZE));
    return page ? expandListLine(page, index, pub) : null;
  }
  const line = doc.ineligible.find((l) => l[0] === personId);
  return line ? expandIneligible(line, pub) : null;
}

/** Lines [skip, skip + limit) of the ranked list, bounded by `count` (e.g. the admitted prefix). */
export async function listSlice(
  ops: Pick<DocOps, 'get'>,
  pub: Publication,
  skip: number,
  limit: number,
  count: number,
): Promise<ResultEntry[]> {
  const end = Math.min(skip + limit, count);
  const out: ResultEntry[] = [];
  for (let page = Math.floor(skip / PAGE_SIZE); page * PAGE_SIZE < end; page++) {
    const doc = await readPage(ops, pub, page);
    if (!doc) break;
    const from = Math.max(skip, page * PAGE_SIZE);
    const to = Math.min(end, page * PAGE_SIZE + doc.entries.length);
    for (let index = from; index < to; index++) out.push(expandListLine(doc, index, pub));
  }
  return out;
}
