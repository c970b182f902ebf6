import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/ingest/build-report.js';
import type { ExtractedEvent } from '../../src/model/extraction.js';
import { openStore } from '../../src/store/index.js';

function event(over: Partial<ExtractedEvent>): ExtractedEvent {
  return {
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: { name: 'Syrian National Army', category: 'Rebel group', text: 'Turkish-backed militants' },
    actor2: { name: 'Military Forces of Syria', category: 'State forces', text: 'SAA soldiers' },
    date: { start: '2019-10-29', end: '2019-10-29', precision: 'day' },
    location: {
      name: 'Tal Tamr',
      lat: 36.65,
      lon: 40.37,
      country: 'SY',
      admin1: 'Al-Hasakah',
      admin2: null,
      geonameid: 167000,
      precision: 'near',
    },
    fatalities: null,
    injured: null,
    captured: { low: 16, high: null },
    certainty: 'reported',
    attribution: null,
    evidence: [{ start: 0, end: 10, text: 'Fighters c' }],
    confidence: 0.8,
    reasons: [{ field: 'captured', reason: 'count-over', span: { start: 3, end: 10 } }],
    ...over,
  };
}

function setup() {
  const store = openStore(':memory:');
  const r1 = buildReport({
    text: 'Fighters captured soldiers.',
    source: { kind: 'file', locator: 'a', seenAt: 'now' },
    publishedSource: 'none',
    rawSha256: null,
  });
  const r2 = buildReport({
    text: 'Shelling hit Kharkiv.',
    source: { kind: 'file', locator: 'b', seenAt: 'now' },
    publishedSource: 'none',
    rawSha256: null,
  });
  store.reports.upsert(r1);
  store.reports.upsert(r2);
  store.events.replaceForReport(r1.id, [
    event({}),
    event({
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      certainty: 'unconfirmed',
      actor2: null,
    }),
  ]);
  store.events.replaceForReport(r2.id, [
    event({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      actor1: { name: 'Military Forces of Russia', category: 'State forces', text: 'Russian forces' },
      actor2: { name: 'Civilians (Ukraine)', category: 'Civilians', text: 'residents' },
      date: { start: '2024-06-01', end: '2024-06-07', precision: 'week' },
      location: {
        name: 'Kharkiv',
        lat: 50,
        lon: 36.2,
        country: 'UA',
        admin1: 'Kharkiv',
        admin2: null,
        geonameid: null,
        precision: 'exact',
      },
      certainty: 'claimed',
    }),
  ]);
  return { store, r1, r2 };
}

describe('SQLite events repository', () => {
  it('stores events with evidence and reasons and reads them back identically', () => {
    const { store, r1 } = setup();
    const [first] = store.events.forReport(r1.id);
    expect(first).toEqual({ id: `${r1.id}:0`, reportId: r1.id, idx: 0, event: event({}) });
    expect(store.events.get(`${r1.id.slice(0, 8)}:1`)?.event.sub_event_type).toBe('Attack');
    expect(store.events.get(`${r1.id}:9`)).toBeNull();
    expect(store.events.get('nonsense')).toBeNull();
    store.close();
  });

  it('replaces a report’s events instead of adding to them', () => {
    const { store, r1 } = setup();
    expect(store.events.replaceForReport(r1.id, [event({ certainty: 'denied' })])).toBe(1);
    expect(store.events.forReport(r1.id).map((e) => e.event.certainty)).toEqual(['denied']);
    expect(store.events.count()).toBe(2);
    store.close();
  });

  it('filters by type, actor, country, date overlap, certainty and report', () => {
    const { store, r1, r2 } = setup();
    const ids = (f: Parameters<typeof store.events.list>[0]) => store.events.list(f).map((e) => e.id);
    expect(ids({ type: 'battles' })).toEqual([`${r1.id}:0`]);
    expect(ids({ type: 'Shelling/artillery/missile attack' })).toEqual([`${r2.id}:0`]);
    expect(ids({ actor: 'turkish-backed' }).sort()).toEqual([`${r1.id}:0`, `${r1.id}:1`].sort());
    expect(ids({ actor: 'Russia' })).toEqual([`${r2.id}:0`]);
    expect(ids({ country: 'ua' })).toEqual([`${r2.id}:0`]);
    // A week-long interval overlaps a query day inside it.
    expect(ids({ from: '2024-06-05', to: '2024-06-05' })).toEqual([`${r2.id}:0`]);
    expect(ids({ to: '2020-01-01' })).toHaveLength(2);
    expect(ids({ certainty: 'unconfirmed' })).toEqual([`${r1.id}:1`]);
    expect(ids({ reportId: r2.id })).toEqual([`${r2.id}:0`]);
    expect(store.events.count({ actor: '%' })).toBe(0);
    store.close();
  });

  it('deletes a report’s events with the report', () => {
    const { store, r1 } = setup();
    store.db.prepare('DELETE FROM reports WHERE id = ?').run(r1.id);
    expect(store.events.forReport(r1.id)).toEqual([]);
    store.close();
  });
});
