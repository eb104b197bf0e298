// Points of a reviewed application: the rules package's scorePoints over the approved values only. Nobody types a
// score: an item that is not approved contributes nothing.
import { RECORD_INDICATORS, scorePoints, type IndicatorCode, type ProfileInput } from '@hz-points/shared';
import type { ItemDoc, PersonDoc, PointsResult } from './model';

const RECORD_SET = new Set<IndicatorCode>(RECORD_INDICATORS);

export function profileFromItems(items: ItemDoc[], person: Pick<PersonDoc, 'birthDate'>): ProfileInput {
  const profile: Record<string, unknown> = { birthDate: person.birthDate };
  const records: Record<string, unknown> = {};
  for (const item of items) {
    if (item.status !== 'approved' || !item.acceptedValue) continue;
    if (RECORD_SET.has(item.indicator)) Object.assign(records, item.acceptedValue);
    else Object.assign(profile, item.acceptedValue);
  }
  if (Object.keys(records).length > 0) profile.records = records;
  return profile as ProfileInput;
}

/**
 * Scores the approved values on the round's cut-off date. The age indicator needs a birth date in the profile; if
 * the age item itself was not approved, its points are taken out again so an unapproved item never scores.
 */
export function pointsFromItems(
  items: ItemDoc[],
  person: Pick<PersonDoc, 'birthDate'>,
  cutoffDate: string,
  at: Date,
): PointsResult {
  const result = scorePoints(profileFromItems(items, person), { cutoffDate });
  const ageItem = items.find((i) => i.indicator === 'age');
  let total = result.total;
  if (total !== null && (!ageItem || ageItem.status !== 'approved')) {
    total -= result.items.find((i) => i.code === 'age')?.points ?? 0;
  }
  return {
    total,
    detail: {
      items: result.items.map((i) => ({ code: i.code, label: i.label, points: i.points, explanation: i.explanation })),
      veto: result.veto ? result.veto.reason : null,
      warnings: result.warnings.map((w) => w.code),
      ruleVersionIds: result.ruleVersionIds,
    },
    cutoffDate,
    scoredAt: at.toISOString(),
  };
}
