/** The filters of the workbench, as they live in the URL and as the API takes them. */
export const FILTER_KEYS = [
  'from',
  'to',
  'bbox',
  'country',
  'admin1',
  'type',
  'actor',
  'grade',
  'certainty',
  'minSources',
  'q',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filter part of the page URL, as an API query string (unknown keys dropped). */
export function apiQuery(query: URLSearchParams, omit: FilterKey[] = []): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    const v = query.get(key);
    if (v) out.set(key, v);
  }
  return out;
}

export const TYPE_COLOURS: Record<string, string> = {
  Battles: '#c2410c',
  'Explosions/Remote violence': '#7c3aed',
  'Violence against civilians': '#be123c',
  Protests: '#0f766e',
  Riots: '#a16207',
  'Strategic developments': '#475569',
};

export const TYPE_SHORT: Record<string, string> = {
  Battles: 'Battles',
  'Explosions/Remote violence': 'Explosions',
  'Violence against civilians': 'Violence v. civilians',
  Protests: 'Protests',
  Riots: 'Riots',
  'Strategic developments': 'Strategic dev.',
};
