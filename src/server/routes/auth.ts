/** Log in and out, who am I, replace a one-time password, personal API tokens. */
import { z } from 'zod';
import type { ServerDeps } from '../app.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { SESSION_TTL_MS, sessionCookie } from '../auth/session.js';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../auth/tokens.js';
import { type AnyRoute, type Caller, HttpError, route } from '../http.js';

const Login = z.object({
  name: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

const ChangePassword = z.object({
  current: z.string().min(1).max(256),
  // 12+ characters: long enough that scrypt's cost makes offline guessing impractical.
  next: z.string().min(12, 'use at least 12 characters').max(256),
});

const NewToken = z.object({ label: z.string().trim().min(1).max(80) });
const TokenId = z.object({ id: z.coerce.number().int().positive() });

export function publicUser(caller: Caller) {
  const u = caller.user;
  return { id: u.id, name: u.name, role: u.role, mustChangePassword: u.mustChangePassword };
}

/**
 * Failed logins per account name: after 5 failures within 15 minutes the name is locked for the rest of the window
 * (429), which caps an online guesser at 480 tries a day per account while a person who mistypes is not bothered.
 */
export const LOGIN_FAILURES_ALLOWED = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export function authRoutes(deps: ServerDeps): AnyRoute[] {
  const failures = new Map<string, { count: number; since: number }>();
  const throttled = (name: string) => {
    const f = failures.get(name);
    if (!f) return false;
    if (Date.now() - f.since > LOGIN_WINDOW_MS) {
      failures.delete(name);
      return false;
    }
    return f.count >= LOGIN_FAILURES_ALLOWED;
  };
  const fail = (name: string) => {
    const f = failures.get(name);
    if (!f || Date.now() - f.since > LOGIN_WINDOW_MS) failures.set(name, { count: 1, since: Date.now() });
    else f.count++;
    // Bound the map: a flood of random names must not grow memory without limit.
    if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
  };
  // A fixed dummy hash so an unknown name costs as much time as a wrong password (no user enumeration by timing).
  let dummyHash: Promise<string> | null = null;
  const dummy = () => {
    dummyHash ??= hashPassword('not-a-real-password');
    return dummyHash;
  };

  return [
    route({
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Log in with name and password; sets an HttpOnly SameSite=Strict session cookie',
      tag: 'auth',
      body: Login,
      responds: '{ user, csrfToken }',
      handler: async ({ body, req }) => {
        const key = body.name.toLowerCase();
        if (throttled(key)) throw new HttpError(429, 'too_many_attempts', 'too many failed logins: wait 15 minutes');
        const user = deps.users.byName(body.name);
        const stored = user ? deps.users.passwordHash(user.id) : null;
        const ok = await verifyPassword(body.password, stored ?? (await dummy()));
        if (!user || !stored || !ok || user.disabled) {
          fail(key);
          throw new HttpError(401, 'invalid_credentials', 'wrong name or password');
        }
        failures.delete(key);
        deps.users.deleteExpiredSessions(new Date().toISOString());
        const token = newToken();
        const csrfToken = newToken();
        deps.users.createSession(
          tokenHash(token),
          user.id,
          csrfToken,
          new Date(Date.now() + SESSION_TTL_MS).toISOString(),
        );
        const secure = deps.secureCookies || req.headers['x-forwarded-proto'] === 'https';
        return {
          json: {
            user: { id: user.id, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword },
            csrfToken,
          },
          headers: { 'Set-Cookie': sessionCookie(token, secure, SESSION_TTL_MS / 1000) },
        };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'End this session',
      tag: 'auth',
      role: 'viewer',
      allowPendingPassword: true,
      handler: ({ caller }) => {
        if (caller?.sessionTokenHash) deps.users.deleteSession(caller.sessionTokenHash);
        return { json: { ok: true }, headers: { 'Set-Cookie': sessionCookie('', false, 0) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/auth/me',
      summary: 'The logged-in user and the CSRF token to echo on writes',
      tag: 'auth',
      role: 'viewer',
      allowPendingPassword: true,
      handler: ({ caller }) => ({ json: { user: publicUser(caller!), csrfToken: caller!.csrfToken } }),
    }),
    route({
      method: 'POST',
      path: '/api/auth/password',
      summary: 'Replace your password (required after the one-time password); ends your other sessions',
      tag: 'auth',
      role: 'viewer',
      allowPendingPassword: true,
      body: ChangePassword,
      handler: async ({ body, caller }) => {
        const user = caller!.user;
        const stored = deps.users.passwordHash(user.id);
        if (!stored || !(await verifyPassword(body.current, stored))) {
          throw new HttpError(403, 'invalid_credentials', 'current password is wrong');
        }
        if (body.current === body.next)
          throw new HttpError(400, 'validation_failed', 'body.next: choose a new password');
        const hash = await hashPassword(body.next);
        deps.db.transaction(() => {
          deps.users.setPassword(user.id, hash, false);
          deps.users.deleteSessionsOf(user.id);
          if (caller!.sessionTokenHash && caller!.csrfToken) {
            deps.users.createSession(
              caller!.sessionTokenHash,
              user.id,
              caller!.csrfToken,
              new Date(Date.now() + SESSION_TTL_MS).toISOString(),
            );
          }
          deps.audit.append({
            actor: user.name,
            action: 'user.password',
            entityType: 'user',
            entityId: user.name,
            before: null,
            after: null,
            note: 'password changed',
          });
        })();
        return { json: { ok: true } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/auth/tokens',
      summary: 'Your API tokens (labels and dates; the secrets are never shown again)',
      tag: 'auth',
      role: 'viewer',
      handler: ({ caller }) => ({ json: { tokens: deps.users.listApiTokens(caller!.user.id) } }),
    }),
    route({
      method: 'POST',
      path: '/api/auth/tokens',
      summary: 'Create a bearer token for scripts; the secret is in this response only',
      tag: 'auth',
      role: 'viewer',
      body: NewToken,
      responds: '201 { token, secret }',
      handler: ({ body, caller }) => {
        const secret = newToken(API_TOKEN_PREFIX);
        const token = deps.db.transaction(() => {
          const t = deps.users.createApiToken(tokenHash(secret), caller!.user.id, body.label);
          deps.audit.append({
            actor: caller!.user.name,
            action: 'token.create',
            entityType: 'user',
            entityId: caller!.user.name,
            before: null,
            after: { tokenId: t.id, label: t.label },
            note: null,
          });
          return t;
        })();
        return { status: 201, json: { token, secret } };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/auth/tokens/:id',
      summary: 'Revoke one of your API tokens',
      tag: 'auth',
      role: 'viewer',
      params: TokenId,
      handler: ({ params, caller }) => {
        const done = deps.db.transaction(() => {
          const ok = deps.users.revokeApiToken(params.id, caller!.user.id);
          if (ok) {
            deps.audit.append({
              actor: caller!.user.name,
              action: 'token.revoke',
              entityType: 'user',
              entityId: caller!.user.name,
              before: { tokenId: params.id },
              after: null,
              note: null,
            });
          }
          return ok;
        })();
        if (!done) throw new HttpError(404, 'not_found', `no active token ${params.id}`);
        return { json: { ok: true } };
      },
    }),
  ];
}
