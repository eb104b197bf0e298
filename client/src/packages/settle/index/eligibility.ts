// The points pathway of the rules package (settlementPathways → 'points'), evaluated on the page from what is
// known: the birth date (from the person's own ID number), the certificate's points and the declarations. An
// unknown fact stays "undetermined" (never silently met); the server decides again on apply.
import { parseIdNumber, settlementPathways, type PathwayResult } from '@hz-points/shared';

export interface PointsPathwayFacts {
  idNumber?: string;
  points: number | null;
  residencePermitValid: boolean;
  fullCivilCapacity: boolean;
  noUrbanHukou: boolean;
  on: string;
}

export function pointsPathway(f: PointsPathwayFacts): PathwayResult | null {
  const parsed = f.idNumber ? parseIdNumber(f.idNumber) : null;
  if (!parsed || !parsed.valid) return null; // masked (a delegate) or unknown: the birth date is not ours to see
  try {
    const all = settlementPathways(
      {
        birthDate: parsed.birthDate,
        points: f.points ?? undefined,
        // An unticked declaration is not a "no": it stays undetermined (待确认) until the person declares it.
        residencePermitValid: f.residencePermitValid ? true : undefined,
        fullCivilCapacity: f.fullCivilCapacity ? true : undefined,
        hukou: f.noUrbanHukou ? 'other' : undefined,
      },
      { on: f.on },
    );
    return all.find((p) => p.pathway === 'points') ?? null;
  } catch {
    return null;
  }
}
