/** Export formats for incidents: the JSONL line of the issue, ACLED-style CSV, styled GeoJSON. */
import type { EventActor } from '../model/extraction.js';
import type { CountSummary, Grade, Incident } from '../model/incident.js';
import { ACLED_INTER_CODE, csvCell } from '../text/csv.js';

const count = (c: CountSummary) => ({ low: c.low, best: c.best, high: c.high, acled: c.acled });
const actor = (a: EventActor | null) => (a ? { name: a.name, category: a.category } : null);

/** One JSON object per incident (`--format jsonl`); reports are named by their input id when they have one. */
export function toJsonLine(incident: Incident): Record<string, unknown> {
  const reportId = new Map<string, string>();
  for (const f of incident.sources) for (const r of f.reports) reportId.set(r.id, r.externalId ?? r.id);
  // A report that also embeds a post appears in two families; it is listed once, under its own (non-post) family.
  // A text that arrived as several inputs (the same article in two corpora) is listed under each of its input ids.
  const seen = new Map<string, { id: string; outlet: string | null; published: string | null; family: string }[]>();
  for (const f of [...incident.sources].sort((a, b) => Number(a.kind === 'post') - Number(b.kind === 'post'))) {
    for (const r of f.reports) {
      if (seen.has(r.id)) continue;
      const ids = r.externalIds ?? [r.externalId ?? r.id];
      seen.set(
        r.id,
        ids.map((id) => ({ id, outlet: r.outlet, published: r.published, family: f.id })),
      );
    }
  }
  const reports = [...seen.values()].flat();
  reports.sort((a, b) =>
    (a.published ?? '9999') < (b.published ?? '9999')
      ? -1
      : (a.published ?? '9999') > (b.published ?? '9999')
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  return {
    id: incident.id,
    event_type: incident.event_type,
    sub_event_type: incident.sub_event_type,
    actors: { actor1: actor(incident.actors.actor1), actor2: actor(incident.actors.actor2) },
    date: incident.date,
    location: incident.location,
    counts: {
      killed: count(incident.counts.killed),
      injured: count(incident.counts.injured),
      captured: count(incident.counts.captured),
    },
    grade: incident.grade,
    grade_reason: incident.grade_reason,
    sources: incident.sources.length,
    reports,
    events: incident.members.map((m) => ({
      report: reportId.get(m.report) ?? m.externalId ?? m.report,
      index: m.index,
      certainty: m.certainty,
    })),
    links: incident.links.map((l) => ({ type: l.type, incident: l.incident })),
  };
}

const TIME_PRECISION = { day: 1, week: 2, month: 3, year: 3 } as const;
const GEO_PRECISION = { exact: 1, near: 2, admin2: 2, admin1: 3, country: 3 } as const;

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'interaction',
  'iso2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'fatalities_low',
  'fatalities_best',
  'fatalities_high',
  'grade',
  'independent_sources',
] as const;

/** One ACLED-style row per incident; fatalities is ACLED's conservative figure (0 when none is reported). */
export function toAcledCsv(incidents: Incident[]): string {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const lines = [ACLED_COLUMNS.join(',')];
  for (const inc of incidents) {
    const i1 = inc.actors.actor1 ? ACLED_INTER_CODE[inc.actors.actor1.category] : 0;
    const i2 = inc.actors.actor2 ? ACLED_INTER_CODE[inc.actors.actor2.category] : 0;
    const interaction = i1 && i2 ? `${Math.min(i1, i2)}${Math.max(i1, i2)}` : `${i1 || i2}0`;
    const loc = inc.location;
    let country = loc?.country ?? '';
    try {
      if (country) country = names.of(country) ?? country;
    } catch {
      // Not an ISO 3166 code: keep what the geoparser gave.
    }
    const row: Record<(typeof ACLED_COLUMNS)[number], unknown> = {
      event_id_cnty: inc.id,
      event_date: inc.date?.start ?? '',
      year: inc.date?.start.slice(0, 4) ?? '',
      time_precision: inc.date ? TIME_PRECISION[inc.date.precision] : '',
      event_type: inc.event_type,
      sub_event_type: inc.sub_event_type,
      actor1: inc.actors.actor1?.name ?? '',
      inter1: i1 || '',
      actor2: inc.actors.actor2?.name ?? '',
      inter2: i2 || '',
      interaction,
      iso2: loc?.country ?? '',
      country,
      admin1: loc?.admin1 ?? '',
      admin2: loc?.admin2 ?? '',
      location: loc?.name ?? '',
      latitude: loc ? loc.lat.toFixed(4) : '',
      longitude: loc ? loc.lon.toFixed(4) : '',
      geo_precision: loc ? GEO_PRECISION[loc.precision] : '',
      source: [...new Set(inc.sources.flatMap((f) => f.reports.map((r) => r.outlet ?? r.externalId ?? r.id)))].join(
        '; ',
      ),
      notes: `${inc.grade}: ${inc.grade_reason}`,
      fatalities: inc.counts.killed.acled ?? 0,
      fatalities_low: inc.counts.killed.low,
      fatalities_best: inc.counts.killed.best,
      fatalities_high: inc.counts.killed.high,
      grade: inc.grade,
      independent_sources: inc.sources.length,
    };
    lines.push(ACLED_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** simplestyle colours by grade, so a reviewer opening the file as a map sees the grades. */
const GRADE_COLOUR: Record<Grade, string> = {
  Confirmed: '#1a9641',
  Fair: '#a6d96a',
  Weak: '#fdae61',
  Contested: '#d7191c',
  Discounted: '#7f7f7f',
};

export function toGeoJson(incidents: Incident[]): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: incidents
      .filter((inc) => inc.location)
      .map((inc) => {
        const line = toJsonLine(inc);
        return {
          type: 'Feature',
          id: inc.id,
          geometry: { type: 'Point', coordinates: [inc.location!.lon, inc.location!.lat] },
          properties: {
            ...line,
            title: `${inc.sub_event_type} · ${inc.location!.name} · ${inc.date?.start ?? 'undated'}`,
            'marker-color': GRADE_COLOUR[inc.grade],
            'marker-size': inc.sources.length >= 3 ? 'large' : inc.sources.length === 2 ? 'medium' : 'small',
          },
        };
      }),
  };
}
