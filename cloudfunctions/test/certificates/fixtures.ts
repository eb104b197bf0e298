// Scored applications written straight into the store (the year test drives the whole review; these tests only
// need its outcome), for certificate, round and settlement tests.
import { roundDates, scorePoints } from '@hz-points/shared';
import { seedDemo } from '../../src/demo/seed';
import { COLLECTIONS, applicationId, type ApplicationDoc, type PersonDoc } from '../../src/core/model';
import { createTestCloud, type TestCloud } from '../helpers/runtime';

export const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

/** A seeded cloud whose clock starts at `startLocal` (Beijing), with the demo round of that year open. */
export async function seededCloud(startLocal: string): Promise<TestCloud> {
  const cloud = createTestCloud(bj(startLocal));
  await seedDemo(cloud.runtime);
  return cloud;
}

/** Writes a scored application for `personId` in `year`, its result published on `resultOn`. */
export async function scoredApplication(
  cloud: TestCloud,
  personId: string,
  year: number,
  resultOn: string,
  profile: Record<string, unknown> = { education: 'bachelor', hasDiplomaAndDegree: true, socialInsuranceMonths: 48, residenceRegistrationYears: 4, rentalYears: 4 },
): Promise<ApplicationDoc> {
  const person = (await cloud.store.get<PersonDoc>(COLLECTIONS.persons, personId))!;
  const cutoffDate = roundDates(year).cutoffDate;
  const detail = scorePoints({ birthDate: person.birthDate, ...profile } as never, { cutoffDate });
  const at = `${resultOn}T00:00:00.000Z`;
  const claims = Object.keys(profile).flatMap((k) => {
    const indicator =
      k === 'education' || k === 'hasDiplomaAndDegree' ? 'education' :
      k === 'socialInsuranceMonths' ? 'socialInsurance' :
      k === 'residenceRegistrationYears' ? 'residenceRegistration' :
      k === 'rentalYears' ? 'rental' : null;
    return indicator ? [{ indicator, value: {}, evidence: [] }] : [];
  });
  const app: ApplicationDoc = {
    _id: applicationId(year, personId),
    personId,
    year,
    status: 'scored',
    claims: [...new Map(claims.map((c) => [c.indicator, c])).values()] as ApplicationDoc['claims'],
    createdAt: at,
    updatedAt: at,
    lastActorPersonId: personId,
    commitment: true,
    submittedAt: at,
    acceptedOn: resultOn,
    resultDate: resultOn,
    resultOn,
    objectionDeadline: resultOn,
    points: { total: detail.total, detail, cutoffDate, scoredAt: at },
    objectionId: null,
    itemIds: [],
  };
  await cloud.store.set(COLLECTIONS.applications, app);
  return app;
}
