import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api';

interface Account {
  id: number;
  name: string;
  role: 'admin' | 'analyst' | 'viewer';
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

/** Account administration (admins only): add with a one-time password, change roles, disable. */
export function UsersView({ me }: { me: string }) {
  const [users, setUsers] = useState<Account[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState('analyst');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api<{ users: Account[] }>('GET', '/api/users')
      .then((r) => setUsers(r.users))
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => {
    load();
  }, []);
  const run = async (fn: () => Promise<string | null>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await fn());
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div class="page" data-testid="users-view">
      <h2>Accounts</h2>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          run(async () => {
            const r = await api<{ oneTimePassword: string }>('POST', '/api/users', { name: name.trim(), role });
            setName('');
            return `One-time password for ${name.trim()}: ${r.oneTimePassword} — shown once; they replace it at first login.`;
          });
        }}
      >
        <input
          name="newUser"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          placeholder="new user name"
          required
        />
        <select name="newRole" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          <option value="viewer">viewer</option>
          <option value="analyst">analyst</option>
          <option value="admin">admin</option>
        </select>
        <button type="submit" class="primary">
          Add account
        </button>
      </form>
      {notice && (
        <p class="notice mono" role="status">
          {notice}
        </p>
      )}
      {error && <p class="error">{error}</p>}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>State</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>
                <select
                  value={u.role}
                  disabled={u.name === me}
                  onChange={(e) => {
                    const next = e.currentTarget.value;
                    run(async () => {
                      await api('PATCH', `/api/users/${encodeURIComponent(u.name)}`, { role: next });
                      return `${u.name} is now ${next}.`;
                    });
                  }}
                >
                  <option value="viewer">viewer</option>
                  <option value="analyst">analyst</option>
                  <option value="admin">admin</option>
                </select>
              </td>
              <td>{u.disabled ? 'disabled' : u.mustChangePassword ? 'one-time password pending' : 'active'}</td>
              <td>{u.createdAt.slice(0, 10)}</td>
              <td>
                {u.name !== me && (
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      run(async () => {
                        await api('PATCH', `/api/users/${encodeURIComponent(u.name)}`, { disabled: !u.disabled });
                        return `${u.name} ${u.disabled ? 'enabled' : 'disabled'}.`;
                      })
                    }
                  >
                    {u.disabled ? 'enable' : 'disable'}
                  </button>
                )}{' '}
                {u.name !== me && (
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      run(async () => {
                        const r = await api<{ oneTimePassword: string }>(
                          'POST',
                          `/api/users/${encodeURIComponent(u.name)}/reset-password`,
                        );
                        return `New one-time password for ${u.name}: ${r.oneTimePassword}`;
                      })
                    }
                  >
                    reset password
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
