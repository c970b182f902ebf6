/** Account management shared by `sitrep users` and the admin API: every change lands in the audit log. */
import type { AuditRepo } from '../store/sqlite/audit-repo.js';
import type { SqliteDb } from '../store/sqlite/database.js';
import type { Role, User, UsersRepo } from '../store/sqlite/users-repo.js';
import { generatePassword, hashPasswordSync } from './auth/passwords.js';

/** Names appear in the audit log and URLs: letters, digits, dot, dash, underscore; 1–64 characters. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface AccountDeps {
  db: SqliteDb;
  users: UsersRepo;
  audit: AuditRepo;
}

/** Creates an account with a one-time password (returned once, stored only as a scrypt hash). */
export function addUser(deps: AccountDeps, name: string, role: Role, actor: string): { user: User; password: string } {
  if (!USER_NAME.test(name)) {
    throw new Error(`invalid user name '${name}' (letters, digits, . _ -, at most 64 characters)`);
  }
  const password = generatePassword();
  const hash = hashPasswordSync(password);
  const user = deps.db.transaction(() => {
    const u = deps.users.add(name, role, hash, true);
    deps.audit.append({
      actor,
      action: 'user.add',
      entityType: 'user',
      entityId: u.name,
      before: null,
      after: { name: u.name, role: u.role },
      note: null,
    });
    return u;
  })();
  return { user, password };
}

/** Issues a new one-time password and ends the user's sessions. */
export function resetPassword(deps: AccountDeps, user: User, actor: string): string {
  const password = generatePassword();
  const hash = hashPasswordSync(password);
  deps.db.transaction(() => {
    deps.users.setPassword(user.id, hash, true);
    deps.users.deleteSessionsOf(user.id);
    deps.audit.append({
      actor,
      action: 'user.reset-password',
      entityType: 'user',
      entityId: user.name,
      before: null,
      after: null,
      note: 'one-time password issued',
    });
  })();
  return password;
}

export function updateUser(
  deps: AccountDeps,
  user: User,
  change: { role?: Role; disabled?: boolean },
  actor: string,
): User {
  return deps.db.transaction(() => {
    const before = { role: user.role, disabled: user.disabled };
    if (change.role !== undefined) deps.users.setRole(user.id, change.role);
    if (change.disabled !== undefined) {
      deps.users.setDisabled(user.id, change.disabled);
      if (change.disabled) deps.users.deleteSessionsOf(user.id);
    }
    const after = deps.users.byId(user.id)!;
    deps.audit.append({
      actor,
      action: 'user.update',
      entityType: 'user',
      entityId: user.name,
      before,
      after: { role: after.role, disabled: after.disabled },
      note: null,
    });
    return after;
  })();
}
