// Test data: valid fake ID numbers, file bytes with the right (and wrong) magic bytes.
import { idCheckCharacter } from '@hz-points/shared';

/** Valid GB 11643 number in 西湖区 for a birth date and serial (obviously fake: serial 9xx). */
export function idNumberFor(birthDate: string, serial: number): string {
  const first17 = `330106${birthDate.replace(/-/g, '')}${String(900 + (serial % 100)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% test\n%%EOF\n', 'latin1');
export const b64 = (b: Buffer) => b.toString('base64');
