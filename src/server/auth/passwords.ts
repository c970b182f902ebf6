/**
 * Password hashing with scrypt (node:crypto). Stored as `scrypt$N$r$p$salt$hash` (base64url), so the cost can be
 * raised later without breaking old hashes. N=2^15, r=8, p=3 is one of OWASP's equivalent minimum settings for
 * scrypt (Password Storage Cheat Sheet: 2^17/8/1 … 2^15/8/3): 32 MiB per hash and about 0.15 s on one idle core,
 * cheap for a login and expensive for anyone guessing offline.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 3;
const KEY_LENGTH = 32;
// scrypt needs 128·N·r bytes; leave headroom over the 32 MiB default limit.
const MAX_MEM = 128 * N * R * 2;

function encode(n: number, r: number, p: number, salt: Buffer, key: Buffer): string {
  return `scrypt$${n}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM });
  return encode(N, R, P, salt, key);
}

export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM }, (error, key) => {
      if (error) reject(error);
      else resolve(encode(N, R, P, salt, key));
    });
  });
}

/** Constant-time comparison; false for a malformed stored hash rather than a throw. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return Promise.resolve(false);
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const salt = Buffer.from(saltText, 'base64url');
  const expected = Buffer.from(keyText, 'base64url');
  const cost = { N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * Number(n) * Number(r) * 2 };
  return new Promise((resolve) => {
    scrypt(password.normalize('NFKC'), salt, expected.length, cost, (error, key) => {
      resolve(!error && key.length === expected.length && timingSafeEqual(key, expected));
    });
  });
}

/** A one-time password a person can type: 4 groups of 5 from an alphabet without look-alikes (~ 97 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += '-';
    out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  }
  return out;
}
