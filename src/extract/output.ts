/**
 * Output formats of `sitrep extract`: JSON Lines (one Extraction per input, the eval README's shape), one JSON
 * array, or ACLED-style CSV (one row per event, ACLED's column names and inter codes).
 */
import type { ExtractedEvent, Extraction } from '../model/extraction.js';
import { ACLED_INTER_CODE, csvCell } from '../text/csv.js';

export type ExtractFormat = 'jsonl' | 'json' | 'acled-csv';

/** The Extraction exactly as the eval README prints it: internal fields (reasons, embeddedPost) only with trace. */
export function publicExtraction(ex: Extraction, trace: boolean): Extraction {
  if (trace) return ex;
  return {
    id: ex.id,
    language: ex.language,
    published: ex.published,
    places: ex.places,
    events: ex.events.map(({ reasons: _reasons, embeddedPost: _post, ...event }) => event),
  };
}

export const ACLED_CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'interaction',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'certainty',
  'attribution',
  'notes',
] as const;

export function acledCsvHeader(): string {
  return `${ACLED_CSV_COLUMNS.join(',')}\n`;
}

/** One CSV row per event; ACLED's time precision 1 day / 2 week / 3 month, geo precision 1 town / 2 near / 3 region. */
export function acledCsvRows(ex: Extraction): string {
  return ex.events
    .map((e: ExtractedEvent, i: number) => {
      const i1 = e.actor1 ? ACLED_INTER_CODE[e.actor1.category] : 0;
      const i2 = e.actor2 ? ACLED_INTER_CODE[e.actor2.category] : 0;
      const interaction = [i1, i2]
        .filter((x) => x > 0)
        .sort((a, b) => a - b)
        .join('')
        .padEnd(2, '0');
      const timePrecision = e.date ? { day: 1, week: 2, month: 3, year: 3 }[e.date.precision] : '';
      const geoPrecision = e.location
        ? { exact: 1, near: 2, admin2: 2, admin1: 3, country: 3 }[e.location.precision]
        : '';
      const row = {
        event_id_cnty: `${ex.id}-${i + 1}`,
        event_date: e.date?.end ?? '',
        time_precision: timePrecision,
        event_type: e.event_type,
        sub_event_type: e.sub_event_type,
        actor1: e.actor1?.name ?? '',
        inter1: i1 || '',
        actor2: e.actor2?.name ?? '',
        inter2: i2 || '',
        interaction,
        country: e.location?.country ?? '',
        admin1: e.location?.admin1 ?? '',
        admin2: e.location?.admin2 ?? '',
        location: e.location?.name ?? '',
        latitude: e.location?.lat ?? '',
        longitude: e.location?.lon ?? '',
        geo_precision: geoPrecision,
        fatalities: e.fatalities?.low ?? 0,
        certainty: e.certainty,
        attribution: e.attribution ?? '',
        notes: e.evidence.map((ev) => ev.text).join(' … '),
      };
      return `${ACLED_CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
    })
    .join('');
}
