import { useEffect, useRef, useState } from 'preact/hooks';
import type { TimelineDay } from '../../src/server/views';
import { EVENT_TYPES } from '../../src/server/views';
import { api, useDataVersion } from './api';
import { apiQuery, TYPE_COLOURS } from './filters';
import { type Location, navigate, withQuery } from './router';

const HEIGHT = 96;
const AXIS = 16;
const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}
function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Incidents per day stacked by type; drag across it to filter the map and the list to that period. */
export function Timeline({ loc }: { loc: Location }) {
  const [days, setDays] = useState<TimelineDay[]>([]);
  const [width, setWidth] = useState(600);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const query = apiQuery(loc.query, ['from', 'to']).toString();
  const version = useDataVersion();

  useEffect(() => {
    let live = true;
    api<{ days: TimelineDay[] }>('GET', `/api/incidents/timeline?${query}`).then((r) => live && setDays(r.days));
    return () => {
      live = false;
    };
  }, [query, version]);

  useEffect(() => {
    if (!box.current) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.max(200, entries[0]?.contentRect.width ?? 600)));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);

  if (days.length === 0) {
    return (
      <div class="timeline" ref={box}>
        <p class="muted timeline-empty">No dated incidents for these filters.</p>
      </div>
    );
  }

  // Pad the range by a day each side so a single day still has a visible bar.
  const first = dayNumber(days[0]!.day) - 1;
  const last = dayNumber(days[days.length - 1]!.day) + 1;
  const span = Math.max(last - first + 1, 7);
  const x = (d: number) => ((d - first) / span) * width;
  const barW = Math.max(1, width / span - 1);
  const max = Math.max(...days.map((d) => d.counts.reduce((a, b) => a + b, 0)), 1);
  const plotH = HEIGHT - AXIS;
  const toDay = (px: number) => Math.min(last, Math.max(first, first + Math.floor((px / width) * span)));

  const from = loc.query.get('from');
  const to = loc.query.get('to');
  const sel = drag
    ? { a: Math.min(drag.a, drag.b), b: Math.max(drag.a, drag.b) }
    : from || to
      ? { a: from ? dayNumber(from) : first, b: to ? dayNumber(to) : last }
      : null;

  const localX = (e: PointerEvent) => {
    const rect = (e.currentTarget as SVGElement).getBoundingClientRect();
    return e.clientX - rect.left;
  };
  const onDown = (e: PointerEvent) => {
    (e.currentTarget as SVGElement).setPointerCapture(e.pointerId);
    const d = toDay(localX(e));
    setDrag({ a: d, b: d });
  };
  const onMove = (e: PointerEvent) => {
    if (drag) setDrag({ a: drag.a, b: toDay(localX(e)) });
  };
  const onUp = () => {
    if (!drag) return;
    const a = Math.min(drag.a, drag.b);
    const b = Math.max(drag.a, drag.b);
    setDrag(null);
    navigate(withQuery(loc, { from: isoOf(a), to: isoOf(b), cursor: null }), true);
  };

  // Month ticks, or weekly ticks on short ranges.
  const ticks: number[] = [];
  for (let d = first; d <= last; d++) {
    const iso = isoOf(d);
    if (span > 60 ? iso.endsWith('-01') : span > 14 ? new Date(d * DAY_MS).getUTCDay() === 1 : true) ticks.push(d);
  }
  const labelEvery = Math.ceil(ticks.length / Math.max(1, Math.floor(width / 70)));

  return (
    <div class="timeline" ref={box}>
      <div class="timeline-head">
        <span>Incidents per day</span>
        {sel ? (
          <span>
            {isoOf(sel.a)} – {isoOf(sel.b)}{' '}
            <button type="button" class="link" onClick={() => navigate(withQuery(loc, { from: null, to: null }), true)}>
              clear period
            </button>
          </span>
        ) : (
          <span class="muted">drag to select a period</span>
        )}
      </div>
      <svg
        width={width}
        height={HEIGHT}
        class="timeline-svg"
        data-testid="timeline"
        role="img"
        aria-label="Incidents per day, stacked by event type"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
      >
        {sel && <rect class="brush" x={x(sel.a)} y={0} width={Math.max(2, x(sel.b + 1) - x(sel.a))} height={plotH} />}
        {days.map((d) => {
          let y = plotH;
          const dn = dayNumber(d.day);
          const inside = !sel || (dn >= sel.a && dn <= sel.b);
          return (
            <g key={d.day} opacity={inside ? 1 : 0.35}>
              {d.counts.map((n, i) => {
                if (!n) return null;
                const h = (n / max) * (plotH - 6);
                y -= h;
                return (
                  <rect
                    key={i}
                    x={x(dn)}
                    y={y}
                    width={barW}
                    height={h}
                    fill={TYPE_COLOURS[EVENT_TYPES[i] ?? ''] ?? '#64748b'}
                  >
                    <title>{`${d.day}: ${n} ${EVENT_TYPES[i]}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={plotH + 0.5} y2={plotH + 0.5} class="axis" />
        {ticks.map((d, i) =>
          i % labelEvery === 0 ? (
            <text key={d} x={x(d) + 2} y={HEIGHT - 3} class="tick">
              {span > 60 ? isoOf(d).slice(0, 7) : isoOf(d).slice(5)}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}
