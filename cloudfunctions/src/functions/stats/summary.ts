// The year's overview counts, kept up to date in the same transaction as the writes that change them, so the
// administrator's overview (stats/overview.ts) reads one document instead of every application, item, settlement
// and objection of the year (200,000 applications are 2,000 query pages of 100 on CloudBase).
//
// Why incremental rather than rebuilt by the timer: the counts are exact the moment an action commits (the overview
// and the action's own answer never disagree, and no pass over 200,000 documents runs every few minutes); the cost
// is one more document written by the transactions that touch these collections — which already all write the audit
// head, so no new point of contention — and a read of a document before it is changed when the action had not read it
// already (most have). The hook is generic (`trackSummaries`, wrapped around every action's transaction in
// core/action.ts mutatorFor): it compares what each tracked document contributed before and after the transaction, so
// no action has to know the overview exists, and a new write path is counted without a change here.
//
// What a document contributes (one counter +1 per key; the overview adds them up and applies today's date):
// - application with `acceptedOn`: `a|<acceptedOn>`; scored (status 'scored' with points): `b|<10-point band>` or `v`;
// - settlement submitted: `d|<district>`;
// - item waiting (pending, reviewing) of an accepted application: `w|<department>|<application's acceptedOn>`;
// - objection: `o|<status>|<filedOn>|<answerDeadline>|<answeredOn>` (overdue depends on today: decided when read).
// An item's key uses its application's `acceptedOn` as the transaction leaves it; `acceptedOn` is set once, by the
// submission that writes the items.
//
// Writes outside actions (bench and test seeds) are not counted: `rebuildSummary` recomputes a year from the
// documents (run it once for a year whose documents predate this summary; docs/DEPLOY.md). A year without a summary
// document has had no tracked write: the overview then reads the documents as before.
import { type ApplicationDoc, type ItemDoc, type ObjectionDoc } from '../../core/model';
import type { Doc, DocOps, Store } from '../../storage/store';
import { COLLECTIONS } from '../../core/collections';
import type { SettlementDoc } from '../rounds/model';
import { forEachDoc } from './read';

export const SCORE_BAND = 10;
export const summaryId = (year: number) => `ss-${year}`;

export interface SummaryDoc {
  _id: string;
  year: number;
  counts: Record<string, number>;
  [k: string]: unknown;
}

// Built on first use: core/action.ts imports this module, and rounds/codes.ts imports core/action.ts (a cycle in
// which COLLECTIONS may not be initialised yet when this module is).
let tracked: Set<string> | null = null;
const TRACKED = {
  has: (c: string) =>
    (tracked ??= new Set<string>([
      COLLECTIONS.applications,
      COLLECTIONS.items,
      COLLECTIONS.objections,
      COLLECTIONS.settlements,
    ])).has(c),
};
const key = (collection: string, id: string) => `${collection}\u0000${id}`;
const copy = <T>(d: T): T => (d === null ? d : (JSON.parse(JSON.stringify(d)) as T));

function yearOfObjection(o: Pick<ObjectionDoc, 'applicationId'>): number | null {
  const m = /^app-(\d{4})-/.exec(o.applicationId);
  return m ? Number(m[1]) : null;
}

/** The counters one document adds to its year (`acceptedOn`: an item's application's, or null). */
function contribution(
  collection: string,
  doc: Doc | null,
  acceptedOn: string | null,
): Array<[year: number, key: string]> {
  if (!doc) return [];
  if (collection === COLLECTIONS.applications) {
    const a = doc as unknown as ApplicationDoc;
    if (!a.acceptedOn) return [];
    const out: Array<[number, string]> = [[a.year, `a|${a.acceptedOn}`]];
    if (a.status === 'scored' && a.points)
      out.push([a.year, a.points.total === null ? 'v' : `b|${Math.floor(a.points.total / SCORE_BAND) * SCORE_BAND}`]);
    return out;
  }
  if (collection === COLLECTIONS.settlements) {
    const s = doc as unknown as SettlementDoc;
    return s.status === 'submitted' ? [[s.year, `d|${s.district}`]] : [];
  }
  if (collection === COLLECTIONS.items) {
    const i = doc as unknown as ItemDoc;
    return (i.status === 'pending' || i.status === 'reviewing') && acceptedOn
      ? [[i.year, `w|${i.department}|${acceptedOn}`]]
      : [];
  }
  if (collection === COLLECTIONS.objections) {
    const o = doc as unknown as ObjectionDoc;
    const year = yearOfObjection(o);
    return year === null ? [] : [[year, `o|${o.status}|${o.filedOn}|${o.answerDeadline ?? ''}|${o.answeredOn ?? ''}`]];
  }
  return [];
}

/**
 * Wraps a transaction's operations: writes of tracked documents are remembered with the state before them, and
 * `flush()` (called by the caller at the end of its work, inside the transaction) moves the year's counters.
 */
