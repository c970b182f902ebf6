/** Incidents, reports, events, ingest, review actions and exports. Every change is audited in the same transaction. */
import { toAcledCsv, toGeoJson, toJsonLine } from '../../incidents/formats.js';
import type { ServerDeps } from '../app.js';
import { type AnyRoute, HttpError, route } from '../http.js';
import {
  ConfirmBody,
  DiscountBody,
  EditBody,
  EventListQuery,
  ExportQuery,
  GradeBody,
  IncidentFilterQuery,
  IncidentId,
  IncidentListQuery,
  IncidentReportParams,
  MergeBody,
  PasteBody,
  PointsQuery,
  ReportId,
  ReportListQuery,
  SplitBody,
  toFilter,
  UploadQuery,
} from '../schemas.js';
import { SearchBusyError } from '../search/pool.js';

/** 10 MiB per uploaded file: a long HTML page is ~1 MB; larger bodies are refused with 413 before they are buffered. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function dataRoutes(deps: ServerDeps): AnyRoute[] {
  const { data, audit } = deps;
  /** Runs a review action and its audit entry in one transaction: both land or neither does. */
  const audited = <T extends { before: unknown; after: unknown }>(
    actor: string,
    action: string,
    entityId: (r: T) => string,
    note: string | null,
    fn: () => T,
  ): T =>
    deps.db.transaction(() => {
      const result = fn();
      audit.append({
        actor,
        action,
        entityType: 'incident',
        entityId: entityId(result),
        before: result.before,
        after: result.after,
        note,
      });
      return result;
    })();

  return [
    route({
      method: 'GET',
      path: '/api/incidents',
      summary: 'Incidents matching the filters, newest first, with cursor pagination',
      tag: 'incidents',
      role: 'viewer',
      query: IncidentListQuery,
      responds: '{ items: IncidentSummary[], nextCursor }',
      handler: ({ query }) => ({ json: data.listIncidents(toFilter(query), query.cursor ?? null, query.limit) }),
    }),
    route({
      method: 'GET',
      path: '/api/incidents/points',
      summary: 'Compact map points [id, lat, lon, typeIndex, bestKilled|-1, precisionIndex] for the filters',
      tag: 'incidents',
      role: 'viewer',
      query: PointsQuery,
      handler: ({ query }) => ({ json: data.points(toFilter(query), query.limit) }),
    }),
    route({
      method: 'GET',
      path: '/api/incidents/timeline',
      summary: 'Incidents per start day, counts by event type (index into the six ACLED types)',
      tag: 'incidents',
      role: 'viewer',
      query: IncidentFilterQuery,
      handler: ({ query }) => ({
        json: {
          types: [
            'Battles',
            'Explosions/Remote violence',
            'Violence against civilians',
            'Protests',
            'Riots',
            'Strategic developments',
          ],
          days: data.timeline(toFilter(query)),
        },
      }),
    }),
    route({
      method: 'POST',
      path: '/api/incidents/merge',
      summary: 'Merge incidents into one (an analyst decision that survives re-clustering)',
      tag: 'review',
      role: 'analyst',
      body: MergeBody,
      responds: '{ incident, removed }',
      handler: ({ body, caller }) => {
        const r = audited(
          caller!.user.name,
          'incident.merge',
          (x) => x.incident,
          body.note ?? null,
          () => {
            const merged = data.merge(body.ids, caller!.user.name, body.note ?? null);
            // One entry per merged-away incident too (same transaction), so its own history shows where it went.
            for (const gone of merged.removed) {
              audit.append({
                actor: caller!.user.name,
                action: 'incident.merged-into',
                entityType: 'incident',
                entityId: gone,
                before: null,
                after: { incident: merged.incident },
                note: body.note ?? null,
              });
            }
            return merged;
          },
        );
        return { json: { incident: r.incident, removed: r.removed } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/incidents/:id',
      summary: 'One incident: summary, reports side by side with evidence, counts, grade, review state, links',
      tag: 'incidents',
      role: 'viewer',
      params: IncidentId,
      handler: ({ params }) => {
        const detail = data.incident(params.id);
        if (!detail) throw new HttpError(404, 'not_found', `no incident ${params.id}`);
        return { json: detail };
      },
    }),
    route({
      method: 'POST',
      path: '/api/incidents/:id/confirm',
      summary: 'Mark the incident as confirmed by an analyst',
      tag: 'review',
      role: 'analyst',
      params: IncidentId,
      body: ConfirmBody,
      handler: ({ params, body, caller }) => {
        const r = audited(
          caller!.user.name,
          'incident.confirm',
          (x) => x.incident,
          body.note ?? null,
          () => data.confirm(params.id, caller!.user.name, body.note ?? null),
        );
        return { json: { incident: r.incident, summary: r.after } };
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/incidents/:id',
      summary: 'Correct one field (type, place name, dates, actors, best counts)',
      tag: 'review',
      role: 'analyst',
      params: IncidentId,
      body: EditBody,
      handler: ({ params, body, caller }) => {
        const r = audited(
          caller!.user.name,
          `incident.edit:${body.field}`,
          (x) => x.incident,
          body.note ?? null,
          () => data.edit(params.id, body.field, body.value, caller!.user.name, body.note ?? null),
        );
        return { json: { incident: r.incident, summary: r.after } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/incidents/:id/grade',
      summary: 'Change the grade (Confirmed, Fair, Weak, Contested, Discounted) with a reason',
      tag: 'review',
      role: 'analyst',
      params: IncidentId,
      body: GradeBody,
      handler: ({ params, body, caller }) => {
        const r = audited(
          caller!.user.name,
          'incident.grade',
          (x) => x.incident,
          body.reason,
          () => data.grade(params.id, body.grade, body.reason, caller!.user.name),
        );
        return { json: { incident: r.incident, summary: r.after } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/incidents/:id/split',
      summary: 'Split an incident into groups of its events (event keys report#index)',
      tag: 'review',
      role: 'analyst',
      params: IncidentId,
      body: SplitBody,
      responds: '{ incidents }',
      handler: ({ params, body, caller }) => {
        const r = audited(
          caller!.user.name,
          'incident.split',
          (x) => x.incident,
          body.note ?? null,
          () => data.split(params.id, body.groups, caller!.user.name, body.note ?? null),
        );
        return { json: { incidents: r.incidents } };
      },
    }),
    route({
      method: 'POST',
      path: '/api/incidents/:id/reports/:reportId/discount',
      summary: 'Discount one report as a source of this incident (kept, shown struck through, not counted)',
      tag: 'review',
      role: 'analyst',
      params: IncidentReportParams,
      body: DiscountBody,
      handler: ({ params, body, caller }) => {
        const r = audited(
          caller!.user.name,
          'report.discount',
          (x) => x.incident,
          `${params.reportId}: ${body.reason}`,
          () => data.discount(params.id, params.reportId, body.reason, caller!.user.name, false),
        );
        return { json: { incident: r.incident, summary: r.after } };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/incidents/:id/reports/:reportId/discount',
      summary: 'Undo a discount',
      tag: 'review',
      role: 'analyst',
      params: IncidentReportParams,
      handler: ({ params, caller }) => {
        const r = audited(
          caller!.user.name,
          'report.restore',
          (x) => x.incident,
          params.reportId,
          () => data.discount(params.id, params.reportId, null, caller!.user.name, true),
        );
        return { json: { incident: r.incident, summary: r.after } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/reports',
      summary:
        'Reports, newest first, or full-text search results: bm25-ranked (titles weigh 3×) among the 1,000 newest ' +
        'matches, older matches after them newest first; `total` counts matches up to 1,000 (`exact` false above)',
      tag: 'reports',
      role: 'viewer',
      query: ReportListQuery,
      responds: '{ items: ReportSummary[], nextCursor, total?: { count, exact } } (total with q only)',
      handler: async ({ query }) => {
        const offset = Number(query.cursor ?? 0);
        if (!query.q || !deps.search) return { json: data.listReports(query.q ?? null, offset, query.limit) };
        const { hits, total } = await deps.search.search(query.q, offset, query.limit + 1).catch((error: unknown) => {
          if (error instanceof SearchBusyError) throw new HttpError(503, 'busy', 'too many searches at once: retry');
          throw error;
        });
        const items = hits.slice(0, query.limit).map((h) => ({
          id: h.id,
          title: h.title,
          outlet: h.outlet,
          published: h.published,
          language: h.language,
          snippet: h.snippet,
        }));
        return { json: { items, nextCursor: hits.length > query.limit ? String(offset + query.limit) : null, total } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/reports/:id',
      summary: 'One report: clean text with every annotation (places, actors, triggers, dates, counts, posts, spans)',
      tag: 'reports',
      role: 'viewer',
      params: ReportId,
      handler: ({ params }) => {
        const report = data.report(params.id);
        if (!report) throw new HttpError(404, 'not_found', `no report ${params.id}`);
        return { json: report };
      },
    }),
    route({
      method: 'GET',
      path: '/api/events',
      summary: 'Extracted events (filter by report, type, actor, country, dates)',
      tag: 'events',
      role: 'viewer',
      query: EventListQuery,
      handler: ({ query }) => ({
        json: data.events(
          {
            reportId: query.report,
            type: query.type,
            actor: query.actor,
            country: query.country?.toUpperCase(),
            from: query.from,
            to: query.to,
          },
          Number(query.cursor ?? 0),
          query.limit,
        ),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/ingest/text',
      summary: 'Add a pasted report; it is coded and clustered at once',
      tag: 'ingest',
      role: 'analyst',
      body: PasteBody,
      responds: '201 { reports, errors }',
      handler: async ({ body, caller }) => {
        const outcome = await data.ingest(body);
        audit.append({
          actor: caller!.user.name,
          action: 'ingest.text',
          entityType: 'report',
          entityId: outcome.reports[0]?.id ?? '-',
          before: null,
          after: { reports: outcome.reports.map((r) => r.id), errors: outcome.errors.length },
          note: body.title ?? null,
        });
        return { status: 201, json: outcome };
      },
    }),
    route({
      method: 'POST',
      path: '/api/ingest/file',
      summary: 'Upload one file (HTML, text, RSS/Atom, JSONL, CSV) as the raw request body, at most 10 MiB',
      tag: 'ingest',
      role: 'analyst',
      query: UploadQuery,
      raw: true,
      maxBody: MAX_UPLOAD_BYTES,
      responds: '201 { reports, errors }',
      handler: async ({ query, raw, caller }) => {
        if (!raw || raw.length === 0) throw new HttpError(400, 'validation_failed', 'body: the file is empty');
        const outcome = await data.ingest({ bytes: raw, name: query.name });
        audit.append({
          actor: caller!.user.name,
          action: 'ingest.file',
          entityType: 'report',
          entityId: outcome.reports[0]?.id ?? '-',
          before: null,
          after: {
            file: query.name,
            bytes: raw.length,
            reports: outcome.reports.map((r) => r.id),
            errors: outcome.errors.length,
          },
          note: null,
        });
        return { status: 201, json: outcome };
      },
    }),
    route({
      method: 'GET',
      path: '/api/export/acled.csv',
      summary: 'Incidents matching the filters as ACLED-style CSV (analyst corrections applied)',
      tag: 'export',
      role: 'viewer',
      query: ExportQuery,
      produces: 'text/csv',
      handler: ({ query }) => ({
        body: toAcledCsv(data.exportIncidents(toFilter(query), query.limit)),
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': 'attachment; filename="sitrep-acled.csv"' },
      }),
    }),
    route({
      method: 'GET',
      path: '/api/export/incidents.geojson',
      summary: 'Incidents matching the filters as GeoJSON (simplestyle colours by grade)',
      tag: 'export',
      role: 'viewer',
      query: ExportQuery,
      produces: 'application/geo+json',
      handler: ({ query }) => ({
        body: JSON.stringify(toGeoJson(data.exportIncidents(toFilter(query), query.limit))),
        contentType: 'application/geo+json; charset=utf-8',
        headers: { 'Content-Disposition': 'attachment; filename="sitrep-incidents.geojson"' },
      }),
    }),
    route({
      method: 'GET',
      path: '/api/export/incidents.jsonl',
      summary: 'Incidents matching the filters as JSON Lines (the `sitrep incidents list --format jsonl` shape)',
      tag: 'export',
      role: 'viewer',
      query: ExportQuery,
      produces: 'application/x-ndjson',
      handler: ({ query }) => {
        const lines = data.exportIncidents(toFilter(query), query.limit).map((i) => JSON.stringify(toJsonLine(i)));
        return {
          body: lines.length ? `${lines.join('\n')}\n` : '',
          contentType: 'application/x-ndjson; charset=utf-8',
          headers: { 'Content-Disposition': 'attachment; filename="sitrep-incidents.jsonl"' },
        };
      },
    }),
  ];
}
