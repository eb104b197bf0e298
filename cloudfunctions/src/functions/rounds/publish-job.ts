// Over 300 lines on purpose: the job's checkpoint, resume and restart rules must be read together (below: why it is
// safe to stop anywhere); planning and the flip are apart (publish.ts).
//
// Publishing a round as a resumable job. The first invocation (rounds.publish, or the reminders timer for a job left
// running) plans the publication from what is stored (rounds/publish.ts: checks, standing, ranking — deterministic)
// and writes chunks of list documents, each chunk in one transaction together with the job's checkpoint
// (`publish_jobs`, `pj-<year>`: batch, documents done, chunks, times). When every document is written, the last
// invocation flips the round with the audit entry: readers see nothing of the list until that transaction commits.
//
// Planning happens once per batch, not once per invocation. An invocation that runs out of budget with chunks left
// stores the rest of the plan — exactly the documents each remaining chunk will write — in `publish_plans`
// (`pp-<year>-<batch>-<chunk>`, written before the job names them), so the next invocations only read one plan
// document per chunk instead of the 256 key buckets (≈ 16 MB at 200,000 applicants) and a ranking of everyone.
//
// Why it is safe to stop anywhere:
// - a chunk's documents and its checkpoint commit together, so a crash inside a chunk leaves the checkpoint before it
//   (and the documents it rewrites are identical: same plan, same batch);
// - every invocation first reads what the list depends on (rounds/publish-inputs.ts: the version stamp that every
//   write of the ranking keys moves, the line, the revoked certificates) and continues only if its fingerprint
//   equals the job's: a withdrawal, a revocation or another line meanwhile restarts the job in a fresh batch (the
//   old batch's documents are never named by the round, so never read; they are removed after the flip). The flip's
//   transaction reads the stamp again, so a withdrawal during the last invocation cannot slip in either;
// - two invocations at once: each chunk checks the checkpoint it continues from inside its transaction, so one of
//   them stops (answering the progress) and nothing is written twice.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { beijingDate, type PublicationProgress, type PublicationStep } from '@hz-points/shared';
import { AppError } from '../../core/errors';
import { mutatorFor, type ActionContext } from '../../core/action';
import { roundId } from '../../core/model';
import type { PublicationBudget, Runtime } from '../../core/runtime';
import type { Doc } from '../../storage/store';
import { COLLECTIONS } from '../../core/collections';
import { listPageId, lookupId } from './list';
import type { RoundState } from './model';
import { currentInputs, keysVersion, sameRevoked } from './publish-inputs';
import type { Rescored } from './standing';
import { revokedApplicants } from './standing';
import { flipPublication, planPublication, publishableRound, PUBLISH_CHUNK, type PublicationPlan } from './publish';

const C = COLLECTIONS;
/** Plan documents written (or removed) concurrently: on CloudBase each is a round trip. */
const PLAN_IN_FLIGHT = 16;

/**
 * Defaults of one invocation: stop starting chunks after 2 s of measured work (a cloud function is given 3 s by
 * default, and the flip still has to fit), or, when this invocation planned and planning alone took longer, after
 * twice the plan's time (unless `extendAfterPlan` is false: the WeChat runtime stores the rest of the plan instead).
 * Every invocation writes at least one chunk. No chunk cap: SQLite normally writes the whole list in one invocation.
 */
const DEFAULT_PUBLICATION_BUDGET: Required<PublicationBudget> = {
  maxWorkMs: 2000,
  maxChunks: Number.POSITIVE_INFINITY,
  extendAfterPlan: true,
};

const publishJobId = (year: number) => `pj-${year}`;
const publishPlanId = (year: number, batch: string, chunk: number) => `pp-${year}-${batch}-${chunk}`;

/** One stored chunk of a plan: the documents that chunk writes, as they will be written. */
interface PublishPlanDoc {
  _id: string;
  year: number;
  batch: string;
  chunk: number;
  docs: Array<[collection: string, doc: Doc]>;
  [k: string]: unknown;
}

/** A batch left behind by a restart: what of it was written, so its documents can be removed by id. */
interface AbandonedBatch {
  batch: string;
  pages: number;
  done: number;
  chunkCount: number;
  plannedFrom: number | null;
}

