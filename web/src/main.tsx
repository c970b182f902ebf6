import { type ComponentChildren, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, setCsrf } from './api';
import { AuditView } from './audit-view';
import { IncidentView } from './incident-view';
import { IngestView } from './ingest-view';
import { Login, PasswordChange } from './login';
import { ReportReader } from './report-reader';
import { navigate, onLink, useLocation, withQuery } from './router';
import './styles.css';
import { UsersView } from './users-view';
import { Workbench } from './workbench';

export interface Me {
  id: number;
  name: string;
  role: 'admin' | 'analyst' | 'viewer';
  mustChangePassword: boolean;
}

function App() {
  const loc = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    api<{ user: Me; csrfToken: string | null }>('GET', '/api/auth/me')
      .then((r) => {
        setCsrf(r.csrfToken);
        setMe(r.user);
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setMe(null);
      });
  }, []);

  if (me === undefined) return <div class="splash">Loading…</div>;
  if (me === null)
    return (
      <Login
        onLogin={(user, csrf) => {
          setCsrf(csrf);
          setMe(user);
        }}
      />
    );
  if (me.mustChangePassword)
    return <PasswordChange me={me} onDone={() => setMe({ ...me, mustChangePassword: false })} />;

  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    setCsrf(null);
    setMe(null);
    navigate('/');
  };

  const canEdit = me.role !== 'viewer';
  const section = loc.path.split('/')[1] ?? '';
  const nav = (path: string, label: ComponentChildren, active: boolean) => (
    <a
      href={withQuery(loc, {}, path)}
      class={active ? 'active' : ''}
      onClick={(e) => onLink(e, withQuery(loc, {}, path))}
    >
      {label}
    </a>
  );
  return (
    <div class="app">
      <header class="topbar">
        <a class="brand" href="/" onClick={(e) => onLink(e, withQuery(loc, {}, '/'))}>
          sitrep
        </a>
        <nav>
          {nav('/', 'Incidents', section === '' || section === 'incidents')}
          {nav('/reports', 'Reports', section === 'reports')}
          {canEdit &&
            nav(
              '/ingest',
              <>
                Add<span class="wide"> reports</span>
              </>,
              section === 'ingest',
            )}
          {me.role === 'admin' && nav('/users', 'Accounts', section === 'users')}
          {nav(
            '/audit',
            <>
              Audit<span class="wide"> log</span>
            </>,
            section === 'audit',
          )}
        </nav>
        <div class="who">
          <span title={`role: ${me.role}`}>
            {me.name} · {me.role}
          </span>
          <button type="button" class="link" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <main class="content">
        {section === 'audit' ? (
          <AuditView />
        ) : section === 'users' && me.role === 'admin' ? (
          <UsersView me={me.name} />
        ) : section === 'ingest' ? (
          <IngestView />
        ) : section === 'reports' ? (
          <ReportReader loc={loc} id={loc.path.split('/')[2] ?? null} />
        ) : (
          <Workbench loc={loc} me={me}>
            {section === 'incidents' && loc.path.split('/')[2] ? (
              <IncidentView id={decodeURIComponent(loc.path.split('/')[2]!)} loc={loc} me={me} />
            ) : null}
          </Workbench>
        )}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
