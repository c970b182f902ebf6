/**
 * Crowds that are neither armed groups nor demonstrators: ordinary people (residents, villagers, vendors, migrant
 * workers, youths) who beat, lynch, stone or clash are rioters, and their violence is mob violence in ACLED's terms;
 * with a demand on the authorities it is a demonstration that turned violent. Invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();
const cats = (e: ReturnType<typeof top>) => [e?.actor1?.category, e?.actor2?.category].sort();

describe('crowds of ordinary people', () => {
  it('villagers who stone the police are rioters in mob violence, not an armed group in a battle', () => {
    const e = top(
      code('On Tuesday, villagers pelted stones at police in Bhagalpur who were closing the weekly market.'),
    );
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(cats(e)).toEqual(['Rioters', 'State forces']);
  });

  it('migrant workers who clash with police are rioters, not a second state force', () => {
    const e = top(
      code('On Tuesday, migrant workers clashed with police at a bus depot in Surat over a cancelled train.'),
    );
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(cats(e)).toEqual(['Rioters', 'State forces']);
  });

  it('"residents of <place> beat" names the crowd across the place', () => {
    const e = top(code('On Sunday, residents of the Villa Nueva quarter beat a man they accused of stealing a goat.'));
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(e?.actor1?.category).toBe('Rioters');
  });

  it('"clashes erupted between youths and the police" makes the youths rioters', () => {
    const e = top(code('On Friday, clashes erupted between youths and the police in the old town of Hebron.'));
    expect(e?.event_type).toBe('Riots');
    expect(e?.actor1?.category).toBe('Rioters');
  });

  it('villagers attacked by gunmen stay the victims', () => {
    const e = top(code('On Friday, villagers attacked by gunmen fled to Maru in Zamfara.'));
    expect(e?.event_type).toBe('Violence against civilians');
    expect(e?.actor2?.category).toBe('Civilians');
  });

  it('"a group of armed men" setting trucks on fire is no crowd', () => {
    const e = top(code('On Friday, trucks of a logging firm were set on fire by a group of armed men near Contulmo.'));
    expect(e?.actor1?.category).not.toBe('Rioters');
  });
});

describe('vigilante justice', () => {
  it('a suspected thief beaten by locals is mob violence against a civilian, though theft is crime', () => {
    const e = top(code('On Monday, a suspected thief was beaten up by locals near the bus station in Recife.'));
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(cats(e)).toEqual(['Civilians', 'Rioters']);
  });

  it('a group of local people lynching a suspected robber is mob violence', () => {
    const e = top(code('On Monday, a group of local people lynched a suspected robber in Bukavu.'));
    expect(e?.sub_event_type).toBe('Mob violence');
  });
});

describe('violent demonstration or mob violence', () => {
  it('rioters stoning the police with no demand are mob violence', () => {
    const e = top(code('On Monday, residents threw stones at police officers enforcing the curfew in Mombasa.'));
    expect(e?.sub_event_type).toBe('Mob violence');
  });

  it('villagers wrecking a shop to demand their rations are a violent demonstration', () => {
    const e = top(
      code('On Monday, villagers vandalised a ration shop in Malda demanding the grain they were promised.'),
    );
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it('a crowd setting fire to tyres on a road is a violent demonstration', () => {
    const e = top(code('On Monday, a group of citizens set fire to tyres across the main road of Arica.'));
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });
});

describe('foreign nationals and counted groups as crowds', () => {
  it('"around 100 Bangladeshi nationals assaulted border police" are rioters', () => {
    const e = top(
      code('On Monday, around 100 Bangladeshi nationals assaulted border police at a checkpoint near Petrapole.'),
    );
    expect(e?.sub_event_type).toBe('Mob violence');
    expect(e?.actor1?.category).toBe('Rioters');
  });

  it('"a group of 14 Venezuelan citizens attacked a police officer" are rioters', () => {
    const e = top(
      code('On Monday, a group of 14 Venezuelan citizens attacked a police officer who tried to stop them in Tumbes.'),
    );
    expect(e?.sub_event_type).toBe('Mob violence');
  });

  it('"a group of unidentified men shot dead a trader" is no crowd', () => {
    const e = top(code('On Monday, a group of unidentified men shot dead a trader in Kaduna.'));
    expect(e?.event_type).not.toBe('Riots');
  });
});
