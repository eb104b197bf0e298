// Shapes and labels of 我的代办 (accounts.listSubjects / listEntrustments; ID numbers arrive masked).
import { DELEGATION_RULES, RELATION_LABELS as SHARED_RELATION_LABELS, type AddDependentInput } from '@hz-points/shared';
import type { z } from 'zod';

export type Relation = z.input<typeof AddDependentInput>['relation'];

/** The relations a guardian or close relative may record, named by the rules package. */
export const RELATION_LABELS: Record<Relation, string> = SHARED_RELATION_LABELS;

export interface EntrustmentView {
  entrustmentId: string;
  status: 'pending' | 'active' | 'revoked';
  employerName: string;
  agent: { name: string; idNumber: string } | null;
  employee: { name: string; idNumber: string } | null;
  createdAt: string;
}

export interface Entrustments {
  asEmployee: EntrustmentView[];
  asAgent: EntrustmentView[];
}

export const ENT_STATUS = { pending: '待确认', active: '有效', revoked: '已撤销' } as const;

/** Who a guardian or close relative may act for, in the rules package's own ages. */
export const WARD_SCOPE = `${DELEGATION_RULES.minorMaxAgeExclusive}周岁以下未成年人、老年人或残疾人`;
