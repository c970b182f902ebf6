/** Accounts, browser sessions and API tokens for the workbench (tables from migration 400). */
import type { SqliteDb } from './database.js';

export type Role = 'admin' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

export interface User {
  id: number;
  name: string;
  role: Role;
  /** Set for a fresh account: its password was shown once and must be replaced at first login. */
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface UsersRepo {
  /** Throws DuplicateUserError when the name (case-insensitive) is taken. */
  add(name: string, role: Role, passwordHash: string, mustChangePassword: boolean): User;
  byName(name: string): User | null;
  byId(id: number): User | null;
  passwordHash(id: number): string | null;
  list(): User[];
  count(): number;
  setPassword(id: number, passwordHash: string, mustChangePassword: boolean): void;
  setRole(id: number, role: Role): void;
  setDisabled(id: number, disabled: boolean): void;
  createSession(tokenHash: string, userId: number, csrfToken: string, expiresAt: string): void;
  session(tokenHash: string): Session | null;
  deleteSession(tokenHash: string): void;
  /** Ends every session of a user (after a password change or when the account is disabled). */
  deleteSessionsOf(userId: number): void;
  deleteExpiredSessions(nowIso: string): number;
  createApiToken(tokenHash: string, userId: number, label: string): ApiToken;
  apiToken(tokenHash: string): ApiToken | null;
  listApiTokens(userId: number): ApiToken[];
  revokeApiToken(id: number, userId: number): boolean;
}

export class DuplicateUserError extends Error {
  constructor(name: string) {
    super(`user '${name}' already exists`);
    this.name = 'DuplicateUserError';
  }
}

interface UserRow {
  id: number;
  name: string;
  role: Role;
  must_change_password: number;
  disabled: number;
  created_at: string;
}

interface TokenRow {
  id: number;
  user_id: number;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

const USER_COLUMNS = 'id, name, role, must_change_password, disabled, created_at';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function toToken(row: TokenRow): ApiToken {
  return { id: row.id, userId: row.user_id, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at };
}

export function createUsersRepo(db: SqliteDb): UsersRepo {
  const byNameStmt = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`);
  const byIdStmt = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
  const sessionStmt = db.prepare('SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?');
  const tokenStmt = db.prepare(
    'SELECT id, user_id, label, created_at, revoked_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL',
  );
  return {
    add(name, role, passwordHash, mustChangePassword) {
      const createdAt = new Date().toISOString();
      try {
        const info = db
          .prepare(
            'INSERT INTO users (name, role, password_hash, must_change_password, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)',
          )
          .run(name, role, passwordHash, mustChangePassword ? 1 : 0, createdAt);
        return { id: Number(info.lastInsertRowid), name, role, mustChangePassword, disabled: false, createdAt };
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateUserError(name);
        throw error;
      }
    },
    byName(name) {
      const row = byNameStmt.get(name) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    byId(id) {
      const row = byIdStmt.get(id) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    passwordHash(id) {
      const row = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as
        | { password_hash: string }
        | undefined;
      return row?.password_hash ?? null;
    },
    list() {
      return (db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`).all() as UserRow[]).map(toUser);
    },
    count() {
      return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    },
    setPassword(id, passwordHash, mustChangePassword) {
      db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(
        passwordHash,
        mustChangePassword ? 1 : 0,
        id,
      );
    },
    setRole(id, role) {
      db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
    },
    setDisabled(id, disabled) {
      db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    },
    createSession(tokenHash, userId, csrfToken, expiresAt) {
      db.prepare(
        'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ).run(tokenHash, userId, csrfToken, new Date().toISOString(), expiresAt);
    },
    session(tokenHash) {
      const row = sessionStmt.get(tokenHash) as { user_id: number; csrf_token: string; expires_at: string } | undefined;
      return row ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    deleteSession(tokenHash) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    },
    deleteSessionsOf(userId) {
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    },
    deleteExpiredSessions(nowIso) {
      return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(nowIso).changes;
    },
    createApiToken(tokenHash, userId, label) {
      const createdAt = new Date().toISOString();
      const info = db
        .prepare('INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)')
        .run(tokenHash, userId, label, createdAt);
      return { id: Number(info.lastInsertRowid), userId, label, createdAt, revokedAt: null };
    },
    apiToken(tokenHash) {
      const row = tokenStmt.get(tokenHash) as TokenRow | undefined;
      return row ? toToken(row) : null;
    },
    listApiTokens(userId) {
      return (
        db
          .prepare('SELECT id, user_id, label, created_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id')
          .all(userId) as TokenRow[]
      ).map(toToken);
    },
    revokeApiToken(id, userId) {
      return (
        db
          .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL')
          .run(new Date().toISOString(), id, userId).changes === 1
      );
    },
  };
}
