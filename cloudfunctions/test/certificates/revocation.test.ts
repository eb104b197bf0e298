// Revocation sticks: after an administrator revokes a certificate, asking `issue` again is refused with
// CERTIFICATE_REVOKED and the reason, until an administrator lifts the revocation (only an administrator: denials
// tested) or an objection answered after the revocation changes the points. Every step through invoke, audited.
import { COLLECTIONS } from '../../src/core/collections';
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import { snapshot, type TestCloud } from '../helpers/runtime';
import { bj, scoredApplication, seededCloud } from './fixtures';

const CLERK = 'unregistered-clerk';
const WATCHED = [
  COLLECTIONS.certificates,
  COLLECTIONS.certificateHeads,
  COLLECTIONS.counters,
  COLLECTIONS.outbox,
  'audit',
];
const REASON = '居住登记材料经核查不实';

let cloud: TestCloud;
const app = { applicant: '', employee: '', guardian: '' };

async function auditOf(action: string, serial: string) {
  const all = await cloud.store.find<{ _id: string; [k: string]: any }>('audit', {}, { limit: 1000 });
  return all.filter((a) => a.action === action && a.target?.id === serial);
}

beforeAll(async () => {
  cloud = await seededCloud('2025-09-26T08:00:00');
  app.applicant = (await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17'))._id;
  app.employee = (await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17'))._id;
  app.guardian = (await scoredApplication(cloud, DEMO_PERSON_IDS.guardian, 2025, '2025-09-17'))._id;
});
afterAll(() => cloud.close());

describe('revoked, then lifted by an administrator', () => {
  let revoked: { serial: string; signature: string };

  test('2025-09-26: issued, then revoked by the admin with a reason (audited with it)', async () => {
    const { certificate } = await cloud.ok('demo-applicant', 'certificates', 'issue', {
      applicationId: app.applicant,
      residencePermitNo: '330106202300000001',
    });
    revoked = certificate;
    cloud.setNow(bj('2025-09-26T09:00:00'));
    const r = await cloud.ok('demo-admin', 'certificates', 'revoke', { serial: revoked.serial, reason: REASON });
    expect(r.certificate).toMatchObject({ status: 'revoked', state: 'revoked', revokedReason: REASON });
    expect((await auditOf('certificates.revoke', revoked.serial))[0]).toMatchObject({
      details: { status: 'revoked', reason: REASON },
    });
  });

  test('issue again is refused with CERTIFICATE_REVOKED naming the reason — for the holder, a new permit number, the window and the admin; nothing written', async () => {
    const before = await snapshot(cloud.store, WATCHED);
    const asks: Array<[string, Record<string, unknown>]> = [
      ['demo-applicant', { applicationId: app.applicant }],
      ['demo-applicant', { applicationId: app.applicant, residencePermitNo: '330106202399999999' }],
      ['demo-district-office', { applicationId: app.applicant }],
      ['demo-admin', { applicationId: app.applicant }],
    ];
    for (const [who, payload] of asks) {
      const r = await cloud.call(who, 'certificates', 'issue', payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_REVOKED' } });
      expect(r.ok ? '' : r.error.message).toContain(`撤销原因：${REASON}`);
      expect(r.ok ? '' : r.error.message).toContain('2025年9月26日');
    }
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);
    const { certificates } = await cloud.ok('demo-applicant', 'certificates', 'list', {});
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      serial: revoked.serial,
      state: 'revoked',
      notice: expect.stringContaining(REASON),
    });
  });

  test('only an admin lifts: the holder, the district office, a reviewer, an unregistered caller are refused; bad input and a non-revoked serial too', async () => {
    const before = await snapshot(cloud.store, WATCHED);
    const lift = { serial: revoked.serial, reason: '复核后材料属实，撤销有误' };
    for (const who of ['demo-applicant', 'demo-district-office', 'demo-reviewer-housing', CLERK]) {
      expect(await cloud.call(who, 'certificates', 'liftRevocation', lift)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await cloud.call(undefined, 'certificates', 'liftRevocation', lift)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await cloud.call('demo-admin', 'certificates', 'liftRevocation', { serial: revoked.serial, reason: 'x' }),
    ).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await cloud.call('demo-admin', 'certificates', 'liftRevocation', { serial: revoked.serial })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await cloud.call('demo-admin', 'certificates', 'liftRevocation', {
        serial: 'JF-2025-999999',
        reason: '复核后材料属实',
      }),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const active = await cloud.ok('demo-employee', 'certificates', 'issue', {
      applicationId: app.employee,
      residencePermitNo: '330106202300000005',
    });
    const afterIssue = await snapshot(cloud.store, WATCHED);
    expect(
      await cloud.call('demo-admin', 'certificates', 'liftRevocation', {
        serial: active.certificate.serial,
        reason: '复核后材料属实',
      }),
    ).toMatchObject({ error: { code: 'INVALID_STATE' } });
    expect(await snapshot(cloud.store, WATCHED)).toBe(afterIssue);
    expect(before).not.toBe(afterIssue);
  });

  test('the admin lifts it (audited with the reason); the revoked serial stays revoked; issue prints a new certificate', async () => {
    cloud.setNow(bj('2025-09-29T10:00:00'));
    const lifted = await cloud.ok('demo-admin', 'certificates', 'liftRevocation', {
      serial: revoked.serial,
      reason: '复核后材料属实，撤销有误',
    });
    expect(lifted.certificate).toMatchObject({
      status: 'revoked',
      revocationLiftedReason: '复核后材料属实，撤销有误',
      notice: expect.stringContaining('撤销已于2025年9月29日由管理员解除'),
    });
    expect((await auditOf('certificates.liftRevocation', revoked.serial))[0]).toMatchObject({
      actor: { openid: 'demo-admin' },
      details: { revocationLifted: true, reason: '复核后材料属实，撤销有误' },
    });
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', { serial: revoked.serial, signature: revoked.signature }),
    ).toMatchObject({ valid: false, code: 'REVOKED' });
    expect(
      await cloud.call('demo-admin', 'certificates', 'liftRevocation', { serial: revoked.serial, reason: '再次解除' }),
    ).toMatchObject({ error: { code: 'INVALID_STATE' } });

    const again = await cloud.ok('demo-applicant', 'certificates', 'issue', { applicationId: app.applicant });
    expect(again).toMatchObject({
      created: true,
      reissued: false,
      certificate: { state: 'valid', content: { total: 148, permitNo: '330106202300000001' } },
    });
    expect(again.certificate.serial).not.toBe(revoked.serial);
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', {
        serial: again.certificate.serial,
        signature: again.certificate.signature,
      }),
    ).toMatchObject({ valid: true });
    expect((await auditOf('certificates.issue', again.certificate.serial))[0]).toMatchObject({
      details: { afterRevoked: revoked.serial, revocationLifted: true },
    });
    // Once a newer certificate exists, the old revocation is no longer the application's to lift.
    const { certificates } = await cloud.ok('demo-applicant', 'certificates', 'list', {});
    expect(certificates.map((c: { serial: string; state: string }) => [c.serial, c.state])).toEqual([
      [again.certificate.serial, 'valid'],
      [revoked.serial, 'revoked'],
    ]);
  });
});

