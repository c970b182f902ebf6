import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/passwords.js';
import { createAuditRepo } from '../../src/store/sqlite/audit-repo.js';
import { openDatabase } from '../../src/store/sqlite/database.js';
import { createUsersRepo } from '../../src/store/sqlite/users-repo.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-users-'));
const db = join(dir, 'w.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep users', () => {
  it('adds a user and prints a one-time password that verifies against the stored scrypt hash', async () => {
    const r = await runCli(['users', 'add', 'maria', '--role', 'analyst', '--db', db]);
    expect(r.code).toBe(0);
    const otp = /one-time password: (\S+)/.exec(r.out)?.[1];
    expect(otp).toBeTruthy();
    const handle = openDatabase(db);
    const users = createUsersRepo(handle);
    const user = users.byName('maria')!;
    expect(user.role).toBe('analyst');
    expect(user.mustChangePassword).toBe(true);
    const hash = users.passwordHash(user.id)!;
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain(otp!);
    expect(await verifyPassword(otp!, hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(createAuditRepo(handle).list({ action: 'user.add' })[0]?.entityId).toBe('maria');
    handle.close();
  });

  it('refuses duplicates, bad roles and bad names with one line', async () => {
    const dup = await runCli(['users', 'add', 'MARIA', '--role', 'viewer', '--db', db]);
    expect(dup.code).toBe(1);
    expect(dup.err.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['users', 'add', 'x', '--role', 'boss', '--db', db])).code).toBe(2);
    expect((await runCli(['users', 'add', '<x>', '--role', 'viewer', '--db', db])).code).toBe(2);
    expect((await runCli(['users', 'add', 'y', '--db', db])).err).toContain('--role');
  });

  it('lists, changes roles, resets passwords and issues tokens (JSON too)', async () => {
    const list = await runCli(['users', 'list', '--db', db]);
    expect(list.out).toMatch(/maria\s+analyst/);
    const set = await runCli(['users', 'set', 'maria', '--role', 'viewer', '--json', '--db', db]);
    expect(JSON.parse(set.out).role).toBe('viewer');
    const reset = await runCli(['users', 'reset-password', 'maria', '--json', '--db', db]);
    expect(JSON.parse(reset.out).oneTimePassword).toBeTruthy();
    const token = await runCli(['users', 'token', 'maria', '--label', 'ci', '--json', '--db', db]);
    expect(JSON.parse(token.out).token).toMatch(/^sitrep_/);
    expect((await runCli(['users', 'set', 'ghost', '--role', 'viewer', '--db', db])).code).toBe(1);
  });

  it('serve refuses a bad port', async () => {
    const r = await runCli(['serve', '--port', '99999', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port');
  });
});
