import { useState } from 'preact/hooks';
import { ApiError, api } from './api';
import type { Me } from './main';

export function Login({ onLogin }: { onLogin: (me: Me, csrf: string) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: Me; csrfToken: string }>('POST', '/api/auth/login', { name, password });
      onLogin(r.user, r.csrfToken);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach the server');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login-page">
      <form class="card login" onSubmit={submit}>
        <h1>sitrep</h1>
        <p class="muted">Incident workbench — sign in to continue.</p>
        <label>
          Name
          <input
            name="name"
            autocomplete="username"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}

export function PasswordChange({ me, onDone }: { me: Me; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/auth/password', { current, next });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach the server');
    }
  };
  return (
    <div class="login-page">
      <form class="card login" onSubmit={submit}>
        <h1>Choose a password</h1>
        <p class="muted">
          {me.name}, you signed in with a one-time password. Replace it with one of at least 12 characters.
        </p>
        <label>
          One-time password
          <input
            name="current"
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          New password
          <input
            name="next"
            type="password"
            autocomplete="new-password"
            minLength={12}
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
            required
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary">
          Save password
        </button>
      </form>
    </div>
  );
}
