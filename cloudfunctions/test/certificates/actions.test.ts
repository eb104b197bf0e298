// The certificates function through invoke: issue timing, the public verify answers (each tampering has its own
// code), revoke, access to the PDF, and "nothing changed" on every refusal.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../src/core/collections';
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import { publicKeyFromB64, verifyCertificateSignature } from '../../src/functions/certificates/signing';
import type { CertificateDoc } from '../../src/functions/certificates/model';
import { snapshot, type TestCloud } from '../helpers/runtime';
import { bj, pdfBehind, scoredApplication, seededCloud } from './fixtures';
import { downloadLink } from '../helpers/download';

const CLERK = 'unregistered-clerk';
let cloud: TestCloud;
let serial: string;
let signature: string;
let appId: string;

const WATCHED = [
  COLLECTIONS.certificates,
  COLLECTIONS.certificateHeads,
  COLLECTIONS.counters,
  COLLECTIONS.outbox,
  'audit',
];

beforeAll(async () => {
  cloud = await seededCloud('2025-09-17T09:00:00');
  appId = (await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17'))._id;
});
afterAll(() => cloud.close());

describe('issue', () => {
  test('before certificateDate(granted): CERTIFICATE_NOT_YET_AVAILABLE, naming the day, nothing written', async () => {
    cloud.setNow(bj('2025-09-25T23:59:59'));
    const before = await snapshot(cloud.store, WATCHED);
    const r = await cloud.call('demo-applicant', 'certificates', 'issue', { applicationId: appId });
    expect(r).toEqual({
      ok: false,
      error: { code: 'CERTIFICATE_NOT_YET_AVAILABLE', message: expect.stringContaining('2025-09-26') },
    });
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);
  });

  test('strangers, reviewers and unknown applications get NOT_FOUND; unregistered callers NOT_REGISTERED', async () => {
    cloud.setNow(bj('2025-09-26T08:00:00'));
    expect(await cloud.call('demo-employee', 'certificates', 'issue', { applicationId: appId })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await cloud.call('demo-reviewer-hrss', 'certificates', 'issue', { applicationId: appId })).toMatchObject({
      error: { code: 'NOT_REGISTERED' },
    });
    expect(
      await cloud.call('demo-applicant', 'certificates', 'issue', { applicationId: 'app-2025-nobody' }),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await cloud.call(undefined, 'certificates', 'issue', { applicationId: appId })).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('the first issue needs the residence-permit number', async () => {
    const before = await snapshot(cloud.store, WATCHED);
    const r = await cloud.call('demo-applicant', 'certificates', 'issue', { applicationId: appId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('居住证号码') },
    });
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);
  });

  test('from 09-26 (7 working days after 09-17) the owner gets a signed certificate', async () => {
    const { certificate } = await cloud.ok('demo-applicant', 'certificates', 'issue', {
      applicationId: appId,
      residencePermitNo: '330106202300000001',
    });
    serial = certificate.serial;
    signature = certificate.signature;
    expect(certificate.content).toMatchObject({
      serial,
      round: 2025,
      total: 148,
      cutOffDate: '2025-10-01',
      issueDate: '2025-09-26',
    });
    expect(certificate.content.items.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['age', 'education', 'socialInsurance', 'residenceRegistration', 'rental']),
    );
    // Offline: the public key from the public action verifies what the certificate states.
    const pk = await cloud.ok(CLERK, 'certificates', 'publicKey', {});
    expect(verifyCertificateSignature(certificate.content, signature, publicKeyFromB64(pk.publicKey))).toBe(true);
  });
});

