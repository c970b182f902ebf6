/** Account administration (admin role). */
import { z } from 'zod';
import { DuplicateUserError, ROLES, type Role } from '../../store/sqlite/users-repo.js';
import { addUser, resetPassword, USER_NAME, updateUser } from '../accounts.js';
import type { ServerDeps } from '../app.js';
import { type AnyRoute, HttpError, route } from '../http.js';

const RoleSchema = z.enum(ROLES as [Role, ...Role[]]);
const NewUser = z.object({ name: z.string().regex(USER_NAME, 'letters, digits, . _ -; at most 64'), role: RoleSchema });
const UserName = z.object({ name: z.string().regex(USER_NAME) });
const UserChange = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((c) => c.role !== undefined || c.disabled !== undefined, 'give role and/or disabled');

export function usersRoutes(deps: ServerDeps): AnyRoute[] {
  const find = (name: string) => {
    const user = deps.users.byName(name);
    if (!user) throw new HttpError(404, 'not_found', `no user '${name}'`);
    return user;
  };
  return [
    route({
      method: 'GET',
      path: '/api/users',
      summary: 'All accounts',
      tag: 'users',
      role: 'admin',
      handler: () => ({ json: { users: deps.users.list() } }),
    }),
    route({
      method: 'POST',
      path: '/api/users',
      summary: 'Create an account; the one-time password is in this response only',
      tag: 'users',
      role: 'admin',
      body: NewUser,
      responds: '201 { user, oneTimePassword }',
      handler: ({ body, caller }) => {
        try {
          const { user, password } = addUser(deps, body.name, body.role, caller!.user.name);
          return { status: 201, json: { user, oneTimePassword: password } };
        } catch (error) {
          if (error instanceof DuplicateUserError) throw new HttpError(409, 'conflict', error.message);
          throw error;
        }
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/users/:name',
      summary: 'Change an account’s role or disable it',
      tag: 'users',
      role: 'admin',
      params: UserName,
      body: UserChange,
      handler: ({ params, body, caller }) => {
        const user = find(params.name);
        if (user.id === caller!.user.id && (body.disabled || (body.role && body.role !== 'admin'))) {
          throw new HttpError(409, 'conflict', 'you cannot demote or disable your own account');
        }
        return { json: { user: updateUser(deps, user, body, caller!.user.name) } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/users/:name/reset-password',
      summary: 'Issue a new one-time password',
      tag: 'users',
      role: 'admin',
      params: UserName,
      handler: ({ params, caller }) => {
        const user = find(params.name);
        return { json: { user: user.name, oneTimePassword: resetPassword(deps, user, caller!.user.name) } };
      },
    }),
  ];
}
