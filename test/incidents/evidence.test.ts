import { describe, expect, it } from 'vitest';
import { clusterIncidents, IncidentIndex } from '../../src/incidents/index.js';
import { loadIncidentLexicon } from '../../src/incidents/lexicon.js';
import type { AnalystDecision, Incident } from '../../src/model/incident.js';
import type { Report } from '../../src/model/report.js';
import { ev, input, report } from './builders.js';

const lexicon = loadIncidentLexicon();

function one(reports: ReturnType<typeof report>[], events: ReturnType<typeof input>[]): Incident {
  const inc = clusterIncidents({ reports, events }, lexicon);
  expect(inc).toHaveLength(1);
  return inc[0]!;
}

describe('counts (UCDP low/best/high, ACLED conservative)', () => {
  it('14 / "over 15" / 18 gives low 14, best 18, high 18, ACLED 14', () => {
    const inc = one(
      [report('a'), report('b'), report('c')],
      [
        input('a', ev({ captured: { low: 14, high: 14 } })),
        input('b', ev({ captured: { low: 16, high: null } })),
        input('c', ev({ captured: { low: 18, high: 18 } })),
      ],
    );
    expect(inc.counts.captured).toMatchObject({
      low: 14,
      best: 18,
      high: 18,
      acled: 14,
      reason: 'supported-by-2-sources',
    });
  });

  it('best is the most supported figure, not the maximum', () => {
    const inc = one(
      [report('a'), report('b'), report('c')],
      [
        input('a', ev({ fatalities: { low: 5, high: 5 } })),
        input('b', ev({ fatalities: { low: 5, high: 5 } })),
        input('c', ev({ fatalities: { low: 9, high: 9 } })),
      ],
    );
    expect(inc.counts.killed).toMatchObject({ low: 5, best: 5, high: 9 });
  });

  it("a party's claim about its enemies' losses is kept as a claim and does not set best", () => {
    const inc = one(
      [report('a'), report('b')],
      [
        input('a', ev({ fatalities: { low: 3, high: 3 } })),
        input(
          'b',
          ev({ fatalities: { low: 20, high: 20 }, certainty: 'claimed', attribution: 'the Syrian National Army' }),
        ),
      ],
    );
    expect(inc.counts.killed).toMatchObject({ low: 3, best: 3, high: 3 });
    expect(inc.counts.killed.claims).toEqual([
      {
        event: 'b#0',
        range: { low: 20, high: 20 },
        certainty: 'claimed',
        attribution: 'the Syrian National Army',
        reason: 'claim-about-enemy-losses',
      },
    ]);
  });

  it('an unconfirmed figure alone leaves the count null with the claim listed', () => {
    const inc = one([report('a')], [input('a', ev({ fatalities: { low: 20, high: 20 }, certainty: 'unconfirmed' }))]);
    expect(inc.counts.killed).toMatchObject({ low: null, best: null, high: null, reason: 'no-credible-figure' });
    expect(inc.counts.killed.claims).toHaveLength(1);
  });

  it('a syndicated copy does not add support to its figure', () => {
    const inc = one(
      [
        report('a', { familyId: 'F' }),
        report('a2', { familyId: 'F', published: '2019-10-31' }),
        report('b', { published: '2019-10-31' }),
      ],
      [
        input('a', ev({ captured: { low: 14, high: 14 } })),
        input('a2', ev({ captured: { low: 14, high: 14 } })),
        input('b', ev({ captured: { low: 18, high: 18 } })),
      ],
    );
    // One family says 14, one says 18: equal support, so the more recent figure (18, 31 Oct) is best.
    expect(inc.counts.captured).toMatchObject({ low: 14, best: 18, high: 18, reason: 'most-recent-figure' });
  });
});

