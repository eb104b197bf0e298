// Run by deploy-build.test.ts in a child process (tsx): loads a BUILT function bundle, and drives it through the
// bundle's own makeMain with a local SQLite runtime and a stand-in `cloud` whose only job is to name the caller.
// Printing one JSON line keeps the parent test free of wx-server-sdk (outside WeChat it reaches for the network).
import path from 'node:path';
import { COLLECTIONS } from '../../../src/core/collections';
import { DEMO_PERSON_IDS } from '../../../src/demo/seed';
import { pdfBehind, scoredApplication, seededCloud } from '../fixtures';
import { PRIVACY_POLICY_VERSION } from '@hz-points/shared';
import { idNumberFor } from '../../helpers/fixtures';
import { drawnGlyphs } from '../pdf-inspect';

async function main() {
  const [buildDir] = process.argv.slice(2);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a built CommonJS bundle, named at run time
  const bundle = require(path.join(buildDir!, 'certificates', 'index.js')) as {
    main: unknown;
    makeMain: (
      name: string,
      cloud: unknown,
      deps: { createRuntime: () => unknown },
    ) => (event: unknown, ctx: unknown) => Promise<any>;
  };
  const cloud = await seededCloud('2025-09-17T09:00:00');
  try {
    await scoredApplication(cloud, DEMO_PERSON_IDS.applicant, 2025, '2025-09-17');
    cloud.setNow(new Date('2025-10-09T02:00:00Z').toISOString());
    let openid = 'demo-applicant';
    const fakeCloud = { getWXContext: () => ({ OPENID: openid }) };
    const main = bundle.makeMain('certificates', fakeCloud, { createRuntime: () => cloud.runtime });
    const issued = await main(
      {
        action: 'issue',
        applicationId: `app-2025-${DEMO_PERSON_IDS.applicant}`,
        residencePermitNo: '330106202300000001',
      },
      {},
    );
    const pdf = await main({ action: 'download', serial: issued.data.certificate.serial }, {});
    openid = 'clerk';
    const verified = await main({ action: 'verify', payload: issued.data.certificate.qrPayload }, {});
    // The bundle's registry holds only certificates: asking it for another function fails cleanly.
    const other = await bundle.makeMain('accounts', fakeCloud, { createRuntime: () => cloud.runtime })(
      { action: 'me' },
      {},
    );
    // zod's Chinese messages survive the bundle's trimmed locale set.
    const invalid = await main({ action: 'issue', applicationId: 42 }, {});
    const count = await cloud.store.count(COLLECTIONS.persons, {});
    const bytes = await pdfBehind(cloud, pdf.data);
    // A name outside GB2312 (堃 GBK, 䶮 Extension A, 𠇔 Extension B): the bundle finds the names font beside it.
    const { person } = await cloud.ok('rare-name-openid', 'accounts', 'register', {
      name: '王堃䶮𠇔',
      idNumber: idNumberFor('1990-04-02', 41),
      phone: '13900000041',
      privacyConsent: { policyVersion: PRIVACY_POLICY_VERSION, agreed: true },
    });
    await scoredApplication(cloud, person.personId, 2025, '2025-09-17');
    openid = 'rare-name-openid';
    const rare = await main(
      { action: 'issue', applicationId: `app-2025-${person.personId}`, residencePermitNo: '330106202300000041' },
      {},
    );
    const rarePdf = await main({ action: 'download', serial: rare.data.certificate.serial }, {});
    const rareGlyphs = drawnGlyphs(await pdfBehind(cloud, rarePdf.data)).filter((g) =>
      ['堃', '䶮', '𠇔'].includes(g.text),
    );
    console.log(
      JSON.stringify({
        mainType: typeof bundle.main,
        issued: issued.ok,
        pdfHeader: bytes.subarray(0, 5).toString('latin1'),
        pdfHasFont: /NotoSansCJKsc-Regular/.test(bytes.toString('latin1')),
        verify: verified.data.code,
        otherAction: other.ok ? 'ok' : other.error.code,
        persons: count,
        rareNamePrinted: rareGlyphs.length === 3 && rareGlyphs.every((g) => g.cid > 0),
        validation: invalid.ok ? null : `${invalid.error.code} ${invalid.error.message}`,
      }),
    );
  } finally {
    await cloud.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
