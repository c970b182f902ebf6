/** Adapters from the pipeline's shapes (Report, Extraction) to what the incident stage reads. */
import type { Extraction } from '../model/extraction.js';
import type { IncidentEventInput, IncidentReport } from '../model/incident.js';
import type { Report } from '../model/report.js';

/** The projection of a Report the incident stage needs: ids, outlet, date, syndication family, wire, post authors. */
export function incidentReportOf(report: Report): IncidentReport {
  const external = report.sources.find((s) => s.externalId)?.externalId ?? null;
  return {
    id: report.id,
    externalId: external,
    outlet: report.outlet ?? null,
    url: report.url ?? null,
    published: report.published ?? null,
    familyId: report.familyId ?? null,
    wire: report.dateline?.agency ?? null,
    embeddedPosts: report.embeddedPosts.map((p) => ({ author: p.author ?? null, handle: p.handle ?? null })),
  };
}

/** The events of one report's extraction, keyed by the report id and their index in the extraction. */
export function eventsOfExtraction(reportId: string, extraction: Extraction): IncidentEventInput[] {
  return extraction.events.map((event, index) => ({ report: reportId, index, event }));
}