describe('independent sources', () => {
  it('counts a syndicated copy once', () => {
    const inc = one(
      [report('a', { familyId: 'F' }), report('b', { familyId: 'F' })],
      [input('a', ev({})), input('b', ev({}))],
    );
    expect(inc.sources).toHaveLength(1);
    expect(inc.sources[0]!.kind).toBe('syndication');
    expect(inc.sources[0]!.reports.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('counts two rewrites of the same wire story once', () => {
    const inc = one(
      [report('a', { wire: 'Reuters' }), report('b', { wire: 'REUTERS' })],
      [input('a', ev({})), input('b', ev({}))],
    );
    expect(inc.sources).toHaveLength(1);
    expect(inc.sources[0]).toMatchObject({ kind: 'wire', label: 'Reuters' });
  });

  it('attributes a claim from an embedded post to its author, once across outlets', () => {
    const posts = [{ author: 'Field Reporter', handle: '@field' }];
    const inc = one(
      [report('a', { embeddedPosts: posts }), report('b', { embeddedPosts: posts })],
      [input('a', ev({ embeddedPost: 0 })), input('b', ev({ embeddedPost: 0 }))],
    );
    expect(inc.sources).toHaveLength(1);
    expect(inc.sources[0]).toMatchObject({ kind: 'post', label: 'field' });
  });
});

describe('grades', () => {
  it('Weak: one source', () => {
    expect(one([report('a')], [input('a', ev({}))])).toMatchObject({ grade: 'Weak', grade_reason: 'a single source' });
  });

  it('Fair: two independent sources', () => {
    expect(one([report('a'), report('b')], [input('a', ev({})), input('b', ev({}))])).toMatchObject({ grade: 'Fair' });
  });

  it('a syndicated copy does not raise Weak to Fair', () => {
    const inc = one(
      [report('a', { familyId: 'F' }), report('b', { familyId: 'F' })],
      [input('a', ev({})), input('b', ev({}))],
    );
    expect(inc.grade).toBe('Weak');
  });

  it('Confirmed: the perpetrator accepts responsibility', () => {
    const inc = one([report('a')], [input('a', ev({ certainty: 'claimed', attribution: 'Syrian National Army' }))]);
    expect(inc).toMatchObject({ grade: 'Confirmed', grade_reason: 'responsibility accepted by Syrian National Army' });
  });

  it('Confirmed: an official source states it', () => {
    const inc = one([report('a')], [input('a', ev({ certainty: 'reported', attribution: 'the defence ministry' }))]);
    expect(inc).toMatchObject({ grade: 'Confirmed', grade_reason: 'official confirmation: the defence ministry' });
  });

  it('an anonymous "military source" is not an official confirmation', () => {
    const inc = one([report('a')], [input('a', ev({ certainty: 'reported', attribution: 'a military source' }))]);
    expect(inc.grade).toBe('Weak');
  });

  it("a side's claim of killings during a clash does not confirm the clash", () => {
    const inc = one(
      [report('a'), report('b')],
      [
        input('a', ev({})),
        input(
          'b',
          ev({
            event_type: 'Violence against civilians',
            sub_event_type: 'Attack',
            certainty: 'claimed',
            attribution: 'Syrian National Army',
            fatalities: { low: 20, high: 20 },
          }),
        ),
      ],
    );
    expect(inc.grade).toBe('Fair');
  });

  it('Discounted: a denial that is the latest word', () => {
    const inc = one(
      [report('a', { published: '2019-10-30' }), report('b', { published: '2019-10-31' })],
      [input('a', ev({})), input('b', ev({ certainty: 'denied', attribution: 'the army' }))],
    );
    expect(inc.grade).toBe('Discounted');
    expect(inc.grade_reason).toContain('denied by the army');
  });

  it('a denial quoted by an outlet that reports the event as fact does not discount it', () => {
    const inc = one(
      [report('a', { published: '2019-10-30' }), report('b', { published: '2019-10-30' })],
      [input('a', ev({})), input('b', ev({}), 0), input('b', ev({ certainty: 'denied', attribution: 'Moscow' }), 1)],
    );
    expect(inc.grade).toBe('Fair');
  });

  it('Contested: a denial answered by a later independent report', () => {
    const inc = one(
      [report('a', { published: '2019-10-30' }), report('b', { published: '2019-10-31' })],
      [input('a', ev({ certainty: 'denied', attribution: 'the army' })), input('b', ev({}))],
    );
    expect(inc.grade).toBe('Contested');
  });

  it('Contested: competing claims of responsibility', () => {
    const inc = one(
      [report('a'), report('b')],
      [
        input(
          'a',
          ev({
            certainty: 'claimed',
            attribution: 'Group A',
            actor1: { name: 'Group A', category: 'Rebel group', text: 'Group A' },
          }),
        ),
        input(
          'b',
          ev({
            certainty: 'claimed',
            attribution: 'Group B',
            actor1: { name: 'Group B', category: 'Rebel group', text: 'Group B' },
          }),
        ),
      ],
    );
    expect(inc).toMatchObject({
      grade: 'Contested',
      grade_reason: 'competing claims of responsibility: Group A vs Group B',
    });
  });
});

describe('analyst decisions', () => {
  const reports = [report('a'), report('b'), report('c')];
  const events = [input('a', ev({})), input('b', ev({})), input('c', ev({}))];

  it('an analyst split survives re-clustering and later arrivals', () => {
    const split: AnalystDecision = {
      id: 'd1',
      at: '2019-11-05T10:00:00Z',
      kind: 'split',
      groups: [['c#0'], ['a#0', 'b#0']],
    };
    const inc = clusterIncidents({ reports, events, decisions: [split] }, lexicon);
    expect(inc.map((i) => i.members.map((m) => m.key))).toHaveLength(2);
    const index = new IncidentIndex({ lexicon, decisions: [split] });
    index.addReports([...reports, report('d')]);
    index.add(events);
    index.add([input('d', ev({}))]);
    const c = index.incidentOf('c#0')!;
    expect(c.members.map((m) => m.key)).not.toContain('a#0');
    expect(c.members.find((m) => m.key === 'c#0')!.reason).toBe('analyst-split');
  });

  it('a merge holds together events the rules keep apart', () => {
    const far = input('c', ev({ day: '2019-11-20' }));
    const merge: AnalystDecision = { id: 'd1', at: '2019-11-21T00:00:00Z', kind: 'merge', events: ['a#0', 'c#0'] };
    const inc = clusterIncidents({ reports, events: [events[0]!, far], decisions: [merge] }, lexicon);
    expect(inc).toHaveLength(1);
    expect(inc[0]!.members.map((m) => m.reason).sort()).toEqual(['analyst-merge', 'analyst-merge']);
  });

  it('a move takes an event out of one incident into another, and a later merge overrides a split', () => {
    const other = input('c', ev({ day: '2019-11-20' }));
    const move: AnalystDecision = {
      id: 'd1',
      at: '2019-11-21T00:00:00Z',
      kind: 'move',
      event: 'b#0',
      to: ['c#0'],
      from: ['a#0'],
    };
    const inc = clusterIncidents({ reports, events: [events[0]!, events[1]!, other], decisions: [move] }, lexicon);
    const withC = inc.find((i) => i.members.some((m) => m.key === 'c#0'))!;
    expect(withC.members.map((m) => m.key).sort()).toEqual(['b#0', 'c#0']);
    const split: AnalystDecision = { id: 'd2', at: '2019-11-22T00:00:00Z', kind: 'split', groups: [['a#0'], ['b#0']] };
    const merge: AnalystDecision = { id: 'd3', at: '2019-11-23T00:00:00Z', kind: 'merge', events: ['a#0', 'b#0'] };
    const after = clusterIncidents({ reports, events: events.slice(0, 2), decisions: [merge, split] }, lexicon);
    expect(after).toHaveLength(1);
  });

  it('setDecisions re-forms the incidents they touch, like a rebuild', () => {
    const split: AnalystDecision = {
      id: 'd1',
      at: '2019-11-05T10:00:00Z',
      kind: 'split',
      groups: [['c#0'], ['a#0', 'b#0']],
    };
    const index = new IncidentIndex({ lexicon });
    index.addReports(reports);
    index.add(events);
    expect(index.incidents()).toHaveLength(1);
    const update = index.setDecisions([split]);
    // a#0 still leads its incident, so its id survives; c#0 forms a new one.
    expect(update.removed).toEqual([]);
    expect(update.changed).toHaveLength(2);
    expect(JSON.stringify(index.incidents())).toBe(
      JSON.stringify(clusterIncidents({ reports, events, decisions: [split] }, lexicon)),
    );
  });
});

describe('lexicon data', () => {
  it('has entries, no duplicates, all lower case', () => {
    for (const list of [lexicon.retaliationCues, lexicon.officialWords]) {
      expect(list.length).toBeGreaterThan(10);
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(w).toBe(w.toLowerCase());
    }
  });
});

describe('report ids for exports', () => {
  it('uses the input id, else the file name', async () => {
    const { incidentReportOf } = await import('../../src/incidents/inputs.js');
    const base: Omit<Report, 'sources'> = {
      id: 'x'.repeat(64),
      publishedSource: 'none',
      language: 'en',
      text: 't',
      embeddedPosts: [],
    };
    const seenAt = '2026-01-01T00:00:00Z';
    expect(
      incidentReportOf({
        ...base,
        sources: [{ kind: 'file', locator: '/data/in/a-report.txt', externalId: null, seenAt }],
      }).externalId,
    ).toBe('a-report.txt');
    expect(
      incidentReportOf({
        ...base,
        sources: [
          { kind: 'file', locator: '/data/in/b.txt', externalId: null, seenAt },
          { kind: 'corpus-row', locator: 'docs.jsonl#doc-7', externalId: 'doc-7', seenAt },
        ],
      }).externalId,
    ).toBe('doc-7');
  });
});

describe('jsonl line', () => {
  it('lists a text that arrived as two inputs under both input ids', async () => {
    const { toJsonLine } = await import('../../src/incidents/formats.js');
    const inc = one(
      [report('a', { externalId: 'doc-1', externalIds: ['doc-1', 'doc-9'] }), report('b')],
      [input('a', ev({})), input('b', ev({}))],
    );
    const line = toJsonLine(inc) as { reports: { id: string }[] };
    expect(line.reports.map((r) => r.id).sort()).toEqual(['b', 'doc-1', 'doc-9']);
  });
});
