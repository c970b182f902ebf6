// Document-level consolidation: one event per distinct (type, actors, place, date), background dropped, capitals
// used for governments are not places, counts stay with their sentence. Every sentence here is our own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ConsolidationCues,
  compileConsolidationCues,
  consolidateEvents,
  consolidateExtraction,
} from '../../src/extract/consolidate.js';
import { createExtractor } from '../../src/extract/index.js';
import { defaultDataDir, parseLexicon, readLexiconFile } from '../../src/extract/lexicon-file.js';
import type {
  EventLocation,
  ExtractedEvent,
  FieldReason,
  PlaceMention,
  Precision,
  TraceEntry,
} from '../../src/model/extraction.js';

const cues: ConsolidationCues = compileConsolidationCues(
  readLexiconFile(path.join(defaultDataDir(), 'lexicons/consolidation.txt'), 2),
);

interface Place {
  name: string;
  lat: number;
  lon: number;
  country: string;
  feature?: string;
  precision?: Precision;
}
const TOWN_A: Place = { name: 'Kafr Nabudah', lat: 35.4, lon: 36.5, country: 'SY' };
const TOWN_B: Place = { name: 'Khan Shaykhun', lat: 35.44, lon: 36.65, country: 'SY' };
const FAR_TOWN: Place = { name: 'Deir ez-Zor', lat: 35.33, lon: 40.14, country: 'SY' };
const CAPITAL: Place = { name: 'Damascus', lat: 33.51, lon: 36.29, country: 'SY', feature: 'PPLC' };

/** A report built sentence by sentence, so that every span is known. */
function doc(sentences: string[]) {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences) {
    starts.push(text.length);
    text += `${s} `;
  }
  const places: PlaceMention[] = [];
  let id = 1;
  /** The mention of `word` in sentence `i` as a place. */
  const place = (i: number, word: string, p: Place): PlaceMention => {
    const start = text.indexOf(word, starts[i]);
    if (start < 0) throw new Error(`'${word}' not in sentence ${i}`);
    const m: PlaceMention = {
      start,
      end: start + word.length,
      text: word,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      admin1: null,
      admin2: null,
      geonameid: id++,
      feature: p.feature ?? 'PPL',
      score: 1,
    };
    places.push(m);
    return m;
  };
  const event = (
    i: number,
    o: {
      type?: ExtractedEvent['event_type'];
      sub?: ExtractedEvent['sub_event_type'];
      confidence: number;
      date?: string;
      precision?: 'day' | 'week' | 'month' | 'year';
      place?: PlaceMention | null;
      locationPrecision?: Precision;
      trigger?: string;
      actors?: [string | null, string | null];
      captured?: { low: number; span: [number, string] };
    },
  ): ExtractedEvent => {
    const sentence = sentences[i] as string;
    const start = starts[i] as number;
    const reasons: FieldReason[] = [];
    const trigger = o.trigger ?? sentence.split(' ')[1] ?? '';
    const t = text.indexOf(trigger, start);
    reasons.push({ field: 'event_type', reason: 'test', span: { start: t, end: t + trigger.length } });
    let location: EventLocation | null = null;
    if (o.place) {
      const m = o.place;
      location = {
        name: m.name,
        lat: m.lat,
        lon: m.lon,
        country: m.country,
        admin1: null,
        admin2: null,
        geonameid: m.geonameid,
        precision: o.locationPrecision ?? 'exact',
      };
      reasons.push({ field: 'location', reason: 'clause-place', span: { start: m.start, end: m.end } });
    }
    let captured = null;
    if (o.captured) {
      const [si, word] = o.captured.span;
      const c = text.indexOf(word, starts[si]);
      captured = { low: o.captured.low, high: o.captured.low };
      reasons.push({ field: 'captured', reason: 'test', span: { start: c, end: c + word.length } });
    }
    const actor = (name: string | null) => (name ? { name, category: 'Rebel group' as const, text: name } : null);
    const date = o.date ?? '2023-03-14';
    return {
      event_type: o.type ?? 'Battles',
      sub_event_type: o.sub ?? 'Armed clash',
      actor1: actor(o.actors?.[0] ?? null),
      actor2: actor(o.actors?.[1] ?? null),
      date: {
        start: date,
        end: o.precision === 'month' ? `${date.slice(0, 8)}28` : date,
        precision: o.precision ?? 'day',
      },
      location,
      fatalities: null,
      injured: null,
      captured,
      certainty: 'reported',
      attribution: null,
      evidence: [{ start, end: start + sentence.length, text: sentence }],
      confidence: o.confidence,
      reasons,
      embeddedPost: null,
    };
  };
  return { text, places, place, event, starts };
}

