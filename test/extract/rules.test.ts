// Coding rules added after reading the CASE and ACLED dev-set errors, each test on invented sentences that name
// the rule they cover. Geoparser and language model are left out, as in events.test.ts.
import { describe, expect, it } from 'vitest';
import { top, useCoder } from '../helpers/coder.js';

const code = useCoder();

describe('protest rules', () => {
  it('a crowd turning violent beside a summit is a violent demonstration, not diplomacy', () => {
    const e = top(code('Protesters turned violent in Hamburg on Friday as the leaders’ summit opened.'));
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it('riots that "started" are crowd violence', () => {
    const e = top(code('Police in Lyon halted the march on Saturday after small riots started near the station.'));
    expect(e?.event_type).toBe('Riots');
  });

  it('police beating a protester is excessive force, though the longer phrase is an intervention', () => {
    const e = top(code('Riot police officers beat a student protester during a rally outside parliament on Sunday.'));
    expect(e?.sub_event_type).toBe('Excessive force against protesters');
  });

  it('security forces "violently dispersing" a protest is excessive force', () => {
    const e = top(code('In Nador on Monday, riot police violently dispersed a rally, leaving dozens hurt.'));
    expect(e?.sub_event_type).toBe('Excessive force against protesters');
  });

  it.each([
    ['Officers tried to control the marchers and kept onlookers back.'],
    ['The police attempted to detain one of the organisers.'],
    ['Several arrests were made.'],
    ['Soldiers worked to reopen the road by evening.'],
  ])('a next sentence saying how the state answered a protest makes it an intervention: "%s"', (after) => {
    const e = top(code(`On Monday, farmers held a protest in Mzuzu against the price of fertiliser. ${after}`));
    expect(e?.sub_event_type).toBe('Protest with intervention');
  });

  it('"used force" is an intervention, "used excessive force" stays excessive force', () => {
    const plain = top(code('On Monday, police used force against residents protesting over water cuts in Sfax.'));
    expect(plain?.sub_event_type).toBe('Protest with intervention');
    const excessive = top(code('On Monday, police used excessive force against a sit-in of teachers in Sfax.'));
    expect(excessive?.sub_event_type).toBe('Excessive force against protesters');
  });

  it.each([
    ['On Friday, bus drivers marched to demand fuel subsidies in Kisumu.'],
    ['On Friday, nurses walked in a procession to the press club in Khulna and then stood in a human chain.'],
    ['On Friday, residents banged pots from their windows in Recife against the governor.'],
    ['On Friday, road workers in Oaxaca demanded the payment of three months of wages.'],
  ])('a protest told without the word "protest": "%s"', (text) => {
    expect(top(code(text))?.event_type).toBe('Protests');
  });

  it('protesters demanding the return of "looted funds" stay peaceful: the looting is what they protest', () => {
    const e = top(
      code('On Friday in Sidon, depositors rallied by a branch of the central bank, demanding back looted funds.'),
    );
    expect(e?.sub_event_type).toBe('Peaceful protest');
  });

  it.each([
    ['blocked the ring road with burning objects'],
    ['barricaded the main road to the port'],
    ['set tyres and branches on fire at the junction'],
    ['broke into the town hall'],
  ])('a demonstration whose crowd "%s" is violent', (act) => {
    const e = top(code(`On Monday, residents demonstrated in Mombasa against water cuts and ${act}.`));
    expect(e?.sub_event_type).toBe('Violent demonstration');
  });

  it.each([
    ['On Friday, residents held a march in Kidal to demand justice after the killing of a police officer.'],
    [
      'On Friday, traders marched to the gendarmerie post in Gao to demand that the authorities arrest bandits who raid their lorries.',
    ],
    ['On Friday, students held a vigil in Homs for a teacher who was arrested 3 years ago.'],
  ])('violence or an arrest that is the protest\'s cause is no intervention: "%s"', (text) => {
    expect(top(code(text))?.sub_event_type).toBe('Peaceful protest');
  });

  it('police forcibly ending a sit-in is an intervention', () => {
    const e = top(code('Police forcibly ended a sit-in by teachers in front of the ministry on Tuesday.'));
    expect(e?.sub_event_type).toBe('Protest with intervention');
  });
});

describe('territory and roles', () => {
  it('a spokesman who reports is not the agent: "army spokesman said rebels took over…"', () => {
    const e = top(
      code('On Wednesday an army spokesman in Ituri said three villages had been taken over by Mai-Mai rebels.'),
    );
    expect(e?.sub_event_type).toBe('Non-state actor overtakes territory');
    expect(e?.actor1?.name).toBe('Mayi Mayi Militia');
  });

  it('a passive "were pushed back" makes the subject the loser: the government regains territory', () => {
    const e = top(code('Islamic State fighters were pushed back from their positions near Deir ez-Zor on Monday.'));
    expect(e?.sub_event_type).toBe('Government regains territory');
  });

  it('unnamed rebels are a rebel group', () => {
    const e = top(code('Rebels attacked an army base outside Bambari on Thursday, killing four soldiers.'));
    expect(e?.actor1?.category).toBe('Rebel group');
    expect(e?.event_type).toBe('Battles');
  });
});

describe('dates, places and denials in whole reports', () => {
  it("a dateline's date is when the report was filed: the event is dated by its own weekday", () => {
    const e = top(code('KABUL, March 14 (Wire) - Taliban fighters attacked a police checkpoint in Ghazni on Tuesday.'));
    expect(e?.date).toEqual({ start: '2024-03-12', end: '2024-03-12', precision: 'day' });
  });

  it('"no pupil … was abducted" in a statement is a denial, not a claim of an abduction', () => {
    const e = top(code('"No pupil or teacher of the school in Zuru was abducted," the statement said on Friday.'));
    expect(e?.certainty).toBe('denied');
  });

  it('"found no evidence of an attack" is a denial; "no one was injured" is not', () => {
    expect(top(code('Police said on Friday they found no evidence of an attack on the school.'))?.certainty).toBe(
      'denied',
    );
    expect(top(code('On Monday a grenade thrown by militants hit a police post; nobody was hurt.'))?.certainty).toBe(
      'reported',
    );
  });
});

describe('weapons and places', () => {
  it('a barrel bomb filled with toxic chemicals is a chemical weapon, not an air strike', () => {
    const e = top(code('On Monday night helicopters dropped a barrel bomb filled with toxic chemicals on Saraqib.'));
    expect(e?.sub_event_type).toBe('Chemical weapon');
  });
});

describe('event places in whole reports (real gazetteer)', () => {
  const real = useCoder({ languageIdentifier: null });
  const codeFull = (text: string) => real(text, '2024-02-13');

  it('a follow-up sentence without a place takes the last event’s place, not a demonym or a capital as a party', () => {
    const events = codeFull(
      'Suspected ADF rebels attacked a village near Beni in North Kivu on Monday night, killing seven civilians. ' +
        'The attack drew condemnation from Kinshasa. Ugandan troops were deployed to the area on Tuesday.',
    );
    const deployed = events.find((e) => e.evidence.some((ev) => ev.text.includes('deployed')));
    expect(deployed?.location?.name).toBe('Beni');
    for (const e of events) expect(e.location?.name).not.toMatch(/Uganda|Kinshasa/);
  });

  it('a place after "the road to" is a direction: shells near Sake are placed at Sake, not Goma', () => {
    const e = top(
      codeFull(
        'Shells fired from the hills fell near the Sake market in North Kivu on Monday, sending crowds running towards the road to Goma.',
      ),
    );
    expect(e?.location?.name).toBe('Sake');
  });

  it('a place resolved abroad while its own admin context is at home gives way to the context', () => {
    const e = top(
      codeFull('On 5 March 2024, several hundred garment workers rallied at a factory gate in Savar (Dhaka).'),
    );
    expect(e?.location?.country).toBe('BD');
  });

  it('a list of places is one event per place; a town and its province, or "between A and B", is one', () => {
    const events = codeFull('Protesters marched in Khartoum, Omdurman and Port Sudan on Monday against military rule.');
    expect(events.map((e) => e.location?.name).sort()).toEqual(['Khartoum', 'Omdurman', 'Port Sudan']);
    const one = codeFull('Fighting broke out on the road between Goma and Sake on Monday.');
    expect(one).toHaveLength(1);
    const town = codeFull('Gunmen attacked a checkpoint in Tal Tamr, Hasakah on Monday.');
    expect(town).toHaveLength(1);
  });

  it('a march that "passed off peacefully" stays peaceful whatever the next sentences say; twin cities stay two', () => {
    const events = codeFull(
      'Police fired tear gas at protesters marching in central Khartoum on Monday. ' +
        'A smaller march took place in Omdurman, where it passed off peacefully. ' +
        'Police said officers were injured by stones thrown by rioters.',
    );
    const omdurman = events.find((e) => e.location?.name === 'Omdurman');
    expect(omdurman?.sub_event_type).toBe('Peaceful protest');
    expect(events.find((e) => e.location?.name === 'Khartoum')?.event_type).toMatch(/Protests|Riots/);
  });

  it('a country that starts an organisation’s name ("Sudan Doctors") never locates the event', () => {
    const events = codeFull(
      'Police fired tear gas at marchers in Omdurman on Monday. The Central Committee of Sudan Doctors said 30 protesters were injured.',
    );
    for (const e of events) expect(e.location?.name).not.toBe('Sudan');
  });

  it('", as Israeli troops clashed …" is an event of its own, and the dateline city is not where it happened', () => {
    const events = codeFull(
      'BEIRUT (Wire) — Israeli air strikes killed 12 people in southern Lebanon on Tuesday, as Israeli troops pushed into border villages and clashed with Hezbollah fighters.',
    );
    const clash = events.find((e) => e.sub_event_type === 'Armed clash');
    expect(events.some((e) => e.sub_event_type === 'Air/drone strike')).toBe(true);
    expect(clash?.location?.name).not.toBe('Beirut');
  });

  it('a tweet’s signature names its author, never the event’s place', () => {
    const events = codeFull(
      'Fighting was reported near Tal Tamr on Monday.\n\nFootage shows captured soldiers being beaten by militants. ' +
        'pic.twitter.com/AbCd123 — Levant Watcher (@levwatch_x) February 12, 2024',
    );
    for (const e of events) expect(e.location?.name).not.toBe('Levant');
  });
});

describe('ground fighting and directions', () => {
  it('"ground attacks" by an army on a front are battles, not attacks on civilians', () => {
    const e = top(code('Russian forces kept up ground attacks near Vovchansk on Monday without significant gains.'));
    expect(e?.event_type).toBe('Battles');
  });
});

describe('non-events that look like violence', () => {
  it.each([
    ['a smuggling attempt thwarted', 'Coast guards thwarted an attempt to smuggle 30 migrants to Cyprus on Sunday.'],
    [
      'a gang "engaged in" car theft',
      'Detectives say the suspects were a gang engaged in stealing motorbikes from hospital car parks.',
    ],
    ['a gas leakage', 'More than 200 people were affected by chlorine gas leakage from a water plant on Monday.'],
    ['gas cylinders exploding in a fire', 'On Monday two propane tanks blew up as a garage burned.'],
  ])('%s is no event', (_case, text) => {
    expect(code(text)).toEqual([]);
  });

  it('forces deployed ahead of expected protests are a change to group activity, the protests not yet an event', () => {
    const e = top(
      code('The army has deployed forces to the old city in anticipation of protests after Friday prayers.'),
    );
    expect(e?.sub_event_type).toBe('Change to group/activity');
  });

  it('soldiers "engaged in a fire fight" with separatists is a battle', () => {
    const e = top(code('Near Bafut on Thursday, troops engaged in a fire fight with separatists for an hour.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });
});

describe('counts and speakers', () => {
  it('a dateline date ("May 27") is never a casualty count', () => {
    const e = top(code('BAMAKO, May 27 (Wire) - Suspected jihadists killed at least 20 civilians in a village.'));
    expect(e?.fatalities).toEqual({ low: 20, high: null });
  });

  it('"Around 1 May 2020, militiamen killed …" does not read the year as a count', () => {
    const e = top(code('Around 1 May 2020 (week of), militiamen killed a herder in the commune of Sokoura.'));
    expect(e?.fatalities?.low).not.toBe(2020);
  });

  it('a speaker who claims its own action is its agent: "the army said it had killed 15 militants"', () => {
    const e = top(code('The army said on Sunday it had killed 15 militants in air strikes near Boni.'));
    expect(e?.actor1?.category).toBe('State forces');
  });
});

describe('actors in strategic developments and foreign forces (real gazetteer)', () => {
  const real = useCoder({ languageIdentifier: null });
  const top1 = (text: string) => top(real(text, '2019-10-30'));

  it('one actor is never both sides of a strategic development', () => {
    const e = top1('Regime forces sent reinforcements of regime forces to the countryside of Saraqib on Tuesday.');
    expect(e?.actor2?.name ?? null).not.toBe(e?.actor1?.name);
  });

  it('"In Colombia, … in Cauca" in a report about Mexico is coded in Colombia', () => {
    const events = real(
      'Gunmen killed five police officers near Coyuca de Catalan in Guerrero, Mexico, on Sunday. ' +
        'In Colombia, two soldiers were killed on Saturday when a drone dropped explosives on a military base in Cauca.',
      '2024-06-10',
    );
    const drone = events.find((e) => e.sub_event_type === 'Air/drone strike');
    expect(drone?.actor1?.name ?? drone?.actor2?.name).toMatch(/Colombia/);
  });

  it('Turkish forces shelling Syrian villages are foreign forces: the focus is where the places are', () => {
    const e = top1('Turkish forces shelled the villages of Tal Tamr and Abu Rasin in Hasakah province on Tuesday.');
    expect(e?.actor1?.category).toBe('External/Other forces');
  });
});

describe('attacks on police and soldiers', () => {
  it('officers shot by "a man" fought an armed man: a battle with an unidentified group, not an attack', () => {
    const e = top(code('Police officers on patrol in Tijuana were shot by a man they had stopped on Friday.'));
    expect(e?.sub_event_type).toBe('Armed clash');
    expect([e?.actor1?.category, e?.actor2?.category].sort()).toEqual(['Political militia', 'State forces']);
    // "On patrol" says what the officers were doing; it is not a second, military actor (no gazetteer here).
    expect([e?.actor1?.name, e?.actor2?.name]).toContain('Police Forces');
  });

  it.each([
    ['Gunmen shot dead an off-duty police officer outside a bakery in Beledweyne on Monday.'],
    ['Gunmen killed a soldier at his home in Beledweyne on Monday.'],
    ['Gunmen shot dead a former army officer in Beledweyne on Monday.'],
  ])('a soldier or officer attacked outside service is a civilian victim: "%s"', (text) => {
    const e = top(code(text));
    expect(e?.sub_event_type).toBe('Attack');
    expect(e?.actor2?.category).toBe('Civilians');
  });

  it('a lone officer attacked by nobody named is still one side of a battle', () => {
    const e = top(code('A police officer was attacked on the road between Iguala and Taxco on Saturday.'));
    expect(e?.event_type).toBe('Battles');
  });
});

describe('drug seizures', () => {
  it("police dismantling a drug lab destroy a gang's property, arrests or not", () => {
    const e = top(
      code('Federal police dismantled a cocaine laboratory outside Cucuta on Tuesday. Two men were arrested.'),
    );
    expect(e?.sub_event_type).toBe('Looting/property destruction');
    expect(e?.actor1?.category).toBe('State forces');
    expect(e?.actor2).toMatchObject({ name: 'Unidentified Gang', category: 'Political militia' });
  });

  it('a seized haul counted with a decimal comma still reads as a seizure', () => {
    const e = top(code('On Sunday, police seized 2,5 tonnes of marijuana hidden in a lorry near Dourados.'));
    expect(e?.sub_event_type).toBe('Looting/property destruction');
  });

  it('guns seized with the drugs make it disrupted weapons use', () => {
    const e = top(code('Police seized rifles and drugs during a raid on two houses in Rosario on Monday.'));
    expect(e?.sub_event_type).toBe('Disrupted weapons use');
  });
});

describe('sides of a fight named in the sentence before', () => {
  it('police sent in by the sentence before fight the shoot-out that follows', () => {
    const e = top(
      code(
        'Military police officers entered a hillside slum on Monday. A shoot-out followed, leaving one suspect hurt.',
      ),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
    expect(e?.actor1?.category).toBe('State forces');
  });

  it('with nobody sent in, both sides of the shoot-out stay unidentified', () => {
    const e = top(code('Residents left a hillside slum on Monday. A shoot-out followed, leaving one suspect hurt.'));
    expect(e?.sub_event_type).toBe('Armed clash');
    expect(e?.actor1?.category).toBe('Political militia');
  });
});

describe("ACLED notes' labels", () => {
  it.each([
    ['Security measures: On 3 June 2021, the governor closed all roads into Afrin.', 'Change to group/activity'],
    ['Land seizure: On 3 June 2021, settlers fenced off olive groves near Nablus.', 'Looting/property destruction'],
    ['Movement of forces: On 3 June 2021, a convoy of troops reached Tal Tamr.', 'Change to group/activity'],
  ])('"%s" is coded as the label says', (text, sub) => {
    expect(top(code(text, '2021-06-04'))?.sub_event_type).toBe(sub);
  });
});

describe('abductions that end in a killing', () => {
  it('a body found after an abduction is an attack (the killing), not the abduction', () => {
    const e = top(
      code('On Monday, the body of a trader who had been kidnapped from his shop a week ago was found near Maiduguri.'),
    );
    expect(e?.sub_event_type).toBe('Attack');
  });

  it('gunmen killing one resident and abducting others carried out an attack', () => {
    const e = top(code('On Monday, gunmen attacked a village near Gusau, killed a farmer and abducted six residents.'));
    expect(e?.sub_event_type).toBe('Attack');
  });

  it('"abducted and shot dead" in one breath stays an abduction', () => {
    const e = top(code('On Monday, four shepherds were abducted and shot dead by gunmen near Kirkuk.'));
    expect(e?.sub_event_type).toBe('Abduction/forced disappearance');
  });
});

describe('fighting as background', () => {
  it('reinforcements sent "as battles continue" are a change to group activity', () => {
    const e = top(code('On Monday, army reinforcements arrived on the Marib front as battles continue in the area.'));
    expect(e?.sub_event_type).toBe('Change to group/activity');
  });

  it('reinforcements sent into a battle that is told as such stay a battle', () => {
    const e = top(code('On Monday, army troops clashed with rebels on the Marib front after reinforcements arrived.'));
    expect(e?.sub_event_type).toBe('Armed clash');
  });
});

describe('riots against property', () => {
  it("rioters wrecking a bank hurt its civilian owners: civilians are the riot's second actor", () => {
    const e = top(code('On Tuesday night, rioters smashed the front of a bank branch in Tripoli and burned two ATMs.'));
    expect(e?.sub_event_type).toBe('Violent demonstration');
    expect(e?.actor2?.category).toBe('Civilians');
  });

  it('a riot that damages nothing named has no second actor', () => {
    const e = top(code('On Tuesday night, rioters blocked the coastal road in Tripoli with burning tyres for hours.'));
    expect(e?.event_type).toBe('Riots');
    expect(e?.actor2 ?? null).toBeNull();
  });
});

describe('sides of remote violence: counted victims and unknown parties', () => {
  it('people counted as hurt by a bomb are its civilian victims, though no victim is named in its clause', () => {
    const e = top(
      code('Unknown attackers threw a grenade into a bar in Gisenyi on Friday. One was killed and nine were injured.'),
    );
    expect(e?.sub_event_type).toBe('Grenade');
    expect(e?.actor2?.category).toBe('Civilians');
  });

  it('soldiers counted as killed are not civilians', () => {
    const e = top(code('A roadside bomb exploded near an army truck in Kirkuk on Monday. Two soldiers were killed.'));
    expect(e?.event_type).toBe('Explosions/Remote violence');
    expect(e?.actor2?.category).not.toBe('Civilians');
  });

  it('artillery fire "by an unknown party" has an unidentified armed group as its perpetrator', () => {
    const e = top(code('On Saturday, shells fired by an unknown party landed in Tarhuna. Nobody was reported hurt.'));
    expect(e?.sub_event_type).toBe('Shelling/artillery/missile attack');
    expect(e?.actor1?.name).toBe('Unidentified Armed Group');
  });
});

describe('sides of remote violence', () => {
  it('an IED near an army checkpoint: an unidentified group against the army, never the army on both sides', () => {
    const e = top(
      code('An explosive device exploded near a Syrian army checkpoint near Tafas, wounding three soldiers.'),
    );
    expect(e?.actor1?.name).toMatch(/^Unidentified Armed Group/);
    expect(e?.actor2?.category).toBe('State forces');
  });

  it('a landmine planted by an unidentified group that killed two farmers keeps the group as its author', () => {
    const e = top(code('A landmine planted by unknown gunmen went off in a field, killing two farmers.'));
    expect(e?.actor1?.name).toMatch(/^Unidentified Armed Group/);
    expect(e?.actor2?.name ?? null).not.toMatch(/^Unidentified Armed Group/);
  });
});

describe('actor phrases', () => {
  it('"fighters of the Al-Qassam Brigades" are Hamas, not an unidentified group beside Hamas', () => {
    const e = top(
      code('Fighters of the Al-Qassam Brigades ambushed an Israeli army column east of Khan Younis on Monday.'),
    );
    expect(e?.actor1?.name).toMatch(/Hamas/);
    expect(e?.actor2?.name ?? '').not.toMatch(/^Unidentified/);
  });

  it('"resistance fighters" outside Myanmar are not the PDF', () => {
    const e = top(code('Resistance fighters attacked an army post near Jenin on Monday, killing a soldier.'));
    expect(e?.actor1?.name ?? '').not.toMatch(/PDF/);
  });
});

describe('relative dates', () => {
  it('"over the weekend" in a Monday report is the Saturday and Sunday before', () => {
    const e = top(code('Gunmen killed 20 villagers in central Mali over the weekend, officials said.', '2024-05-27'));
    expect(e?.date).toEqual({ start: '2024-05-25', end: '2024-05-26', precision: 'week' });
  });
});

describe('relative clauses', () => {
  it('a date in ", where troops launched an incursion on Aug. 6," does not make the main clause background', () => {
    const events = code(
      "In Russia's Kursk region, where Ukrainian troops launched an incursion on Aug. 6, Moscow said its forces had repelled attacks near Korenevo.",
      '2024-08-20',
    );
    expect(events.map((e) => e.sub_event_type)).toContain('Armed clash');
    expect(events[0]?.date?.start).not.toBe('2024-08-06');
  });
});

describe('raids', () => {
  it('gunmen storming a village and shooting residents is an attack, not territory taken', () => {
    const e = top(code('Gunmen stormed the village of Kadisau at dawn on Sunday, shooting residents as they fled.'));
    expect(e?.sub_event_type).toBe('Attack');
  });
});

describe('doubted accounts', () => {
  it('an attack the accused deny and activists’ unverified account of it are one event', () => {
    const events = code(
      'The RSF killed at least 40 people in an attack on a village west of El Fasher on Sunday, activists said, an accusation the group denied. ' +
        'A local committee said RSF fighters stormed the village at dawn, shooting residents; its figures could not be independently verified.',
      '2024-09-16',
    );
    expect(events.filter((e) => e.event_type === 'Violence against civilians')).toHaveLength(1);
  });
  it('a split remark after a stated figure divides it between the events', () => {
    const e = top(
      code(
        'On 4 March 2024, army artillery shelled insurgent camps near Gwoza (Borno) on two days. 40 insurgents were killed. The toll is divided between 2 events.',
      ),
    );
    expect(e?.fatalities).toEqual({ low: 20, high: 20 });
  });
  it('one-sided shelling followed by fire "in both directions" at the same place is an armed clash', () => {
    const e = top(
      code(
        'On 3 March 2024, government troops fired 120mm mortars at rebel positions near Kalinka. Monitors recorded 9 explosions in both directions of the front line near Kalinka.',
      ),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
  });
  it('air strikes backing a ground operation are part of the armed clash', () => {
    const e = top(
      code(
        'On 3 March 2024, an army commando operation, backed by airstrikes, killed 11 Taliban militants in Shah Joy district, Zabul.',
      ),
    );
    expect(e?.sub_event_type).toBe('Armed clash');
  });

  it('an air strike on its own stays an air strike', () => {
    const e = top(code('On 3 March 2024, army airstrikes killed 11 Taliban militants in Shah Joy district, Zabul.'));
    expect(e?.sub_event_type).toBe('Air/drone strike');
  });
});
