/** `sitrep users add|list|set|reset-password|token`: workbench accounts, from the command line. */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { addUser, resetPassword, USER_NAME, updateUser } from '../../server/accounts.js';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../../server/auth/tokens.js';
import { createAuditRepo } from '../../store/sqlite/audit-repo.js';
import { openDatabase } from '../../store/sqlite/database.js';
import { createUsersRepo, DuplicateUserError, ROLES, type Role } from '../../store/sqlite/users-repo.js';
import { CliError, type CliIo, type Command, dbPath } from '../command.js';

const HELP = `usage: sitrep users <add|list|set|reset-password|token> [options]

  sitrep users add NAME --role admin|analyst|viewer
        creates an account and prints its one-time password (shown once; the user replaces it at first login)
  sitrep users list
  sitrep users set NAME [--role ROLE] [--disable | --enable]
  sitrep users reset-password NAME
        prints a new one-time password and ends the user's sessions
  sitrep users token NAME [--label TEXT]
        prints a bearer token for scripts (Authorization: Bearer …); shown once

options:
  --db FILE   database (default $SITREP_DB or ./sitrep.db)
  --json      machine-readable output
  --help      this text

Every change is written to the audit log as cli:<your OS user>.
`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        role: { type: 'string' },
        disable: { type: 'boolean' },
        enable: { type: 'boolean' },
        label: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]!);
  }
}

function role(value: string | undefined): Role {
  if (!value) throw new CliError('missing --role (admin, analyst or viewer)');
  if (!(ROLES as readonly string[]).includes(value))
    throw new CliError(`unknown role '${value}' (admin, analyst or viewer)`);
  return value as Role;
}

function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export const usersCommand: Command = {
  name: 'users',
  help: HELP,
  async run(argv: string[], io: CliIo) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parse(rest);
    if (!sub) throw new CliError('missing sub-command: add, list, set, reset-password or token');
    const db = openDatabase(dbPath(values.db, io.env));
    const deps = { db, users: createUsersRepo(db), audit: createAuditRepo(db) };
    const json = Boolean(values.json);
    const out = (value: unknown, text: string) => io.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
    try {
      const name = positionals[0];
      const needName = () => {
        if (!name) throw new CliError(`missing user name: sitrep users ${sub} NAME`);
        if (!USER_NAME.test(name)) throw new CliError(`invalid user name '${name}' (letters, digits, . _ -)`);
        return name;
      };
      const find = () => {
        const user = deps.users.byName(needName());
        if (!user) throw new CliError(`no user '${name}'`, 1);
        return user;
      };
      switch (sub) {
        case 'add': {
          const r = role(values.role);
          try {
            const { user, password } = addUser(deps, needName(), r, cliActor());
            out(
              { user: user.name, role: user.role, oneTimePassword: password },
              `created ${user.name} (${user.role})\none-time password: ${password}\n(shown once; it must be replaced at first login)`,
            );
          } catch (error) {
            if (error instanceof DuplicateUserError) throw new CliError(error.message, 1);
            throw error;
          }
          return 0;
        }
        case 'list': {
          const users = deps.users.list();
          if (json) for (const u of users) io.stdout.write(`${JSON.stringify(u)}\n`);
          else {
            for (const u of users) {
              const flags = [
                u.disabled ? 'disabled' : '',
                u.mustChangePassword ? 'one-time password pending' : '',
              ].filter(Boolean);
              io.stdout.write(`${u.name.padEnd(20)} ${u.role.padEnd(8)} ${flags.join(', ')}\n`.trimEnd().concat('\n'));
            }
          }
          return 0;
        }
        case 'set': {
          const user = find();
          if (values.disable && values.enable) throw new CliError('give --disable or --enable, not both');
          const change = {
            role: values.role ? role(values.role) : undefined,
            disabled: values.disable ? true : values.enable ? false : undefined,
          };
          if (change.role === undefined && change.disabled === undefined)
            throw new CliError('nothing to change: give --role, --disable or --enable');
          const after = updateUser(deps, user, change, cliActor());
          out(after, `${after.name}: ${after.role}${after.disabled ? ', disabled' : ''}`);
          return 0;
        }
        case 'reset-password': {
          const user = find();
          const password = resetPassword(deps, user, cliActor());
          out({ user: user.name, oneTimePassword: password }, `one-time password for ${user.name}: ${password}`);
          return 0;
        }
        case 'token': {
          const user = find();
          const secret = newToken(API_TOKEN_PREFIX);
          const label = values.label ?? 'cli';
          db.transaction(() => {
            const t = deps.users.createApiToken(tokenHash(secret), user.id, label);
            deps.audit.append({
              actor: cliActor(),
              action: 'token.create',
              entityType: 'user',
              entityId: user.name,
              before: null,
              after: { tokenId: t.id, label },
              note: null,
            });
          })();
          out({ user: user.name, token: secret }, `bearer token for ${user.name}: ${secret}\n(shown once)`);
          return 0;
        }
        default:
          throw new CliError(`unknown sub-command '${sub}': add, list, set, reset-password or token`);
      }
    } finally {
      db.close();
    }
  },
};