function run(
  d: ReturnType<typeof doc>,
  events: ExtractedEvent[],
  dateline: { start: number; end: number } | null = null,
) {
  const trace: TraceEntry[] = [];
  const out = consolidateEvents(events, { text: d.text, places: d.places, dateline, cues, trace });
  return { out, reasons: trace.map((t) => t.reason) };
}

describe('consolidation: confidence floor', () => {
  it('drops a secondary event under 0.5 and keeps one at 0.5 (low-confidence)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'An old wound left one fighter unable to walk near Khan Shaykhun.',
      'Army artillery shelled positions near Deir ez-Zor the same day.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const weak = d.event(1, {
      confidence: 0.42,
      type: 'Violence against civilians',
      sub: 'Attack',
      place: d.place(1, 'Khan Shaykhun', TOWN_B),
      actors: [null, 'Civilians'],
    });
    const shelling = d.event(2, {
      confidence: 0.5,
      type: 'Explosions/Remote violence',
      sub: 'Shelling/artillery/missile attack',
      place: d.place(2, 'Deir ez-Zor', FAR_TOWN),
    });
    const { out, reasons } = run(d, [main, weak, shelling]);
    expect(out).toEqual([main, shelling]);
    expect(reasons).toContain('low-confidence');
  });

  it('never drops the main event, however low its confidence', () => {
    const d = doc(['Rebels clashed with the army near Kafr Nabudah on Tuesday.']);
    const main = d.event(0, { confidence: 0.3, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    expect(run(d, [main]).out).toEqual([main]);
  });
});

describe('consolidation: background', () => {
  it('drops an event dated weeks before the main event (background-date)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'The army shelled the same hills on 2 February.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const old = d.event(1, {
      confidence: 0.7,
      type: 'Explosions/Remote violence',
      sub: 'Shelling/artillery/missile attack',
      date: '2023-02-02',
    });
    const { out, reasons } = run(d, [main, old]);
    expect(out).toEqual([main]);
    expect(reasons).toContain('background-date');
  });

  it('drops a month-precision event beside a day-precision main event (background-coarse-date)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'Troops moved into Deir ez-Zor this month under a local deal.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const summary = d.event(1, {
      confidence: 0.6,
      date: '2023-03-01',
      precision: 'month',
      place: d.place(1, 'Deir ez-Zor', FAR_TOWN),
    });
    const { out, reasons } = run(d, [main, summary]);
    expect(out).toHaveLength(1);
    expect(reasons).toContain('background-coarse-date');
  });

  it('drops a same-day event whose sentence is background ("the first ... since") (background-cue)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'It was the heaviest fighting in the area since the truce began, residents said.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const bg = d.event(1, { confidence: 0.7, place: null, actors: ['A', 'B'] });
    const { out, reasons } = run(d, [main, bg]);
    expect(out).toEqual([main]);
    expect(reasons).toContain('background-cue');
  });

  it('drops a habitual statement ("does not usually comment on attacks") (habitual-cue)', () => {
    const d = doc([
      'A drone struck a truck near Kafr Nabudah on Tuesday.',
      'The ministry does not usually comment on attacks in the province.',
    ]);
    const main = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.9,
      place: d.place(0, 'Kafr Nabudah', TOWN_A),
    });
    const habit = d.event(1, {
      type: 'Violence against civilians',
      sub: 'Attack',
      confidence: 0.6,
      trigger: 'attacks',
      place: d.place(1, 'province', { ...TOWN_B, name: 'Idlib', precision: 'admin1' }),
      locationPrecision: 'admin1',
    });
    const { out, reasons } = run(d, [main, habit]);
    expect(out).toEqual([main]);
    expect(reasons).toContain('habitual-cue');
  });

  it('never drops the main event, even when its own sentence carries a cue', () => {
    const d = doc(['The worst clashes since January broke out near Kafr Nabudah on Tuesday.']);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const other = d.event(0, { confidence: 0.5, type: 'Protests', sub: 'Peaceful protest' });
    const { out } = run(d, [main, other]);
    expect(out).toContainEqual(main);
  });
});

