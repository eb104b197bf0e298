// The basic conditions of a points settlement application, decided by the rules package (`settlementPathways`,
// pathway 'points': valid urban residence permit, points ≥ 100 in the round, age ≥ 18, full civil capacity, no
// urban-Hangzhou hukou). This file only maps the applicant's declarations and certificate onto its profile.
import { settlementPathways } from '@hz-points/shared';

export interface EligibilityInput {
  birthDate: string;
  on: string;
  points: number;
  declarations: { validResidencePermit: boolean; fullCivilCapacity: boolean; hasUrbanHangzhouHukou: boolean };
}

export interface Eligibility {
  eligible: boolean;
  reasons: string[];
}

export function settlementEligibility(x: EligibilityInput): Eligibility {
  const results = settlementPathways(
    {
      birthDate: x.birthDate,
      // Only "already urban Hangzhou" matters to the points pathway; the other values change nothing here.
      hukou: x.declarations.hasUrbanHangzhouHukou ? 'hangzhou-urban' : 'other',
      points: x.points,
      residencePermitValid: x.declarations.validResidencePermit,
      fullCivilCapacity: x.declarations.fullCivilCapacity,
    },
    { on: x.on },
  );
  const points = results.find((r) => r.pathway === 'points');
  if (!points) throw new Error('rules package returned no points pathway');
  return { eligible: points.eligible, reasons: points.reasons };
}
