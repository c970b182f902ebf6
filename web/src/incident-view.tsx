import { useEffect, useState } from 'preact/hooks';
import type { IncidentDetail, IncidentSourceView } from '../../src/server/views';
import { ApiError, api } from './api';
import { TYPE_COLOURS } from './filters';
import type { Me } from './main';
import { type Location, navigate, onLink, withQuery } from './router';
import { formatDate, GradeBadge, PrecisionTag } from './ui';

interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export function IncidentView({ id, loc, me }: { id: string; loc: Location; me: Me }) {
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const back = withQuery(loc, {}, '/');

  const loadedId = detail?.summary.id;
  useEffect(() => {
    // Show the incident from its top: in the side panel on a desktop, in the page on a phone.
    if (loadedId) document.querySelector('[data-testid=incident-view]')?.scrollIntoView({ block: 'start' });
  }, [loadedId]);

  useEffect(() => {
    let live = true;
    setError(null);
    api<IncidentDetail>('GET', `/api/incidents/${encodeURIComponent(id)}`)
      .then((d) => live && setDetail(d))
      .catch(
        (e) =>
          live &&
          setError(
            e instanceof ApiError && e.status === 404
              ? 'This incident no longer exists (merged or split?).'
              : String(e.message),
          ),
      );
    api<{ entries: AuditEntry[] }>('GET', `/api/audit?entityType=incident&entityId=${encodeURIComponent(id)}&limit=20`)
      .then((r) => live && setAudit(r.entries))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, version]);

  if (error)
    return (
      <div class="incident-view">
        <a href={back} onClick={(e) => onLink(e, back)} class="back">
          ← all incidents
        </a>
        <p class="error">{error}</p>
      </div>
    );
  if (!detail) return <p class="muted pad">Loading incident…</p>;
  const s = detail.summary;
  const inc = detail.incident;
  const canEdit = me.role !== 'viewer';
  const refresh = () => setVersion(version + 1);
  const discountedCount = detail.sources.filter((x) => x.discounted).length;

  return (
    <article class="incident-view" data-testid="incident-view">
      <a href={back} onClick={(e) => onLink(e, back)} class="back">
        ← all incidents
      </a>
      <header class="incident-head">
        <div class="type-line">
          <span class="dot" style={{ background: TYPE_COLOURS[s.eventType] ?? '#64748b' }} />
          <span>{s.eventType}</span>
        </div>
        <h2>
          {s.subEventType}
          {s.location ? ` in ${s.location.name}` : ''}
        </h2>
        <p class="meta">
          {formatDate(s.date)}
          {s.date && s.date.precision !== 'day' ? ` (${s.date.precision})` : ''}
          {s.location && (
            <>
              {' · '}
              {[s.location.admin1, s.location.country].filter(Boolean).join(', ')}{' '}
              <PrecisionTag precision={s.location.precision} />
            </>
          )}
        </p>
        <p class="meta">
          {s.actor1 ?? 'unknown actor'}
          {s.actor2 ? ` v ${s.actor2}` : ''} · certainty {s.certainty}
        </p>
        <div class="grade-line">
          <GradeBadge grade={s.grade} />
          <span class="muted">
            {detail.review.grade
              ? `${detail.review.grade.reason} (set by ${detail.review.grade.by})`
              : inc.grade_reason}
          </span>
          {detail.review.confirmed && <span class="confirmed">✓ confirmed by {detail.review.confirmed.by}</span>}
        </div>
      </header>

      <section>
        <h3>Counts</h3>
        <table class="counts">
          <thead>
            <tr>
              <th>Source</th>
              <th>Killed</th>
              <th>Injured</th>
              <th>Captured</th>
            </tr>
          </thead>
          <tbody>
            {detail.sources.map((src) => (
              <tr key={src.reportId} class={src.discounted ? 'discounted' : ''}>
                <td>{src.outlet ?? src.family.label ?? src.externalId ?? src.reportId.slice(0, 8)}</td>
                {(['killed', 'injured', 'captured'] as const).map((f) => {
                  const fig = src.figures.find((x) => x.field === f);
                  return (
                    <td key={f} title={fig ? fig.certainty : ''}>
                      {fig ? `${fig.low}${fig.high === null ? '+' : fig.high !== fig.low ? `–${fig.high}` : ''}` : '–'}
                      {fig && fig.certainty !== 'reported' ? ` (${fig.certainty})` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr class="total">
              <td>low / best / high</td>
              <td>{range(inc.counts.killed)}</td>
              <td>{range(inc.counts.injured)}</td>
              <td>{range(inc.counts.captured)}</td>
            </tr>
          </tbody>
        </table>
        {discountedCount > 0 && (
          <p class="muted discount-note" data-testid="discount-note">
            {discountedCount === 1 ? '1 discounted report is' : `${discountedCount} discounted reports are`} not counted
            in low / best / high.
          </p>
        )}
        {[...inc.counts.killed.claims, ...inc.counts.captured.claims].length > 0 && (
          <ul class="claims">
            {[...inc.counts.killed.claims, ...inc.counts.captured.claims].map((c) => (
              <li key={c.event + c.reason}>
                Not counted: {c.range.low}
                {c.range.high === null ? '+' : ''} — {c.certainty}
                {c.attribution ? `, claimed by ${c.attribution}` : ''} ({c.reason})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3>
          Reports{' '}
          <span class="muted">
            ({detail.sources.length} report{detail.sources.length === 1 ? '' : 's'}, {s.sources} independent)
          </span>
        </h3>
        <div class="sources">
          {detail.sources.map((src) => (
            <SourceCard key={src.reportId} src={src} incidentId={s.id} canEdit={canEdit} onChange={refresh} loc={loc} />
          ))}
        </div>
      </section>

      {detail.followUps.length > 0 && (
        <section>
          <h3>Linked incidents</h3>
          <ul class="links" data-testid="follow-ups">
            {detail.followUps.map((f) => {
              const href = withQuery(loc, {}, `/incidents/${encodeURIComponent(f.id)}`);
              const o = f.summary;
              return (
                <li key={`${f.direction}:${f.id}`} data-direction={f.direction}>
                  <span class="link-dir">{f.direction === 'follows' ? 'Follows' : 'Followed by'}</span>{' '}
                  <a href={href} onClick={(e) => onLink(e, href)}>
                    {o ? `${o.subEventType}${o.location ? ` in ${o.location.name}` : ''}` : f.id}
                  </a>
                  {o && <span class="muted"> · {formatDate(o.date)}</span>}{' '}
                  <span class="muted">({linkReason(f.reason)})</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {canEdit && <ReviewPanel detail={detail} onChange={refresh} onGone={(to) => navigate(withQuery(loc, {}, to))} />}

      <section>
        <h3>History</h3>
        {audit.length === 0 ? (
          <p class="muted">No analyst changes yet.</p>
        ) : (
          <ul class="history">
            {audit.map((a) => (
              <li key={a.id}>
                <span class="muted">{a.at.slice(0, 16).replace('T', ' ')}</span> <b>{a.actor}</b> {a.action}
                {a.note ? ` — ${a.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** 'follow-up:Arrests:shared-actor' → 'shares an actor'; 'retaliation' stays. */
function linkReason(reason: string): string {
  if (reason.endsWith(':shared-actor')) return 'shares an actor';
  return reason;
}

function range(c: { low: number | null; best: number | null; high: number | null }): string {
  if (c.best === null && c.low === null) return '–';
  return `${c.low ?? '?'} / ${c.best ?? '?'} / ${c.high ?? 'open'}`;
}

function SourceCard(props: {
  src: IncidentSourceView;
  incidentId: string;
  canEdit: boolean;
  onChange: () => void;
  loc: Location;
}) {
  const { src } = props;
  const readerHref = `/reports/${encodeURIComponent(src.reportId)}`;
  const discount = async () => {
    const reason = window.prompt('Why discount this report?');
    if (!reason) return;
    await api(
      'POST',
      `/api/incidents/${encodeURIComponent(props.incidentId)}/reports/${encodeURIComponent(src.reportId)}/discount`,
      {
        reason,
      },
    );
    props.onChange();
  };
  const restore = async () => {
    await api(
      'DELETE',
      `/api/incidents/${encodeURIComponent(props.incidentId)}/reports/${encodeURIComponent(src.reportId)}/discount`,
    );
    props.onChange();
  };
  return (
    <div class={`source ${src.discounted ? 'discounted' : ''}`} data-testid="source">
      <div class="source-head">
        <b>{src.outlet ?? src.family.label ?? src.externalId ?? 'unknown outlet'}</b>
        <span class="muted">
          {src.published ?? 'undated'} · {src.language ?? '?'} · family {src.family.label ?? src.family.id.slice(0, 8)}{' '}
          ({src.family.kind})
        </span>
        {src.title && <span class="source-title">{src.title}</span>}
      </div>
      {src.discounted && (
        <p class="discount-note">
          Discounted by {src.discounted.by}: {src.discounted.reason}
        </p>
      )}
      {src.excerpts.map((ex, i) => (
        <p class="excerpt" key={i}>
          <Marked text={ex.text} marks={ex.marks} />
        </p>
      ))}
      {src.figures.length > 0 && (
        <p class="figures">
          {src.figures
            .map((f) => `${f.field} ${f.low}${f.high === null ? '+' : f.high !== f.low ? `–${f.high}` : ''}`)
            .join(' · ')}{' '}
          <span class="muted">
            ({src.certainty}
            {src.attribution ? `, per ${src.attribution}` : ''})
          </span>
        </p>
      )}
      {src.embeddedPosts.length > 0 && (
        <ul class="posts">
          {src.embeddedPosts.map((p, i) => (
            <li key={i}>
              <span class="post-author">
                {p.author ?? p.handle ?? 'unknown'} {p.handle ? `(@${p.handle})` : ''} on {p.platform}
                {p.date ? `, ${p.date}` : ''}
              </span>
              <span class="post-text">{p.text}</span>
              {p.url && /^https?:\/\//.test(p.url) && (
                <a href={p.url} rel="noopener noreferrer nofollow" target="_blank">
                  open the post
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="source-actions">
        <a href={readerHref} onClick={(e) => onLink(e, readerHref)}>
          Read full report
        </a>
        {src.url && /^https?:\/\//.test(src.url) && (
          <a href={src.url} rel="noopener noreferrer nofollow" target="_blank">
            original
          </a>
        )}
        {props.canEdit &&
          (src.discounted ? (
            <button type="button" class="link" onClick={restore}>
              restore
            </button>
          ) : (
            <button type="button" class="link" onClick={discount}>
              discount
            </button>
          ))}
      </div>
    </div>
  );
}

/**
 * Text with marked spans, rendered as text nodes only (never as HTML). Marks may nest or overlap (a place inside an
 * evidence sentence): the text is cut at every boundary and each piece carries every mark that covers it.
 */
export function Marked({
  text,
  marks,
}: {
  text: string;
  marks: { start: number; end: number; kind: string; reason: string }[];
}) {
  const valid = marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const parts: preact.JSX.Element[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const piece = text.slice(a, b);
    const covering = valid.filter((m) => m.start <= a && m.end >= b);
    if (covering.length === 0) {
      parts.push(<span key={a}>{piece}</span>);
      continue;
    }
    // The innermost (shortest) mark gives the colour; evidence shows as an underline around it.
    const inner = [...covering].sort((x, y) => x.end - x.start - (y.end - y.start))[0]!;
    const inEvidence = covering.some((m) => m.kind === 'evidence');
    parts.push(
      <mark
        key={a}
        class={`mark-${inner.kind}${inEvidence && inner.kind !== 'evidence' ? ' in-evidence' : ''}`}
        title={covering.map((m) => `${m.kind}: ${m.reason}`).join('\n')}
        data-kind={inner.kind}
      >
        {piece}
      </mark>,
    );
  }
  return <>{parts}</>;
}

const GRADES = ['Confirmed', 'Fair', 'Weak', 'Contested', 'Discounted'];
const EDITABLE = [
  ['sub_event_type', 'Sub-event type'],
  ['location.name', 'Place name'],
  ['date.start', 'Date (start)'],
  ['date.end', 'Date (end)'],
  ['actor1.name', 'Actor 1'],
  ['actor2.name', 'Actor 2'],
  ['counts.killed.best', 'Killed (best)'],
  ['counts.captured.best', 'Captured (best)'],
] as const;

function ReviewPanel({
  detail,
  onChange,
  onGone,
}: {
  detail: IncidentDetail;
  onChange: () => void;
  onGone: (to: string) => void;
}) {
  const id = detail.summary.id;
  const [msg, setMsg] = useState<string | null>(null);
  const [field, setField] = useState<string>(EDITABLE[0][0]);
  const [value, setValue] = useState('');
  const [grade, setGrade] = useState(detail.summary.grade);
  const [gradeReason, setGradeReason] = useState('');
  const [mergeWith, setMergeWith] = useState('');
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setMsg(null);
    try {
      await fn();
      setMsg(ok);
      onChange();
    } catch (e) {
      setMsg(e instanceof ApiError ? e.message : String(e));
    }
  };
  const base = `/api/incidents/${encodeURIComponent(id)}`;
  return (
    <section class="review" data-testid="review">
      <h3>Review</h3>
      {msg && (
        <p class="notice" role="status">
          {msg}
        </p>
      )}
      <div class="review-row">
        <button type="button" onClick={() => run(() => api('POST', `${base}/confirm`, {}), 'Confirmed.')}>
          Confirm incident
        </button>
      </div>
      <form
        class="review-row"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => api('PATCH', base, { field, value }), 'Field updated.');
        }}
      >
        <select name="field" value={field} onChange={(e) => setField(e.currentTarget.value)}>
          {EDITABLE.map(([f, label]) => (
            <option value={f} key={f}>
              {label}
            </option>
          ))}
        </select>
        <input
          name="value"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          placeholder="new value"
          required
        />
        <button type="submit">Edit field</button>
      </form>
      <form
        class="review-row"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => api('POST', `${base}/grade`, { grade, reason: gradeReason }), 'Grade changed.');
        }}
      >
        <select name="grade" value={grade} onChange={(e) => setGrade(e.currentTarget.value)}>
          {GRADES.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
        <input
          name="gradeReason"
          value={gradeReason}
          onInput={(e) => setGradeReason(e.currentTarget.value)}
          placeholder="reason"
          required
        />
        <button type="submit">Change grade</button>
      </form>
      <form
        class="review-row"
        onSubmit={(e) => {
          e.preventDefault();
          setMsg(null);
          api<{ incident: string }>('POST', '/api/incidents/merge', { ids: [id, mergeWith.trim()] })
            .then((r) => {
              setMergeWith('');
              // The merged incident may keep this id (ids derive from the smallest event key): then just reload.
              if (r.incident === id) {
                setMsg('Merged.');
                onChange();
              } else onGone(`/incidents/${encodeURIComponent(r.incident)}`);
            })
            .catch((err) => setMsg(err instanceof ApiError ? err.message : String(err)));
        }}
      >
        <input
          name="mergeWith"
          value={mergeWith}
          onInput={(e) => setMergeWith(e.currentTarget.value)}
          placeholder="id of the incident to merge in"
          required
        />
        <button type="submit">Merge</button>
      </form>
      {detail.incident.members.length > 1 && (
        <div class="review-row">
          <button
            type="button"
            onClick={() => {
              const keys = detail.incident.members.map((m) => m.key);
              // Split off the newest report's events into their own incident; finer splits via the API.
              const last = detail.incident.members.at(-1)!.report;
              const a = keys.filter((k) => !k.startsWith(`${last}#`));
              const b = keys.filter((k) => k.startsWith(`${last}#`));
              if (a.length === 0 || b.length === 0) return;
              setMsg(null);
              api<{ incidents: string[] }>('POST', `${base}/split`, { groups: [a, b] })
                .then((r) => {
                  const next = r.incidents[0] ?? '';
                  if (next === id) onChange();
                  else onGone(`/incidents/${encodeURIComponent(next)}`);
                })
                .catch((err) => setMsg(err instanceof ApiError ? err.message : String(err)));
            }}
          >
            Split off the last report
          </button>
        </div>
      )}
    </section>
  );
}
