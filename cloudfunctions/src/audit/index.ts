import { createHash } from 'node:crypto';
import { maskIdNumber, maskPhone } from '@hz-points/shared';
import { COLLECTIONS } from '../core/collections';
import type { Doc, DocOps, Store } from '../storage/store';

/**
 * Append-only, hash-chained audit log.
 *
 * Every entry carries `seq` (1, 2, …), `prevHash` (the previous entry's hash, GENESIS for the first) and
 * `hash = sha256(canonical JSON of the entry without hash)`. The chain head (last seq and hash) lives in one
 * document, `auditHead/head`; appending reads and rewrites it inside the caller's transaction, so appends are
 * serialised by the store (SQLite's queue, CloudBase's write lock + retry) and an entry lands together with the
 * change it records, or not at all. `verifyAuditChain` recomputes the chain and compares its end with the head,
 * so an edited, deleted, inserted or reordered entry (or a truncated tail) is detected.
 *
 * What it does not prove: someone able to rewrite the whole database could recompute every hash. Publishing the
 * head hash elsewhere (a daily log line, an administrator's report) anchors it; see `auditHeadLine`.
 */
const AUDIT_HEAD_ID = 'head';
const GENESIS = '0'.repeat(64);

export interface AuditInput {
  /** e.g. 'applications.submit'. */
  action: string;
  /** Who did it: the caller's openid and, when bound, their person id. */
  actor: { openid: string; personId: string | null };
  /** The person the action was for (an agent or guardian acting for someone), when any. */
  onBehalfOf?: string | null;
  /** The document acted on. */
  target?: { collection: string; id: string } | null;
  /** Non-personal details; passed through `redact()` before storing anyway. */
  details?: Record<string, unknown>;
}

export interface AuditEntry extends Doc {
  seq: number;
  /** ISO instant. */
  at: string;
  action: string;
  actor: { openid: string; personId: string | null };
  onBehalfOf: string | null;
  target: { collection: string; id: string } | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditHead extends Doc {
  seq: number;
  hash: string;
  at: string;
}

/** Zero-padded so that the ids sort like the sequence numbers. */
export function auditId(seq: number): string {
  return String(seq).padStart(12, '0');
}

/** Appends one entry inside the caller's transaction and returns it. */
export async function appendAudit(tx: DocOps, input: AuditInput, at: Date): Promise<AuditEntry> {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error('appendAudit: invalid instant');
  const head = await tx.get<AuditHead>(COLLECTIONS.auditHead, AUDIT_HEAD_ID);
  const seq = (head?.seq ?? 0) + 1;
  const body = {
    seq,
    at: at.toISOString(),
    action: String(input.action),
    actor: { openid: String(input.actor.openid), personId: input.actor.personId ?? null },
    onBehalfOf: input.onBehalfOf ?? null,
    target: input.target ? { collection: input.target.collection, id: input.target.id } : null,
    details: redact(input.details ?? {}) as Record<string, unknown>,
    prevHash: head?.hash ?? GENESIS,
  };
  const entry: AuditEntry = { _id: auditId(seq), ...body, hash: hashOf(body) };
  // insert (not set): an existing entry with this seq means the head was rolled back by hand; refuse to overwrite.
  await tx.insert(COLLECTIONS.audit, entry);
  await tx.set<AuditHead>(COLLECTIONS.auditHead, { _id: AUDIT_HEAD_ID, seq, hash: entry.hash, at: body.at });
  return entry;
}

function hashOf(body: Omit<AuditEntry, '_id' | 'hash'>): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with object keys sorted at every level and undefined dropped: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

// ---- redaction -----------------------------------------------------------------------------------------------

// Any run of 11 or more digits (an optional trailing X) is treated as personal: it covers 18/15-digit ID numbers
// and 11-digit mobiles even when glued to other digits, at the cost of also masking other long numbers.
const LONG_DIGITS = /\d{10,}[\dXx]/g;
const ID_KEYS = /^(idNumber|idNo|idCard|identityNumber|sfz|身份证号?)$/i;
const PHONE_KEYS = /^(phone|mobile|tel|telephone|phoneNumber|手机号?)$/i;

/**
 * Masks ID numbers and mobile numbers anywhere in a value: by key name (idNumber, phone, …) whatever the content,
 * and by shape inside any string (runs of 11+ digits). Uses the rules package's masks (first 3, last 4 shown).
 * Returns a new value.
 */
export function redact(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (ID_KEYS.test(key)) return maskIdNumber(value);
    if (PHONE_KEYS.test(key)) return maskPhone(value);
    return value.replace(LONG_DIGITS, (m) => (m.length === 11 ? maskPhone(m) : maskIdNumber(m)));
  }
  if (typeof value === 'number' && (ID_KEYS.test(key) || PHONE_KEYS.test(key))) return maskMiddleNumber(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redact(v, k);
    return out;
  }
  return value;
}

function maskMiddleNumber(n: number): string {
  return maskPhone(String(n));
}

// ---- verification --------------------------------------------------------------------------------------------

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Sequence number (position) where the chain first breaks. */
  brokenAt?: number;
  /** English, for operators. */
  reason?: string;
}

/** Recomputes the whole chain from the store (paged reads) and compares its end with the head document. */
export async function verifyAuditChain(store: Store, pageSize = 500): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (let skip = 0; ; skip += pageSize) {
    const page = await store.find<AuditEntry>(
      COLLECTIONS.audit,
      {},
      { orderBy: [['seq', 'asc']], skip, limit: pageSize },
    );
    for (const e of page) {
      const fail = (reason: string): AuditVerification => ({
        ok: false,
        entries: checked,
        brokenAt: expectedSeq,
        reason,
      });
      if (e.seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${e.seq} (entry missing or inserted)`);
      if (e._id !== auditId(e.seq)) return fail(`entry id ${e._id} does not match its seq`);
      if (e.prevHash !== prevHash) return fail('prevHash does not match the previous entry (reordered or replaced)');
      const { _id, hash, ...body } = e;
      if (hashOf(body) !== hash) return fail('entry content does not match its hash (edited)');
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const head = await store.get<AuditHead>(COLLECTIONS.auditHead, AUDIT_HEAD_ID);
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS;
  if (headSeq !== checked || headHash !== prevHash) {
    return {
      ok: false,
      entries: checked,
      brokenAt: Math.min(headSeq, checked) + 1,
      reason: `chain ends at seq ${checked} but the head says ${headSeq} (entries deleted at the end, or head edited)`,
    };
  }
  return { ok: true, entries: checked };
}

/** One log line anchoring the current head (hash only: nothing personal). */
export async function auditHeadLine(store: Store): Promise<string> {
  const head = await store.get<AuditHead>(COLLECTIONS.auditHead, AUDIT_HEAD_ID);
  return `audit head: seq=${head?.seq ?? 0} hash=${head?.hash ?? GENESIS}`;
}
