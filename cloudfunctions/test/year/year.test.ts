// A whole yearly cycle in one scenario, through `invoke` on the real SQLite store, on fixed Beijing dates across
// National Day 2025: apply → review → result → objection → answer → certificate → verify → settlement
// application → line → publication → admission notice → expiry — for an applicant in person, an employee through
// the employer's agent, and an elderly parent without WeChat through their child (guardian persona).
import { DEMO_PERSON_IDS, seedDemo } from '../../src/demo/seed';
import { createTestCloud, type TestCloud } from '../helpers/runtime';
import { downloadLink } from '../helpers/download';

const APPLICANT = 'demo-applicant';
const AGENT = 'demo-agent';
const GUARDIAN = 'demo-guardian';
const OFFICE = 'demo-district-office';
const ADMIN = 'demo-admin';
const EMPLOYEE = 'demo-employee';

/** Beijing wall-clock time → ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

let cloud: TestCloud;
const appIds: Record<string, string> = {};

async function reviewAll(overrides: Record<string, Record<string, unknown>> = {}) {
  for (const dept of ['public-security', 'hrss', 'housing', 'education']) {
    const { items } = await cloud.ok(`demo-reviewer-${dept}`, 'review', 'queue', { status: 'pending', limit: 100 });
    for (const it of items as Array<{
      itemId: string;
      indicator: string;
      claimed: Record<string, unknown>;
      applicationId: string;
    }>) {
      const key = `${it.applicationId}:${it.indicator}`;
      await cloud.ok(`demo-reviewer-${dept}`, 'review', 'decide', {
        itemId: it.itemId,
        decision: 'approved',
        acceptedValue: overrides[key] ?? it.claimed,
      });
    }
  }
}

async function verify(serial: string, signature: string) {
  // Verifying needs no registration: a WeChat user who never registered asks.
  return cloud.ok('some-registry-clerk', 'certificates', 'verify', { serial, signature });
}

beforeAll(async () => {
  cloud = createTestCloud(bj('2025-08-20T09:00:00'));
  await seedDemo(cloud.runtime);
});
afterAll(() => cloud.close());

describe('a year of the points cycle (round 2025, across National Day)', () => {
  test('2025-08-20: three applications are filed and accepted (in person, by the agent, by the guardian)', async () => {
    const drafts: Array<[string, string | undefined, unknown[]]> = [
      [
        APPLICANT,
        undefined,
        [
          { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true }, evidence: [] },
          { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 }, evidence: [] },
          { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 4 }, evidence: [] },
          { indicator: 'rental', value: { rentalYears: 4 }, evidence: [] },
        ],
      ],
      [
        AGENT,
        DEMO_PERSON_IDS.employee,
        [
          { indicator: 'education', value: { education: 'master' }, evidence: [] },
          { indicator: 'socialInsurance', value: { socialInsuranceMonths: 60 }, evidence: [] },
        ],
      ],
      [
        GUARDIAN,
        DEMO_PERSON_IDS.elder,
        [
          { indicator: 'socialInsurance', value: { socialInsuranceMonths: 240 }, evidence: [] },
          { indicator: 'residenceRegistration', value: { residenceRegistrationYears: 10 }, evidence: [] },
        ],
      ],
    ];
    for (const [openid, onBehalfOf, claims] of drafts) {
      const { application } = await cloud.ok(openid, 'applications', 'saveDraft', {
        ...(onBehalfOf ? { onBehalfOf } : {}),
        year: 2025,
        claims,
      });
      const submitted = await cloud.ok(openid, 'applications', 'submit', {
        applicationId: application.applicationId,
        commitment: true,
        requestId: `req-${openid}-2025`,
      });
      expect(submitted.application.acceptedOn).toBe('2025-08-20');
      expect(submitted.application.resultDate).toBe('2025-09-17'); // 20 working days
      appIds[onBehalfOf ?? DEMO_PERSON_IDS.applicant] = application.applicationId;
    }
  });

  test("2025-08-25: reviewers decide every item (the applicant's degree is accepted as diploma only)", async () => {
    cloud.setNow(bj('2025-08-25T10:00:00'));
    await reviewAll({
      [`${appIds[DEMO_PERSON_IDS.applicant]}:education`]: { education: 'bachelor', hasDiplomaAndDegree: false },
    });
  });

  test('before the result day there are no points and no certificate', async () => {
    cloud.setNow(bj('2025-09-16T10:00:00'));
    const r = await cloud.call(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'POINTS_NOT_FINAL' } });
  });

  let first: { serial: string; signature: string };
  test('2025-09-17 result; the certificate is printable 7 working days later (09-26), not on 09-25', async () => {
    cloud.setNow(bj('2025-09-17T09:00:00'));
    const { application } = await cloud.ok(APPLICANT, 'applications', 'get', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(application.published).toBe(true);
    expect(application.points.total).toBe(30 + 40 + 24 + 20 + 24);
    expect(application.objectionDeadline).toBe('2025-09-26');

    cloud.setNow(bj('2025-09-25T23:59:59'));
    const early = await cloud.call(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_NOT_YET_AVAILABLE' } });
    expect(early.ok ? '' : early.error.message).toContain('2025-09-26');

    cloud.setNow(bj('2025-09-26T09:00:00'));
    const { certificate, created } = await cloud.ok(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
      residencePermitNo: '330106202300000001',
    });
    expect(created).toBe(true);
    expect(certificate.serial).toBe('JF-2025-000001');
    expect(certificate.content.total).toBe(138);
    expect(certificate.content.permitNo).toBe('330106202300000001');
    expect(certificate.content.idMasked).not.toContain('19950315');
    first = certificate;
    // Issuing again with nothing changed returns the same certificate.
    const again = await cloud.ok(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(again).toMatchObject({ created: false, certificate: { serial: 'JF-2025-000001' } });
    expect((await verify(first.serial, first.signature)).code).toBe('VALID');
  });

  test('09-26 afternoon: an objection, answered 09-29; the new certificate waits until 10-15 (National Day)', async () => {
    cloud.setNow(bj('2025-09-26T15:00:00'));
    const { objection } = await cloud.ok(APPLICANT, 'objections', 'file', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
      indicators: ['education'],
      reason: '本人持有学士学位证书，请重新核定',
      requestId: 'objection-applicant-1',
    });
    const pending = await cloud.call(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(pending).toMatchObject({ ok: false, error: { code: 'POINTS_NOT_FINAL' } });

    cloud.setNow(bj('2025-09-29T10:00:00')); // Monday; 09-28 (Sunday) was a make-up working day
    const answered = await cloud.ok(OFFICE, 'objections', 'answer', {
      objectionId: objection.objectionId,
      reply: '经核实，学位证书有效，调整为本科有学位',
      changes: [{ indicator: 'education', acceptedValue: { education: 'bachelor', hasDiplomaAndDegree: true } }],
    });
    expect(answered.application.points.total).toBe(148);

    cloud.setNow(bj('2025-10-14T23:59:59'));
    const early = await cloud.call(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_NOT_YET_AVAILABLE' } });

    cloud.setNow(bj('2025-10-15T09:00:00'));
    const { certificate, reissued } = await cloud.ok(APPLICANT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.applicant],
    });
    expect(reissued).toBe(true);
    expect(certificate.serial).toBe('JF-2025-000002');
    expect(certificate.content.total).toBe(148);
    expect(certificate.grantedOn).toBe('2025-09-29');
    expect(certificate.content.permitNo).toBe('330106202300000001'); // reused from the first issue

    expect(await verify(first.serial, first.signature)).toMatchObject({ valid: false, code: 'SUPERSEDED' });
    const ok = await verify(certificate.serial, certificate.signature);
    expect(ok).toMatchObject({ valid: true, code: 'VALID', certificate: { total: 148, name: '演***人' } });
    // The QR code's text verifies the same way.
    expect(
      (await cloud.ok('some-registry-clerk', 'certificates', 'verify', { payload: certificate.qrPayload })).code,
    ).toBe('VALID');
  });

  test('10-15: the agent and the guardian print for the people they act for; the PDF reaches only owner, delegate, admin', async () => {
    const emp = await cloud.ok(AGENT, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.employee],
      residencePermitNo: '330106202300000005',
    });
    const eld = await cloud.ok(GUARDIAN, 'certificates', 'issue', {
      applicationId: appIds[DEMO_PERSON_IDS.elder],
      residencePermitNo: '330106202300000004',
    });
    expect(emp.certificate.content.total).toBe(30 + 70 + 30);
    expect(eld.certificate.content.total).toBe(0 + 120 + 50);

    for (const who of [EMPLOYEE, AGENT, ADMIN]) {
      const pdf = await cloud.ok(who, 'certificates', 'download', { serial: emp.certificate.serial });
      expect((await downloadLink(cloud.runtime, pdf.url))?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    for (const who of [APPLICANT, GUARDIAN, OFFICE, 'stranger-openid']) {
      const denied = await cloud.call(who, 'certificates', 'download', { serial: emp.certificate.serial });
      expect(denied.ok).toBe(false);
      expect(denied.ok ? '' : denied.error.code).toMatch(/^(NOT_FOUND|NOT_REGISTERED)$/);
    }
  });

  test('settlement: not on 10-31, not on Saturday 11-01; accepted Monday 11-03 for all three', async () => {
    const payload = (onBehalfOf?: string) => ({
      year: 2025,
      ...(onBehalfOf ? { onBehalfOf } : {}),
      district: '西湖区',
      declarations: { validResidencePermit: true, fullCivilCapacity: true, hasUrbanHangzhouHukou: false },
      requestId: `settle-${onBehalfOf ?? 'self'}-2025`,
    });
    for (const t of ['2025-10-31T10:00:00', '2025-11-01T10:00:00']) {
      cloud.setNow(bj(t));
      expect(await cloud.call(APPLICANT, 'settlement', 'apply', payload())).toMatchObject({
        ok: false,
        error: { code: 'SETTLEMENT_NOT_OPEN' },
      });
    }
    cloud.setNow(bj('2025-11-03T10:00:00'));
    await cloud.ok(APPLICANT, 'settlement', 'apply', payload());
    await cloud.ok(AGENT, 'settlement', 'apply', payload(DEMO_PERSON_IDS.employee));
    await cloud.ok(GUARDIAN, 'settlement', 'apply', payload(DEMO_PERSON_IDS.elder));
    // A retried tap with the same request id changes nothing.
    expect((await cloud.ok(APPLICANT, 'settlement', 'apply', payload())).repeated).toBe(true);
    // The superseded certificate's holder may still apply only with the active one: the stored serial says which.
    const mine = await cloud.ok(APPLICANT, 'settlement', 'get', { year: 2025 });
    expect(mine.settlement.certificateSerial).toBe('JF-2025-000002');

    // The status message for the elder (no WeChat) went to the guardian who acted.
    const { reminders } = await cloud.ok(GUARDIAN, 'reminders', 'list', {});
    expect(
      reminders.some(
        (m: { fields: Record<string, string> }) => m.fields.thing1 === '积分落户申请' && m.fields.phrase2 === '已受理',
      ),
    ).toBe(true);
  });

  test('the line is set and the list published after 11-30 24:00; notices valid 60 days', async () => {
    await cloud.ok(ADMIN, 'rounds', 'setLine', { year: 2025, mode: 'threshold', threshold: 100 });
    cloud.setNow(bj('2025-11-30T23:59:59'));
    expect(await cloud.call(ADMIN, 'rounds', 'publish', { year: 2025 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    cloud.setNow(bj('2025-12-05T10:00:00'));
    const summary = await cloud.ok(ADMIN, 'rounds', 'publish', { year: 2025 });
    expect(summary).toMatchObject({ mode: 'threshold', admittedCount: 3, line: 100 });

    const mine = await cloud.ok(APPLICANT, 'settlement', 'get', { year: 2025 });
    expect(mine.result).toMatchObject({ admitted: true });
    expect(mine.notice).toMatchObject({
      title: '积分落户准入通知书',
      issuedOn: '2025-12-05',
      expiresOn: '2026-02-03',
      status: 'valid',
    });

    // The public list: the owner sees themself in clear, everyone else masked.
    const list = await cloud.ok(APPLICANT, 'rounds', 'results', { year: 2025 });
    const own = list.rows.find((r: { own: boolean }) => r.own);
    const others = list.rows.filter((r: { own: boolean }) => !r.own);
    expect(own.name).toBe('演示申请人');
    expect(others).toHaveLength(2);
    for (const o of others) {
      expect(o.name).toContain('*');
      expect(o.idNumber).toContain('*');
      expect(o.notice).toBeNull();
    }
    // The guardian sees the elder's standing (with the notice) but masked.
    const ward = await cloud.ok(GUARDIAN, 'rounds', 'myStanding', { year: 2025, onBehalfOf: DEMO_PERSON_IDS.elder });
    expect(ward.result).toMatchObject({ admitted: true, name: '演**人' });
    expect(ward.result.notice.expiresOn).toBe('2026-02-03');
  });

  test("the employee settles in time; the applicant's notice expires after 2026-02-03 24:00", async () => {
    cloud.setNow(bj('2026-01-10T10:00:00'));
    await cloud.ok(OFFICE, 'settlement', 'recordSettled', { year: 2025, personId: DEMO_PERSON_IDS.employee });

    cloud.setNow(bj('2026-01-30T09:00:00'));
    await cloud.ok(ADMIN, 'reminders', 'sweep', {});
    const { reminders } = await cloud.ok(APPLICANT, 'reminders', 'list', {});
    expect(
      reminders.some(
        (m: { template: string; fields: Record<string, string> }) =>
          m.template === 'deadline' && m.fields.date2 === '2026-02-03',
      ),
    ).toBe(true);
    // The employee already settled: no expiry reminder.
    const emp = await cloud.ok(EMPLOYEE, 'reminders', 'list', {});
    expect(emp.reminders.some((m: { template: string }) => m.template === 'deadline')).toBe(false);

    cloud.setNow(bj('2026-02-03T23:59:59'));
    expect((await cloud.ok(APPLICANT, 'settlement', 'get', { year: 2025 })).notice.status).toBe('valid');
    cloud.setNow(bj('2026-02-04T00:00:00'));
    expect((await cloud.ok(APPLICANT, 'settlement', 'get', { year: 2025 })).notice.status).toBe('expired');
    const late = await cloud.call(OFFICE, 'settlement', 'recordSettled', {
      year: 2025,
      personId: DEMO_PERSON_IDS.applicant,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'ADMISSION_NOTICE_EXPIRED' } });
    expect((await cloud.ok(EMPLOYEE, 'settlement', 'get', { year: 2025 })).notice.status).toBe('used');
  });
});
