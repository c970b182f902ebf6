/** Resolves the caller of a request (session cookie or bearer token) and enforces roles and CSRF. */
import type { IncomingMessage } from 'node:http';
import type { Role, UsersRepo } from '../../store/sqlite/users-repo.js';
import { type Caller, HttpError, parseCookies } from '../http.js';
import { sameToken, tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'sitrep_session';
/** 12 hours: one working day; a stolen cookie is not valid for long. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export function resolveCaller(req: IncomingMessage, users: UsersRepo, now = Date.now()): Caller | null {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m?.[1]) throw new HttpError(401, 'unauthenticated', 'malformed Authorization header (expected: Bearer TOKEN)');
    const token = users.apiToken(tokenHash(m[1]));
    const user = token ? users.byId(token.userId) : null;
    if (!user || user.disabled) throw new HttpError(401, 'unauthenticated', 'unknown or revoked API token');
    return { user, via: 'token', csrfToken: null, sessionTokenHash: null };
  }
  const cookie = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (!cookie) return null;
  const hash = tokenHash(cookie);
  const session = users.session(hash);
  if (!session || Date.parse(session.expiresAt) <= now) return null;
  const user = users.byId(session.userId);
  if (!user || user.disabled) return null;
  return { user, via: 'session', csrfToken: session.csrfToken, sessionTokenHash: hash };
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token` (the double-submit pattern
 * with a server-side secret); SameSite=Strict already stops most cross-site requests, this closes the rest.
 * Bearer-token calls carry no ambient credentials and need no CSRF token.
 */
export function checkCsrf(req: IncomingMessage, caller: Caller): void {
  if (caller.via !== 'session') return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !caller.csrfToken || !sameToken(sent, caller.csrfToken)) {
    throw new HttpError(403, 'csrf_failed', 'missing or wrong X-CSRF-Token header');
  }
}

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
