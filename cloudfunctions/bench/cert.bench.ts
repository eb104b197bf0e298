// Certificate PDF: time to render one (first, median, p95) and its size; signing and verifying. Goal ≤ 150 ms, ≤ 150 KB.
// Run: npx tsx cloudfunctions/bench/cert.bench.ts
import { performance } from 'node:perf_hooks';
import { renderCertificatePdf } from '../src/pdf/certificate';
import {
  certificateKeys,
  qrPayload,
  signCertificate,
  verifyCertificateSignature,
} from '../src/functions/certificates/signing';
import { sampleContent } from '../test/certificates/content';

const content = sampleContent({
  serial: 'JF-2025-012345',
  name: '欧阳晓明',
  idMasked: '330106********123X',
  permitNo: '330106202300012345',
  items: [
    { code: 'age', name: '年龄', points: 30 },
    { code: 'education', name: '文化程度', points: 50 },
    { code: 'socialInsurance', name: '社会保险', points: 60 },
    { code: 'residenceRegistration', name: '居住登记/居住证', points: 40 },
    { code: 'ownHome', name: '自购产权住房', points: 80 },
    { code: 'incomeTax', name: '个人所得税', points: 12 },
    { code: 'volunteering', name: '志愿服务', points: 6 },
    { code: 'bloodDonation', name: '无偿献血', points: 2.5 },
    { code: 'dishonesty', name: '失信记录', points: -40 },
  ],
});

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const keys = certificateKeys('bench-secret-of-enough-length');
  const signature = signCertificate(content, keys);
  const input = { content, signature, keyId: keys.keyId, qrText: qrPayload(content.serial, signature) };

  let t = performance.now();
  const first = await renderCertificatePdf(input);
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    await renderCertificatePdf(input);
    times.push(performance.now() - t);
  }
  const n = 2000;
  t = performance.now();
  for (let i = 0; i < n; i++) signCertificate({ ...content, serial: `JF-2025-${String(i).padStart(6, '0')}` }, keys);
  const signUs = ((performance.now() - t) / n) * 1000;
  t = performance.now();
  for (let i = 0; i < n; i++) verifyCertificateSignature(content, signature, keys.publicKey);
  const verifyUs = ((performance.now() - t) / n) * 1000;

  console.log(`cert_pdf_first_render: ${firstMs.toFixed(1)} ms (includes loading pdfkit, qrcode and the font)`);
  console.log(`cert_pdf_render_median: ${pct(times, 50).toFixed(1)} ms (goal ≤ 150)`);
  console.log(`cert_pdf_render_p95: ${pct(times, 95).toFixed(1)} ms`);
  console.log(`cert_pdf_size: ${(first.length / 1024).toFixed(1)} KB (goal ≤ 150)`);
  console.log(`cert_sign: ${signUs.toFixed(0)} µs`);
  console.log(`cert_verify: ${verifyUs.toFixed(0)} µs`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
