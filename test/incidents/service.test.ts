import { describe, expect, it } from 'vitest';
import { loadIncidentLexicon } from '../../src/incidents/lexicon.js';
import { incidentSource, rebuildIncidents, updateIncidentsForReports } from '../../src/incidents/service.js';
import type { Report } from '../../src/model/report.js';
import { openStore } from '../../src/store/index.js';
import { SqliteIncidentRepository } from '../../src/store/sqlite/incidents-repo.js';
import { ev, place, RAS_AL_AYN, TAL_AL_HAWA } from './builders.js';

const lexicon = loadIncidentLexicon();
const hex = (n: number) => n.toString(16).padStart(64, '0');

function makeReport(n: number, published: string): Report {
  return {
    id: hex(n),
    sources: [
      { kind: 'corpus-row', locator: `docs.jsonl#doc-${n}`, externalId: `doc-${n}`, seenAt: '2026-01-01T00:00:00Z' },
    ],
    outlet: `Outlet ${n}`,
    published,
    publishedSource: 'input-field',
    language: 'en',
    text: `Report ${n}.`,
    embeddedPosts: [],
    familyId: hex(n),
  };
}

const events = [
  ev({}),
  ev({ at: place(TAL_AL_HAWA) }),
  ev({ at: place(RAS_AL_AYN) }),
  ev({ day: '2019-11-01', event_type: 'Strategic developments', sub_event_type: 'Agreement' }),
  ev({ day: '2019-12-20' }),
  ev({ at: place(RAS_AL_AYN), day: '2019-10-30' }),
];

function snapshot(repo: SqliteIncidentRepository): string {
  return JSON.stringify([...repo.all()].map((i) => [i.id, i.members.map((m) => m.key).sort(), i.links, i.grade]));
}

describe('incidents through the store', () => {
  it('an incremental update after each report gives what a rebuild gives', () => {
    const store = openStore(':memory:');
    const repo = new SqliteIncidentRepository(store.db);
    events.forEach((e, n) => {
      store.reports.upsert(makeReport(n + 1, e.date!.start));
      store.events.replaceForReport(hex(n + 1), [e]);
      updateIncidentsForReports(store, repo, lexicon, [hex(n + 1)]);
    });
    const incremental = snapshot(repo);
    rebuildIncidents(store, repo, lexicon);
    expect(incremental).toBe(snapshot(repo));
    expect(repo.count()).toBe(5);
    store.close();
  });

  it('the workbench source records a decision and re-forms the incidents', () => {
    const store = openStore(':memory:');
    const repo = new SqliteIncidentRepository(store.db);
    [ev({}), ev({})].forEach((e, n) => {
      store.reports.upsert(makeReport(n + 1, '2019-10-29'));
      store.events.replaceForReport(hex(n + 1), [e]);
    });
    const source = incidentSource(store, repo, lexicon);
    expect([...source.all()]).toHaveLength(1);
    source.decide({ id: 'd1', at: '2026-01-01T00:00:00Z', kind: 'split', groups: [[`${hex(1)}#0`], [`${hex(2)}#0`]] });
    expect([...source.all()]).toHaveLength(2);
    expect(repo.decisions()).toHaveLength(1);
    store.close();
  });

  it('a decision re-forms only the incidents around its events, like a rebuild', () => {
    const store = openStore(':memory:');
    const repo = new SqliteIncidentRepository(store.db);
    events.forEach((e, n) => {
      store.reports.upsert(makeReport(n + 1, e.date!.start));
      store.events.replaceForReport(hex(n + 1), [e]);
    });
    rebuildIncidents(store, repo, lexicon);
    const source = incidentSource(store, repo, lexicon);
    source.decide({ id: 'd1', at: '2026-01-01T00:00:00Z', kind: 'merge', events: [`${hex(1)}#0`, `${hex(5)}#0`] });
    const incremental = snapshot(repo);
    expect(repo.incidentOfEvent(`${hex(1)}#0`)).toBe(repo.incidentOfEvent(`${hex(5)}#0`));
    rebuildIncidents(store, repo, lexicon);
    expect(incremental).toBe(snapshot(repo));
    store.close();
  });
});
