/** The `--map id=…,text=…,published=…` column mapping for JSONL and CSV corpora. */

export const MAPPABLE_FIELDS = ['id', 'text', 'published', 'title', 'url', 'outlet', 'author'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export interface FieldMapping {
  /** Input column (CSV) or key path (JSONL, dots for nesting: `meta.date`) for each report field. */
  columns: Record<MappableField, string>;
  /** Fields the user mapped explicitly: a corpus lacking one of these is an error, not a default. */
  explicit: Set<MappableField>;
}

export function defaultMapping(): FieldMapping {
  const columns = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, f])) as Record<MappableField, string>;
  return { columns, explicit: new Set(['text']) };
}

/** Parses `id=doc_id,text=body`; throws an Error naming the bad part. */
export function parseMapping(spec: string | undefined): FieldMapping {
  const mapping = defaultMapping();
  if (!spec) return mapping;
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim() as MappableField;
    const column = part.slice(eq + 1).trim();
    if (eq < 0 || column === '') throw new Error(`bad --map entry '${part}': expected field=column`);
    if (!MAPPABLE_FIELDS.includes(field)) {
      throw new Error(`bad --map field '${field}': one of ${MAPPABLE_FIELDS.join(', ')}`);
    }
    mapping.columns[field] = column;
    mapping.explicit.add(field);
  }
  return mapping;
}

/** Value at a dotted key path of a JSON object. */
export function pick(record: unknown, path: string): unknown {
  if (record && typeof record === 'object' && path in (record as object))
    return (record as Record<string, unknown>)[path];
  let v: unknown = record;
  for (const key of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return null;
}
