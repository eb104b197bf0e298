// The settlement page's points-pathway check: from the person's own ID number and the certificate's points, with
// undeclared facts undetermined (never silently met) and a masked number (a delegate) not evaluated at all.
import { idCheckCharacter } from '@hz-points/shared';
import { pointsPathway } from '../index/eligibility';

const first17 = '33010619950315001';
const ID = first17 + idCheckCharacter(first17);
const base = {
  idNumber: ID,
  points: 148,
  residencePermitValid: true,
  fullCivilCapacity: true,
  noUrbanHukou: true,
  on: '2026-11-02',
};

test('all declared and 148 points: eligible', () => {
  const r = pointsPathway(base)!;
  expect(r.pathway).toBe('points');
  expect(r.eligible).toBe(true);
  expect(r.conditions.every((c) => c.met === true)).toBe(true);
});

test('below 100 points: not eligible, with the reason in Chinese', () => {
  const r = pointsPathway({ ...base, points: 94 })!;
  expect(r.eligible).toBe(false);
  expect(r.reasons.join('；')).toContain('当前94分');
});

test('an undeclared fact is undetermined, not failed and not met', () => {
  const r = pointsPathway({ ...base, residencePermitValid: false })!;
  const permit = r.conditions.find((c) => c.key === 'residencePermitValid')!;
  expect(permit.met).toBeNull();
  expect(r.eligible).toBe(false);
});

test('a masked ID number (seen by a delegate) is not evaluated', () => {
  expect(pointsPathway({ ...base, idNumber: '330***********0010' })).toBeNull();
  expect(pointsPathway({ ...base, idNumber: undefined })).toBeNull();
});
