import type { CountBrief } from '../../src/server/views';

export function formatDate(d: { start: string; end: string; precision: string } | null): string {
  if (!d) return 'date unknown';
  if (d.start === d.end) return d.start;
  return `${d.start} – ${d.end}`;
}

export function formatCount(c: CountBrief | null): string {
  if (!c || c.best === null) return '–';
  if (c.low !== null && c.high !== null && (c.low !== c.best || c.high !== c.best))
    return `${c.best} (${c.low}–${c.high})`;
  if (c.low !== null && c.high === null && c.low !== c.best) return `${c.best} (${c.low}+)`;
  return String(c.best);
}

export function GradeBadge({ grade, title }: { grade: string; title?: string }) {
  return (
    <span class={`grade grade-${grade.toLowerCase()}`} title={title ?? `grade: ${grade}`}>
      {grade}
    </span>
  );
}

const PRECISION_TEXT: Record<string, string> = {
  exact: 'exact point',
  near: 'near a point',
  admin2: 'district (area)',
  admin1: 'province (area)',
  country: 'country (area)',
};

export function PrecisionTag({ precision }: { precision: string }) {
  const area = precision !== 'exact' && precision !== 'near';
  return (
    <span
      class={`precision ${area ? 'area' : 'point'}`}
      title={`location precision: ${PRECISION_TEXT[precision] ?? precision}`}
    >
      {area ? '◌' : '●'} {precision}
    </span>
  );
}
