// A person whose name has 堃 (GBK), 䶮 (Extension A) and 𠇔 (Extension B, a surrogate pair) registers, sees the
// name as registered, and gets a certificate whose PDF draws each character with a real glyph.
import type { TestCloud } from '../helpers/runtime';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { idNumberFor } from '../helpers/fixtures';
import { pdfBehind, scoredApplication, seededCloud } from './fixtures';
import { drawnGlyphs, pageText } from './pdf-inspect';

const NAME = '王堃䶮𠇔';
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await seededCloud('2025-09-26T08:00:00');
});
afterAll(() => cloud.close());

test('registers, displays and prints', async () => {
  const { person } = await cloud.ok('rare-name-openid', 'accounts', 'register', {
    name: NAME,
    idNumber: idNumberFor('1990-04-02', 41),
    phone: '13900000041',
    privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
  });
  expect(person.name).toBe(NAME);
  expect((await cloud.ok('rare-name-openid', 'accounts', 'me', {})).person.name).toBe(NAME);

  const app = await scoredApplication(cloud, person.personId, 2025, '2025-09-17');
  const { certificate } = await cloud.ok('rare-name-openid', 'certificates', 'issue', {
    applicationId: app._id,
    residencePermitNo: '330106202300000041',
  });
  expect(certificate.content.name).toBe(NAME);
  // Masked for a verifier by character, not by UTF-16 unit: 王**𠇔.
  expect((await cloud.ok('clerk', 'certificates', 'verify', { payload: certificate.qrPayload })).certificate.name).toBe(
    '王**𠇔',
  );

  const pdf = await pdfBehind(
    cloud,
    await cloud.ok('rare-name-openid', 'certificates', 'download', { serial: certificate.serial }),
  );
  expect(pageText(pdf)).toContain(`姓名${NAME}`);
  for (const ch of ['堃', '䶮', '𠇔']) expect(drawnGlyphs(pdf).find((g) => g.text === ch)?.cid).toBeGreaterThan(0);
});
