// A certificate's signed content for tests and the PDF bench: the fields every sample shares (round 2025, its
// cut-off and issue dates), the total as the sum of the items, as buildContent computes it.
import type { CertificateContent } from '../../src/functions/certificates/signing';

export function sampleContent(
  c: Pick<CertificateContent, 'serial' | 'name' | 'idMasked' | 'permitNo' | 'items'>,
): CertificateContent {
  return {
    v: 1,
    serial: c.serial,
    round: 2025,
    name: c.name,
    idMasked: c.idMasked,
    permitNo: c.permitNo,
    cutOffDate: '2025-10-01',
    items: c.items,
    // Rounded to the half point like the printed figures (the items are halves, so this only removes float noise).
    total: Math.round(c.items.reduce((sum, i) => sum + i.points, 0) * 2) / 2,
    issueDate: '2025-10-15',
  };
}
