/**
 * Features → ACLED event type and sub-event type, by ordered rules that each leave a reason code. The rules
 * separate what the trigger words alone cannot: a clash between armed groups vs an attack on civilians, an air
 * strike vs shelling, territory taken by a non-state actor vs regained by a government, a peaceful protest vs a
 * protest met with intervention, excessive force or violence by the crowd, mob violence vs a demonstration.
 */
import type { ActorCategory, EventType, SubEventType } from '../model/extraction.js';
import type { TriggerHit } from './triggers.js';

export interface Classification {
  eventType: EventType;
  subEventType: SubEventType;
  /** The trigger the decision rests on. */
  trigger: TriggerHit;
  /** 0..1: the trigger's weight adjusted by the rule. */
  weight: number;
  reason: string;
}

export interface ClassifyInput {
  /** Triggers in the clause being coded. */
  hits: TriggerHit[];
  /** Triggers in the sentences that follow (same paragraph): they qualify a protest (police dispersed them…). */
  context: TriggerHit[];
  agentCategory: ActorCategory | null;
  patientCategory: ActorCategory | null;
  /** True when the clause names an armed actor (any state force, rebel group or militia) or a weapon. */
  armed: boolean;
  /** Non-event classes (disaster, crime, diplomacy, …) matched in the clause. */
  nonEvent: string[];
  text: string;
  /** Document offset of `text` (trigger spans are document offsets). */
  offset: number;
}

const ARMED: ReadonlySet<ActorCategory> = new Set([
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'External/Other forces',
]);
const WEAK = new Set([
  'kill',
  'other-sd',
  'change',
  'arrest',
  'looting',
  'agreement',
  'clash',
  'mob',
  'blast',
  'bombing',
]);
/** Verbs of an actual attack: with one of them, a sentence that also talks diplomacy still reports violence. */
const ATTACK_VERB =
  /\b(?:killed|killing|dead|wounded|injured|struck|shelled|bombed|fired (?:at|on)|attacked|clashed|captured|seized|stormed|abducted|kidnapped)\b/i;
/** What makes an agreement one between conflict actors even when no armed actor is named. */
const CONFLICT_DEAL =
  /\b(?:cease-?fires?|truce|peace|prisoners?|hostages?|armistice|de-?escalation|rebels?|militants?|insurgents?|fighters|war|border dispute|territorial dispute|disputed territory)\b/i;
/** Words of a two-sided fight (not a one-sided attack on positions). */
const TWO_SIDED =
  /clash|fight|exchang|battl|small arms|light weapons|shots|gun ?fire|shoot-?out|skirmish|both directions|combat|encounter|firefight/i;
/** Victims who are held: violence against them is not a battle. */
const CAPTIVE =
  /\b(?:captured|detained|imprisoned|captive|kidnapped|abducted) (?:soldiers|fighters|troops|men|prisoners)|\b(?:prisoners|captives|detainees|hostages|prisoners of war|pows)\b/i;
/** Force used on someone: shooting, an attack, an ambush (not a death from unknown causes). */
const ATTACKED_WITH_FORCE =
  /\b(?:shot|shots|shooting|gunfire|gunmen|opened fire|fired (?:at|on)|attack(?:ed)?|ambush(?:ed)?|stabbed)\b/i;
/** A death the clause reports (not an attempt or a threat). */
const KILLED =
  /\b(?:killed|killing|murdered|executed|beheaded|shot dead|found dead|(?:his|her|their|the) (?:dead )?bod(?:y|ies)|died)\b/i;
/** An abduction and a killing told in one breath ("were abducted and shot dead"). */
const TAKEN_AND_KILLED =
  /\b(?:abducted|kidnapped|seized|taken) and (?:then |later )?(?:killed|murdered|executed|beheaded|shot dead)\b/i;
/** The words before a violent word that make it the cause of a protest, not what happened at it. */
const PROTEST_CAUSE =
  /\b(?:(?:after|over|against|following|about|for) (?:the )?(?:\w+ ){0,2}|demand\w* [^.]*|call\w* for [^.]*|condemn\w* [^.]*|denounc\w* [^.]*)$/i;
