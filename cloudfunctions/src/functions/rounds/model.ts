import type { RoundLine } from '@hz-points/shared';
import type { RoundDoc } from '../../core/model';

/** The admission line as set (a quota or a threshold): the contract's RoundLine, stored as shown. */
export type Line = RoundLine;

/** The round document (`round-<year>`, shape owned by core/model) with what rounds/settlement add to it. */
export interface RoundState extends RoundDoc {
  line?: Line | null;
  lineSetAt?: string | null;
  /** Set in the last step of publishing: result documents of any other batch are invisible. */
  published?: {
    batch: string;
    at: string;
    on: string;
    /** Last valid day of the admission notices issued with this publication. */
    noticeExpiresOn: string;
    mode: Line['mode'];
    line: number | null;
    admittedCount: number;
    rankedCount: number;
    ineligibleCount: number;
    tieBreak: string[];
    tieBreakVerified: boolean;
  } | null;
  /** Dates an administrator moved away from roundDates(year), with the defaults kept for the record. */
  adjustments?: Array<{ at: string; byOpenid: string; dates: Record<string, string> }>;
}

/** A settlement application (积分落户申请): `_id` = set-<year>-<personId>. */
export interface SettlementDoc {
  _id: string;
  year: number;
  personId: string;
  applicationId: string;
  certificateSerial: string;
  district: string;
  declarations: { validResidencePermit: boolean; fullCivilCapacity: boolean; hasUrbanHangzhouHukou: boolean };
  /**
   * The ranking keys standing when the person applied: the application's current points (never the certificate's
   * copy) and reviewed tie-break values. They stay exact unless `scoreMayChange` (publication re-reads those).
   */
  total: number;
  socialInsuranceMonths: number;
  residenceRegistrationYears: number;
  /** The points application's submission instant (tie-break). */
  submittedAt: string;
  meetsBasicConditions: boolean;
  /**
   * The objection window was still open (its last day, with no objection filed) when the person applied: an
   * objection filed later that day can change the points, so publication re-reads this application. Otherwise the
   * score was confirmed at application (objection answered, or window closed) and cannot change any more.
   */
  scoreMayChange: boolean;
  /** Masked once at application, so publishing 200,000 lines never loads a person. */
  maskedName: string;
  maskedIdNumber: string;
  status: 'submitted' | 'withdrawn';
  appliedOn: string;
  appliedAt: string;
  appliedByPersonId: string;
  requestKey: string;
  /** Set by the registry window when the person settled with the admission notice. */
  settledOn?: string | null;
  [k: string]: unknown;
}

/** The publication fields list readers need (rounds/list.ts `Publication`). */
export function publicationOf(r: RoundState) {
  if (!r.published) return null;
  return { year: r.year, batch: r.published.batch, on: r.published.on, noticeExpiresOn: r.published.noticeExpiresOn };
}

export const settlementId = (year: number, personId: string) => `set-${year}-${personId}`;
