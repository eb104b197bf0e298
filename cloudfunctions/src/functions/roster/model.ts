// The agent's roster as stored: one document per (agent, employee ID number), written by roster.import.
import type { Profile, RosterMatch } from '@hz-points/shared';
import { COLLECTIONS } from '../../core/collections';
import { hashKey } from '../../core/ids';
import type { Store } from '../../storage/store';

export interface RosterEntryDoc {
  _id: string;
  agentPersonId: string;
  name: string;
  /** In clear, as the agent typed it (the agent's own record); shown masked, never logged. */
  idNumber: string;
  phone: string;
  birthDate: string;
  profile: Profile;
  /** The registered person with that ID number, or null. */
  personId: string | null;
  match: RosterMatch;
  /** Row number in the file it came from, and that file. */
  row: number;
  fileId: string;
  importedAt: string;
  /** The import that wrote it (absent on rows written before imports were chunked: always visible). */
  importId?: string;
  [k: string]: unknown;
}

/**
 * `rh-<agent>`: the imports of an agent that completed, oldest first. A row is visible only once its import is
 * listed here (roster/index.ts writes a large roster in several transactions, then lists the import in one last
 * transaction): readers never see part of a file.
 */
export const rosterHeadId = (agentPersonId: string) => `rh-${agentPersonId}`;
export interface RosterHeadDoc {
  _id: string;
  agentPersonId: string;
  completed: string[];
  [k: string]: unknown;
}

/** A row as an import writes it: its own id per import, so a running import never replaces a visible row. */
export const importedEntryId = (agentPersonId: string, idNumber: string, importId: string) =>
  `${rosterEntryId(agentPersonId, idNumber)}-${importId}`;

/**
 * The agent's roster as readers see it: rows of completed imports only, one per ID number — the latest completed
 * import's (a newer roster wins) —, in the store's order.
 */
export async function visibleRoster(store: Store, agentPersonId: string): Promise<RosterEntryDoc[]> {
  const [all, head] = await Promise.all([
    store.find<RosterEntryDoc>(COLLECTIONS.rosterEntries, { agentPersonId }, { limit: 100000 }),
    store.get<RosterHeadDoc>(COLLECTIONS.rosterHeads, rosterHeadId(agentPersonId)),
  ]);
  const order = new Map((head?.completed ?? []).map((id, k) => [id, k]));
  const rank = (e: RosterEntryDoc) => (e.importId === undefined ? -1 : (order.get(e.importId) ?? null));
  const best = new Map<string, RosterEntryDoc>();
  for (const e of all) {
    const r = rank(e);
    if (r === null) continue;
    const cur = best.get(e.idNumber);
    if (!cur || r > rank(cur)!) best.set(e.idNumber, e);
  }
  return all.filter((e) => best.get(e.idNumber) === e);
}

/** One entry per agent and ID number: importing the same employee again replaces the row (a newer roster wins). */
const rosterEntryId = (agentPersonId: string, idNumber: string) => `ros-${agentPersonId}-${hashKey('idn', idNumber)}`;
