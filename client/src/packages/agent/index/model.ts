// Labels of 我的代办 (accounts.listSubjects / listEntrustments; ID numbers arrive masked). The shapes are the
// contract's (shared/src/api/results.ts): EntrustmentView, and listEntrustments' answer.
import {
  DELEGATION_RULES,
  RELATION_LABELS as SHARED_RELATION_LABELS,
  type ActionResult,
  type Relation,
} from '@hz-points/shared';

export type { EntrustmentView, Relation } from '@hz-points/shared';

/** The relations a guardian or close relative may record, named by the rules package. */
export const RELATION_LABELS: Record<Relation, string> = SHARED_RELATION_LABELS;

export type Entrustments = ActionResult<'accounts', 'listEntrustments'>;

export const ENT_STATUS = { pending: '待确认', active: '有效', revoked: '已撤销' } as const;

/** Who a guardian or close relative may act for, in the rules package's own ages. */
export const WARD_SCOPE = `${DELEGATION_RULES.minorMaxAgeExclusive}周岁以下未成年人、老年人或残疾人`;
