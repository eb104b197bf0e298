// Over 300 lines on purpose: one A4 page drawn top to bottom in one function beside the font fallback it needs, so
// the page's coordinates are read in one place.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { beijingStartOfDay, formatChineseDate as chineseDate } from '@hz-points/shared';
import type PDFKit from 'pdfkit';
import type QRCodeModule from 'qrcode';
import type { CertificateContent } from '../functions/certificates/signing';

/**
 * The printable certificate (积分有效凭证): one A4 page, Simplified Chinese, embedded CJK font subset.
 *
 * Deterministic: the same content, signature and key id give the same bytes (pdfkit's file ID is a hash of the
 * info dictionary, whose dates we set from the issue date; the font subset tag derives from the font id; the QR PNG
 * and Ed25519 signatures are deterministic), so tests compare whole files and a re-download is identical.
 */

export interface CertificatePdfInput {
  content: CertificateContent;
  /** Ed25519 signature (base64url) over the canonical content. */
  signature: string;
  /** Which key signed (hex id), printed so a verifier picks the right public key. */
  keyId: string;
  /** Text of the QR code (see signing.ts `qrPayload`). */
  qrText: string;
  /**
   * Set when the certificate is no longer valid (superseded before its re-print): the sentence saying why. The page
   * is then stamped 已作废 with that sentence, so a printed copy can never pass for the current one.
   */
  voided?: string | null;
}

const FONT_FILE = 'NotoSansCJKsc-Regular-GB2312.otf';
/**
 * Every other Han character a name may contain (shared/src/api/name-characters.ts), from the same typeface, brotli-
 * compressed. Loaded only when a name needs it, so the usual certificate never pays for it.
 */
const NAMES_FONT_FILE = 'NotoSansCJKsc-Regular-Names.otf.br';

/**
 * Where the font is: beside the bundle in a deployed function (build/certificates/assets/fonts), or in
 * cloudfunctions/assets/fonts when running from source. HZ_CERT_FONT overrides both (tests of the build).
 */
export function certificateFontPath(): string {
  const candidates = [
    process.env.HZ_CERT_FONT,
    path.join(__dirname, 'assets', 'fonts', FONT_FILE),
    path.join(__dirname, '..', '..', 'assets', 'fonts', FONT_FILE),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`certificate font not found (looked in ${candidates.join(', ')})`);
  return found;
}

let fontBytes: Buffer | undefined;
function font(): Buffer {
  // Read once per process: a warm function instance then renders without touching the disk.
  fontBytes ??= readFileSync(certificateFontPath());
  return fontBytes;
}

/** The names font sits beside the main one (same folder in the repository and in the deployed function). */
export function namesFontPath(): string {
  return path.join(path.dirname(certificateFontPath()), NAMES_FONT_FILE);
}

/**
 * The names font as a parsed fontkit font, built once per instance: parsing its 5.8 MB anew for every document (what
 * pdfkit does with a Buffer) costs ≈ 5× the rest of the render; pdfkit also accepts a font object (anything with
 * `layout`) and subsets it per document. fontkit is resolved from pdfkit's own folder: the same parser pdfkit uses.
 */
let namesFontObject: object | undefined;
function namesFont(): object {
  if (!namesFontObject) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Buffer): object };
    namesFontObject = fontkit.create(brotliDecompressSync(readFileSync(namesFontPath())));
  }
  return namesFontObject;
}

/**
 * Which font draws a character: the main subset has GB2312 and every non-Han character we print; a unified ideograph
 * outside GB2312 is in the names font. Decided by the character (GB2312's Han rows decoded once, as make-font.sh
 * lists them), not by probing a font, so the split is the same everywhere.
 */
