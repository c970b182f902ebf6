/** Input schemas shared by the routes and the OpenAPI document. */
import { z } from 'zod';
import { ACLED_TYPES } from '../model/extraction.js';
import { GRADES } from '../model/incident.js';
import { EDITABLE_FIELDS, type IncidentFilter } from './data.js';

const EVENT_TYPE_NAMES = Object.keys(ACLED_TYPES);
const SUB_EVENT_TYPE_NAMES = Object.values(ACLED_TYPES).flat() as string[];
const CERTAINTIES = ['reported', 'claimed', 'unconfirmed', 'denied'];

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

/** A comma-separated list whose every item must be one of `allowed`. */
function listOf(allowed: readonly string[], what: string) {
  return z
    .string()
    .max(600)
    .transform((s, ctx) => {
      const items = s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      for (const item of items) {
        if (!allowed.includes(item)) {
          ctx.addIssue({ code: 'custom', message: `unknown ${what} '${item.slice(0, 60)}'` });
          return z.NEVER;
        }
      }
      return items;
    });
}

const Bbox = z
  .string()
  .max(120)
  .transform((s, ctx) => {
    const n = s.split(',').map(Number);
    const [w, so, e, no] = n;
    if (
      n.length !== 4 ||
      n.some((x) => !Number.isFinite(x)) ||
      w === undefined ||
      so === undefined ||
      e === undefined ||
      no === undefined
    ) {
      ctx.addIssue({ code: 'custom', message: 'expected west,south,east,north in degrees' });
      return z.NEVER;
    }
    if (so > no || so < -90 || no > 90 || w < -180 || w > 180 || e < -180 || e > 180) {
      ctx.addIssue({ code: 'custom', message: 'latitudes must be -90..90 with south ≤ north, longitudes -180..180' });
      return z.NEVER;
    }
    return [w, so, e, no] as [number, number, number, number];
  });

export const IncidentFilterQuery = z.object({
  from: IsoDate.optional().describe('incidents that end on or after this day'),
  to: IsoDate.optional().describe('incidents that start on or before this day'),
  bbox: Bbox.optional().describe('west,south,east,north (degrees)'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2')
    .optional(),
  admin1: z.string().min(1).max(100).optional(),
  type: listOf([...EVENT_TYPE_NAMES, ...SUB_EVENT_TYPE_NAMES], 'event type')
    .optional()
    .describe('comma-separated event or sub-event types'),
  actor: z.string().min(1).max(100).optional().describe('part of either actor name'),
  grade: listOf(GRADES, 'grade').optional().describe('comma-separated grades'),
  certainty: listOf(CERTAINTIES, 'certainty').optional().describe('comma-separated certainties'),
  minSources: z.coerce.number().int().min(1).max(100).optional().describe('minimum independent sources'),
  q: z.string().min(1).max(200).optional().describe('words in place, actor or outlet names'),
});

export type IncidentFilterInput = z.output<typeof IncidentFilterQuery>;

export function toFilter(q: IncidentFilterInput): IncidentFilter {
  const types = q.type?.filter((t) => EVENT_TYPE_NAMES.includes(t));
  const subTypes = q.type?.filter((t) => SUB_EVENT_TYPE_NAMES.includes(t) && !EVENT_TYPE_NAMES.includes(t));
  return {
    from: q.from,
    to: q.to,
    bbox: q.bbox,
    country: q.country,
    admin1: q.admin1,
    types: types?.length ? types : undefined,
    subTypes: subTypes?.length ? subTypes : undefined,
    actor: q.actor,
    grades: q.grade,
    certainties: q.certainty,
    minSources: q.minSources,
    q: q.q,
  };
}

export const IncidentListQuery = IncidentFilterQuery.extend({
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const PointsQuery = IncidentFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200_000).default(50_000).describe('most points returned'),
});

export const ExportQuery = IncidentFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200_000).default(100_000),
});

/** Incident ids are derived from event keys: hex, '#', ':' and a few separators; nothing that could be markup. */
export const IncidentId = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.:#-]+$/, 'not an incident id'),
});
export const ReportId = z.object({
  id: z
    .string()
    .min(4)
    .max(128)
    .regex(/^[\w.:-]+$/, 'not a report id'),
});
export const IncidentReportParams = IncidentId.extend({ reportId: ReportId.shape.id });

export const Note = z.string().trim().max(2000).optional();

export const ConfirmBody = z.object({ note: Note });

export const EditBody = z
  .object({
    field: z.enum(EDITABLE_FIELDS),
    value: z.union([z.string().trim().min(1).max(200), z.number()]),
    note: Note,
  })
  .transform((b, ctx) => {
    const v = String(b.value);
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, path: ['value'] });
      return z.NEVER;
    };
    if (b.field === 'sub_event_type' && !SUB_EVENT_TYPE_NAMES.includes(v)) return fail('not an ACLED sub-event type');
    if (b.field.startsWith('date.') && !IsoDate.safeParse(v).success) return fail('expected YYYY-MM-DD');
    if (b.field.startsWith('counts.') && !/^\d{1,7}$/.test(v)) return fail('expected a whole number ≥ 0');
    return { field: b.field, value: b.field.startsWith('counts.') ? String(Number(v)) : v, note: b.note };
  });

export const GradeBody = z.object({
  grade: z.enum(GRADES as [string, ...string[]]),
  reason: z.string().trim().min(3, 'say why (3+ characters)').max(2000),
});

export const DiscountBody = z.object({ reason: z.string().trim().min(3, 'say why (3+ characters)').max(2000) });

export const MergeBody = z.object({
  ids: z
    .array(IncidentId.shape.id)
    .min(2)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'ids must differ'),
  note: Note,
});

export const SplitBody = z.object({
  groups: z
    .array(z.array(z.string().min(1).max(200)).min(1).max(1000))
    .min(2)
    .max(50),
  note: Note,
});

export const ReportListQuery = z.object({
  q: z.string().min(1).max(300).optional().describe('full-text query: words AND-ed, "phrases", prefix*'),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/, 'not a cursor this API issued')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const EventListQuery = z.object({
  report: z.string().min(4).max(128).optional(),
  type: z.string().max(80).optional(),
  actor: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const PasteBody = z.object({
  text: z.string().trim().min(20, 'paste at least a sentence (20+ characters)').max(1_000_000),
  title: z.string().trim().max(500).optional(),
  outlet: z.string().trim().max(200).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  published: IsoDate.optional(),
});

export const UploadQuery = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .regex(
      /^[^/\\\0]+\.(html?|txt|xml|rss|atom|jsonl|ndjson|csv|json)$/i,
      'a file name ending .html .txt .xml .rss .atom .jsonl .csv or .json',
    ),
});
