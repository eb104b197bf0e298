import type { Store } from './store';
import { AUDIT_COLLECTION } from '../audit';

/**
 * The indexes the hot queries need. SQLite builds them at startup (local cloud); for CloudBase the same list is
 * the console checklist (≤ 20 indexes per collection). Field names follow the domain's documents
 * (`cloudfunctions/src/core/model.ts`); domain engineer: add a line here when a new query filters or orders.
 */
export const INDEXES: ReadonlyArray<{ collection: string; fields: string[] }> = [
  { collection: 'applications', fields: ['personId', 'year'] },
  { collection: 'items', fields: ['department', 'status'] },
  { collection: 'items', fields: ['applicationId'] },
  { collection: 'objections', fields: ['applicationId'] },
  { collection: AUDIT_COLLECTION, fields: ['seq'] },
];

export async function ensureIndexes(store: Store, indexes = INDEXES): Promise<void> {
  for (const { collection, fields } of indexes) await store.ensureIndex(collection, fields);
}
