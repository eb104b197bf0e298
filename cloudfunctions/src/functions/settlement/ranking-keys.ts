// The tie-break keys of a settlement application (insurance months, registration years) are the reviewed values of
// its points application: used when a person applies and again at publication for an application whose score an
// objection answer changed after they applied (rounds/standing.ts). One function, so both read the same values.
import type { ItemDoc } from '../../core/model';

export interface TieBreakKeys {
  socialInsuranceMonths: number;
  residenceRegistrationYears: number;
}

/** Reviewed values only: an item not approved (returned, or "not accepted" by an objection answer) counts 0. */
export function tieBreakKeys(items: ReadonlyArray<Pick<ItemDoc, 'status' | 'acceptedValue'>>): TieBreakKeys {
  let socialInsuranceMonths = 0;
  let residenceRegistrationYears = 0;
  for (const it of items) {
    const v = it.status === 'approved' ? it.acceptedValue : null;
    if (!v) continue;
    if (typeof v.socialInsuranceMonths === 'number') socialInsuranceMonths = v.socialInsuranceMonths;
    if (typeof v.residenceRegistrationYears === 'number') residenceRegistrationYears = v.residenceRegistrationYears;
  }
  return { socialInsuranceMonths, residenceRegistrationYears };
}
