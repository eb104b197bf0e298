import { createHash, randomBytes } from 'crypto';

/** 128 random bits as hex: unguessable ids and file names. */
export function randomId(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('hex')}`;
}

/** A stable, non-reversible key for a secret-ish value (an ID number, an openid + request id) used as a doc id. */
export function hashKey(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
}
