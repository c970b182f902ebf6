/** Random session ids, CSRF tokens and API tokens; only their SHA-256 is stored, so a leaked database logs no one in. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens carry a recognisable prefix so secret scanners and people can tell them apart from passwords. */
export const API_TOKEN_PREFIX = 'sitrep_';
