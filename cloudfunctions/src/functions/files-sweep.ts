// The file sweep: stored bytes that no record points to are personal documents kept for no purpose (个人信息保护法
// 第十九条: no longer than the purpose needs). They arise when
// - a client prepared an upload and sent the bytes but never committed them (it gave up, the app was closed), or
//   committed after the ticket expired (refused: UPLOAD_EXPIRED deletes them, but a client that never asks leaves them);
// - files.commitUpload accepted the bytes and its transaction then failed (bytes are kept before the record, so a
//   failure leaves unreferenced bytes rather than a record without bytes);
// - accounts.deleteAccount removed the records and erasing the bytes afterwards failed (storage down);
// - a certificate PDF is stored for a certificate that does not exist (not produced by any action today);
// - a roster export (roster.export) outlived its 10-minute link.
// The sweep runs from the reminders timer. It expires upload tickets (a pending ticket's bytes are erased with it) and
// pages through the file store's own listing, erasing files no record points to. Nothing younger than the grace
// period is touched, a recorded file never, and bytes under a live upload ticket never.
import { COLLECTIONS } from '../core/collections';
import type { FileDoc } from '../core/model';
import { mutatorFor } from '../core/action';
import type { Runtime } from '../core/runtime';
import type { Doc, StoredFile } from '../storage/store';
import type { UploadTicketDoc } from './files';

/**
 * How old unreferenced bytes (and an expired ticket) must be before they are erased: one hour. The longest an action
 * legitimately holds bytes without their record is an upload ticket's 30 minutes (bytes may arrive until it expires)
 * plus one commit running to a cloud function's longest timeout (15 minutes) — 45 minutes; the rest is margin for
 * clocks of different instances. Longer would keep personal documents no one can use; shorter would race a commit.
 * Commits stamp the bytes' `storedAt` when they accept them, so a commit in progress is always inside the period.
 */
const FILE_SWEEP_GRACE_MS = 60 * 60_000;
/** A full pass over the file store starts at most once a day (it may take several timer runs to finish). */
const FILE_SWEEP_PASS_INTERVAL_MS = 24 * 60 * 60_000;
/** Where the pass keeps its place between timer runs: the timer's state collection (reminders/timer.ts). */
const FILE_SWEEP_STATE = { collection: COLLECTIONS.reminderRuns, id: 'file-sweep' } as const;
/** Listing page (CloudBase answers at most 100 documents per query) and pages per run (a run stays well in its timeout). */
const FILE_SWEEP_PAGE = 100;
const FILE_SWEEP_MAX_PAGES = 10;

interface SweepStateDoc extends Doc {
  /** Place of the pass in progress (the file store's cursor), null between passes. */
  cursor: string | null;
  inProgress: boolean;
  passStartedAt: string | null;
  lastPassCompletedAt: string | null;
}

/** What one run did: counts only (no paths: they carry person ids). Audited when something was removed. */
export interface FileSweepReport {
  /** Pending tickets expired past the grace period: removed, and their bytes (if any were sent) erased. */
  ticketsExpired: number;
  /** Committed tickets past the grace period: removed (the file record keeps the file). */
  ticketsClosed: number;
  /** Stored files listed in this run. */
  scanned: number;
  /** Listed files erased: no record points to them. */
  removed: number;
  /** Listed files kept: recorded, under a live ticket, younger than the grace period, or in a folder not judged here. */
  kept: { recorded: number; liveTicket: number; young: number; notJudged: number };
  /** Erasures that failed (retried by a later run). */
  failed: number;
  /** Whether this run finished a pass over the whole store. */
  passCompleted: boolean;
  /** Whether this run listed the store at all (a pass is due once a day). */
  passRan: boolean;
}

export interface FileSweepOptions {
  /** Who the audit names: the timer's system actor. */
  actor?: { openid: string; personId: string | null };
  pageSize?: number;
  maxPages?: number;
}

