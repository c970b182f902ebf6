/** Small builders for ExtractedEvent-level test data (fictional or hand-written; nothing from evaluation data). */
import type { EventLocation, ExtractedEvent, Precision } from '../../src/model/extraction.js';
import type { IncidentEventInput, IncidentReport } from '../../src/model/incident.js';

export interface PlaceSpec {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string | null;
  admin2?: string | null;
  precision?: Precision;
}

export function place(p: PlaceSpec): EventLocation {
  return {
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    admin1: p.admin1 ?? null,
    admin2: p.admin2 ?? null,
    geonameid: null,
    precision: p.precision ?? 'exact',
  };
}

export function ev(over: Partial<ExtractedEvent> & { day?: string; at?: EventLocation | null }): ExtractedEvent {
  const { day, at, ...rest } = over;
  const d = day ?? '2019-10-29';
  return {
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: { name: 'Syrian National Army', category: 'Rebel group', text: 'SNA fighters' },
    actor2: { name: 'Military Forces of Syria', category: 'State forces', text: 'Syrian soldiers' },
    date: { start: d, end: d, precision: 'day' },
    location: at === undefined ? place(TAL_TAMR) : at,
    fatalities: null,
    injured: null,
    captured: null,
    certainty: 'reported',
    attribution: null,
    evidence: [{ start: 0, end: 10, text: 'test event' }],
    confidence: 0.8,
    ...rest,
  };
}

export function report(id: string, over: Partial<IncidentReport> = {}): IncidentReport {
  return { id, externalId: id, outlet: `outlet-${id}`, published: '2019-10-30', familyId: id, ...over };
}

export function input(reportId: string, event: ExtractedEvent, index = 0): IncidentEventInput {
  return { report: reportId, index, event };
}

export const TAL_TAMR: PlaceSpec = {
  name: 'Tal Tamr',
  lat: 36.6556,
  lon: 40.3708,
  country: 'SY',
  admin1: 'Al-Hasakah',
  admin2: 'Al-Hasakah',
};
export const TAL_AL_HAWA: PlaceSpec = {
  name: 'Tal al-Hawa',
  lat: 36.79,
  lon: 40.21,
  country: 'SY',
  admin1: 'Al-Hasakah',
  admin2: 'Ras al-Ayn',
};
/** 40+ km from Tal Tamr. */
export const RAS_AL_AYN: PlaceSpec = {
  name: 'Ras al-Ayn',
  lat: 36.8503,
  lon: 40.0706,
  country: 'SY',
  admin1: 'Al-Hasakah',
  admin2: 'Ras al-Ayn',
};