/** A relative clause right before a trigger ("a constable who was accidentally shot dead"): a person's story. */
const RELATIVE_BEFORE = /\b(?:who|whom|whose)\s+(?:had\s+)?(?:been\s+|was\s+|were\s+)?(?:\w+\s+){0,2}$/i;
/** A member of the forces attacked outside service. */
const OFF_DUTY =
  /\boff[- ]duty\b|\b(?:former|retired) (?:\w+ )?(?:soldier|officer|police\w*|military|army|commander|member)|\bon (?:his|her|their) way (?:to|from) (?:work|duty|home)|\bat (?:his|her|their) (?:home|house)\b|\bwith (?:his|her|their) family\b/i;
/** The words before a fighting word that make the fighting background ("… as battles continue"). */
const BACKGROUND_FIGHT =
  /\b(?:as|amid|while|since)\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:that|which|who)\s+(?:had\s+)?(?:recently\s+)?$/i;
/** Words for armed personnel that need no name. */
const FORCES = /\b(?:forces|troops|soldiers|units|reinforcements|fighters|militants|battalions?|brigades?)\b/i;
/**
 * What a crowd wants from the authorities: with it, crowd violence is a demonstration that turned violent
 * (villagers wrecking a ration shop "agitating against" its dealer); without it, a crowd attacking people or property
 * is mob violence in ACLED's terms.
 */
const DEMAND =
  /\b(?:demand(?:s|ed|ing)?|agitat\w*|call(?:s|ed|ing)? for|to reject|rejecting|in protest|against (?:the )?(?:\w+ ){0,2}(?:shortage|shortages|irregularities|decision|price|prices|cuts?|lockdown|measures|policy|government|authorities))\b|\b(?:burn(?:ed|t|ing)|set fire to|torch(?:ed|ing)) (?:\w+ ){0,2}(?:tyres|tires)\b|\bbarricad\w*/i;
