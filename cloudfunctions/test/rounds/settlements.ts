// A settlement application as `settlement.apply` stores it, with chosen ranking keys: for the round tests and the
// publication bench, which store thousands of them without going through the whole application year.
import { maskIdNumber } from '@hz-points/shared';
import { settlementId, type SettlementDoc } from '../../src/functions/rounds/model';

const MASKED_ID = maskIdNumber('330106199001010010');

/** `n` numbers the certificate serial and the request key; `keys` overrides any field. */
export function syntheticSettlement(
  year: number,
  personId: string,
  n: number,
  keys: Partial<SettlementDoc> = {},
): SettlementDoc {
  return {
    _id: settlementId(year, personId),
    year,
    personId,
    applicationId: `app-${year}-${personId}`,
    certificateSerial: `JF-${year}-${String(n).padStart(6, '0')}`,
    district: '西湖区',
    declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
    total: 120,
    socialInsuranceMonths: 60,
    residenceRegistrationYears: 5,
    submittedAt: `${year}-08-01T02:00:00.000Z`,
    meetsBasicConditions: true,
    // Applied after the objection window closed: the keys are final (publication re-reads only flagged ones).
    scoreMayChange: false,
    maskedName: '测*',
    maskedIdNumber: MASKED_ID,
    status: 'submitted',
    appliedOn: `${year}-11-03`,
    appliedAt: `${year}-11-03T02:00:00.000Z`,
    appliedByPersonId: personId,
    requestKey: `k${n}`,
    settledOn: null,
    ...keys,
  };
}