describe('consolidation: capitals named for their governments', () => {
  it('drops an event whose only place is a capital followed by "to send" (capital-metonym)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'A new deal allowed Damascus to send troops to the front.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const metonym = d.event(1, { confidence: 0.8, place: d.place(1, 'Damascus', CAPITAL), date: '2023-03-13' });
    const { out, reasons } = run(d, [main, metonym]);
    expect(out).toEqual([main]);
    expect(reasons).toContain('capital-metonym');
  });

  it('keeps an event located "in" the capital', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'Separately, police fired tear gas at protesters in Damascus.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const protest = d.event(1, {
      type: 'Protests',
      sub: 'Protest with intervention',
      confidence: 0.7,
      place: d.place(1, 'Damascus', CAPITAL),
    });
    const { out } = run(d, [main, protest]);
    expect(out).toHaveLength(2);
  });
});

describe('consolidation: repeated mentions', () => {
  it('merges a second mention of the same clash into one event with two evidence spans (merged)', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'The fighting around Kafr Nabudah lasted until dusk, a monitor said.',
    ]);
    const main = d.event(0, {
      confidence: 0.9,
      place: d.place(0, 'Kafr Nabudah', TOWN_A),
      actors: ['Rebels', 'Army'],
    });
    const again = d.event(1, {
      confidence: 0.6,
      place: d.place(1, 'Kafr Nabudah', { ...TOWN_A }),
      actors: ['Army', null],
    });
    if (again.location && main.location) again.location.geonameid = main.location.geonameid;
    const { out, reasons } = run(d, [main, again]);
    expect(out).toHaveLength(1);
    expect(out[0]?.evidence).toHaveLength(2);
    expect(out[0]?.confidence).toBe(0.9);
    expect(reasons).toContain('merged');
    expect(main.evidence).toHaveLength(1); // the caller's events are not changed
  });

  it("takes the member's named place when the main event only has its dateline city", () => {
    const d = doc([
      'DAMASCUS, March 14 - A drone hit a car on Tuesday, killing two men.',
      'The car was hit on the road outside Khan Shaykhun.',
    ]);
    const dl = d.place(0, 'DAMASCUS', CAPITAL);
    const main = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.95,
      trigger: 'drone',
      place: dl,
    });
    const member = d.event(1, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.8,
      trigger: 'hit',
      place: d.place(1, 'Khan Shaykhun', TOWN_B),
      locationPrecision: 'near',
    });
    const { out } = run(d, [main, member], { start: 0, end: 19 });
    expect(out).toHaveLength(1);
    expect(out[0]?.location?.name).toBe('Khan Shaykhun');
    expect(out[0]?.sub_event_type).toBe('Air/drone strike');
  });

  it('merges two mentions of one clash whose army is named two ways (actors compared by category too)', () => {
    const d = doc([
      'Rebels clashed with the Congolese army near Kafr Nabudah on Monday.',
      'The rebels attacked FARDC positions near Kafr Nabudah on Monday afternoon.',
    ]);
    const p0 = d.place(0, 'Kafr Nabudah', TOWN_A);
    const main = d.event(0, { confidence: 0.9, place: p0, actors: ['Army of Congo', 'Rebels'] });
    const again = d.event(1, { confidence: 0.8, trigger: 'attacked', place: p0, actors: ['Armed group', 'FARDC'] });
    if (again.actor2) again.actor2.category = 'State forces';
    if (main.actor1) main.actor1.category = 'State forces';
    const { out } = run(d, [main, again]);
    expect(out).toHaveLength(1);
    expect(out[0]?.evidence).toHaveLength(2);
  });

  it('keeps clashes on two front lines as two events', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'Further east, tribal fighters clashed with the army near Deir ez-Zor.',
    ]);
    const a = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const b = d.event(1, { confidence: 0.7, place: d.place(1, 'Deir ez-Zor', FAR_TOWN), trigger: 'clashed' });
    expect(run(d, [a, b]).out).toHaveLength(2);
  });

  it('keeps an air strike and shelling of the same town apart (weapons are different events)', () => {
    const d = doc([
      'An air strike hit Kafr Nabudah on Tuesday morning.',
      'Later, artillery shelled the outskirts of Kafr Nabudah.',
    ]);
    const p = d.place(0, 'Kafr Nabudah', TOWN_A);
    const strike = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.9,
      place: p,
    });
    const shelling = d.event(1, {
      type: 'Explosions/Remote violence',
      sub: 'Shelling/artillery/missile attack',
      confidence: 0.7,
      trigger: 'shelled',
      place: {
        ...p,
        start: d.text.indexOf('Kafr Nabudah', d.starts[1]),
        end: d.text.indexOf('Kafr Nabudah', d.starts[1]) + 12,
      },
    });
    expect(run(d, [strike, shelling]).out).toHaveLength(2);
  });

  it('merges a back-reference of another type ("the attack") into the event it names', () => {
    const d = doc([
      'A roadside bomb hit an army convoy near Kafr Nabudah on Tuesday.',
      'An armed group later claimed the attack in a statement.',
    ]);
    const bomb = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Remote explosive/landmine/IED',
      confidence: 0.9,
      trigger: 'bomb',
      place: d.place(0, 'Kafr Nabudah', TOWN_A),
    });
    const claim = d.event(1, {
      type: 'Violence against civilians',
      sub: 'Attack',
      confidence: 0.6,
      trigger: 'attack',
    });
    const { out } = run(d, [bomb, claim]);
    expect(out).toHaveLength(1);
    expect(out[0]?.event_type).toBe('Explosions/Remote violence');
  });

  it('treats "a military source in X said" as the source\'s town, not the event\'s place', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'A military source in Deir ez-Zor said the rebels stormed army posts.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const member = d.event(1, {
      sub: 'Non-state actor overtakes territory',
      confidence: 0.85,
      trigger: 'stormed',
      place: d.place(1, 'Deir ez-Zor', FAR_TOWN),
    });
    const { out } = run(d, [main, member]);
    expect(out).toHaveLength(1);
    expect(out[0]?.location?.name).toBe('Kafr Nabudah');
  });
});

