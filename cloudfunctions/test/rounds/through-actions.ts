// People taken through the 2025 points year by the real actions (invoke), for the settlement and publication tests:
// registered, points application submitted, every item approved by its department, certificate printed. Dates are
// fixed Beijing instants of the 2025 round (holiday schedule of 2025, National Day included):
//
//   submitted 2025-09-29 → result 2025-11-03 (20 working days) → objection window and certificate both until / from
//   2025-11-12 (7 working days): on 11-12 a person may print, apply to settle and still file an objection.
import { seedDemo } from '../../src/demo/seed';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { idNumberFor } from '../helpers/fixtures';
import { createTestCloud, type StoreKind, type TestCloud } from '../helpers/runtime';

/** Beijing wall-clock time → ISO instant. */
export const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

export const SUBMIT_DAY = '2025-09-29';
export const RESULT_DAY = '2025-11-03';
/** Last day to object, and first day the certificate can be printed. */
export const LAST_OBJECTION_DAY = '2025-11-12';

/** The claims of one person (values as the calculator's profile fields). */
export interface Profile {
  education: 'bachelor' | 'master';
  socialInsuranceMonths: number;
  residenceRegistrationYears: number;
  rentalYears: number;
}

export interface Person {
  openid: string;
  personId: string;
  applicationId: string;
  serial: string;
}

export const DECLARATIONS = { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false };

/** A seeded cloud on either store, its clock at 2025-09-29 09:00 Beijing (the 2025 round open). */
export async function yearCloud(store: StoreKind): Promise<TestCloud> {
  const cloud = createTestCloud(bj(`${SUBMIT_DAY}T09:00:00`), { store });
  await seedDemo(cloud.runtime);
  return cloud;
}

function claimsOf(p: Profile) {
  const claims: Array<{ indicator: string; value: Record<string, unknown>; evidence: string[] }> = [
    { indicator: 'education', value: { education: p.education, hasDiplomaAndDegree: true }, evidence: [] },
    { indicator: 'socialInsurance', value: { socialInsuranceMonths: p.socialInsuranceMonths }, evidence: [] },
  ];
  if (p.residenceRegistrationYears > 0) {
    claims.push({
      indicator: 'residenceRegistration',
      value: { residenceRegistrationYears: p.residenceRegistrationYears },
      evidence: [],
    });
  }
  if (p.rentalYears > 0) claims.push({ indicator: 'rental', value: { rentalYears: p.rentalYears }, evidence: [] });
  return claims;
}

/**
 * Registers `openid` (born 1990: 30 age points on the 2025 cut-off date) and submits its 2025 points application at
 * `submitAt` (Beijing wall-clock on SUBMIT_DAY, e.g. '10:00:00').
 */
export async function submitApplication(
  cloud: TestCloud,
  openid: string,
  serial: number,
  profile: Profile,
  submitAt: string,
) {
  cloud.setNow(bj(`${SUBMIT_DAY}T${submitAt}`));
  const { person } = await cloud.ok(openid, 'accounts', 'register', {
    name: '测试申请人',
    idNumber: idNumberFor('1990-06-15', serial),
    phone: '13900000000',
    privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
  });
  const { application } = await cloud.ok(openid, 'applications', 'saveDraft', {
    year: 2025,
    claims: claimsOf(profile),
  });
  await cloud.ok(openid, 'applications', 'submit', {
    applicationId: application.applicationId,
    commitment: true,
    requestId: `submit-${openid}`,
  });
  return { openid, personId: person.personId as string, applicationId: application.applicationId as string };
}

/** Every department approves every pending item as claimed (2025-09-30): the result day is 2025-11-03. */
export async function approveEverything(cloud: TestCloud): Promise<void> {
  cloud.setNow(bj('2025-09-30T10:00:00'));
  for (const dept of ['public-security', 'hrss', 'housing', 'education']) {
    for (;;) {
      const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
      if (items.length === 0) break;
      for (const it of items as Array<{ itemId: string; claimed: Record<string, unknown> }>) {
        await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
          itemId: it.itemId,
          decision: 'approved',
          acceptedValue: it.claimed,
        });
      }
    }
  }
}

/** Prints the person's certificate on LAST_OBJECTION_DAY at `time` (the first day it can be printed). */
export async function printCertificate(
  cloud: TestCloud,
  p: { openid: string; applicationId: string },
  time = '09:00:00',
) {
  cloud.setNow(bj(`${LAST_OBJECTION_DAY}T${time}`));
  const { certificate } = await cloud.ok(p.openid, 'certificates', 'issue', {
    applicationId: p.applicationId,
    residencePermitNo: '330106202300000009',
  });
  return certificate.serial as string;
}

/** Registered, submitted, reviewed, certificate printed — for several people at once (one review pass). */
export async function peopleWithCertificates(
  cloud: TestCloud,
  people: Array<{ openid: string; profile: Profile; submitAt?: string }>,
): Promise<Person[]> {
  const submitted = [];
  let serial = 0;
  for (const p of people)
    submitted.push(
      await submitApplication(
        cloud,
        p.openid,
        ++serial,
        p.profile,
        p.submitAt ?? `10:${String(serial).padStart(2, '0')}:00`,
      ),
    );
  await approveEverything(cloud);
  const out: Person[] = [];
  for (const s of submitted) out.push({ ...s, serial: await printCertificate(cloud, s) });
  return out;
}

export function settle(cloud: TestCloud, p: { openid: string }, at: string) {
  cloud.setNow(bj(at));
  return cloud.call(p.openid, 'settlement', 'apply', {
    year: 2025,
    district: '西湖区',
    declarations: DECLARATIONS,
    requestId: `settle-${p.openid}-${at.replace(/[^0-9A-Za-z]/g, '')}`,
  });
}

export async function fileObjection(
  cloud: TestCloud,
  p: { openid: string; applicationId: string },
  indicators: string[],
  at: string,
): Promise<string> {
  cloud.setNow(bj(at));
  const { objection } = await cloud.ok(p.openid, 'objections', 'file', {
    applicationId: p.applicationId,
    indicators,
    reason: '请重新核定',
    requestId: `objection-${p.openid}`,
  });
  return objection.objectionId as string;
}

export async function answerObjection(
  cloud: TestCloud,
  objectionId: string,
  changes: Array<{ indicator: string; acceptedValue: Record<string, unknown> | null }>,
  at: string,
) {
  cloud.setNow(bj(at));
  return cloud.ok('demo-district-office', 'objections', 'answer', { objectionId, reply: '经复核，调整如下', changes });
}

/** Sets the line and publishes on 2025-12-05 (after the window's last day, 11-30). */
export async function publish(
  cloud: TestCloud,
  line: { mode: 'quota'; quota: number } | { mode: 'threshold'; threshold: number },
) {
  cloud.setNow(bj('2025-12-05T10:00:00'));
  await cloud.ok('demo-admin', 'rounds', 'setLine', { year: 2025, ...line });
  return cloud.call('demo-admin', 'rounds', 'publish', { year: 2025 });
}

/** The person's published result as they read it (rank, total, admitted, reason). */
export async function standing(cloud: TestCloud, p: { openid: string }) {
  const r = await cloud.ok(p.openid, 'rounds', 'myStanding', { year: 2025 });
  return r.result as { rank: number | null; total: number | null; admitted: boolean; reason: string | null } | null;
}
