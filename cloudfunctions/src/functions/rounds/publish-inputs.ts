// What a publication depends on, cheap to read on every call of the job (rounds/publish-job.ts), so that a call can
// tell "nothing changed since the job was planned" without planning again (reading 256 key buckets, ≈ 16 MB at
// 200,000 applicants, and ranking them):
//
// - the ranking keys: a version stamp `publish_inputs/pi-<year>`, incremented in the same transaction as every write
//   of the keys (rounds/list.ts putKeys — settlement.apply — and dropKeys — settlement.withdraw). After the
//   settlement window closes only withdrawals move it, so it is not a hot document when publication runs; during the
//   window it is written by each application, like the audit head every action already writes;
// - the line (on the round document, read anyway);
// - the year's revoked certificates that are still current (one indexed query and their heads: rounds/standing.ts),
//   read rather than stamped, so the certificate actions need no hook and a lifted revocation or a newer certificate
//   is seen from the stored documents themselves.
//
// Points changed by an objection answer are not among them: the job keeps the re-read points from its first call
// (they cannot change again: one objection per application, and an open one stops the publication).
import { createHash } from 'node:crypto';
import type { DocOps, Store } from '../../storage/store';
import { COLLECTIONS } from '../../core/collections';
import type { RoundState } from './model';
import { revokedApplicants } from './standing';

const publishInputsId = (year: number) => `pi-${year}`;

interface PublishInputsDoc {
  _id: string;
  year: number;
  /** Incremented by every write of the year's ranking keys. */
  version: number;
  [k: string]: unknown;
}

/** Moves the year's stamp, inside the caller's transaction (the one writing the keys). */
export async function bumpPublishInputs(tx: DocOps, year: number): Promise<void> {
  const id = publishInputsId(year);
  const doc = await tx.get<PublishInputsDoc>(COLLECTIONS.publishInputs, id);
  await tx.set<PublishInputsDoc>(COLLECTIONS.publishInputs, { _id: id, year, version: (doc?.version ?? 0) + 1 });
}

/** The stamp's version (0 before any key was written). Works with a store or inside a transaction. */
export async function keysVersion(ops: Pick<DocOps, 'get'>, year: number): Promise<number> {
  return (await ops.get<PublishInputsDoc>(COLLECTIONS.publishInputs, publishInputsId(year)))?.version ?? 0;
}

export interface CurrentInputs {
  version: number;
  /** Every person of the year whose current certificate is revoked (applicants or not), with the reason. */
  revoked: Map<string, string>;
  /** sha256 of the version, the line and the revoked entries: equal fingerprints, equal list. */
  fingerprint: string;
}

/** Reads the inputs as they stand now (a few round trips: the stamp, the revoked certificates and their heads). */
export async function currentInputs(store: Store, round: RoundState): Promise<CurrentInputs> {
  const [version, revoked] = await Promise.all([
    keysVersion(store, round.year),
    revokedApplicants(store, round.year, { has: () => true }),
  ]);
  return { version, revoked, fingerprint: inputsFingerprint(version, round.line ?? null, revoked) };
}

function inputsFingerprint(version: number, line: unknown, revoked: ReadonlyMap<string, string>): string {
  const entries = [...revoked].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([version, line, entries]))
    .digest('hex');
}

/** Whether two readings of the revoked certificates agree. */
export function sameRevoked(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