describe('consolidation: elaborations', () => {
  it('folds a sentence with neither its own place nor its own time into the event it elaborates', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'Ambulances could not reach the wounded as armoured vehicles blocked the road.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const aside = d.event(1, { type: 'Protests', sub: 'Peaceful protest', confidence: 0.8, trigger: 'blocked' });
    const { out } = run(d, [main, aside]);
    expect(out).toHaveLength(1);
    expect(out[0]?.event_type).toBe('Battles');
    expect(out[0]?.evidence).toHaveLength(2);
  });

  it('keeps an event introduced as "in a separate incident" even without a place the gazetteer knows', () => {
    const d = doc([
      'Rebels clashed with the army near Kafr Nabudah on Tuesday.',
      'In a separate incident, fighters shelled army posts in the plain.',
    ]);
    const main = d.event(0, { confidence: 0.9, place: d.place(0, 'Kafr Nabudah', TOWN_A) });
    const other = d.event(1, {
      type: 'Explosions/Remote violence',
      sub: 'Shelling/artillery/missile attack',
      confidence: 0.5,
      trigger: 'shelled',
    });
    expect(run(d, [main, other]).out).toHaveLength(2);
  });
});

describe('consolidation: back-references', () => {
  it('drops a back-reference to an event the report does not itself report (back-reference)', () => {
    const d = doc([
      'Rebels handed over twelve captured soldiers to a mediator near Kafr Nabudah on Thursday.',
      'The soldiers were detained by the rebels on Tuesday during fighting near Khan Shaykhun.',
    ]);
    const handover = d.event(0, {
      type: 'Strategic developments',
      sub: 'Agreement',
      confidence: 0.83,
      trigger: 'handed',
      date: '2023-03-16',
      place: d.place(0, 'Kafr Nabudah', TOWN_A),
    });
    const capture = d.event(1, {
      confidence: 0.84,
      trigger: 'fighting',
      date: '2023-03-14',
      place: d.place(1, 'Khan Shaykhun', TOWN_B),
    });
    const { out, reasons } = run(d, [handover, capture]);
    expect(out.map((e) => e.event_type)).toEqual(['Strategic developments']);
    expect(out[0]?.confidence).toBe(0.83);
    expect(reasons).toContain('back-reference');
  });
});

describe('consolidation: claims and clauses', () => {
  it('keeps an unconfirmed atrocity claim apart from the reported event it adds to', () => {
    const d = doc([
      'Videos show the captured soldiers being beaten by fighters near Kafr Nabudah on Tuesday.',
      'Activists claimed that some of the prisoners had been executed, which could not be verified.',
    ]);
    const p0 = d.place(0, 'Kafr Nabudah', TOWN_A);
    const beating = d.event(0, {
      type: 'Violence against civilians',
      sub: 'Attack',
      confidence: 0.7,
      trigger: 'beaten',
      place: p0,
    });
    const claim = d.event(1, {
      type: 'Violence against civilians',
      sub: 'Attack',
      confidence: 0.5,
      trigger: 'executed',
    });
    claim.certainty = 'unconfirmed';
    const { out } = run(d, [beating, claim]);
    expect(out.map((e) => e.certainty)).toEqual(['reported', 'unconfirmed']);
  });

  it('keeps the second clause of a sentence as its own event (it shares the sentence\'s "on Tuesday")', () => {
    const d = doc(['Jets struck a market on Tuesday, while rebel fighters shelled an army post on the ridge.']);
    const strike = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.9,
      trigger: 'struck',
    });
    strike.evidence = [{ start: 0, end: 33, text: d.text.slice(0, 33) }];
    const t = d.text.indexOf('on Tuesday');
    strike.reasons?.push({ field: 'date', reason: 'weekday', span: { start: t, end: t + 10 } });
    const shelling = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Shelling/artillery/missile attack',
      confidence: 0.7,
      trigger: 'shelled',
    });
    shelling.evidence = [{ start: 35, end: d.text.length - 1, text: d.text.slice(35, d.text.length - 1) }];
    shelling.reasons?.push({ field: 'date', reason: 'weekday', span: { start: t, end: t + 10 } });
    expect(run(d, [strike, shelling]).out).toHaveLength(2);
  });
});

