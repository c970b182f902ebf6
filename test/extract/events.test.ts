// Event coding end to end on invented sentences, each test naming the rule it covers. The geoparser is left out
// (places are tested with the golden file); the language model too (the English fast path decides).
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('event coding', () => {
  it('passive voice: the agent follows "by", the victim stands before the verb', () => {
    const e = top(code('Two soldiers were killed by Al Shabaab militants at a checkpoint on Monday.'));
    expect(e?.event_type).toBe('Battles');
    expect(e?.actor1).toMatchObject({ name: 'Al Shabaab', category: 'Rebel group' });
    expect(e?.actor2?.category).toBe('State forces');
    expect(e?.fatalities).toEqual({ low: 2, high: 2 });
    expect(e?.date).toEqual({ start: '2024-03-11', end: '2024-03-11', precision: 'day' });
  });

  it('an attack on civilians is violence against civilians, with civilians as the second actor', () => {
    const e = top(code('Unidentified gunmen shot dead three farmers in their fields on Tuesday.'));
    expect(e).toMatchObject({ event_type: 'Violence against civilians', sub_event_type: 'Attack' });
    expect(e?.actor1?.category).toBe('Political militia');
    expect(e?.actor2?.category).toBe('Civilians');
    expect(e?.fatalities?.low).toBe(3);
  });

  it('two events in one sentence: an air strike and shelling in separate clauses', () => {
    const events = code(
      'Russian warplanes struck a market on Tuesday, while rebel fighters shelled an army post on the ridge.',
    );
    const subs = events.map((e) => e.sub_event_type).sort();
    expect(subs).toEqual(['Air/drone strike', 'Shelling/artillery/missile attack']);
    for (const e of events) expect(e.evidence[0]?.text.length).toBeLessThan(90);
  });

  it('a claim in an embedded post is claimed by the post author, not the outlet', () => {
    const text =
      'Residents described heavy gunfire overnight.\n\nOur fighters ambushed an army convoy near the bridge and killed six soldiers. pic.twitter.com/Qw12Er34Ty — Eastern Front Media (@eastfront_media) March 13, 2024\n\nThe army has not commented.';
    const e = code(text).find((x) => x.event_type === 'Battles');
    expect(e?.certainty).toBe('claimed');
    expect(e?.attribution).toBe('Eastern Front Media');
    expect(e?.embeddedPost).toBe(0);
  });

  it('a denial: the event is coded as denied and attributed to the denying party', () => {
    const e = top(code('The defence ministry denied that its jets struck a hospital in the town on Wednesday.'));
    expect(e?.sub_event_type).toBe('Air/drone strike');
    expect(e?.certainty).toBe('denied');
    expect(e?.attribution).toMatch(/defence ministry/);
  });

  it('unverified reports are unconfirmed', () => {
    const e = top(
      code('Reports are surfacing that militants executed four captives, but the claims could not be verified.'),
    );
    expect(e?.certainty).toBe('unconfirmed');
  });

  it('background history is not a new event', () => {
    expect(code('In 2015, the group massacred dozens of villagers in the same district.')).toEqual([]);
    expect(code('A similar attack killed nine people last year.')).toEqual([]);
  });

  it('a count of vehicles is not a casualty count', () => {
    const e = top(code('Rebels captured 7 armoured vehicles and 3 tanks after clashes with the army on Monday.'));
    expect(e?.event_type).toBe('Battles');
    expect(e?.captured).toBeNull();
    expect(e?.fatalities).toBeNull();
  });

  it('"dozens" of arrested protesters is 12, and the police response makes it a protest with intervention', () => {
    const e = top(
      code(
        'Hundreds of teachers protested outside the ministry on Monday. Police dispersed them with tear gas and arrested dozens.',
      ),
    );
    expect(e?.sub_event_type).toBe('Protest with intervention');
    expect(e?.actor1?.category).toBe('Protesters');
    expect(e?.actor2?.category).toBe('State forces');
    expect(e?.captured).toEqual({ low: 12, high: null });
  });

  it('a peaceful protest has protesters as its only actor', () => {
    const e = top(code('Nurses held a sit-in outside the hospital on Tuesday, demanding unpaid wages.'));
    expect(e).toMatchObject({ event_type: 'Protests', sub_event_type: 'Peaceful protest', actor2: null });
    expect(e?.actor1?.category).toBe('Protesters');
  });

  it('protesters throwing stones make a violent demonstration (rioters)', () => {
    const e = top(code('Youths demonstrated against the curfew on Monday and pelted police with stones.'));
    expect(e).toMatchObject({ event_type: 'Riots', sub_event_type: 'Violent demonstration' });
    expect(e?.actor1?.category).toBe('Rioters');
  });

  it('territory: regained by a government vs overtaken by a non-state actor', () => {
    expect(top(code('Government troops recaptured the town of Kalva from the rebels on Sunday.'))?.sub_event_type).toBe(
      'Government regains territory',
    );
    expect(top(code('Boko Haram fighters seized the town of Mafa on Sunday.'))?.sub_event_type).toBe(
      'Non-state actor overtakes territory',
    );
  });

  it('an IED, a grenade, a suicide bomber and a chemical attack have their own sub-types', () => {
    expect(top(code('A roadside bomb hit a police patrol on Monday.'))?.sub_event_type).toBe(
      'Remote explosive/landmine/IED',
    );
    expect(top(code('On Monday a grenade was lobbed by militants into a bus stop.'))?.sub_event_type).toBe('Grenade');
    expect(top(code('A suicide bomber blew himself up at a checkpoint on Monday.'))?.sub_event_type).toBe(
      'Suicide bomb',
    );
    expect(top(code('Helicopters dropped barrels of chlorine gas on the town on Monday.'))?.sub_event_type).toBe(
      'Chemical weapon',
    );
  });

  it('non-violent news is no event: a disaster, a diplomatic row, an industrial accident', () => {
    expect(code('An earthquake killed 40 people in the mountain villages on Monday.')).toEqual([]);
    expect(code('The government expelled two diplomats and announced new sanctions on Monday.')).toEqual([]);
    expect(code('A boiler exploded at a chemical plant on Monday, injuring six workers.')).toEqual([]);
    expect(code('The two trade ministers signed an agreement on Monday to cut tariffs on tea and flowers.')).toEqual(
      [],
    );
  });

  it('prisoners handed over are an agreement, not a transfer of territory; a planned hand-over is no event yet', () => {
    expect(
      top(code('The captured soldiers were handed over to the military police of a third country on Thursday.'))
        ?.sub_event_type,
    ).toBe('Agreement');
    expect(code('The prisoners would be handed over next week, the ministry said.')).toEqual([]);
  });

  it('a sports report is no event: attacks, shots and protests are the game', () => {
    const text =
      'The visitors attacked down the left wing and their striker shot past the goalkeeper in stoppage time. Two players were booked for protests at the final whistle, and the home fans left the stadium quietly.';
    expect(code(text)).toEqual([]);
  });

  it('a hedge in the next sentence ("could not be verified") makes the event unconfirmed', () => {
    const e = top(
      code('Gunmen abducted 12 traders on the highway on Monday. The report could not be independently verified.'),
    );
    expect(e?.sub_event_type).toBe('Abduction/forced disappearance');
    expect(e?.certainty).toBe('unconfirmed');
  });

  it('an ACLED-style note states its own date and its coding remark gives the fatalities', () => {
    const e = top(
      code(
        'On 3 February 2021, unidentified gunmen attacked a convoy of traders near Kofa and killed several of them. Unspecified fatalities coded as 10.',
        null,
      ),
    );
    expect(e?.date).toEqual({ start: '2021-02-03', end: '2021-02-03', precision: 'day' });
    expect(e?.fatalities).toEqual({ low: 10, high: 10 });
  });

  it('foreign state forces are External/Other forces in another country; the place after "near" is the location', async () => {
    // A stub geoparser with one fictional place in Syria: the event country comes from the place.
    const place = {
      name: 'Qaryat Nur',
      lat: 36.5,
      lon: 39.1,
      country: 'SY',
      admin1: 'Ar-Raqqah',
      admin2: null,
      geonameid: null,
      feature: 'PPL',
      score: 0.9,
    };
    const stub = {
      parse(text: string) {
        const start = text.indexOf('Qaryat Nur');
        const mention = { ...place, start, end: start + 10, text: 'Qaryat Nur' };
        return {
          places: [mention],
          decisions: [{ mention, precision: 'exact' as const, reason: 'stub' }],
          focusCountry: 'SY',
        };
      },
      lookup: () => [],
    };
    const ex = await createExtractor({ geoparser: stub, languageIdentifier: null });
    const [e] = ex.extract({
      id: 's',
      text: 'Turkish drones struck positions of the Syrian Democratic Forces near Qaryat Nur on Monday.',
      published: '2024-03-14',
    }).events;
    expect(e?.actor1).toMatchObject({ name: 'Military Forces of Turkey', category: 'External/Other forces' });
    expect(e?.actor2).toMatchObject({ name: 'QSD: Syrian Democratic Forces', category: 'Rebel group' });
    expect(e?.location).toMatchObject({ name: 'Qaryat Nur', country: 'SY', precision: 'near' });
  });

  it('state forces named by a demonym come from the country table ("Kenyan troops")', () => {
    const e = top(code('On Monday the Kenyan troops clashed with Al Shabaab fighters near the border.'));
    expect(e?.sub_event_type).toBe('Armed clash');
    const names = [e?.actor1, e?.actor2].map((a) => a?.name);
    expect(names).toContain('Military Forces of Kenya');
    expect([e?.actor1, e?.actor2].find((a) => a?.name === 'Military Forces of Kenya')?.text).toBe('Kenyan troops');
  });

  it('every event carries its evidence and the reasons behind its fields', () => {
    const text = 'Gunmen abducted five passengers from a bus on Monday.';
    const e = top(code(text));
    expect(e?.sub_event_type).toBe('Abduction/forced disappearance');
    expect(e?.captured).toEqual({ low: 5, high: 5 });
    for (const ev of e?.evidence ?? []) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    const fields = new Set(e?.reasons?.map((r) => r.field));
    for (const f of ['event_type', 'actor1', 'captured', 'date', 'certainty']) expect(fields.has(f), f).toBe(true);
  });
});