export function trackSummaries(tx: DocOps): { ops: DocOps; flush(): Promise<void> } {
  /** The current state of documents this transaction read or wrote. */
  const current = new Map<string, Doc | null>();
  /** The state before this transaction's first write of a document. */
  const before = new Map<string, Doc | null>();
  const written = new Map<string, [collection: string, id: string]>();
  const known = async (collection: string, id: string): Promise<Doc | null> => {
    const k = key(collection, id);
    if (!current.has(k)) current.set(k, copy(await tx.get<Doc>(collection, id)));
    return current.get(k)!;
  };
  const beforeWrite = async (collection: string, id: string, insert = false) => {
    const k = key(collection, id);
    if (!before.has(k)) before.set(k, insert && !current.has(k) ? null : await known(collection, id));
    written.set(k, [collection, id]);
  };
  const ops: DocOps = {
    async get(collection, id) {
      const d = await tx.get(collection, id);
      const k = key(collection, id);
      if (TRACKED.has(collection) && !written.has(k)) current.set(k, copy(d) as Doc | null);
      return d as never;
    },
    async insert(collection, doc) {
      if (TRACKED.has(collection)) await beforeWrite(collection, doc._id, true);
      await tx.insert(collection, doc);
      if (TRACKED.has(collection)) current.set(key(collection, doc._id), copy(doc));
    },
    async set(collection, doc) {
      if (TRACKED.has(collection)) await beforeWrite(collection, doc._id);
      await tx.set(collection, doc);
      if (TRACKED.has(collection)) current.set(key(collection, doc._id), copy(doc));
    },
    async update(collection, id, patch) {
      if (TRACKED.has(collection)) await beforeWrite(collection, id);
      await tx.update(collection, id, patch);
      if (TRACKED.has(collection)) {
        const k = key(collection, id);
        current.set(k, { ...(current.get(k) as Doc), ...copy(patch) });
      }
    },
    async remove(collection, id) {
      if (TRACKED.has(collection)) await beforeWrite(collection, id);
      await tx.remove(collection, id);
      if (TRACKED.has(collection)) current.set(key(collection, id), null);
    },
  };
  const acceptedOnOf = async (item: Doc | null, state: 'before' | 'after'): Promise<string | null> => {
    if (!item) return null;
    const appId = (item as unknown as ItemDoc).applicationId;
    const k = key(COLLECTIONS.applications, appId);
    const app = state === 'before' && before.has(k) ? before.get(k)! : await known(COLLECTIONS.applications, appId);
    return (app as unknown as ApplicationDoc | null)?.acceptedOn ?? null;
  };
  async function flush(): Promise<void> {
    if (written.size === 0) return;
    const delta = new Map<number, Map<string, number>>();
    const add = (entries: Array<[number, string]>, n: number) => {
      for (const [year, k] of entries) {
        const m = delta.get(year) ?? new Map<string, number>();
        m.set(k, (m.get(k) ?? 0) + n);
        delta.set(year, m);
      }
    };
    for (const [k, [collection]] of written) {
      const was = before.get(k) ?? null;
      const is = current.get(k) ?? null;
      const isItem = collection === COLLECTIONS.items;
      add(contribution(collection, was, isItem ? await acceptedOnOf(was, 'before') : null), -1);
      add(contribution(collection, is, isItem ? await acceptedOnOf(is, 'after') : null), +1);
    }
    for (const [year, m] of delta) {
      const changes = [...m].filter(([, n]) => n !== 0);
      if (changes.length === 0) continue;
      const doc = (await tx.get<SummaryDoc>(COLLECTIONS.statsSummaries, summaryId(year))) ?? {
        _id: summaryId(year),
        year,
        counts: {},
      };
      for (const [k, n] of changes) {
        const v = (doc.counts[k] ?? 0) + n;
        if (v === 0) delete doc.counts[k];
        else doc.counts[k] = v;
      }
      await tx.set<SummaryDoc>(COLLECTIONS.statsSummaries, doc);
    }
  }
  return { ops, flush };
}

/**
 * Documents per query page of the pass below: paging is by skip (the Store has equality filters only), so on SQLite a
 * pass costs pages × skipped rows — 200 pages instead of 2,000 for 200,000 applications (the CloudBase adapter splits
 * a page into the 100-document reads CloudBase allows).
 */
const REBUILD_PAGE = 1000;

/** The counters of a year computed from its documents (a pass over all of them: the overview's fallback, and repair). */
export async function countsFromDocuments(store: Store, year: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const bump = (entries: Array<[number, string]>) => {
    for (const [y, k] of entries) if (y === year) counts[k] = (counts[k] ?? 0) + 1;
  };
  const acceptedOn = new Map<string, string>();
  await forEachDoc<ApplicationDoc>(
    store,
    COLLECTIONS.applications,
    { year },
    (a) => {
      if (a.acceptedOn) acceptedOn.set(a._id, a.acceptedOn);
      bump(contribution(COLLECTIONS.applications, a, null));
    },
    REBUILD_PAGE,
  );
  await forEachDoc<SettlementDoc>(
    store,
    COLLECTIONS.settlements,
    { year, status: 'submitted' },
    (s) => bump(contribution(COLLECTIONS.settlements, s, null)),
    REBUILD_PAGE,
  );
  for (const status of ['pending', 'reviewing'] as const) {
    await forEachDoc<ItemDoc>(
      store,
      COLLECTIONS.items,
      { year, status },
      (i) => bump(contribution(COLLECTIONS.items, i, acceptedOn.get(i.applicationId) ?? null)),
      REBUILD_PAGE,
    );
  }
  await forEachDoc<ObjectionDoc>(
    store,
    COLLECTIONS.objections,
    {},
    (o) => bump(contribution(COLLECTIONS.objections, o, null)),
    REBUILD_PAGE,
  );
  return counts;
}

/** Recomputes a year's summary from its documents and stores it (run when the actions are quiet: a repair tool). */
export async function rebuildSummary(store: Store, year: number): Promise<SummaryDoc> {
  const doc: SummaryDoc = { _id: summaryId(year), year, counts: await countsFromDocuments(store, year) };
  await store.set(COLLECTIONS.statsSummaries, doc);
  return doc;
}
