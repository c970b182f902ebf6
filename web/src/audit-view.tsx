import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api';
import { onLink } from './router';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '–';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** What changed, one line per field: `grade: Weak → Confirmed`; lists of incidents are counted, not dumped. */
export function changes(before: unknown, after: unknown): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) || Array.isArray(after)) {
    const n = (v: unknown) => (Array.isArray(v) ? v.length : v ? 1 : 0);
    return [`${n(before)} → ${n(after)} incident(s)`];
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const lines = keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k}: ${short(before[k])} → ${short(after[k])}`);
    return lines.length ? lines : ['no visible change'];
  }
  if (before === null || before === undefined)
    return after === null || after === undefined ? [] : [`→ ${short(after)}`];
  return [`${short(before)} → ${short(after)}`];
}

export function AuditView() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (from: string | null) =>
    api<{ entries: Entry[]; nextCursor: string | null }>('GET', `/api/audit?limit=100${from ? `&cursor=${from}` : ''}`)
      .then((r) => {
        setEntries((prev) => (from ? [...prev, ...r.entries] : r.entries));
        setCursor(r.nextCursor);
      })
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => {
    load(null);
  }, []);
  return (
    <div class="page audit" data-testid="audit-view">
      <h2>Audit log</h2>
      <p class="muted">Every change by every analyst, newest first. Entries can be added, never altered or removed.</p>
      {error && <p class="error">{error}</p>}
      <div class="table-scroll">
        <table class="audit-table">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>On</th>
              <th>Change (before → after)</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const href = e.entityType === 'incident' ? `/incidents/${encodeURIComponent(e.entityId)}` : null;
              return (
                <tr key={e.id}>
                  <td class="nowrap">{e.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{e.actor}</td>
                  <td class="nowrap">{e.action}</td>
                  <td class="mono">
                    {href ? (
                      <a href={href} onClick={(ev) => onLink(ev, href)}>
                        {e.entityId.slice(0, 24)}
                      </a>
                    ) : (
                      `${e.entityType} ${e.entityId.slice(0, 24)}`
                    )}
                  </td>
                  <td class="small">
                    {changes(e.before, e.after).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </td>
                  <td>{e.note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {entries.length === 0 && !error && <p class="muted">Nothing recorded yet.</p>}
      {cursor && (
        <button type="button" class="more" onClick={() => load(cursor)}>
          Older entries
        </button>
      )}
    </div>
  );
}
