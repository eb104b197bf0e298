// The one table of the database: every collection the functions, the audit log and the file store use, and every
// index their queries need. Functions name a collection only through COLLECTIONS; the local cloud builds INDEXES
// at startup (`ensureIndexes`), the WeChat runtime declares them (a query outside them is logged as `index wanted`),
// and docs/DEPLOY.md §4–§5 is the operator's copy (test/year/cloudbase.test.ts holds §4 to this table).
// No imports but a type: the storage adapters and the audit log read it too.
import type { Store } from '../storage/store';

export const COLLECTIONS = {
  // People and accounts (accounts).
  persons: 'persons',
  accounts: 'accounts',
  idNumbers: 'id_numbers',
  relations: 'relations',
  entrustments: 'entrustments',
  // Evidence files (files): metadata, upload tickets, and the CloudBase file store's path → fileID index.
  files: 'files',
  /** Upload tickets of `files.prepareUpload`. */
  uploads: 'uploads',
  /** `_id` = sha256 of a file's path → fileID and content type (storage/files-cloudbase.ts). */
  fileIndex: 'fileIndex',
  // Applications, review, objections.
  applications: 'applications',
  items: 'items',
  objections: 'objections',
  /** Stored answers of idempotent calls (`_id` = hash of openid, action and request id). */
  requests: 'requests',
  rounds: 'rounds',
  // The hash-chained audit log and its head (audit/index.ts).
  audit: 'audit',
  auditHead: 'auditHead',
  // Certificates.
  certificates: 'certificates',
  /** `_id` = applicationId → the serial of its current certificate (a get by id inside a transaction). */
  certificateHeads: 'certificate_heads',
  counters: 'counters',
  // Settlement and the published list.
  settlements: 'settlements',
  /** Ranking keys of a round's settlement applications, 256 bucket documents per year (rounds/list.ts). */
  settlementKeys: 'settlement_keys',
  /** The published list in rank order, 1,000 lines per document. */
  roundLists: 'round_lists',
  /** The published result of each person, in 256 bucket documents per publication. */
  roundLookup: 'round_lookup',
  /** The publication job of a year (`pj-<year>`): batch, checkpoint and progress (rounds/publish-job.ts). */
  publishJobs: 'publish_jobs',
  /** The job's plan, stored when a call stops with chunks left (`pp-<year>-<batch>-<chunk>`: that chunk's documents). */
  publishPlans: 'publish_plans',
  /** `pi-<year>`: version stamp of the year's ranking keys, moved by every write of them (rounds/publish-inputs.ts). */
  publishInputs: 'publish_inputs',
  /** `ss-<year>`: the administrator's overview counters, moved by the actions' transactions (stats/summary.ts). */
  statsSummaries: 'stats_summaries',
  // Reminders.
  outbox: 'outbox',
  /** One document per subscription tap: what was asked and what the person answered. */
  subscriptions: 'subscriptions',
  /** Unspent accepts per (openid, template id). */
  subscriptionCredits: 'subscription_credits',
  /** The timer's state: `daily-sweep` (reminders/timer.ts) and `file-sweep` (files-sweep.ts). */
  reminderRuns: 'reminder_runs',
  // Employer agents' rosters (roster.import).
  rosterEntries: 'roster_entries',
  /** `rh-<agent>`: the agent's completed imports; a row is visible only once its import is listed (roster/model.ts). */
  rosterHeads: 'roster_heads',
  /** Official holiday schedules registered after the release (core/calendar-years.ts). */
  calendarYears: 'calendarYears',
} as const;

type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

export interface IndexDef {
  collection: CollectionName;
  fields: string[];
}

/**
 * The indexes the queries need: equality fields first, then the order field (CloudBase: ≤ 20 per collection,
 * created in the console from docs/DEPLOY.md §5). Add a line here and there when a new query filters or orders.
 */
export const INDEXES: ReadonlyArray<IndexDef> = [
  { collection: COLLECTIONS.applications, fields: ['personId', 'year'] },
  { collection: COLLECTIONS.items, fields: ['department', 'status'] },
  { collection: COLLECTIONS.items, fields: ['applicationId'] },
  { collection: COLLECTIONS.objections, fields: ['applicationId'] },
  { collection: COLLECTIONS.objections, fields: ['status', 'filedAt'] },
  { collection: COLLECTIONS.objections, fields: ['filedAt'] },
  { collection: COLLECTIONS.entrustments, fields: ['agentPersonId', 'status'] },
  { collection: COLLECTIONS.entrustments, fields: ['employeePersonId'] },
  { collection: COLLECTIONS.relations, fields: ['actorPersonId', 'revokedAt'] },
  { collection: COLLECTIONS.rosterEntries, fields: ['agentPersonId'] },
  { collection: COLLECTIONS.audit, fields: ['seq'] },
  // Documented in docs/DEPLOY.md §5 but missing from both former code lists (so every staff list and role history
  // logged `index wanted`): accounts.listStaff / revokeStaffRole, accounts.roleHistory.
  { collection: COLLECTIONS.accounts, fields: ['isStaff'] },
  { collection: COLLECTIONS.audit, fields: ['action', 'seq'] },
  // The file sweep (functions/files-sweep.ts): is a stored path recorded, or under a ticket; tickets by expiry.
  { collection: COLLECTIONS.files, fields: ['path'] },
  { collection: COLLECTIONS.uploads, fields: ['path'] },
  { collection: COLLECTIONS.uploads, fields: ['expiresAt'] },
  { collection: COLLECTIONS.certificates, fields: ['personId', 'issuedAt'] },
  { collection: COLLECTIONS.certificates, fields: ['signature'] },
  { collection: COLLECTIONS.certificates, fields: ['year', 'status'] },
  { collection: COLLECTIONS.settlements, fields: ['year', 'status'] },
  { collection: COLLECTIONS.settlementKeys, fields: ['year'] },
  { collection: COLLECTIONS.outbox, fields: ['toOpenid', 'createdMs'] },
  { collection: COLLECTIONS.outbox, fields: ['personId', 'toOpenid', 'createdMs'] },
  { collection: COLLECTIONS.outbox, fields: ['status', 'createdMs'] },
];

/** Builds (SQLite) or declares (CloudBase: recorded for the `index wanted` log) every index of the table. */
export async function ensureIndexes(
  store: Pick<Store, 'ensureIndex'>,
  indexes: ReadonlyArray<IndexDef> = INDEXES,
): Promise<void> {
  for (const { collection, fields } of indexes) await store.ensureIndex(collection, fields);
}