/** One run: expire tickets, then continue (or start, once a day) the pass over the file store. */
export async function sweepFiles(runtime: Runtime, options: FileSweepOptions = {}): Promise<FileSweepReport> {
  const now = runtime.now();
  const pageSize = options.pageSize ?? FILE_SWEEP_PAGE;
  const maxPages = options.maxPages ?? FILE_SWEEP_MAX_PAGES;
  const cutoff = now.getTime() - FILE_SWEEP_GRACE_MS;
  const report: FileSweepReport = {
    ticketsExpired: 0,
    ticketsClosed: 0,
    scanned: 0,
    removed: 0,
    kept: { recorded: 0, liveTicket: 0, young: 0, notJudged: 0 },
    failed: 0,
    passCompleted: false,
    passRan: false,
  };
  await expireTickets(runtime, cutoff, pageSize, maxPages, report);
  await continuePass(runtime, now, cutoff, pageSize, maxPages, report);
  const removedSomething = report.ticketsExpired + report.ticketsClosed + report.removed > 0;
  if (removedSomething) {
    const actor = options.actor ?? { openid: 'system:timer', personId: null };
    await mutatorFor(
      runtime,
      now,
      actor,
      'files.sweep',
    )((_tx, audit) =>
      audit({
        target: { collection: FILE_SWEEP_STATE.collection, id: FILE_SWEEP_STATE.id },
        details: { ...report, kept: { ...report.kept } },
      }),
    );
  }
  runtime.log('info', 'file sweep', { ...report });
  return report;
}

/** Whether a file record points to the path. */
async function isRecorded(runtime: Runtime, path: string): Promise<boolean> {
  return (await runtime.store.find<FileDoc>(COLLECTIONS.files, { path }, { limit: 1 })).length > 0;
}

/**
 * Tickets, oldest expiry first, whose expiry lies more than the grace period back. Each is removed once handled;
 * one whose bytes could not be erased stays (skipped for the rest of this run, retried by the next).
 */
async function expireTickets(
  runtime: Runtime,
  cutoff: number,
  pageSize: number,
  maxPages: number,
  report: FileSweepReport,
): Promise<void> {
  const { store, files } = runtime;
  let stuck = 0;
  for (let page = 0; page < maxPages; page++) {
    const tickets = await store.find<UploadTicketDoc>(
      COLLECTIONS.uploads,
      {},
      { orderBy: [['expiresAt', 'asc']], limit: pageSize, skip: stuck },
    );
    for (const ticket of tickets) {
      // Strictly older than the grace period: at exactly expiry + grace the ticket still counts as live.
      if (Date.parse(ticket.expiresAt) >= cutoff) return;
      try {
        if (ticket.status === 'pending') {
          // Bytes under a pending ticket were never recorded by it (the commit marks the ticket in the same
          // transaction that records the file); the check guards against a record reaching the path some other way.
          if (!(await isRecorded(runtime, ticket.path))) await files.removeStored([ticket.path]);
          await store.remove(COLLECTIONS.uploads, ticket._id);
          report.ticketsExpired++;
        } else {
          await store.remove(COLLECTIONS.uploads, ticket._id);
          report.ticketsClosed++;
        }
      } catch (err) {
        stuck++;
        report.failed++;
        runtime.log('warn', 'file sweep: a ticket could not be expired', {
          errorName: err instanceof Error ? err.name : typeof err,
        });
      }
    }
    if (tickets.length < pageSize) return;
  }
}

type Verdict = 'orphan' | 'recorded' | 'liveTicket' | 'young' | 'notJudged';

/** `certificates/<applicationId>/<serial>-…pdf`: kept while that certificate exists (certificates are never deleted). */
const CERTIFICATE_PDF = /^certificates\/([^/]+)\/(JF-\d{4}-\d{6})-[^/]+\.pdf$/;