interface PublishJobDoc {
  _id: string;
  year: number;
  state: 'running' | 'done';
  /** The batch the documents are written under (named by the round only at the flip). */
  batch: string;
  /** Of the inputs (rounds/publish-inputs.ts), not of the output: cheap to compare on every invocation. */
  fingerprint: string;
  /** The keys' version stamp the plan was made from (the flip checks it is still the same). */
  keysVersion: number;
  /** Documents to write (list pages, then lookup buckets) and how many are committed (the checkpoint). */
  total: number;
  done: number;
  /** List pages among the documents (the first `pages`). */
  pages: number;
  /** Chunks committed so far, and in all. */
  chunks: number;
  chunkCount: number;
  /** The first chunk whose documents are stored in `publish_plans` (every later one is too); null: none stored. */
  plannedFrom: number | null;
  invocations: number;
  /** How often the job started over because what it depends on changed. */
  restarts: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** Measured work (ms) spent on the current batch: planning and writing, for the estimate of what remains. */
  workMs: number;
  /** The flagged applicants' re-read points (publish.ts planPublication `known`), read once per job. */
  rescored: Array<[string, Rescored]>;
  /** What the flip records (the plan's summary without the batch). */
  summary: PublicationPlan['summary'];
  tieBreakVerified: boolean;
  /** Batches of earlier starts, removed after the flip. */
  abandoned: AbandonedBatch[];
  [k: string]: unknown;
}
/** Another invocation moved the job on meanwhile: this one stops and reports the progress. */
class Overtaken extends Error {}

function progressOf(year: number, job: PublishJobDoc | null, published: boolean): PublicationProgress {
  if (!job) {
    return {
      year,
      state: published ? 'done' : 'none',
      done: 0,
      total: 0,
      chunks: 0,
      chunkCount: 0,
      invocations: 0,
      restarts: 0,
      startedAt: null,
      updatedAt: null,
      finishedAt: null,
      remainingSeconds: null,
    };
  }
  const state = published || job.state === 'done' ? 'done' : 'running';
  const remainingSeconds =
    state === 'running' && job.done > 0 ? Math.ceil(((job.workMs / job.done) * (job.total - job.done)) / 1000) : null;
  return {
    year,
    state,
    done: job.done,
    total: job.total,
    chunks: job.chunks,
    chunkCount: job.chunkCount,
    invocations: job.invocations,
    restarts: job.restarts,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    remainingSeconds,
  };
}

/** The progress of a year's publication (ROUND_NOT_FOUND when there is no such round). */
export async function publicationStatus(ctx: ActionContext<unknown>, year: number): Promise<PublicationProgress> {
  const store = ctx.runtime.store;
  const round = await store.get<RoundState>('rounds', roundId(year));
  if (!round) throw new AppError('ROUND_NOT_FOUND');
  return progressOf(year, await store.get<PublishJobDoc>(C.publishJobs, publishJobId(year)), !!round.published);
}

/** A fresh job for `plan` (first run, or the inputs changed since `previous` was planned). */
async function startJob(
  ctx: ActionContext<unknown>,
  plan: PublicationPlan,
  inputs: { fingerprint: string; version: number },
  previous: PublishJobDoc | null,
): Promise<PublishJobDoc> {
  const year = plan.summary.year;
  const at = ctx.now.toISOString();
  const abandoned = previous?.state === 'running' ? [...(previous.abandoned ?? []), abandonedOf(previous)] : [];
  const job: PublishJobDoc = {
    _id: publishJobId(year),
    year,
    state: 'running',
    batch: `${year}-${randomBytes(8).toString('hex')}`,
    fingerprint: inputs.fingerprint,
    keysVersion: inputs.version,
    total: plan.documentCount,
    done: 0,
    pages: plan.pages,
    chunks: 0,
    chunkCount: Math.ceil(plan.documentCount / PUBLISH_CHUNK),
    plannedFrom: null,
    invocations: 0,
    restarts: previous ? previous.restarts + 1 : 0,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
    workMs: 0,
    rescored: [...plan.rescored],
    summary: plan.summary,
    tieBreakVerified: plan.tieBreakVerified,
    abandoned,
  };
  await ctx.runtime.store.transaction(async (tx) => {
    const current = await tx.get<PublishJobDoc>(C.publishJobs, job._id);
    if ((current?.batch ?? null) !== (previous?.batch ?? null) || (current?.done ?? 0) !== (previous?.done ?? 0))
      throw new Overtaken();
    await tx.set(C.publishJobs, job);
  });
  return job;
}