describe('revoked, then an objection answer changes the points (no lift needed); an answer that changes nothing does not', () => {
  let employeeSerial: string;
  let guardianSerial: string;

  test('2025-09-26: both revoked; both objections filed', async () => {
    cloud.setNow(bj('2025-09-26T10:00:00'));
    employeeSerial = (await cloud.ok('demo-employee', 'certificates', 'list', {})).certificates[0].serial;
    guardianSerial = (
      await cloud.ok('demo-guardian', 'certificates', 'issue', {
        applicationId: app.guardian,
        residencePermitNo: '330106202300000007',
      })
    ).certificate.serial;
    for (const serial of [employeeSerial, guardianSerial])
      await cloud.ok('demo-admin', 'certificates', 'revoke', { serial, reason: REASON });
    for (const [who, applicationId] of [
      ['demo-employee', app.employee],
      ['demo-guardian', app.guardian],
    ]) {
      await cloud.ok(who!, 'objections', 'file', {
        applicationId,
        indicators: ['rental'],
        reason: '租赁备案满5年，请重新核定',
        requestId: `revocation-objection-${who}`,
      });
    }
    expect(await cloud.call('demo-employee', 'certificates', 'issue', { applicationId: app.employee })).toMatchObject({
      error: { code: 'POINTS_NOT_FINAL' },
    });
  });

  test('2025-09-29: the district office answers — rental 4 → 5 years for the employee, unchanged for the guardian', async () => {
    cloud.setNow(bj('2025-09-29T10:00:00'));
    const { objections } = await cloud.ok('demo-district-office', 'objections', 'list', { status: 'open' });
    const of = (applicationId: string) =>
      objections.find((o: { applicationId: string }) => o.applicationId === applicationId).objectionId;
    const changed = await cloud.ok('demo-district-office', 'objections', 'answer', {
      objectionId: of(app.employee),
      reply: '经核实租赁备案满5年，予以调整',
      changes: [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
    });
    expect(changed.application.points.total).toBe(154); // 148 with rental 24 → 30 (6 a year, cap 30)
    const unchanged = await cloud.ok('demo-district-office', 'objections', 'answer', {
      objectionId: of(app.guardian),
      reply: '经核实租赁备案为4年，维持原核定',
      changes: [{ indicator: 'rental', acceptedValue: { rentalYears: 4 } }],
    });
    // The guardian (born 1980-01-10) is 45 at the 2025 cut-off: age 20 points instead of 30, so 138, as before.
    expect(unchanged.application.points.total).toBe(138);
    expect(unchanged.objection).toMatchObject({ pointsBefore: 138, pointsAfter: 138 });
  });

  test('2025-10-15 (7 working days after the answer): the employee gets a new certificate with the new points; the guardian is still refused', async () => {
    cloud.setNow(bj('2025-10-15T09:00:00'));
    const fresh = await cloud.ok('demo-employee', 'certificates', 'issue', { applicationId: app.employee });
    expect(fresh).toMatchObject({
      created: true,
      certificate: { state: 'valid', grantedOn: '2025-09-29', content: { total: 154 } },
    });
    expect((await auditOf('certificates.issue', fresh.certificate.serial))[0]).toMatchObject({
      details: { afterRevoked: employeeSerial, revocationLifted: false },
    });

    const before = await snapshot(cloud.store, WATCHED);
    const refused = await cloud.call('demo-guardian', 'certificates', 'issue', { applicationId: app.guardian });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_REVOKED', message: expect.stringContaining(REASON) },
    });
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);
  });
});