async function judge(runtime: Runtime, file: StoredFile, cutoff: number): Promise<Verdict> {
  // Unknown age counts as old: such an entry predates `storedAt`, long before any commit now running.
  if (file.storedAt !== null && Date.parse(file.storedAt) >= cutoff) return 'young';
  const { store } = runtime;
  // Roster exports are handed out through a 10-minute link and recorded nowhere: past the grace period no link to
  // them can still work, so they are kept no longer.
  if (/^exports\//.test(file.path)) return 'orphan';
  if (/^(evidence|docs|rosters)\//.test(file.path)) {
    if (await isRecorded(runtime, file.path)) return 'recorded';
    const tickets = await store.find<UploadTicketDoc>(COLLECTIONS.uploads, { path: file.path }, { limit: 1 });
    const live = tickets.some((t) => t.status === 'pending' && Date.parse(t.expiresAt) >= cutoff);
    return live ? 'liveTicket' : 'orphan';
  }
  const cert = CERTIFICATE_PDF.exec(file.path);
  if (cert) {
    const doc = await store.get<{ _id: string; applicationId: string }>(COLLECTIONS.certificates, cert[2]!);
    return doc && doc.applicationId === cert[1] ? 'recorded' : 'orphan';
  }
  // A folder this sweep does not know how records point into: never erased here (a new kind of stored file gets its
  // rule above first).
  return 'notJudged';
}

async function continuePass(
  runtime: Runtime,
  now: Date,
  cutoff: number,
  pageSize: number,
  maxPages: number,
  report: FileSweepReport,
): Promise<void> {
  const { store, files } = runtime;
  const state = await store.get<SweepStateDoc>(FILE_SWEEP_STATE.collection, FILE_SWEEP_STATE.id);
  const due =
    state?.inProgress === true ||
    !state?.passStartedAt ||
    now.getTime() - Date.parse(state.passStartedAt) >= FILE_SWEEP_PASS_INTERVAL_MS;
  if (!due) return;
  report.passRan = true;
  let cursor = state?.inProgress ? state.cursor : null;
  const passStartedAt = state?.inProgress && state.passStartedAt ? state.passStartedAt : now.toISOString();
  let done = false;
  for (let page = 0; page < maxPages && !done; page++) {
    const listed = await files.listStored(cursor, pageSize);
    report.scanned += listed.files.length;
    const orphans: string[] = [];
    for (const file of listed.files) {
      const verdict = await judge(runtime, file, cutoff);
      if (verdict === 'orphan') orphans.push(file.path);
      else report.kept[verdict]++;
    }
    if (orphans.length > 0) {
      try {
        await files.removeStored(orphans);
        report.removed += orphans.length;
      } catch (err) {
        report.failed += orphans.length;
        runtime.log('warn', 'file sweep: erasing unreferenced files failed', {
          count: orphans.length,
          errorName: err instanceof Error ? err.name : typeof err,
        });
      }
    }
    cursor = listed.cursor;
    done = cursor === null;
  }
  report.passCompleted = done;
  const next: SweepStateDoc = {
    _id: FILE_SWEEP_STATE.id,
    cursor: done ? null : cursor,
    inProgress: !done,
    passStartedAt,
    lastPassCompletedAt: done ? now.toISOString() : (state?.lastPassCompletedAt ?? null),
  };
  await store.set(FILE_SWEEP_STATE.collection, next);
}

/**
 * Erases the bytes of records just removed (accounts.deleteAccount), after their transaction committed. A failure is
 * logged with a count and left to the sweep: the bytes now have no record, so its next pass erases them.
 */
export async function eraseFilesOf(
  runtime: Runtime,
  paths: string[],
): Promise<{ erased: number; leftToSweep: number }> {
  if (paths.length === 0) return { erased: 0, leftToSweep: 0 };
  try {
    await runtime.files.removeStored(paths);
    return { erased: paths.length, leftToSweep: 0 };
  } catch (err) {
    runtime.log('warn', "erasing a deleted account's files failed; left to the file sweep", {
      count: paths.length,
      errorName: err instanceof Error ? err.name : typeof err,
    });
    return { erased: 0, leftToSweep: paths.length };
  }
}
