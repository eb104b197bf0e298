// The agent's roster as stored: one document per (agent, employee ID number), written by roster.import.
import type { Profile } from '@hz-points/shared';
import { hashKey } from '../../core/ids';

export const ROSTER_COLLECTION = 'roster_entries';

/** How a row stood against the registry when it was imported (the board re-reads the entrustment live). */
export type RosterMatch = 'entrusted' | 'entrustment-pending' | 'needs-entrustment' | 'not-registered';

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
  [k: string]: unknown;
}

/** One entry per agent and ID number: importing the same employee again replaces the row (a newer roster wins). */
export const rosterEntryId = (agentPersonId: string, idNumber: string) => `ros-${agentPersonId}-${hashKey('idn', idNumber)}`;