let gb2312Han: Set<number> | undefined;
function isUnifiedIdeograph(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x323af);
}
function inMainFont(cp: number): boolean {
  if (!isUnifiedIdeograph(cp)) return true;
  if (!gb2312Han) {
    // GB2312's Han characters are rows 0xB0-0xF7, cells 0xA1-0xFE (GB 18030 decodes them identically, one
    // character per code): decoded in one call.
    const codes: number[] = [];
    for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) codes.push(hi, lo);
    gb2312Han = new Set();
    for (const ch of new TextDecoder('gb18030').decode(Uint8Array.from(codes))) {
      const cp = ch.codePointAt(0)!;
      if (isUnifiedIdeograph(cp)) gb2312Han.add(cp);
    }
  }
  return gb2312Han.has(cp);
}

/** Splits text into runs drawn with the main font ('cjk') or the names font ('names'), by code point. */
function fontRuns(text: string): Array<{ font: 'cjk' | 'names'; text: string }> {
  const runs: Array<{ font: 'cjk' | 'names'; text: string }> = [];
  for (const ch of text) {
    const f = inMainFont(ch.codePointAt(0)!) ? 'cjk' : 'names';
    const last = runs[runs.length - 1];
    if (last && last.font === f) last.text += ch;
    else runs.push({ font: f, text: ch });
  }
  return runs;
}

/** Points as printed: at most two decimals (0.5 per month of insurance), no trailing zeros. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0+$/, '');
}

/**
 * pdfkit and qrcode are loaded on first use: every deployed function bundles the same core (one registry), but only
 * `certificates` installs them, so a top-level require would break the others at cold start.
 */
let libs: { PDFDocument: typeof PDFKit; QRCode: typeof QRCodeModule } | undefined;
function load() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  libs ??= { PDFDocument: require('pdfkit') as typeof PDFKit, QRCode: require('qrcode') as typeof QRCodeModule };
  return libs;
}

/**
 * A certificate that is no longer valid: a red band above the title with the reason, and 已作废 across the page, so
 * neither the screen nor a printed copy can be taken for the current certificate.
 */
