// Publishing a round as a resumable job. One invocation (rounds.publish again, or the reminders timer) plans the
// publication from what is stored (rounds/publish.ts: checks, standing, ranking — deterministic), then writes the next
// chunks of list documents, each chunk in one transaction together with the job's checkpoint (`publish_jobs`,
// `pj-<year>`: batch, documents done, chunks, times). When every document is written, the last invocation flips the
// round with the audit entry (as before): readers see nothing of the list until that transaction commits.
//
// Why it is safe to stop anywhere:
// - a chunk's documents and its checkpoint commit together, so a crash inside a chunk leaves the checkpoint before it
//   (and the documents it rewrites are identical: same plan, same batch);
// - the next invocation plans again and continues only if the plan's fingerprint (sha256 of everything the documents
//   hold) equals the job's: a withdrawal, a revocation or another line meanwhile restarts the job in a fresh batch
//   (the old batch's documents are never named by the round, so never read);
// - two invocations at once: each chunk checks the checkpoint it continues from inside its transaction, so one of
//   them stops (answering the progress) and nothing is written twice.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { beijingDate } from '@hz-points/shared';
import { mutatorFor, type ActionContext } from '../../core/action';
import { roundId } from '../../core/model';
import type { PublicationBudget, Runtime } from '../../core/runtime';
import { OWN_COLLECTIONS, ownError } from './codes';
import type { RoundState } from './model';
import type { Rescored } from './standing';
import { assertRevocationsUnchanged, flipPublication, planPublication, PUBLISH_CHUNK, type PublicationPlan, type PublishSummary } from './publish';

const C = OWN_COLLECTIONS;

/**
 * Defaults of one invocation: stop starting chunks after 2 s of measured work (a cloud function is given 3 s by
 * default, and the flip still has to fit), or after twice the plan's time when planning alone took longer. No chunk
 * cap: SQLite writes the whole list in one invocation.
 */
export const DEFAULT_PUBLICATION_BUDGET: Required<PublicationBudget> = { maxWorkMs: 2000, maxChunks: Number.POSITIVE_INFINITY };

export const publishJobId = (year: number) => `pj-${year}`;

export interface PublishJobDoc {
  _id: string;
  year: number;
  state: 'running' | 'done';
  /** The batch the documents are written under (named by the round only at the flip). */
  batch: string;
  fingerprint: string;
  /** Documents to write (list pages, then lookup buckets) and how many are committed (the checkpoint). */
  total: number;
  done: number;
  /** Chunks committed so far, and in all. */
  chunks: number;
  chunkCount: number;
  invocations: number;
  /** How often the job started over because what it would write changed. */
  restarts: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** Measured work (ms) spent on the current batch: planning and writing, for the estimate of what remains. */
  workMs: number;
  /** The flagged applicants' re-read points (publish.ts planPublication `known`), read once per job. */
  rescored: Array<[string, Rescored]>;
  [k: string]: unknown;
}

/** What the admin page shows: publicationStatus, and publish when the job is not finished. */
export interface PublicationProgress {
  year: number;
  state: 'none' | 'running' | 'done';
  done: number;
  total: number;
  chunks: number;
  chunkCount: number;
  invocations: number;
  restarts: number;
  startedAt: string | null;
  updatedAt: string | null;
  finishedAt: string | null;
  /** Estimate from the measured work per document so far; null before the first chunk or once done. */
  remainingSeconds: number | null;
}

export type PublicationStep = ({ done: true } & PublishSummary & { progress: PublicationProgress }) | { done: false; year: number; progress: PublicationProgress };

/** Another invocation moved the job on meanwhile: this one stops and reports the progress. */
class Overtaken extends Error {}

export function progressOf(year: number, job: PublishJobDoc | null, published: boolean): PublicationProgress {
  if (!job) {
    return { year, state: published ? 'done' : 'none', done: 0, total: 0, chunks: 0, chunkCount: 0, invocations: 0, restarts: 0, startedAt: null, updatedAt: null, finishedAt: null, remainingSeconds: null };
  }
  const state = published || job.state === 'done' ? 'done' : 'running';
  const remainingSeconds = state === 'running' && job.done > 0 ? Math.ceil(((job.workMs / job.done) * (job.total - job.done)) / 1000) : null;
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
  if (!round) throw ownError('ROUND_NOT_FOUND');
  return progressOf(year, await store.get<PublishJobDoc>(C.publishJobs, publishJobId(year)), !!round.published);
}