function abandonedOf(job: PublishJobDoc): AbandonedBatch {
  // A job written before `pages` was recorded: its documents' ids cannot be told apart; leave them (never read).
  return {
    batch: job.batch,
    pages: job.pages ?? 0,
    done: typeof job.pages === 'number' ? job.done : 0,
    chunkCount: job.chunkCount,
    plannedFrom: job.plannedFrom ?? null,
  };
}

/** The documents chunk `chunk` writes: from the plan in memory, or from the stored plan (null when it is missing). */
async function chunkDocs(
  ctx: ActionContext<unknown>,
  job: PublishJobDoc,
  plan: PublicationPlan | null,
  chunk: number,
): Promise<Array<[string, Doc]> | null> {
  const from = chunk * PUBLISH_CHUNK;
  const to = Math.min(job.total, from + PUBLISH_CHUNK);
  if (plan) {
    const docs: Array<[string, Doc]> = [];
    for (let i = from; i < to; i++) docs.push(plan.documentAt(i, job.batch));
    return docs;
  }
  const stored = await ctx.runtime.store.get<PublishPlanDoc>(C.publishPlans, publishPlanId(job.year, job.batch, chunk));
  return stored ? stored.docs : null;
}

/**
 * Stores the documents of chunks [from, chunkCount) as plan documents, then records `plannedFrom` on the job (only if
 * the job is still where this invocation left it). Plan documents are written before the job names them, so a crash
 * in between leaves documents nothing reads (and the next invocation plans again).
 */
async function storePlan(
  ctx: ActionContext<unknown>,
  job: PublishJobDoc,
  plan: PublicationPlan,
): Promise<PublishJobDoc> {
  const store = ctx.runtime.store;
  const from = job.chunks;
  for (let c = from; c < job.chunkCount; c += PLAN_IN_FLIGHT) {
    const wave: Array<Promise<void>> = [];
    for (let k = c; k < Math.min(job.chunkCount, c + PLAN_IN_FLIGHT); k++) {
      const docs = (await chunkDocs(ctx, job, plan, k))!;
      wave.push(
        store.set<PublishPlanDoc>(C.publishPlans, {
          _id: publishPlanId(job.year, job.batch, k),
          year: job.year,
          batch: job.batch,
          chunk: k,
          docs,
        }),
      );
    }
    await Promise.all(wave);
  }
  return store.transaction(async (tx) => {
    const current = await tx.get<PublishJobDoc>(C.publishJobs, job._id);
    if (!current || current.batch !== job.batch || current.done !== job.done || current.state !== 'running')
      throw new Overtaken();
    const next: PublishJobDoc = { ...current, plannedFrom: from };
    await tx.set(C.publishJobs, next);
    return next;
  });
}

/** Ids of everything a batch stored: its written documents and its plan documents. */
function batchDocuments(year: number, b: AbandonedBatch): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < b.done; i++)
    out.push(
      i < b.pages
        ? [C.roundLists, listPageId(year, b.batch, i)]
        : [C.roundLookup, lookupId(year, b.batch, i - b.pages)],
    );
  if (b.plannedFrom !== null)
    for (let c = b.plannedFrom; c < b.chunkCount; c++) out.push([C.publishPlans, publishPlanId(year, b.batch, c)]);
  return out;
}

/**
 * After the flip: removes the published batch's plan documents and every document of the batches abandoned by
 * restarts (none of them is ever read: the round names the published batch). Best effort, outside any transaction:
 * a failure leaves invisible documents behind and is logged.
 */