describe('consolidation: counts', () => {
  it("removes a count copied from another event's sentence (count-from-other-event)", () => {
    const d = doc([
      'Rebels captured 12 soldiers near Kafr Nabudah on Tuesday.',
      'Rebels had also clashed with the army near Deir ez-Zor.',
    ]);
    const main = d.event(0, {
      confidence: 0.9,
      place: d.place(0, 'Kafr Nabudah', TOWN_A),
      captured: { low: 12, span: [0, '12'] },
    });
    const other = d.event(1, {
      confidence: 0.7,
      trigger: 'clashed',
      place: d.place(1, 'Deir ez-Zor', FAR_TOWN),
      captured: { low: 12, span: [0, '12'] },
    });
    const { out, reasons } = run(d, [main, other]);
    expect(out).toHaveLength(2);
    expect(out[0]?.captured?.low).toBe(12);
    expect(out[1]?.captured).toBeNull();
    expect(reasons).toContain('count-from-other-event');
  });
});

describe('consolidation cues and the extractor hook', () => {
  it('rejects an unknown cue class, naming the row', () => {
    const rows = parseLexicon('background | since\nnonsense | x\n', 'cues.txt', 2);
    expect(() => compileConsolidationCues(rows)).toThrow(/cues\.txt:2: unknown class 'nonsense'/);
  });

  it('leaves an extraction without events untouched', () => {
    const ex = { id: 'x', language: 'en', published: '2023-03-14', places: [], events: [] };
    expect(consolidateExtraction(ex, { text: 'Nothing happened.' }, cues)).toBe(ex);
  });

  it('moves an event placed at its dateline city to the place its sentence names (refined-location)', () => {
    const d = doc(['KAFR NABUDAH - Gunmen stormed a school in Khan Shaykhun on Tuesday.']);
    const only = d.event(0, {
      type: 'Violence against civilians',
      sub: 'Abduction/forced disappearance',
      confidence: 0.9,
      place: d.place(0, 'KAFR NABUDAH', TOWN_A),
    });
    d.place(0, 'Khan Shaykhun', TOWN_B);
    const { out, reasons } = run(d, [only], { start: 0, end: 14 });
    expect(out[0]?.location?.name).toBe('Khan Shaykhun');
    expect(out[0]?.confidence).toBe(0.9);
    expect(reasons).toEqual(['refined-location']);
  });

  it('moves a country-wide location to the region its sentence names', () => {
    const d = doc(["A drone hit a car in Syria's Idlib province on Tuesday."]);
    const only = d.event(0, {
      type: 'Explosions/Remote violence',
      sub: 'Air/drone strike',
      confidence: 0.9,
      place: d.place(0, 'Syria', { name: 'Syria', lat: 35, lon: 38, country: 'SY', feature: 'PCLI' }),
      locationPrecision: 'country',
    });
    d.place(0, 'Idlib province', { name: 'Idlib', lat: 35.8, lon: 36.6, country: 'SY', feature: 'ADM1' });
    const { out } = run(d, [only]);
    expect(out[0]?.location).toMatchObject({ name: 'Idlib', precision: 'admin1' });
  });

  it('runs at the end of extraction: a background history sentence is not a second event', async () => {
    const extractor = await createExtractor({ geoparser: null, languageIdentifier: null });
    const text =
      'date 2023-03-14\nRebel fighters clashed with government troops on Tuesday, a monitor said. ' +
      'Rebels and government troops have clashed repeatedly since the truce collapsed in 2020.';
    const ex = extractor.extract({ id: 'bg', text, published: '2023-03-14' }, { trace: true });
    expect(ex.events).toHaveLength(1);
    expect(ex.events[0]?.date?.start).toBe('2023-03-14');
  });
});
