/** Adapters from the pipeline's shapes (Report, Extraction) to what the incident stage reads. */
import { basename } from 'node:path';
import type { Extraction } from '../model/extraction.js';
import type { IncidentEventInput, IncidentReport } from '../model/incident.js';
import type { Report } from '../model/report.js';

/** The projection of a Report the incident stage needs: ids, outlet, date, syndication family, wire, post authors. */
export function incidentReportOf(report: Report): IncidentReport {
  // The id the input gave (JSONL/CSV id, feed guid), else the file name: what `reports[].id` shows in exports.
  const sources = [...report.sources].sort((a, b) => (a.locator < b.locator ? -1 : a.locator > b.locator ? 1 : 0));
  const ids = [
    ...new Set(
      sources.map((s) => s.externalId ?? (s.kind === 'file' ? basename(s.locator) : null)).filter((x) => x !== null),
    ),
  ] as string[];
  // Input ids (JSONL id, feed guid) before file names.
  const external = sources.find((s) => s.externalId)?.externalId ?? ids[0] ?? null;
  return {
    id: report.id,
    externalId: external,
    externalIds: external ? [external, ...ids.filter((x) => x !== external)] : ids,
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
