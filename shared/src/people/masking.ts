// Masking ID and phone numbers for display: everyone but the owner sees them masked. Kept apart from the ID-number
// schemas (zod) so that a screen that only shows a masked number does not load the schema library.

/**
 * Masking keeps the first 3 and last 4 characters (330***********123X): enough for the owner to recognise the
 * number, while the county code and the birth date stay hidden. Our choice (data minimisation); government sites
 * vary between 3+4, 6+4 and 1+1. Input of any length is masked; nothing shorter than 8 characters is shown.
 */
export const ID_MASK = { keepStart: 3, keepEnd: 4 } as const;

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

export function maskIdNumber(id: string): string {
  return maskMiddle(
    String(id ?? '')
      .trim()
      .toUpperCase(),
    ID_MASK.keepStart,
    ID_MASK.keepEnd,
  );
}

/** 138****5678: first 3 and last 4 digits, the form operators and government sites use. */
export function maskPhone(phone: string): string {
  return maskMiddle(String(phone ?? '').trim(), 3, 4);
}

/** A name as anyone but its owner sees it (a certificate checked by a third party, a settlement list): 张*明, 张*, 欧**锋. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A document number (居住证号码) for anyone but its owner: the first 4 and last 2 characters kept. */
export function maskDocumentNumber(value: string): string {
  return maskMiddle(value, 4, 2);
}
