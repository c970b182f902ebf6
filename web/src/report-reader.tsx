import { useEffect, useState } from 'preact/hooks';
import type { Page, ReportSummary, ReportView } from '../../src/server/views';
import { ApiError, api } from './api';
import { Marked } from './incident-view';
import { type Location, navigate, onLink, withQuery } from './router';

const KINDS = ['place', 'actor', 'trigger', 'date', 'count', 'evidence', 'post', 'dateline'] as const;

export function ReportReader({ loc, id }: { loc: Location; id: string | null }) {
  return id ? <ReportText id={decodeURIComponent(id)} /> : <ReportSearch loc={loc} />;
}

function ReportSearch({ loc }: { loc: Location }) {
  const q = loc.query.get('q') ?? '';
  const [text, setText] = useState(q);
  const [page, setPage] = useState<Page<ReportSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    api<Page<ReportSummary>>('GET', `/api/reports?${new URLSearchParams(q ? { q, limit: '50' } : { limit: '50' })}`)
      .then(setPage)
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [q]);
  return (
    <div class="page reports-page">
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery(loc, { q: text.trim() }));
        }}
      >
        <input
          type="search"
          name="q"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder="Search report texts"
        />
        <button type="submit" class="primary">
          Search
        </button>
      </form>
      {error && <p class="error">{error}</p>}
      {page && page.items.length === 0 && <p class="muted">No reports{q ? ` match “${q}”` : ' yet'}.</p>}
      <ul class="report-list">
        {page?.items.map((r) => {
          const href = `/reports/${encodeURIComponent(r.id)}`;
          return (
            <li key={r.id}>
              <a href={href} onClick={(e) => onLink(e, href)}>
                <b>{r.title ?? r.id.slice(0, 12)}</b>
              </a>
              <span class="muted">
                {' '}
                {r.outlet ?? 'unknown outlet'} · {r.published ?? 'undated'} · {r.language}
              </span>
              <p class="snippet">{r.snippet}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ReportText({ id }: { id: string }) {
  const [report, setReport] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Set<string>>(new Set(KINDS.filter((k) => k !== 'evidence')));
  useEffect(() => {
    api<ReportView>('GET', `/api/reports/${encodeURIComponent(id)}`)
      .then(setReport)
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [id]);
  if (error) return <p class="error pad">{error}</p>;
  if (!report) return <p class="muted pad">Loading report…</p>;
  const marks = report.annotations
    .filter((a) => shown.has(a.kind))
    .map((a) => ({ ...a, reason: `${a.label} — ${a.reason}` }));
  return (
    <article class="page reader" data-testid="report-reader">
      <header>
        <h2>{report.title ?? 'Untitled report'}</h2>
        <p class="muted">
          {report.outlet ?? 'unknown outlet'} · {report.published ?? 'undated'} · language {report.language}
          {report.url && /^https?:\/\//.test(report.url) && (
            <>
              {' · '}
              <a href={report.url} rel="noopener noreferrer nofollow" target="_blank">
                original
              </a>
            </>
          )}
        </p>
        {report.rawSha256 && <p class="muted small">SHA-256 of the original: {report.rawSha256}</p>}
        <div class="mark-toggles">
          {KINDS.map((k) => (
            <label key={k} class={`toggle mark-${k}`}>
              <input
                type="checkbox"
                checked={shown.has(k)}
                onChange={() => {
                  const next = new Set(shown);
                  if (next.has(k)) next.delete(k);
                  else next.add(k);
                  setShown(next);
                }}
              />
              {k} ({report.annotations.filter((a) => a.kind === k).length})
            </label>
          ))}
        </div>
        {report.incidents.length > 0 && (
          <p>
            Part of:{' '}
            {report.incidents.map((i) => (
              <a
                key={i}
                href={`/incidents/${encodeURIComponent(i)}`}
                onClick={(e) => onLink(e, `/incidents/${encodeURIComponent(i)}`)}
              >
                {i}{' '}
              </a>
            ))}
          </p>
        )}
      </header>
      <div class="report-text">
        <Marked text={report.text} marks={marks} />
      </div>
    </article>
  );
}