async function sweepAfterFlip(ctx: ActionContext<unknown>, job: PublishJobDoc): Promise<number> {
  const ids = [
    ...(job.plannedFrom !== null
      ? batchDocuments(job.year, {
          batch: job.batch,
          pages: job.pages,
          done: 0,
          chunkCount: job.chunkCount,
          plannedFrom: job.plannedFrom,
        })
      : []),
    ...job.abandoned.flatMap((b) => batchDocuments(job.year, b)),
  ];
  try {
    for (let i = 0; i < ids.length; i += PLAN_IN_FLIGHT)
      await Promise.all(ids.slice(i, i + PLAN_IN_FLIGHT).map(([c, id]) => ctx.runtime.store.remove(c, id)));
    if (job.abandoned.length > 0) await ctx.runtime.store.update(C.publishJobs, job._id, { abandoned: [] });
  } catch (e) {
    ctx.runtime.log('warn', 'publication sweep incomplete', { year: job.year, error: (e as Error).name });
  }
  return ids.length;
}

/**
 * One invocation of the job: read the inputs, continue (or start) the job — planning only when no stored plan covers
 * what is left —, write chunks within the budget, store the rest of the plan when stopping early, flip when all are
 * written. Throws the publication's errors (ROUND_PUBLISHED, LINE_NOT_SET, OBJECTIONS_PENDING, CONFLICT, …).
 */
export async function continuePublication(
  ctx: ActionContext<unknown>,
  year: number,
  budget: PublicationBudget = {},
): Promise<PublicationStep> {
  const limits = { ...DEFAULT_PUBLICATION_BUDGET, ...ctx.runtime.publication, ...budget };
  const started = performance.now();
  const store = ctx.runtime.store;
  const jobId = publishJobId(year);
  const [stored, round] = await Promise.all([
    store.get<PublishJobDoc>(C.publishJobs, jobId),
    publishableRound(ctx, year),
  ]);
  let job = stored;
  const inputs = await currentInputs(store, round);
  const stay = async (): Promise<PublicationStep> => ({
    done: false,
    year,
    progress: progressOf(year, await store.get<PublishJobDoc>(C.publishJobs, jobId), false),
  });
  try {
    const continuing =
      !!job && job.state === 'running' && job.fingerprint === inputs.fingerprint && typeof job.pages === 'number';
    let plan: PublicationPlan | null = null;
    const makePlan = () =>
      planPublication(ctx, round, { rescored: continuing ? job!.rescored : undefined, revokedAll: inputs.revoked });
    if (!continuing || job!.plannedFrom === null || job!.plannedFrom > job!.chunks) {
      plan = await makePlan();
      if (!continuing || job!.total !== plan.documentCount) job = await startJob(ctx, plan, inputs, job);
    }
    let current: PublishJobDoc = job!;
    const planned = plan !== null;
    let mark = started;
    let chunksNow = 0;
    // A call that planned may write for as long again as it planned (SQLite: the list in one call, no plan stored);
    // on CloudBase (`extendAfterPlan: false`) it stops at the budget and stores the rest of the plan instead.
    const writeUntil =
      planned && limits.extendAfterPlan
        ? Math.max(limits.maxWorkMs, 2 * (performance.now() - started))
        : limits.maxWorkMs;
    if (plan && planned) ctx.runtime.log('info', 'publication planned', { year, ms: plan.ms });
    // The next chunk's stored plan is read while the current chunk's transaction runs (one round trip fewer each).
    let ahead: Promise<Array<[string, Doc]> | null> | null = null;
    while (current.done < current.total) {
      if (chunksNow >= limits.maxChunks || (chunksNow > 0 && performance.now() - started >= writeUntil)) {
        if (plan && (current.plannedFrom === null || current.plannedFrom > current.chunks))
          await storePlan(ctx, current, plan);
        return await stay();
      }
      const from = current.done;
      const to = Math.min(current.total, from + PUBLISH_CHUNK);
      const batch = current.batch;
      const chunk = current.chunks;
      let docs = await (ahead ?? chunkDocs(ctx, current, plan, chunk));
      ahead = null;
      if (!docs) {
        // A stored plan document is missing (removed by hand?): plan again, deterministically the same documents.
        plan = await makePlan();
        docs = (await chunkDocs(ctx, current, plan, chunk))!;
      }
      if (!plan && chunk + 1 < current.chunkCount && chunksNow + 1 < limits.maxChunks)
        ahead = chunkDocs(ctx, current, null, chunk + 1);
      const firstOfCall = chunksNow === 0;
      const write = docs;
      current = await store.transaction(async (tx) => {
        const now = await tx.get<PublishJobDoc>(C.publishJobs, jobId);
        if (!now || now.batch !== batch || now.done !== from || now.state !== 'running') throw new Overtaken();
        for (const [collection, d] of write) await tx.set(collection, d);
        const next: PublishJobDoc = {
          ...now,
          done: to,
          chunks: now.chunks + 1,
          invocations: now.invocations + (firstOfCall ? 1 : 0),
          updatedAt: ctx.now.toISOString(),
          workMs: now.workMs + Math.round(performance.now() - mark),
        };
        await tx.set(C.publishJobs, next);
        return next;
      });
      mark = performance.now();
      chunksNow++;
    }
    await ahead?.catch(() => null);
    // A revocation (or its lifting) while the documents were written would be missing from them: look again just
    // before the flip (which cannot query), narrowing the race to the moment between this read and the flip.
    if (!sameRevoked(await revokedApplicants(store, year, { has: () => true }), inputs.revoked)) {
      throw new AppError('CONFLICT', '公布名单期间积分有效凭证状态发生变化，请重新公布');
    }
    const written = current;
    const flip = { round, summary: written.summary, tieBreakVerified: written.tieBreakVerified };
    let finished = written;
    const summary = await ctx.mutate(async (tx, audit) => {
      const now = await tx.get<PublishJobDoc>(C.publishJobs, jobId);
      if (!now || now.batch !== written.batch || now.done !== now.total || now.state !== 'running')
        throw new Overtaken();
      // A withdrawal committed since this invocation read the stamp: the next invocation restarts the job.
      if ((await keysVersion(tx, year)) !== now.keysVersion) throw new Overtaken();
      const s = await flipPublication(ctx, flip, written.batch, tx, audit, {
        chunks: now.chunks,
        invocations: now.invocations + (chunksNow === 0 ? 1 : 0),
        restarts: now.restarts,
      });
      finished = {
        ...now,
        state: 'done',
        invocations: now.invocations + (chunksNow === 0 ? 1 : 0),
        updatedAt: ctx.now.toISOString(),
        finishedAt: ctx.now.toISOString(),
        workMs: now.workMs + Math.round(performance.now() - mark),
      };
      await tx.set(C.publishJobs, finished);
      return s;
    });
    const swept = await sweepAfterFlip(ctx, finished);
    ctx.runtime.log('info', 'round published', {
      year,
      batch: summary.batch,
      ranked: summary.rankedCount,
      documents: finished.total,
      chunks: finished.chunks,
      invocations: finished.invocations,
      swept,
      ms: plan?.ms ?? null,
      planned,
    });
    return { done: true, ...summary, progress: progressOf(year, finished, true) };
  } catch (e) {
    if (e instanceof Overtaken) return stay();
    throw e;
  }
}