/** The object of a territory verb: the words up to the first punctuation or place preposition. */
const OBJECT_END =
  /^((?:\s+(?!(?:in|at|near|on|from|across|along|after|before|during|killing|and then)\b)[\w'-]+){0,8})/i;
/** Military positions (not a place): taking them is a battle's outcome. */
const POSITIONS = /\b(?:positions?|checkpoints?|check-points?|posts?|outposts?|barracks|trenches|fortifications)\b/i;
/** Words for a place or an area: taking it is territory. */
const TERRITORY_WORD =
  /\b(?:towns?|city|cities|villages?|districts?|areas?|locations?|neighbou?rhoods?|territory|region|province|localit(?:y|ies)|hills?)\b/i;
/**
 * Whether a trigger is negated ("No pupil … was abducted", "its soldiers had not attacked"): a "no …" subject before
 * a passive, or "not"/"never" right before. `text` is the clause, `offset` its document offset.
 */
export function isNegated(text: string, offset: number, trigger: TriggerHit): boolean {
  const at = trigger.start - offset;
  return at >= 0 && NEGATED.test(text.slice(Math.max(0, at - 100), at));
}
/** The words before a trigger that negate it. */
const NEGATED =
  /(?:^|[^\w'-])(?:no|nobody|no one|none of (?:the|them|its|their))\s(?![^.;:]*\b(?:but|except|other than)\b)[^.;:"]{0,90}\b(?:was|were|has been|have been|had been)\s+$|\b(?:was|were|did|had|has|have|is|are|could|would)\s*(?:not|n't|never)\s+(?:been\s+|yet\s+)?$/i;
/** A fight with cold weapons, or of two sides against "each other". */
const COLD_FIGHT =
  /\b(?:clash\w*|fought|fight\w*|scuffl\w*)\b[^.]{0,40}\b(?:machetes|sticks|stones|clubs|knives|bows|rods|bricks|swords|axes|spears)\b|\b(?:fought|fight|fighting|attacked|beat|clashed with) (?:each other|one another)\b/i;
/** A firearm, an explosive or an armed group's name: with one, a fight between armed men is a battle. */
const FIREARM =
  /\b(?:guns?|gunm[ae]n|gunfire|gunshots?|firearms?|rifles?|pistols?|shot|shots|shooting|bullets?|opened fire|fired|ak-?47s?|grenades?|explosives?|bombs?|cartels?|gangs?|bandits|traffickers|militants|jihadists|rebels|insurgents|soldiers|troops)\b/i;
/** Crowds that brawl rather than fight battles. */
const CROWD_SIDE: ReadonlySet<ActorCategory> = new Set(['Rioters', 'Protesters', 'Civilians']);
/** A gathering said to have gone off without trouble. */
const PEACEFUL =
  /\b(?:peaceful(?:ly)?|without (?:any )?(?:incidents?|violence|trouble)|no (?:incidents?|violence|clashes) (?:was|were) reported)\b/i;
/** An intervention phrased so that it is excessive force in ACLED's terms (beating, live fire, violent dispersal). */
const EXCESSIVE_INTERVENTION =
  /\b(?:beat|beating|beaten|violently|brutally|live (?:ammunition|fire|rounds)|opened fire|shot)\b/i;
/** Words that make the trigger a plan, a threat or an expectation rather than something that happened. */
const HYPOTHETICAL =
  /\b(?:will|would|plans? to|planned to|planning to|threaten(?:s|ed)? to|vow(?:s|ed)? to|call(?:s|ed)? for|in anticipation of|ahead of|intend(?:s|ed)? to|expected to|could|might|may|prepar(?:e|es|ed|ing) to|mobili[sz]ing [^.]{0,40}to|wait(?:ing|ed)? for [^.]{0,40}to)\s+(?:\w+\s+){0,2}$/i;

export function isArmed(c: ActorCategory | null): boolean {
  return c !== null && ARMED.has(c);
}

export function classify(input: ClassifyInput): Classification | null {
  const { context } = input;
  // A plan or a threat ("will protest", "vowed to attack", "in anticipation of demonstrations") is not an event
  // yet: such triggers are set aside and the rest of the clause is coded without them.
  // (A trigger shared from before the clause, as in placePair, has no words of its own before it here.)
  const hits = input.hits.filter(
    (h) =>
      h.start <= input.offset ||
      !HYPOTHETICAL.test(input.text.slice(Math.max(0, h.start - input.offset - 60), h.start - input.offset)),
  );
  if (!hits.length) return null;
  const by = new Map<string, TriggerHit>();
  for (const h of hits) if (!by.has(h.entry.feature)) by.set(h.entry.feature, h);
  const ctx = new Map<string, TriggerHit>();
  for (const h of context) if (!ctx.has(h.entry.feature)) ctx.set(h.entry.feature, h);
  const has = (f: string) => by.has(f);
  const hit = (f: string) => by.get(f) as TriggerHit;
  /** The clause's text before a feature's trigger. */
  const textBefore = (f: string) => input.text.slice(0, Math.max(0, hit(f).start - input.offset));
  const make = (
    f: string,
    eventType: EventType,
    subEventType: SubEventType,
    reason: string,
    factor = 1,
  ): Classification => {
    const t = hit(f);
    return { eventType, subEventType, trigger: t, weight: t.entry.weight * factor, reason };
  };
  const fromEntry = (f: string, reason: string, factor = 1): Classification => {
    const t = hit(f);
    return {
      eventType: t.entry.eventType,
      subEventType: t.entry.subEventType,
      trigger: t,
      weight: t.entry.weight * factor,
      reason,
    };
  };
  const agent = input.agentCategory;
  const patient = input.patientCategory;

  // 1. ACLED note labels state the sub-type.
  for (const h of hits) if (h.entry.feature.startsWith('label-')) return fromEntry(h.entry.feature, 'acled-label');

  // Non-events: a clause whose only cues are weak (killed, clash, arrested, agreement…) in a disaster, crime,
  // diplomacy or figurative context, with no armed actor or weapon, is not political violence.
  const strong = [...by.keys()].filter((f) => !WEAK.has(f));
  const protestish = has('protest') || has('crowd-violence');
  // A crowd beating or lynching a suspected thief is mob violence (ACLED's vigilante justice): the crime is the
  // victim's, not the event.
  const crowdJustice = agent === 'Rioters' && (has('kill') || has('mob')) && input.nonEvent.every((c) => c === 'crime');
  if (input.nonEvent.length && !input.armed && !crowdJustice && strong.filter((f) => f !== 'intervention').length === 0)
    return null;
  if (
    input.nonEvent.some((c) => c === 'disaster' || c === 'disease' || c === 'manmade') &&
    !input.armed &&
    !protestish
  ) {
    if (!has('air') && !has('shelling') && !has('ied') && !has('suicide') && !has('grenade')) return null;
  }

  // Sport: "attacks", "strikes", "shot", "protests" at the final whistle are the game's words.
  if (input.nonEvent.includes('sport') && !has('crowd-violence')) return null;
  // Diplomacy (sanctions, expulsions, missile tests, accusations) without an attack verb is not an event; a crowd
  // turning violent outside a summit is one.
  const summitRiot = has('protest') && has('crowd-violence');
  if (input.nonEvent.includes('diplomacy') && !ATTACK_VERB.test(input.text) && !summitRiot) return null;
  // Industrial blasts, crashes and leaks: only a named armed actor or an unambiguous weapon keeps them.
  const accident = input.nonEvent.includes('manmade') || input.nonEvent.includes('disaster');
  if (accident && !input.armed && (has('blast') || has('air') || (has('chemical') && /leak|spill/i.test(input.text)))) {
    if (!has('ied') && !has('suicide') && !has('shelling') && !has('grenade')) return null;
  }
  // "… in Omdurman, where they passed off peacefully": the clause says how it went; the next sentences are about
  // another gathering.
  const calm = PEACEFUL.test(input.text);
  const qualifier = (f: string) => by.get(f) ?? (calm ? undefined : ctx.get(f));
  // 2. Demonstrations and what happened to them.
  // An armed operation that mentions a march or a rally is not a protest; security forces clashing with protesters is.
  const armedOperation =
    isArmed(agent) &&
    (has('overtake') || has('regain') || has('transfer') || (has('clash') && !by.has('crowd-violence')));
  // Police detaining people "who organise protests": the arrests are the event, the protests their context.
  if (has('protest') && has('arrest') && agent === 'State forces') {
    const arrestAt = hit('arrest').start;
    if (hits.filter((h) => h.entry.feature === 'protest').every((h) => h.start > arrestAt))
      return fromEntry('arrest', 'arrest-of-protest-organisers');
  }
  if (has('protest') && !armedOperation && !(has('air') || has('shelling') || has('ied') || has('suicide'))) {
    const excessive = qualifier('excessive');
    const crowd = qualifier('crowd-violence');
    const intervention = qualifier('intervention');
    // Intervention phrased as beating, shooting or "violently" dispersing is force likely to cause serious injury:
    // the longer intervention phrase ("security forces violently dispersed") hides the excessive-force words.
    const forceful = intervention && EXCESSIVE_INTERVENTION.test(intervention.text);
    if (excessive || forceful)
      return {
        ...make('protest', 'Protests', 'Excessive force against protesters', 'protest+excessive-force'),
        trigger: hit('protest'),
      };
    if (crowd) return make('protest', 'Riots', 'Violent demonstration', 'protest+crowd-violence');
    // A killing of state forces told as the protest's cause ("justice for a colonel murdered three years ago",
    // "demanding the authorities arrest traffickers attacking them") is no answer to the protest.
    const killedForces = patient === 'State forces' && has('kill') && !PROTEST_CAUSE.test(textBefore('kill'));
    if (intervention || killedForces) {
      return make('protest', 'Protests', 'Protest with intervention', 'protest+intervention');
    }
    // A killing or an attack the protest is about ("a rally against the attack on police", "the family of a constable
    // who was shot dead held a protest") is its cause, not what happened at it.
    const cause = has('kill') && (PROTEST_CAUSE.test(textBefore('kill')) || RELATIVE_BEFORE.test(textBefore('kill')));
    if (has('kill') && isArmed(agent) && !cause)
      return make('kill', 'Violence against civilians', 'Attack', 'protest-word+attack', 0.9);
    return make('protest', 'Protests', 'Peaceful protest', 'protest');
  }
  // A remote attack (shelling, a grenade, machine-gun fire) that the other side answered is a battle.
  const answered = qualifier('response');
  if (answered && (has('shelling') || has('grenade') || has('kill')) && !has('air') && !has('suicide') && !has('ied')) {
    return {
      eventType: 'Battles',
      subEventType: 'Armed clash',
      trigger: hit(has('shelling') ? 'shelling' : has('grenade') ? 'grenade' : 'kill'),
      weight: 0.85,
      reason: 'remote-attack+response',
    };
  }
  // An agreement reached is the news even when the fighting before it is mentioned.
  // (ACLED agreements are between conflict actors: a trade deal or a memorandum between ministries is not one.)
  // The non-English lexicons (data/lexicons/i18n) list only conflict agreements (prisoner exchanges, ceasefires).
  const conflictDeal =
    input.armed || CONFLICT_DEAL.test(input.text) || (has('agreement') && hit('agreement').entry.file.includes('i18n'));
  if (
    has('agreement') &&
    conflictDeal &&
    /\b(?:agreed|signed|brokered|reached|concluded)\b/i.test(hit('agreement').text)
  ) {
    return fromEntry('agreement', 'agreement-reached');
  }
  // 3. Weapons that name the sub-type.
  if (has('chemical')) return fromEntry('chemical', 'chemical-weapon');
  if (has('suicide')) return fromEntry('suicide', 'suicide-bomb');
  // Weapons seized after an exchange of fire ("exchanged gunshots with the police, who arrested three and seized two
  // rifles"): the fight is the event.
  const fought = has('clash') && TWO_SIDED.test(hit('clash').text) && isArmed(agent ?? patient);
  if (has('disrupted') && !fought) return fromEntry('disrupted', 'weapon-disrupted');
  if (has('air')) return fromEntry('air', 'air-or-drone');
  if (has('grenade') && !/grenade launcher/i.test(hit('grenade').text)) return fromEntry('grenade', 'grenade');
  if (has('ied')) return fromEntry('ied', 'remote-explosive');
  // "bombed": from the air when a state force did it, else a planted bomb.
  if (has('bombing')) {
    if (agent === 'State forces' || agent === 'External/Other forces')
      return make('bombing', 'Explosions/Remote violence', 'Air/drone strike', 'bombing+state-agent');
    return fromEntry('bombing', 'bombing');
  }
  // 4. Territory. People handed over are not territory: ACLED codes prisoner releases and exchanges as agreements.
  if (
    has('transfer') &&
    /handed|hand-over|handover/i.test(hit('transfer').text) &&
    /\b(?:prisoners|captives|detainees|hostages|soldiers|troops|bodies)\b/i.test(input.text)
  ) {
    return make('transfer', 'Strategic developments', 'Agreement', 'prisoner-handover');
  }
  if (has('transfer')) return fromEntry('transfer', 'non-violent-transfer');
  // "Gunmen stormed the village, shooting residents": a raid on people, not territory taken.
  const raid = has('overtake') && /^storm/i.test(hit('overtake').text) && has('kill') && !has('regain');
  if ((has('regain') || has('overtake')) && !raid) {
    const f = has('regain') ? 'regain' : 'overtake';
    // Unnamed positions, checkpoints or posts taken in a fight, or a town held only "briefly", are the outcome of a
    // battle, not territory that changed hands: an armed clash (ACLED's "control of a location"; CASE codes them
    // alike).
    const t = hit(f);
    // OBJECT_END can match nothing, so it always matches.
    const object = OBJECT_END.exec(input.text.slice(t.end - input.offset, t.end - input.offset + 100))?.[1] ?? '';
    const taken = `${t.text}${object}`;
    // A named position ("Al Yasbil checkpoint") is a place on the map: territory.
    if (POSITIONS.test(taken) && !TERRITORY_WORD.test(taken) && !/\p{Lu}/u.test(object))
      return make(f, 'Battles', 'Armed clash', 'positions-taken');
    if (
      /\bbriefly\s+(?:\w+\s+)?$/i.test(
        input.text.slice(Math.max(0, t.start - input.offset - 30), t.start - input.offset),
      )
    )
      return make(f, 'Battles', 'Armed clash', 'held-briefly');
    if (agent === 'State forces') return make(f, 'Battles', 'Government regains territory', `${f}+state-agent`);
    if (agent) return make(f, 'Battles', 'Non-state actor overtakes territory', `${f}+non-state-agent`);
    return f === 'regain'
      ? make(f, 'Battles', 'Government regains territory', 'regain-word')
      : make(f, 'Battles', 'Non-state actor overtakes territory', 'overtake-word');
  }
  // 5. Shelling vs a clash: small arms, an exchange of fire or the word "clash" make it a battle.
  if (has('shelling')) {
    if (has('clash') && TWO_SIDED.test(hit('clash').text))
      return make('clash', 'Battles', 'Armed clash', 'shelling+clash');
    return fromEntry('shelling', 'shelling');
  }
  if (has('blast') && !has('clash')) return fromEntry('blast', 'explosion');
  // 6. Crowds.
  if (has('crowd-violence') && (agent === 'Rioters' || has('mob') || /\briot|\brioters/i.test(input.text))) {
    if (has('mob') || (agent === 'Rioters' && !/\briot/i.test(input.text) && !DEMAND.test(input.text)))
      return make('crowd-violence', 'Riots', 'Mob violence', 'crowd-violence+mob');
    return fromEntry('crowd-violence', 'riot');
  }
  if (has('mob') && !isArmed(agent)) return fromEntry('mob', 'mob');
  // Prisoners burning mattresses "to demand visits", residents wrecking an office "demanding aid": crowd violence
  // with a demand on the authorities is a demonstration that turned violent, even without the word "protest".
  if (has('crowd-violence') && !isArmed(agent) && DEMAND.test(input.text))
    return make('crowd-violence', 'Riots', 'Violent demonstration', 'crowd-violence+demand');
  if (has('response')) return fromEntry('response', 'exchange-of-fire');
  // 7. Violence against people.
  if (has('sexual')) return fromEntry('sexual', 'sexual-violence');
  // Found dead after an abduction, or killed while others were taken: ACLED codes the killing (an attack). People
  // "abducted and shot dead" in one breath are told as an abduction (CASE's coding), and stay one.
  if (has('abduct') && KILLED.test(input.text) && !TAKEN_AND_KILLED.test(input.text))
    return make('abduct', 'Violence against civilians', 'Attack', 'abduction+killing');
  // "Troops clashed with Boko Haram after they kidnapped a herder", "an armed clash broke out when police tried to
  // stop the kidnappers": a two-sided fight with an armed side is the event, the abduction its occasion.
  if (has('abduct') && has('clash') && TWO_SIDED.test(hit('clash').text) && (isArmed(agent) || isArmed(patient)))
    return make('clash', 'Battles', 'Armed clash', 'clash+abduction');
  if (has('abduct')) return fromEntry('abduct', 'abduction');
  // Reinforcements sent "as battles continue", a force raised between sides "that recently clashed": the fighting
  // is the background of a change to a group's activity.
  if (has('change') && has('clash') && BACKGROUND_FIGHT.test(textBefore('clash')))
    return fromEntry('change', 'change-amid-fighting');
  if (has('clash')) {
    if (
      patient === 'Civilians' &&
      !isArmed(patient) &&
      has('kill') &&
      !/clash|fight|exchange|battle|shoot-?out|firefight/i.test(hit('clash').text)
    ) {
      return make('kill', 'Violence against civilians', 'Attack', 'attack-on-civilians');
    }
    if (agent === 'Rioters' || patient === 'Rioters') return make('clash', 'Riots', 'Mob violence', 'clash+rioters');
    // Party supporters or a party's youth wing fighting "with machetes" or "each other", no firearm anywhere: a brawl
    // between crowds, mob violence in ACLED's terms (state forces, rebels and communal militias still fight battles).
    const brawler = (c: ActorCategory | null) => c === null || c === 'Political militia' || CROWD_SIDE.has(c);
    if (brawler(agent) && brawler(patient) && COLD_FIGHT.test(input.text) && !FIREARM.test(input.text))
      return make('clash', 'Riots', 'Mob violence', 'cold-weapon-fight');
    return fromEntry('clash', 'armed-clash');
  }
  // Crowd-control weapons and people hurt: force against protesters, even when the report never says "protest".
  if (
    has('intervention') &&
    has('kill') &&
    /dispers|tear ?gas|rubber bullets|water ?cannon/i.test(hit('intervention').text) &&
    /\b(?:injured|wounded|killed|hurt|dead)\b/i.test(input.text)
  ) {
    return make('intervention', 'Protests', 'Excessive force against protesters', 'crowd-control+casualties');
  }
  if (has('kill')) {
    // Prisoners, captives and detainees are out of the fight: violence against them is violence against civilians.
    if (CAPTIVE.test(input.text)) return make('kill', 'Violence against civilians', 'Attack', 'attack-on-captives');
    // A soldier or police officer off duty, at home, on the way to work or retired is a civilian victim (ACLED).
    if ((patient === 'State forces' || patient === null) && OFF_DUTY.test(input.text))
      return make('kill', 'Violence against civilians', 'Attack', 'attack-on-off-duty-forces');
    if (isArmed(agent) && isArmed(patient)) return make('kill', 'Battles', 'Armed clash', 'armed-vs-armed', 0.9);
    // Whoever shoots at or attacks police or soldiers ("officers on patrol were shot by a man", "a police officer
    // was attacked on the road") is armed himself: ACLED codes a battle with an unidentified armed group, not
    // violence against civilians.
    if (
      (patient === 'State forces' || patient === 'External/Other forces') &&
      (agent === null || agent === 'Civilians') &&
      ATTACKED_WITH_FORCE.test(input.text)
    )
      return make('kill', 'Battles', 'Armed clash', 'attack-on-forces', 0.85);
    // Ordinary people attacking someone (residents, locals, a group of traders) are a mob in ACLED's terms.
    if (agent === 'Rioters' || agent === 'Protesters')
      return make('kill', 'Riots', 'Mob violence', 'crowd-attack', 0.9);
    if (
      agent === 'Civilians' &&
      !/\b(?:shot|shots|shooting|gun\w*|firearms?|armed|fire[ds]? at|opened fire|bullets?)\b/i.test(input.text)
    ) {
      return make('kill', 'Riots', 'Mob violence', 'crowd-attack', 0.9);
    }
    // Property taken or burnt, nobody hurt: looting; once people are hurt or an armed group attacked, an attack.
    const hurt =
      /\b(?:killed|killing|dead|murder\w*|shot|stabb\w*|beat\w*|wounded|injured|behead\w*|execut\w*|raped|tortur\w*|lynch\w*)\b/i.test(
        input.text,
      );
    if (has('looting') && !hurt && !isArmed(agent)) return fromEntry('looting', 'property-attack');
    if (has('arrest') && agent === 'State forces' && !hurt) return fromEntry('arrest', 'arrest-raid');
    return make(
      'kill',
      'Violence against civilians',
      'Attack',
      patient === 'Civilians' ? 'attack-on-civilians' : 'attack',
    );
  }
  // 8. Strategic developments.
  // Only states arrest: a non-state armed group detaining people is an abduction in ACLED's terms.
  if (has('arrest') && (agent === 'Rebel group' || agent === 'Political militia' || agent === 'Identity militia')) {
    return make('arrest', 'Violence against civilians', 'Abduction/forced disappearance', 'arrest-by-non-state-actor');
  }
  // Police seizing a gang's drugs or dismantling its laboratory, arrests or not: property destruction in ACLED's terms.
  if (has('seizure') && !has('disrupted') && (agent === 'State forces' || agent === null))
    return fromEntry('seizure', 'state-seizure');
  if (has('arrest')) return fromEntry('arrest', 'arrest');
  if (has('looting')) return fromEntry('looting', 'looting');
  if (has('crowd-violence')) return make('crowd-violence', 'Riots', 'Violent demonstration', 'crowd-violence');
  if (has('hq')) return fromEntry('hq', 'base-established');
  if (has('agreement')) {
    if (!conflictDeal) return null;
    return fromEntry('agreement', 'agreement');
  }
  if (has('change')) {
    // "Turkey sent more troops to the border": the moving forces are armed even when no actor pattern names them.
    if (!input.armed && !FORCES.test(input.text)) return null;
    return fromEntry('change', 'change-to-group');
  }
  if (has('other-sd')) {
    if (!input.armed) return null;
    return fromEntry('other-sd', 'other-strategic');
  }
  // Police dispersing a crowd imply a gathering even when the words for it are missing.
  if (
    has('intervention') &&
    /dispers|tear ?gas|water ?cannon|baton|lathi|rubber bullets/i.test(hit('intervention').text)
  ) {
    return make('intervention', 'Protests', 'Protest with intervention', 'dispersal-implies-protest', 0.8);
  }
  if (has('intervention') && input.armed && /arrest|detain/i.test(hit('intervention').text)) {
    return make('intervention', 'Strategic developments', 'Arrests', 'arrest-by-state', 0.7);
  }
  return null;
}