/** A fresh job for `plan` (first run, or the data changed since `previous` was planned). */
async function startJob(ctx: ActionContext<unknown>, plan: PublicationPlan, previous: PublishJobDoc | null): Promise<PublishJobDoc> {
  const year = plan.summary.year;
  const at = ctx.now.toISOString();
  const job: PublishJobDoc = {
    _id: publishJobId(year),
    year,
    state: 'running',
    batch: `${year}-${randomBytes(8).toString('hex')}`,
    fingerprint: plan.fingerprint,
    total: plan.documentCount,
    done: 0,
    chunks: 0,
    chunkCount: Math.ceil(plan.documentCount / PUBLISH_CHUNK),
    invocations: 0,
    restarts: previous ? previous.restarts + 1 : 0,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
    workMs: 0,
    rescored: [...plan.rescored],
  };
  await ctx.runtime.store.transaction(async (tx) => {
    const current = await tx.get<PublishJobDoc>(C.publishJobs, job._id);
    if ((current?.batch ?? null) !== (previous?.batch ?? null) || (current?.done ?? 0) !== (previous?.done ?? 0)) throw new Overtaken();
    await tx.set(C.publishJobs, job);
  });
  return job;
}

/**
 * One invocation of the job: plan, continue (or start) the job, write chunks within the budget, flip when all are
 * written. Throws the publication's errors (ROUND_PUBLISHED, LINE_NOT_SET, OBJECTIONS_PENDING, CONFLICT, …).
 */
export async function continuePublication(ctx: ActionContext<unknown>, year: number, budget: PublicationBudget = {}): Promise<PublicationStep> {
  const limits = { ...DEFAULT_PUBLICATION_BUDGET, ...ctx.runtime.publication, ...budget };
  const started = performance.now();
  const store = ctx.runtime.store;
  const jobId = publishJobId(year);
  let job = await store.get<PublishJobDoc>(C.publishJobs, jobId);
  const plan = await planPublication(ctx, year, job?.state === 'running' && job.rescored ? { rescored: job.rescored } : undefined);
  const stay = async (): Promise<PublicationStep> => ({ done: false, year, progress: progressOf(year, await store.get<PublishJobDoc>(C.publishJobs, jobId), false) });
  try {
    if (!job || job.state !== 'running' || job.fingerprint !== plan.fingerprint || job.total !== plan.documentCount) job = await startJob(ctx, plan, job);
    let mark = started;
    let chunksNow = 0;
    // A call whose plan alone took longer than the budget (a loaded machine) still writes for as long again as it
    // planned: otherwise every call would re-plan for one chunk, and the job would take its chunk count in plans.
    const planMs = performance.now() - started;
    const writeUntil = Math.max(limits.maxWorkMs, 2 * planMs);
    while (job.done < job.total) {
      if (chunksNow >= limits.maxChunks || (chunksNow > 0 && performance.now() - started >= writeUntil)) return await stay();
      const from = job.done;
      const to = Math.min(job.total, from + PUBLISH_CHUNK);
      const batch = job.batch;
      const docs: Array<ReturnType<PublicationPlan['documentAt']>> = [];
      for (let i = from; i < to; i++) docs.push(plan.documentAt(i, batch));
      const firstOfCall = chunksNow === 0;
      job = await store.transaction(async (tx) => {
        const current = await tx.get<PublishJobDoc>(C.publishJobs, jobId);
        if (!current || current.batch !== batch || current.done !== from || current.state !== 'running') throw new Overtaken();
        for (const [collection, d] of docs) await tx.set(collection, d);
        const next: PublishJobDoc = {
          ...current,
          done: to,
          chunks: current.chunks + 1,
          invocations: current.invocations + (firstOfCall ? 1 : 0),
          updatedAt: ctx.now.toISOString(),
          workMs: current.workMs + Math.round(performance.now() - mark),
        };
        await tx.set(C.publishJobs, next);
        return next;
      });
      mark = performance.now();
      chunksNow++;
    }
    await assertRevocationsUnchanged(ctx, plan);
    const written = job;
    const summary = await ctx.mutate(async (tx, audit) => {
      const current = await tx.get<PublishJobDoc>(C.publishJobs, jobId);
      if (!current || current.batch !== written.batch || current.done !== current.total || current.state !== 'running') throw new Overtaken();
      const s = await flipPublication(ctx, plan, written.batch, tx, audit, { chunks: current.chunks, invocations: current.invocations + (chunksNow === 0 ? 1 : 0), restarts: current.restarts });
      job = {
        ...current,
        state: 'done',
        invocations: current.invocations + (chunksNow === 0 ? 1 : 0),
        updatedAt: ctx.now.toISOString(),
        finishedAt: ctx.now.toISOString(),
        workMs: current.workMs + Math.round(performance.now() - mark),
      };
      await tx.set(C.publishJobs, job);
      return s;
    });
    ctx.runtime.log('info', 'round published', { year, batch: summary.batch, ranked: summary.rankedCount, documents: job.total, chunks: job.chunks, invocations: job.invocations, ms: plan.ms });
    return { done: true, ...summary, progress: progressOf(year, job, true) };
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
  const jobs = await runtime.store.find<PublishJobDoc>(C.publishJobs, { state: 'running' }, { orderBy: [['_id', 'asc']], limit: 10 });
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
      steps.push({ year: job.year, done: false, documents: job.done, total: job.total, error: typeof code === 'string' ? code : 'INTERNAL' });
    }
  }
  return steps;
}