/** What the timer reports per job it continued. */
export interface TimerPublicationStep {
  year: number;
  done: boolean;
  documents: number;
  total: number;
  /** The error code when this step failed (the job stays where it was; the admin page shows the same error). */
  error?: string;
}

/**
 * Continues every publication job left running (called by the reminders timer, as `actor`). The flip is audited as
 * `rounds.publish` by that actor: the administrator started the job (its first chunk is theirs), the timer finished it.
 */
export async function continueRunningPublications(runtime: Runtime, actor: string): Promise<TimerPublicationStep[]> {
  const jobs = await runtime.store.find<PublishJobDoc>(
    C.publishJobs,
    { state: 'running' },
    { orderBy: [['_id', 'asc']], limit: 10 },
  );
  const steps: TimerPublicationStep[] = [];
  for (const job of jobs) {
    const now = runtime.now();
    const ctx: ActionContext<{ year: number }> = {
      functionName: 'rounds',
      actionName: 'publish',
      input: { year: job.year },
      openid: actor,
      runtime,
      now,
      today: beijingDate(now),
      account: null,
      person: null,
      mutate: mutatorFor(runtime, now, { openid: actor, personId: null }, 'rounds.publish'),
    };
    try {
      const step = await continuePublication(ctx, job.year);
      steps.push({ year: job.year, done: step.done, documents: step.progress.done, total: step.progress.total });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      steps.push({
        year: job.year,
        done: false,
        documents: job.done,
        total: job.total,
        error: typeof code === 'string' ? code : 'INTERNAL',
      });
    }
  }
  return steps;
}
