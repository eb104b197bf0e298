import type { Store } from './store';
import { AUDIT_COLLECTION } from '../audit';

/**
 * The indexes the hot queries need. SQLite builds them at startup (local cloud); for CloudBase the same list is
 * the console checklist (≤ 20 indexes per collection). Field names follow the domain's documents
 * (`cloudfunctions/src/core/model.ts`); add a line here when a new query filters or orders (docs/DEPLOY.md §5
 * lists the same). The certificates/rounds functions keep theirs in `functions/rounds/codes.ts` OWN_INDEXES.
 */
export const INDEXES: ReadonlyArray<{ collection: string; fields: string[] }> = [
  { collection: 'applications', fields: ['personId', 'year'] },
  { collection: 'items', fields: ['department', 'status'] },
  { collection: 'items', fields: ['applicationId'] },
  { collection: 'objections', fields: ['applicationId'] },
  { collection: 'objections', fields: ['status', 'filedAt'] },
  { collection: 'objections', fields: ['filedAt'] },
  { collection: 'entrustments', fields: ['agentPersonId', 'status'] },
  { collection: 'entrustments', fields: ['employeePersonId'] },
  { collection: 'relations', fields: ['actorPersonId', 'revokedAt'] },
  { collection: 'roster_entries', fields: ['agentPersonId'] },
  { collection: AUDIT_COLLECTION, fields: ['seq'] },
  // The file sweep (functions/files-sweep.ts): is a stored path recorded, or under a ticket; tickets by expiry.
  { collection: 'files', fields: ['path'] },
  { collection: 'uploads', fields: ['path'] },
  { collection: 'uploads', fields: ['expiresAt'] },
];

export async function ensureIndexes(store: Store, indexes = INDEXES): Promise<void> {
  for (const { collection, fields } of indexes) await store.ensureIndex(collection, fields);
}
