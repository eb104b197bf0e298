// Documents the functions store, one collection each (names and indexes: core/collections.ts). Plain JSON shapes so
// the CloudBase and SQLite adapters store them unchanged and a later function (certificates, rounds, settlement) can read them without our code.
// The enumerations and sub-shapes a client also reads (roles, statuses, claims, points) are the contract's own
// (shared/src/api/results.ts), re-exported here so a stored value and its view cannot drift apart.
import type {
  ApplicationStatus,
  ClaimView,
  DepartmentCode,
  EntrustmentStatus,
  FileContentType,
  IndicatorCode,
  ItemHistoryEntry,
  ItemStatus,
  PointsView,
  Relation,
  StaffRole,
} from '@hz-points/shared';

export type { Relation, StaffRole };

/** A natural person. `openid` is null for a person without WeChat (a minor, an elderly parent). */
export interface PersonDoc {
  _id: string;
  name: string;
  /** Stored in clear: the owner sees it, everyone else gets `maskIdNumber`. Never logged. */
  idNumber: string;
  phone: string | null;
  birthDate: string;
  gender: 'male' | 'female';
  openid: string | null;
  /** Declared disability (for `mayActFor`). */
  disabled: boolean;
  /** Declared: cannot apply in person (行动不便), for `mayActFor`'s elderly and disabled routes. */
  unableToActInPerson: boolean;
  /** Person id of whoever created this record for someone else (guardian), or null when self-registered. */
  createdBy: string | null;
  createdAt: string;
  [k: string]: unknown;
}

/** Keyed by OPENID: the binding of a WeChat user to a person, and staff roles. */
export interface AccountDoc {
  _id: string;
  personId: string | null;
  roles: StaffRole[];
  department: DepartmentCode | null;
  createdAt: string;
  [k: string]: unknown;
}

/** Uniqueness of ID numbers: `_id` = hash of the number (inserting twice fails atomically). */
export interface IdNumberDoc {
  _id: string;
  personId: string;
  [k: string]: unknown;
}

/** "actor is the subject's <relation>". `_id` = rel-<actor>-<subject>, so a check is a get by id (in a transaction). */
export interface RelationDoc {
  _id: string;
  actorPersonId: string;
  subjectPersonId: string;
  relation: Relation;
  /** File ids of both identity documents presented (FAQ2021 Q8). */
  documents: { actorIdentity: string; subjectIdentity: string };
  createdAt: string;
  revokedAt: string | null;
  [k: string]: unknown;
}

/** Employer agent ← employee written entrustment. `_id` = ent-<agent>-<employee>. */
export interface EntrustmentDoc {
  _id: string;
  agentPersonId: string;
  employeePersonId: string;
  employerName: string;
  /** File ids: the signed entrustment and both identity documents (FAQ2021 Q8). */
  documents: { entrustment: string; employeeIdentity: string; agentIdentity: string };
  status: EntrustmentStatus;
  createdAt: string;
  /** Who activated it: the employee themself, or a district office after checking the paper at the window. */
  confirmedBy: { openid: string; as: 'employee' | 'district-office' } | null;
  confirmedAt: string | null;
  revokedAt: string | null;
  [k: string]: unknown;
}

export type FilePurpose = 'evidence' | 'entrustment' | 'identity' | 'roster';

export interface FileDoc {
  _id: string;
  ownerPersonId: string;
  uploadedByPersonId: string;
  purpose: FilePurpose;
  /** Private storage path; never returned to a client. */
  path: string;
  contentType: FileContentType;
  size: number;
  /** Departments that may read it: added when an item citing it is submitted. */
  departments: DepartmentCode[];
  createdAt: string;
  [k: string]: unknown;
}

/** A claimed indicator, stored as the applicant's view shows it. */
export type Claim = ClaimView;

/** The points as computed on a decision (total null under a veto), stored as every view shows them. */
export type PointsResult = PointsView;

