// Between an objection answer and the re-print, the old certificate is superseded: downloading it says so in the
// answer (state, notice, file name) and on the PDF (已作废 band and stamp); the list and verify agree. After the
// re-print, the old serial answers CERTIFICATE_SUPERSEDED naming the new one, and the new one downloads as current.
import { DEMO_PERSON_IDS } from '../../src/demo/seed';
import type { TestCloud } from '../helpers/runtime';
import { bj, pdfBehind, scoredApplication, seededCloud } from './fixtures';
import { pageText } from './pdf-inspect';

let cloud: TestCloud;
let appId: string;
let old: { serial: string; signature: string };

const download = (who: string, serial: string) => cloud.call(who, 'certificates', 'download', { serial });
const pdfOf = (r: { url: string }) => pdfBehind(cloud, r);

beforeAll(async () => {
  cloud = await seededCloud('2025-09-26T08:00:00');
  appId = (await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17'))._id;
  old = (
    await cloud.ok('demo-applicant', 'certificates', 'issue', {
      applicationId: appId,
      residencePermitNo: '330106202300000001',
    })
  ).certificate;
});
afterAll(() => cloud.close());

test('a current certificate downloads as current, without any void marking', async () => {
  const r = await cloud.ok('demo-applicant', 'certificates', 'download', { serial: old.serial });
  expect(r).toMatchObject({ state: 'valid', current: true, notice: null, fileName: `积分有效凭证-${old.serial}.pdf` });
  expect(pageText(await pdfOf(r))).not.toContain('已作废');
});

test('after the objection answer, before the re-print: the download is stamped 已作废 and says why', async () => {
  cloud.setNow(bj('2025-09-26T10:00:00'));
  const { objection } = await cloud.ok('demo-applicant', 'objections', 'file', {
    applicationId: appId,
    indicators: ['rental'],
    reason: '租赁备案满5年，请重新核定',
    requestId: 'superseded-objection-1',
  });
  cloud.setNow(bj('2025-09-29T10:00:00'));
  await cloud.ok('demo-district-office', 'objections', 'answer', {
    objectionId: objection.objectionId,
    reply: '经核实租赁备案满5年，予以调整',
    changes: [{ indicator: 'rental', acceptedValue: { rentalYears: 5 } }],
  });

  const notice = `该积分有效凭证（${old.serial}）已作废：积分已于2025年9月29日经异议答复重新核定，本凭证所载积分已被取代，请重新打印最新的积分有效凭证`;
  for (const who of ['demo-applicant', 'demo-admin']) {
    const r = await download(who, old.serial);
    expect(r).toMatchObject({
      ok: true,
      data: { state: 'superseded', current: false, notice, fileName: `积分有效凭证-${old.serial}-已作废.pdf` },
    });
    const text = pageText(await pdfOf((r as { data: { url: string } }).data));
    expect(text).toContain(`【已作废】${notice}`);
    expect(text).toContain('已作废已被新凭证取代');
    // Stored apart from the unmarked copy (cached by the first download): the void stamp is never served from it.
    expect((r as { data: { url: string } }).data.url).toMatch(
      new RegExp(`/certificates/${appId}/${old.serial}-superseded-[0-9a-f]{32}\\.pdf\\?`),
    );
  }
  const { certificates } = await cloud.ok('demo-applicant', 'certificates', 'list', {});
  expect(certificates[0]).toMatchObject({ serial: old.serial, status: 'active', state: 'superseded', notice });
  expect(
    await cloud.ok('clerk', 'certificates', 'verify', { serial: old.serial, signature: old.signature }),
  ).toMatchObject({ valid: false, code: 'SUPERSEDED' });
  // Not printable again yet (7 working days after the 09-29 answer, across National Day).
  expect(await cloud.call('demo-applicant', 'certificates', 'issue', { applicationId: appId })).toMatchObject({
    error: { code: 'CERTIFICATE_NOT_YET_AVAILABLE' },
  });
});

test('after the re-print: the old serial answers CERTIFICATE_SUPERSEDED naming the new one; the new one is current', async () => {
  cloud.setNow(bj('2025-10-15T09:00:00'));
  const fresh = (await cloud.ok('demo-applicant', 'certificates', 'issue', { applicationId: appId })).certificate;
  expect(fresh.content.total).toBe(154);
  const r = await download('demo-applicant', old.serial);
  expect(r).toMatchObject({
    ok: false,
    error: { code: 'CERTIFICATE_SUPERSEDED', message: expect.stringContaining(fresh.serial) },
  });
  const current = await cloud.ok('demo-applicant', 'certificates', 'download', { serial: fresh.serial });
  expect(current).toMatchObject({ state: 'valid', current: true, notice: null });
  expect(pageText(await pdfOf(current))).not.toContain('已作废');
  const { certificates } = await cloud.ok('demo-applicant', 'certificates', 'list', {});
  expect(certificates.map((c: { serial: string; state: string }) => [c.serial, c.state])).toEqual([
    [fresh.serial, 'valid'],
    [old.serial, 'superseded'],
  ]);
});