function stampVoid(doc: PDFKit.PDFDocument, notice: string, left: number, width: number): void {
  const red = '#c00000';
  doc.save();
  doc.rect(left, 20, width, 38).fillColor(red).fill();
  doc
    .fontSize(9.5)
    .fillColor('#ffffff')
    .text(`【已作废】${notice}`, left + 8, 25, { width: width - 16, lineGap: 1, height: 30 });
  doc.restore();

  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-30, { origin: [cx, cy] });
  doc
    .fillColor(red)
    .fillOpacity(0.28)
    .fontSize(120)
    .text('已作废', cx - 190, cy - 90, { width: 380, align: 'center', lineBreak: false });
  doc.fontSize(28).text('已被新凭证取代', cx - 190, cy + 55, { width: 380, align: 'center', lineBreak: false });
  doc.restore();
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const { content, signature, keyId, qrText } = input;
  const { PDFDocument, QRCode } = load();
  const qrPng = await QRCode.toBuffer(qrText, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  // Beijing midnight of the issue date is the PDF's creation date, so the file is reproducible.
  const created = beijingStartOfDay(content.issueDate);

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    compress: true,
    info: {
      Title: `杭州市居住证积分有效凭证 ${content.serial}`,
      Author: '杭州市居住证积分管理',
      Subject: '积分有效凭证',
      Producer: 'hz-points',
      Creator: 'hz-points',
      CreationDate: created,
      ModDate: created,
    },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', font());
  // The names font only when some value needs it (a rare character in the name): the usual certificate skips it.
  const values = [content.name, content.idMasked, content.permitNo];
  if (values.some((v) => fontRuns(v).some((r) => r.font === 'names')))
    doc.registerFont('names', namesFont() as unknown as Buffer);
  doc.font('cjk');

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const ink = '#111111';
  const muted = '#555555';

  // Title block.
  doc.fillColor(ink).fontSize(24).text('杭州市居住证积分有效凭证', left, 64, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(11).fillColor(muted).text(`凭证编号：${content.serial}`, { width, align: 'center' });
  doc
    .moveTo(left, 130)
    .lineTo(left + width, 130)
    .lineWidth(1.2)
    .strokeColor(ink)
    .stroke();

  // Identity.
  const labelW = 110;
  let y = 148;
  const field = (label: string, value: string) => {
    doc.fontSize(12).fillColor(muted).text(label, left, y, { width: labelW });
    // One line, run by run: characters outside GB2312 come from the names font (same typeface and metrics).
    let x = left + labelW;
    doc.fillColor(ink);
    for (const run of fontRuns(value)) {
      doc.font(run.font).text(run.text, x, y, { lineBreak: false });
      x += doc.widthOfString(run.text);
    }
    doc.font('cjk');
    y += 24;
  };
  field('姓名', content.name);
  field('公民身份号码', content.idMasked);
  field('居住证号码', content.permitNo);
  field('积分年度', `${content.round}年度`);
  field('指标截止日期', chineseDate(content.cutOffDate));

  // Indicator table.
  y += 10;
  const pointsW = 90;
  // One page whatever the number of indicators (up to every indicator of the table): rows shrink to fit 260 pt.
  const rowH = Math.max(12, Math.min(22, 260 / Math.max(1, content.items.length)));
  const itemFont = rowH >= 18 ? 11 : 8.5;
  const rowPad = (rowH - itemFont * 1.2) / 2;
  doc.rect(left, y, width, 22).fillColor('#eeeeee').fill();
  doc.fillColor(ink).fontSize(12);
  doc.text('积分指标', left + 10, y + 5, { width: width - pointsW - 20 });
  doc.text('分值', left + width - pointsW, y + 5, { width: pointsW - 10, align: 'right' });
  y += 22;
  for (const item of content.items) {
    doc
      .fontSize(itemFont)
      .fillColor(ink)
      .text(item.name, left + 10, y + rowPad, { width: width - pointsW - 20, lineBreak: false, ellipsis: true });
    doc.text(formatPoints(item.points), left + width - pointsW, y + rowPad, {
      width: pointsW - 10,
      align: 'right',
      lineBreak: false,
    });
    y += rowH;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor('#bbbbbb')
      .stroke();
  }
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1)
    .strokeColor(ink)
    .stroke();
  doc
    .fontSize(13)
    .fillColor(ink)
    .text('积分合计', left + 10, y + 6, { width: width - pointsW - 20 });
  doc.text(formatPoints(content.total), left + width - pointsW, y + 6, { width: pointsW - 10, align: 'right' });
  y += 22 + 16;

  // Issue date and the QR code, side by side.
  const qrSize = 110;
  const qrX = left + width - qrSize;
  const blockY = Math.max(y, 500);
  doc
    .fontSize(12)
    .fillColor(ink)
    .text(`出具日期：${chineseDate(content.issueDate)}`, left, blockY, { width: width - qrSize - 20 });
  doc
    .fontSize(10)
    .fillColor(muted)
    .text(
      '本凭证用于杭州市积分落户申请等积分应用事项，以出具时已核定的积分为准。请使用“新杭州人家园”微信小程序的“凭证核验”扫描右侧二维码核验真伪。',
      left,
      blockY + 26,
      { width: width - qrSize - 24, lineGap: 4 },
    );
  doc.image(qrPng, qrX, blockY, { width: qrSize, height: qrSize });
  doc
    .fontSize(9)
    .fillColor(muted)
    .text('扫码核验', qrX, blockY + qrSize + 2, { width: qrSize, align: 'center' });

  // Signature: printed in full so the paper copy alone can be checked offline against the public key.
  const sigY = Math.max(doc.y, blockY + qrSize + 24) + 12;
  doc
    .moveTo(left, sigY)
    .lineTo(left + width, sigY)
    .lineWidth(0.4)
    .strokeColor('#bbbbbb')
    .stroke();
  doc
    .fontSize(9)
    .fillColor(muted)
    .text(`电子签名（Ed25519，密钥标识 ${keyId}）：`, left, sigY + 8, { width });
  doc
    .font('Courier')
    .fontSize(8)
    .fillColor(ink)
    .text(signature, left, sigY + 24, { width, characterSpacing: 0.2 });
  doc.font('cjk');

  if (input.voided) stampVoid(doc, input.voided, left, width);

  doc.end();
  return done;
}
