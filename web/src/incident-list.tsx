import { useEffect, useState } from 'preact/hooks';
import type { IncidentSummary, Page } from '../../src/server/views';
import { api, useDataVersion } from './api';
import { apiQuery, TYPE_COLOURS } from './filters';
import type { Me } from './main';
import { type Location, navigate, onLink, withQuery } from './router';
import { formatCount, formatDate, GradeBadge, PrecisionTag } from './ui';

export function IncidentList({ loc }: { loc: Location; me: Me }) {
  const [items, setItems] = useState<IncidentSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = apiQuery(loc.query).toString();
  const version = useDataVersion();
  const followMap = loc.query.has('bbox');

  useEffect(() => {
    let live = true;
    setError(null);
    api<Page<IncidentSummary>>('GET', `/api/incidents?${query}&limit=100`)
      .then((p) => {
        if (!live) return;
        setItems(p.items);
        setCursor(p.nextCursor);
      })
      .catch((e) => live && setError(String(e.message ?? e)));
    return () => {
      live = false;
    };
  }, [query, version]);

  const more = async () => {
    if (!cursor) return;
    const p = await api<Page<IncidentSummary>>(
      'GET',
      `/api/incidents?${query}&limit=100&cursor=${encodeURIComponent(cursor)}`,
    );
    setItems([...(items ?? []), ...p.items]);
    setCursor(p.nextCursor);
  };

  return (
    <div class="incident-list">
      <div class="panel-head">
        <h2>Incidents</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={followMap}
            onChange={(e) => {
              if (!e.currentTarget.checked) navigate(withQuery(loc, { bbox: null }), true);
              else window.dispatchEvent(new CustomEvent('sitrep:bbox'));
            }}
          />
          only in map view
        </label>
      </div>
      <div class="exports">
        <span class="muted">Export these:</span>
        <a class="button" href={`/api/export/acled.csv?${query}`} download="sitrep-acled.csv">
          ACLED CSV
        </a>
        <a class="button" href={`/api/export/incidents.geojson?${query}`} download="sitrep-incidents.geojson">
          GeoJSON
        </a>
        <a class="button" href={`/api/export/incidents.jsonl?${query}`} download="sitrep-incidents.jsonl">
          JSONL
        </a>
      </div>
      {error && <p class="error">{error}</p>}
      {items === null && !error && <p class="muted">Loading…</p>}
      {items && items.length === 0 && <p class="muted empty">No incidents match these filters.</p>}
      <ul class="rows">
        {items?.map((i) => {
          const href = withQuery(loc, {}, `/incidents/${encodeURIComponent(i.id)}`);
          return (
            <li key={i.id}>
              <a href={href} onClick={(e) => onLink(e, href)} class="row" data-incident={i.id}>
                <span class="dot" style={{ background: TYPE_COLOURS[i.eventType] ?? '#64748b' }} />
                <span class="row-main">
                  <span class="row-title">
                    {i.subEventType}
                    {i.location ? ` · ${i.location.name}` : ''}
                  </span>
                  <span class="row-meta">
                    {formatDate(i.date)} · {i.sources} source{i.sources === 1 ? '' : 's'}
                    {i.location && <PrecisionTag precision={i.location.precision} />}
                    {i.actor1 ? ` · ${i.actor1}${i.actor2 ? ` v ${i.actor2}` : ''}` : ''}
                  </span>
                </span>
                <span class="row-side">
                  <span class="killed" title="killed: best estimate">
                    {formatCount(i.killed)}
                  </span>
                  <GradeBadge grade={i.grade} />
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      {cursor && (
        <button type="button" class="more" onClick={more}>
          Load more
        </button>
      )}
    </div>
  );
}
