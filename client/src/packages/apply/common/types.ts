// Shapes of the cloud functions' results as the flow pages read them (see cloudfunctions/API.md). Only the fields
// the pages show are listed; everything else is ignored.
import type { DepartmentCode, IndicatorCode } from '@hz-points/shared';

export type ItemStatus = 'pending' | 'reviewing' | 'approved' | 'returned';
export type ApplicationStatus = 'draft' | 'reviewing' | 'scored';

export interface Claim {
  indicator: IndicatorCode;
  value: Record<string, unknown>;
  evidence: string[];
}

export interface Application {
  applicationId: string;
  year: number;
  personId: string;
  status: ApplicationStatus;
  claims: Claim[];
  acceptedOn?: string | null;
  resultDate?: string | null;
  resultOn?: string | null;
  objectionDeadline?: string | null;
  certificateDate?: string | null;
  grantedOn?: string | null;
  points?: { total: number; detail?: unknown; cutoffDate?: string; scoredAt?: string } | null;
  confirmed?: boolean;
  submittedAt?: string | null;
  updatedAt?: string;
  objectionId?: string | null;
  /** Server-computed windows (applications.applicationView). */
  published?: boolean;
  supplementOpen?: boolean;
  objectionOpen?: boolean;
}

export interface Item {
  itemId: string;
  label?: string;
  applicationId?: string;
  indicator: IndicatorCode;
  department: DepartmentCode;
  status: ItemStatus;
  returnReason?: string | null;
  claimed?: Record<string, unknown>;
  acceptedValue?: Record<string, unknown> | null;
  /** false once the result is published (changes only through an objection answer). */
  open?: boolean;
  evidence?: string[];
  applicant?: { name?: string; idNumber?: string };
  year?: number;
}

export interface Objection {
  objectionId: string;
  applicationId: string;
  indicators: IndicatorCode[];
  reason: string;
  /** The applicant's evidence files (fileIds), `[]` when none. */
  evidence?: string[];
  status: 'open' | 'answered';
  filedOn?: string;
  answerDeadline?: string | null;
  /** The answer deadline falls in a year whose official holiday schedule is not yet registered (see the calendar function). */
  answerDeadlinePending?: boolean;
  reply?: string | null;
  answeredAt?: string | null;
  changes?: Array<{ indicator: IndicatorCode; acceptedValue: Record<string, unknown> | null }>;
  pointsBefore?: number | null;
  pointsAfter?: number | null;
  overdue?: boolean;
  applicant?: { name?: string; idNumber?: string };
}

export interface Subject {
  personId: string;
  name: string;
  idNumber: string;
  kind: 'self' | 'dependent' | 'employee';
  allowed: boolean;
  relation?: string;
  entrustmentId?: string;
}

export interface GetApplicationResult {
  application: Application;
  applicant?: { name?: string; idNumber?: string } | null;
  items: Item[];
  objection: Objection | null;
}

