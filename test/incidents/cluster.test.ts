import { describe, expect, it } from 'vitest';
import { clusterIncidents, IncidentIndex } from '../../src/incidents/index.js';
import { loadIncidentLexicon } from '../../src/incidents/lexicon.js';
import type { IncidentEventInput, IncidentReport } from '../../src/model/incident.js';
import { ev, input, place, RAS_AL_AYN, report, TAL_AL_HAWA, TAL_TAMR } from './builders.js';

const lexicon = loadIncidentLexicon();

function groups(reports: IncidentReport[], events: IncidentEventInput[]): string[][] {
  return clusterIncidents({ reports, events }, lexicon)
    .map((i) => i.members.map((m) => m.key).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('clustering rules', () => {
  it('merges two reports of one incident with swapped actor order', () => {
    const a = ev({});
    const b = ev({ actor1: a.actor2, actor2: a.actor1 });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toEqual([['r1#0', 'r2#0']]);
  });

  it('keeps apart reports whose actors share nothing (neither name nor category)', () => {
    const a = ev({
      sub_event_type: 'Attack',
      event_type: 'Violence against civilians',
      actor1: { name: 'Group A', category: 'Political militia', text: 'x' },
      actor2: { name: 'Villagers', category: 'Civilians', text: 'y' },
    });
    const b = ev({
      actor1: { name: 'Group B', category: 'Rebel group', text: 'x' },
      actor2: { name: 'Army', category: 'State forces', text: 'y' },
    });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('merges Armed clash and Attack (one type family)', () => {
    const a = ev({});
    const b = ev({ event_type: 'Violence against civilians', sub_event_type: 'Attack' });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(1);
  });

  it('keeps a protest apart from an armed clash at the same place and day', () => {
    const a = ev({});
    const b = ev({
      event_type: 'Protests',
      sub_event_type: 'Peaceful protest',
      actor1: { name: 'Protesters (Syria)', category: 'Protesters', text: 'p' },
      actor2: null,
    });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('merges a town with the admin2 it lies in', () => {
    const town = ev({ at: place(TAL_AL_HAWA) });
    const district = ev({
      at: place({ ...TAL_AL_HAWA, name: 'Ras al-Ayn District', lat: 36.75, lon: 40.1, precision: 'admin2' }),
    });
    expect(groups([report('r1'), report('r2')], [input('r1', town), input('r2', district)])).toHaveLength(1);
  });

  it('merges "near Tal Tamr" with Tal al-Hawa (21 km, one precise and one near)', () => {
    const near = ev({ at: place({ ...TAL_TAMR, precision: 'near' }) });
    const exact = ev({ at: place(TAL_AL_HAWA) });
    expect(groups([report('r1'), report('r2')], [input('r1', near), input('r2', exact)])).toHaveLength(1);
  });

  it('keeps apart two towns 10.4 km apart (Khartoum and Omdurman) on the same day', () => {
    const protest = {
      event_type: 'Protests',
      sub_event_type: 'Peaceful protest',
      actor1: { name: 'Protesters (Sudan)', category: 'Protesters', text: 'marchers' },
      actor2: null,
    } as const;
    const a = ev({
      ...protest,
      at: place({ name: 'Khartoum', lat: 15.5518, lon: 32.5324, country: 'SD', admin1: 'Khartoum' }),
    });
    const b = ev({
      ...protest,
      at: place({ name: 'Omdurman', lat: 15.6445, lon: 32.4777, country: 'SD', admin1: 'Khartoum' }),
    });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('keeps apart two villages 40 km apart on the same day', () => {
    const a = ev({ at: place(TAL_TAMR) });
    const b = ev({ at: place(RAS_AL_AYN) });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('does not chain two towns through the admin2 report that fits both', () => {
    const a = ev({ at: place({ ...TAL_TAMR, admin2: 'X' }) });
    const b = ev({ at: place({ ...RAS_AL_AYN, admin2: 'X' }) });
    const c = ev({
      at: place({ ...RAS_AL_AYN, name: 'X District', lat: 36.75, lon: 40.22, admin2: 'X', precision: 'admin2' }),
    });
    const g = groups([report('r1'), report('r2'), report('r3')], [input('r1', a), input('r2', b), input('r3', c)]);
    expect(g).toHaveLength(2);
  });

  it('keeps apart the same village name in two countries', () => {
    const a = ev({ at: place({ name: 'Karim', lat: 36.5, lon: 40.5, country: 'SY', admin1: 'Al-Hasakah' }) });
    const b = ev({ at: place({ name: 'Karim', lat: 36.5, lon: 40.5, country: 'IQ', admin1: 'Nineveh' }) });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('merges dates that touch (next-day dating) but not two days apart', () => {
    const a = ev({ day: '2019-10-29' });
    const b = ev({ day: '2019-10-30' });
    const c = ev({ day: '2019-11-01' });
    const g = groups([report('r1'), report('r2'), report('r3')], [input('r1', a), input('r2', b), input('r3', c)]);
    expect(g).toEqual([['r1#0', 'r2#0'], ['r3#0']]);
  });

  it('widens a date the coder took from the publication day to the two days before it', () => {
    const a = ev({ day: '2019-10-29' });
    const b = ev({ day: '2019-10-31', reasons: [{ field: 'date', reason: 'published-default' }] });
    const c = ev({ day: '2019-10-31' });
    const g = groups(
      [report('r1'), report('r2', { published: '2019-10-31' }), report('r3')],
      [input('r1', a), input('r2', b), input('r3', c)],
    );
    expect(g.find((x) => x.includes('r1#0'))).toEqual(['r1#0', 'r2#0']);
  });

  it('merges a week-precision report with the day inside it', () => {
    const a = ev({ day: '2019-10-29' });
    const b = ev({ date: { start: '2019-10-27', end: '2019-11-02', precision: 'week' } });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(1);
  });

  it('never merges year-precision events automatically', () => {
    const a = ev({});
    const b = ev({ date: { start: '2019-01-01', end: '2019-12-31', precision: 'year' } });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('keeps a hand-over a separate incident linked with "follows"', () => {
    const clash = ev({ captured: { low: 18, high: 18 } });
    const handover = ev({
      day: '2019-11-01',
      event_type: 'Strategic developments',
      sub_event_type: 'Other',
      actor1: { name: 'Syrian National Army', category: 'Rebel group', text: 'x' },
      actor2: { name: 'Russian Military Police', category: 'External/Other forces', text: 'y' },
    });
    const inc = clusterIncidents(
      {
        reports: [report('r1'), report('r2', { published: '2019-11-01' })],
        events: [input('r1', clash), input('r2', handover)],
      },
      lexicon,
    );
    expect(inc).toHaveLength(2);
    const h = inc.find((i) => i.event_type === 'Strategic developments')!;
    const c = inc.find((i) => i.event_type === 'Battles')!;
    expect(h.links).toEqual([{ type: 'follows', incident: c.id, reason: 'follow-up:Other:shared-actor' }]);
    expect(c.links).toEqual([]);
  });

  it('keeps a retaliation the next day apart and links it, even with swapped actors', () => {
    const attack = ev({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
    });
    const answer = ev({
      day: '2019-10-30',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      actor1: attack.actor2,
      actor2: attack.actor1,
      evidence: [{ start: 0, end: 40, text: 'The army shelled the positions in retaliation.' }],
    });
    const inc = clusterIncidents(
      { reports: [report('r1'), report('r2')], events: [input('r1', attack), input('r2', answer)] },
      lexicon,
    );
    expect(inc).toHaveLength(2);
    const a = inc.find((i) => i.members[0]!.report === 'r1')!;
    const b = inc.find((i) => i.members[0]!.report === 'r2')!;
    expect(b.links).toEqual([{ type: 'follows', incident: a.id, reason: 'retaliation' }]);
  });

  it('keeps a same-day retaliation by a third party apart from the strike it answers', () => {
    const strike = ev({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actor1: null,
      actor2: { name: 'Civilians (Syria)', category: 'Civilians', text: 'civilians' },
    });
    const answer = ev({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      actor1: { name: 'HTS', category: 'Rebel group', text: 'HTS fighters' },
      actor2: { name: 'Military Forces of Syria', category: 'State forces', text: 'army positions' },
      evidence: [{ start: 0, end: 60, text: 'HTS shelled army positions, saying it was retaliation for the strike.' }],
    });
    const retold = ev({ ...answer, evidence: [{ start: 0, end: 30, text: 'HTS shelled army positions.' }] });
    const g = groups(
      [report('r1'), report('r2'), report('r3')],
      [input('r1', strike), input('r2', answer), input('r3', retold)],
    );
    expect(g).toEqual([['r1#0'], ['r2#0', 'r3#0']]);
  });

  it('gives the same incidents for shuffled input', () => {
    const reports = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => report(id));
    const events = [
      input('a', ev({})),
      input('b', ev({ at: place({ ...TAL_TAMR, precision: 'near' }), day: '2019-10-30' })),
      input('c', ev({ at: place(TAL_AL_HAWA) })),
      input('d', ev({ at: place(RAS_AL_AYN) })),
      input('e', ev({ at: place({ ...RAS_AL_AYN, name: 'R district', precision: 'admin2' }) })),
      input(
        'f',
        ev({
          at: place({
            name: 'Al-Hasakah',
            lat: 36.5,
            lon: 40.7,
            country: 'SY',
            admin1: 'Al-Hasakah',
            precision: 'admin1',
          }),
        }),
      ),
    ];
    const reference = JSON.stringify(clusterIncidents({ reports, events }, lexicon));
    let seed = 7;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 20; round++) {
      const shuffled = [...events].sort(() => rand() - 0.5);
      const shuffledReports = [...reports].sort(() => rand() - 0.5);
      expect(JSON.stringify(clusterIncidents({ reports: shuffledReports, events: shuffled }, lexicon))).toBe(reference);
    }
  });

  it('gives the same incidents incrementally as in one rebuild', () => {
    const reports = ['a', 'b', 'c', 'd', 'e'].map((id) => report(id));
    const events = [
      input('a', ev({ at: place(RAS_AL_AYN) })),
      input('b', ev({ at: place({ ...TAL_TAMR, precision: 'near' }) })),
      input('c', ev({ at: place(TAL_AL_HAWA) })),
      input('d', ev({ day: '2019-11-02', event_type: 'Strategic developments', sub_event_type: 'Other' })),
      input('e', ev({})),
    ];
    const full = clusterIncidents({ reports, events }, lexicon);
    const index = new IncidentIndex({ lexicon });
    index.addReports(reports);
    for (const e of events) index.add([e]);
    expect(JSON.stringify(index.incidents())).toBe(JSON.stringify(full));
  });

  it('reports which incidents an update changed and removed', () => {
    const index = new IncidentIndex({ lexicon });
    index.addReports([report('a'), report('b')]);
    const first = index.add([input('a', ev({}))]);
    expect(first.changed).toHaveLength(1);
    const second = index.add([input('b', ev({}))]);
    expect(second.changed).toHaveLength(1);
    expect(second.changed[0]!.members).toHaveLength(2);
    expect(index.add([input('b', ev({}))]).duplicates).toEqual(['b#0']);
  });

  it('treats "Unidentified Armed Group" as an unknown actor, not a disagreeing one', () => {
    const a = ev({});
    const b = ev({
      actor1: { name: 'Unidentified Armed Group (Syria)', category: 'Political militia', text: 'gunmen' },
      actor2: { name: 'Civilians (Syria)', category: 'Civilians', text: 'villagers' },
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
    });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(1);
  });

  it('never lets a background mention (10+ days before its report) corroborate an older incident', () => {
    const original = ev({ day: '2019-10-09' });
    const background = ev({ day: '2019-10-09' });
    const g = groups(
      [report('r1', { published: '2019-10-09' }), report('r2', { published: '2019-10-30' })],
      [input('r1', original), input('r2', background)],
    );
    expect(g).toHaveLength(2);
  });

  it('joins a country-wide headline event to its own report’s detailed incident, not to another report’s', () => {
    const country = place({ name: 'Syria', lat: 35, lon: 38, country: 'SY', precision: 'country' });
    const other = ev({ at: place(RAS_AL_AYN) });
    const detailed = ev({ at: place(TAL_TAMR) });
    const headline = ev({ at: country });
    const inc = clusterIncidents(
      {
        reports: [report('a'), report('b')],
        events: [input('a', other), input('b', detailed, 0), input('b', headline, 1)],
      },
      lexicon,
    );
    expect(
      inc
        .find((i) => i.members.some((m) => m.key === 'b#1'))!
        .members.map((m) => m.key)
        .sort(),
    ).toEqual(['b#0', 'b#1']);
  });

  it('keeps a country-wide event of another event type apart', () => {
    const country = place({ name: 'Syria', lat: 35, lon: 38, country: 'SY', precision: 'country' });
    const a = ev({});
    const b = ev({ at: country, event_type: 'Violence against civilians', sub_event_type: 'Attack' });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });

  it('does not merge events without a place', () => {
    const a = ev({ at: null });
    const b = ev({ at: null });
    expect(groups([report('r1'), report('r2')], [input('r1', a), input('r2', b)])).toHaveLength(2);
  });
});

describe('name folding', () => {
  it('treats "Al Ḩasakah" and "Al-Hasakah" as one admin1', () => {
    const a = ev({ at: place({ ...TAL_TAMR, precision: 'exact' }) });
    const b = ev({
      at: place({
        name: 'Al Ḩasakah',
        lat: 36.5,
        lon: 40.75,
        country: 'SY',
        admin1: 'Al Ḩasakah',
        precision: 'admin1',
      }),
    });
    expect(
      clusterIncidents({ reports: [report('r1'), report('r2')], events: [input('r1', a), input('r2', b)] }, lexicon),
    ).toHaveLength(1);
  });
});

describe('admin names', () => {
  it('treats "Kharkiv Oblast" and "Kharkiv" as one admin1', () => {
    const at = (admin1: string, precision: 'exact' | 'admin1', lat: number, lon: number) =>
      place({ name: 'x', lat, lon, country: 'UA', admin1, precision });
    const a = ev({ at: at('Kharkiv Oblast', 'exact', 49.99, 36.23) });
    const b = ev({ at: at('Kharkiv', 'admin1', 49.5, 36.5) });
    const c = ev({ at: at('Donetsk Oblast', 'admin1', 48.0, 37.8) });
    expect(
      groups([report('r1'), report('r2'), report('r3')], [input('r1', a), input('r2', b), input('r3', c)]),
    ).toEqual([['r1#0', 'r2#0'], ['r3#0']]);
  });
});