describe('verify (public)', () => {
  test('the genuine certificate is valid and shown masked', async () => {
    const r = await cloud.ok(CLERK, 'certificates', 'verify', { serial, signature });
    expect(r).toMatchObject({ valid: true, code: 'VALID', certificate: { serial, total: 148, name: '演***人' } });
    expect(r.certificate.idMasked).toMatch(/\*{6,}/);
    expect(r.certificate.permitNo).toBe('3301************01');
  });

  test('a changed byte of the signature: SIGNATURE_INVALID', async () => {
    const raw = Buffer.from(signature, 'base64url');
    raw[10] = raw[10]! ^ 0x80;
    const r = await cloud.ok(CLERK, 'certificates', 'verify', { serial, signature: raw.toString('base64url') });
    expect(r).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
  });

  test('a changed serial: SERIAL_MISMATCH when it is another certificate, SERIAL_UNKNOWN when none', async () => {
    // A second certificate (the employee's), so the changed serial exists.
    await scoredApplication(cloud, DEMO_PERSON_IDS.employee, 2025, '2025-09-17');
    const other = await cloud.ok('demo-employee', 'certificates', 'issue', {
      applicationId: 'app-2025-p-demo-employee',
      residencePermitNo: 'ZJ33010620230005',
    });
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', { serial: other.certificate.serial, signature }),
    ).toMatchObject({ code: 'SERIAL_MISMATCH' });
    expect(await cloud.ok(CLERK, 'certificates', 'verify', { serial: 'JF-2025-999999', signature })).toMatchObject({
      code: 'SERIAL_MISMATCH',
    });
    const fresh = Buffer.alloc(64, 7).toString('base64url');
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', { serial: 'JF-2025-999999', signature: fresh }),
    ).toMatchObject({ code: 'SERIAL_UNKNOWN' });
    expect(await cloud.ok(CLERK, 'certificates', 'verify', { payload: 'not a certificate' })).toMatchObject({
      code: 'MALFORMED',
    });
  });

  test('a record changed in the database no longer verifies: SIGNATURE_INVALID', async () => {
    const doc = (await cloud.store.get<CertificateDoc>(COLLECTIONS.certificates, serial))!;
    await cloud.store.set(COLLECTIONS.certificates, { ...doc, content: { ...doc.content, total: 248 } });
    expect(await cloud.ok(CLERK, 'certificates', 'verify', { serial, signature })).toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    await cloud.store.set(COLLECTIONS.certificates, doc);
    expect(await cloud.ok(CLERK, 'certificates', 'verify', { serial, signature })).toMatchObject({ code: 'VALID' });
  });

  test('a superseded certificate: SUPERSEDED (after the points change and it is re-issued)', async () => {
    const app = (await cloud.store.get<{ _id: string; [k: string]: any }>('applications', 'app-2025-p-demo-employee'))!;
    const before = await cloud.ok('demo-employee', 'certificates', 'list', {});
    const oldSerial = before.certificates[0].serial;
    // The points change the only way they can after the result: an objection (filed on the window's last day,
    // 2025-09-26), answered by the district office (rental 4 → 5 years).
    cloud.setNow(bj('2025-09-26T10:00:00'));
    const { objection } = await cloud.ok('demo-employee', 'objections', 'file', {
      applicationId: app._id,
      indicators: ['rental'],
      reason: '租赁备案满5年，请重新核定',
      requestId: 'cert-actions-objection-1',
    });
    cloud.setNow(bj('2025-09-26T15:00:00'));
    await cloud.ok('demo-district-office', 'objections', 'answer', {
      objectionId: objection.objectionId,
      reply: '经核实租赁备案满5年，予以调整',
      changes: [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
    });
    // Before anyone re-prints, the old paper already no longer states the granted points.
    const stale = (await cloud.store.get<CertificateDoc>(COLLECTIONS.certificates, oldSerial))!;
    expect(stale.status).toBe('active');
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', { serial: oldSerial, signature: stale.signature }),
    ).toMatchObject({ code: 'SUPERSEDED' });
    // The re-grant of 09-26 allows a new certificate 7 working days later (across National Day).
    cloud.setNow(bj('2025-10-15T09:00:00'));
    const re = await cloud.ok('demo-employee', 'certificates', 'issue', { applicationId: app._id });
    expect(re.reissued).toBe(true);
    const old = (await cloud.store.get<CertificateDoc>(COLLECTIONS.certificates, oldSerial))!;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: re.certificate.serial });
    expect(
      await cloud.ok(CLERK, 'certificates', 'verify', { serial: oldSerial, signature: old.signature }),
    ).toMatchObject({ code: 'SUPERSEDED' });
    expect(await cloud.call('demo-employee', 'certificates', 'download', { serial: oldSerial })).toMatchObject({
      error: { code: 'CERTIFICATE_SUPERSEDED' },
    });
  });
});

/** The file-store path a local download link names (`/api/files/download/<path>?expires=…&sig=…`). */
const storedPathOf = (url: string) =>
  decodeURIComponent(new URL(url, 'http://local').pathname.replace('/api/files/download/', ''));
const storedPath = async (who: string) =>
  storedPathOf((await cloud.ok(who, 'certificates', 'download', { serial })).url);