export interface ApplicationDoc {
  _id: string;
  personId: string;
  year: number;
  status: ApplicationStatus;
  claims: Claim[];
  createdAt: string;
  updatedAt: string;
  /** Person who created / last changed it (the applicant or their delegate). */
  lastActorPersonId: string;
  commitment: boolean;
  submittedAt: string | null;
  /** 受理 date (Beijing): automatic on submit. */
  acceptedOn: string | null;
  /** acceptedOn + 20 working days: returned items may be supplemented until its 24:00. */
  resultDate: string | null;
  /**
   * The day the points become visible (`resultPublicationDay`): max(resultDate, the day the last item was decided),
   * and with a returned item not before resultDate + 1, once its supplement window has closed.
   */
  resultOn: string | null;
  /** Last day to object (objectionDeadline(resultOn)). */
  objectionDeadline: string | null;
  points: PointsResult | null;
  objectionId: string | null;
  /** Ids of the review items created on submit (so a transaction can read them all by id). */
  itemIds: string[];
  [k: string]: unknown;
}

/** One claimed indicator of a submitted application, reviewed by the department owning the indicator. */
export interface ItemDoc {
  _id: string;
  applicationId: string;
  personId: string;
  year: number;
  indicator: IndicatorCode;
  department: DepartmentCode;
  status: ItemStatus;
  claimed: Record<string, unknown>;
  evidence: string[];
  acceptedValue: Record<string, unknown> | null;
  returnReason: string | null;
  updatedAt: string;
  history: ItemHistoryEntry[];
  [k: string]: unknown;
}

export interface ObjectionDoc {
  _id: string;
  applicationId: string;
  personId: string;
  indicators: IndicatorCode[];
  reason: string;
  filedByPersonId: string;
  filedAt: string;
  filedOn: string;
  /**
   * Last day to answer; null when the filing day + 15 working days falls in a year whose official holiday schedule
   * is not known yet (CALENDAR_UNKNOWN): filing is never refused for that, the deadline is computed on read once
   * the year is registered (`calendar.registerYear`).
   */
  answerDeadline: string | null;
  /** The applicant's own evidence files (absent on objections filed before evidence existed). */
  evidence?: string[];
  status: 'open' | 'answered';
  reply: string | null;
  changes: Array<{ indicator: IndicatorCode; acceptedValue: Record<string, unknown> | null }>;
  answeredAt: string | null;
  /** Beijing date of the answer (compared with answerDeadline). */
  answeredOn: string | null;
  answeredByOpenid: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  [k: string]: unknown;
}

/** Stored result of an idempotent call: `_id` = hash(openid, action, requestId). */
export interface RequestDoc {
  _id: string;
  action: string;
  key: string;
  result: unknown;
  at: string;
  [k: string]: unknown;
}

/**
 * A yearly round (the certificates/rounds engineer builds on this shape). `_id` = `round-<year>`; the dates are
 * `roundDates(year)` from the rules package; `status` is set by seed/admin.
 */
export interface RoundDoc {
  _id: string;
  year: number;
  status: 'open' | 'closed';
  cutoffDate: string;
  settlementOpens: string;
  settlementCloses: string;
  lookbackFrom: string;
  pointsApplication: { opens: string | null; closes: string; yearRound: boolean };
  createdAt: string;
  [k: string]: unknown;
}

export const roundId = (year: number) => `round-${year}`;
export const applicationId = (year: number, personId: string) => `app-${year}-${personId}`;
export const itemId = (appId: string, indicator: IndicatorCode) => `${appId}-${indicator}`;
export const relationId = (actor: string, subject: string) => `rel-${actor}-${subject}`;
export const entrustmentId = (agent: string, employee: string) => `ent-${agent}-${employee}`;

/** The listed fields of a document, in that order (views copy many fields as they are). */
export function pick<T extends object, K extends keyof T>(doc: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = doc[k];
  return out;
}