describe('download and revoke', () => {
  test('the PDF goes to the owner and the admin, not to others', async () => {
    const mine = await cloud.ok('demo-applicant', 'certificates', 'download', { serial });
    expect(mine.contentType).toBe('application/pdf');
    const admin = await cloud.ok('demo-admin', 'certificates', 'download', { serial });
    const minePdf = await pdfBehind(cloud, mine);
    expect(minePdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfBehind(cloud, admin)).equals(minePdf)).toBe(true); // deterministic rendering
    expect(await cloud.call('demo-agent', 'certificates', 'download', { serial })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await cloud.call('demo-district-office', 'certificates', 'download', { serial })).toMatchObject({
      error: { code: 'NOT_REGISTERED' },
    });
  });

  test('the answer is a short-lived link (10 minutes), not the PDF; stored once under the serial, then reused', async () => {
    const path = await storedPath('demo-applicant');
    // Stored by the earlier downloads. Every store writes a new file and renames it into place, so an unchanged inode
    // means this download neither rendered nor wrote it again.
    const stored = statSync(join(cloud.dir, 'files', path)).ino;
    const before = await snapshot(cloud.store, WATCHED);
    const r = await cloud.ok('demo-applicant', 'certificates', 'download', { serial });
    expect(r).not.toHaveProperty('contentBase64');
    expect(r).toMatchObject({
      serial,
      state: 'valid',
      current: true,
      notice: null,
      fileName: `积分有效凭证-${serial}.pdf`,
      contentType: 'application/pdf',
      expiresAt: new Date(cloud.runtime.now().getTime() + 10 * 60_000).toISOString(),
    });
    expect(storedPathOf(r.url)).toBe(path);
    const pdf = await pdfBehind(cloud, r);
    expect(r.size).toBe(pdf.length);
    expect(statSync(join(cloud.dir, 'files', path)).ino).toBe(stored);
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);
    // The link closes when it expires.
    const later = new Date(Date.parse(r.expiresAt));
    expect(await downloadLink({ ...cloud.runtime, now: () => later }, r.url)).toBeNull();
  });

  test('a stored PDF that went missing is rendered again, to the same bytes', async () => {
    const answer = await cloud.ok('demo-applicant', 'certificates', 'download', { serial });
    const first = await pdfBehind(cloud, answer);
    const path = storedPathOf(answer.url);
    expect(await cloud.runtime.files.stat(path)).toEqual({ contentType: 'application/pdf', size: first.length });
    // Storage lost the file (a lifecycle rule, a cleanup): the next download stores it again.
    for (const f of [path, `${path}.meta.json`]) rmSync(join(cloud.dir, 'files', f));
    expect(await cloud.runtime.files.stat(path)).toBeNull();
    const again = await pdfBehind(cloud, await cloud.ok('demo-admin', 'certificates', 'download', { serial }));
    expect(again.equals(first)).toBe(true);
    expect(await cloud.runtime.files.stat(path)).toEqual({ contentType: 'application/pdf', size: first.length });
  });

  test('the stored path is under the application and serial, with a 128-bit tag no client can guess', async () => {
    const path = await storedPath('demo-admin');
    expect(path).toMatch(new RegExp(`^certificates/${appId}/${serial}-[0-9a-f]{32}\\.pdf$`));
    // The same file for every caller allowed to download it.
    expect(await storedPath('demo-applicant')).toBe(path);
  });

  test('only an admin revokes; then verify says REVOKED and download CERTIFICATE_REVOKED', async () => {
    const before = await snapshot(cloud.store, WATCHED);
    expect(await cloud.call('demo-applicant', 'certificates', 'revoke', { serial, reason: '自行撤销' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await cloud.call('demo-admin', 'certificates', 'revoke', { serial, reason: 'x' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await snapshot(cloud.store, WATCHED)).toBe(before);

    await cloud.ok('demo-admin', 'certificates', 'revoke', { serial, reason: '材料经核查不实' });
    expect(await cloud.ok(CLERK, 'certificates', 'verify', { serial, signature })).toMatchObject({
      valid: false,
      code: 'REVOKED',
    });
    expect(await cloud.call('demo-applicant', 'certificates', 'download', { serial })).toMatchObject({
      error: { code: 'CERTIFICATE_REVOKED' },
    });
    expect(await cloud.call('demo-admin', 'certificates', 'revoke', { serial, reason: '再次撤销' })).toMatchObject({
      error: { code: 'INVALID_STATE' },
    });
    const audit = await cloud.store.find<{ _id: string; [k: string]: any }>('audit', {}, { limit: 1000 });
    expect(audit.some((a) => a.action === 'certificates.revoke' && a.target?.id === serial)).toBe(true);
  });
});
