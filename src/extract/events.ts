/**
 * Event assembly: sentences (or clauses) with triggers → classified candidates with actors (agent vs patient),
 * date, place, counts and certainty → events, merged as ACLED does (one event per distinct type, actors, place and
 * date; later sentences that only add casualties or the police response join the event they describe). Every field
 * keeps a reason code and the span it rests on.
 */

import type {
  ActorCategory,
  CountRange,
  EventActor,
  EventDate,
  EventLocation,
  Evidence,
  ExtractedEvent,
  FieldReason,
  PlaceDecision,
  Precision,
  TraceEntry,
} from '../model/extraction.js';
import type { EmbeddedPost, Span } from '../model/report.js';
import { type ActorEntry, type ActorMatcher, type ActorMention, actorName, categoryIn } from './actors.js';
import { assessCertainty, type CertaintyRule } from './certainty.js';
import { type Classification, classify, isArmed, isNegated } from './classify.js';
import { type CountLexicon, type CountMention, findCounts, pickCount, splitShare } from './counts.js';
import type { DateMention } from './dates.js';
import { isPlacePairPart, locationOf, PLACE_PAIR_REASON } from './place-fields.js';
import { execAll } from './regex.js';
import type { Sentence } from './sentences.js';
import type { NonEventEntry, TriggerHit, TriggerMatcher } from './triggers.js';

export interface Belligerents {
  country: string;
  from: string | null;
  to: string | null;
  sideA: string;
  sideB: string;
}

/** Settlements one side of a fixed front holds (data/actors/front-control.txt). */
export interface FrontControl {
  country: string;
  from: string | null;
  to: string | null;
  holder: string;
  /** Any of the held settlements, whole words, case-insensitive (not global). */
  places: RegExp;
}

export interface AssemblyResources {
  belligerents: Belligerents[];
  frontControl: FrontControl[];
  triggers: TriggerMatcher;
  /** Trigger lexicons of other languages (data/lexicons/i18n/triggers.<lang>.txt), by ISO 639-1 code. */
  localTriggers: ReadonlyMap<string, TriggerMatcher>;
  nonEvents: NonEventEntry[];
  counts: CountLexicon;
  certainty: CertaintyRule[];
  actors: ActorMatcher;
}

export interface AssemblyInput {
  text: string;
  /** The report's language: a report in another language than English is also read with its own triggers. */
  language?: string;
  /** The dateline ("BEIRUT (Wire) —"): its place is where the report was filed, a weak event location. */
  datelineSpan?: Span | null;
  sentences: Sentence[];
  dates: DateMention[];
  decisions: PlaceDecision[];
  focusCountry: string | null;
  published: EventDate | null;
  embeddedPosts: EmbeddedPost[];
  /** The document's reference date (first absolute date, else publication) for date-bounded actor aliases. */
  referenceDate: string | null;
  /** Every actor mention of the text (found once, with `referenceDate`). */
  actors: ActorMention[];
  trace: TraceEntry[] | null;
}

interface Candidate {
  sentence: Sentence;
  clause: Span;
  cls: Classification;
  hits: TriggerHit[];
  actors: ActorMention[];
  agent: ActorMention | null;
  patient: ActorMention | null;
  date: { date: EventDate; reason: string; span: Span | null } | null;
  place: { decision: PlaceDecision; precision: Precision; reason: string } | null;
  counts: CountMention[];
  certainty: ReturnType<typeof assessCertainty>;
  post: number | null;
  order: number;
  /** A state force named in the next two sentences (the police who dispersed a protest). */
  contextState: ActorMention | null;
  /** A state force named in the sentence before ("Police raided the slum. A gunfight followed."). */
  priorState: ActorMention | null;
  country: string | null;
}

// An event noun after a definite determiner ("the clashes", "this attack", "the ensuing fighting") names an event
// the text has told already; ordinals and "other/new/separate" introduce another one ("a second attack").
const DEFINITE_BEFORE = /(?:^|[^\p{L}])(?:the|this|that|these|those)\s+(?:(?:[\p{L}-]+)\s+)?$/iu;
const NOT_SAME_EVENT =
  /\b(?:first|second|third|fourth|fifth|last|latest|next|new|another|other|separate|further|earlier|previous|recent|similar|same|such|wider|ongoing|continuing|repeated|daily|frequent)\s+$/i;
const EVENT_NOUN =
  /^(?:clash(?:es)?|fighting|battles?|attacks?|assaults?|raids?|strikes?|air ?strikes?|shelling|bombardment|bombing|blasts?|explosions?|ambush|abduction|kidnapping|protests?|demonstrations?|march|rally|riots?|unrest|shooting|gunfire|violence|incident)\b/i;
const GENERIC_VIOLENCE = /^(?:shooting|gunfire|violence|incident|attack)\b/i;
const VIOLENT_TYPES = new Set<string>(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

export function isDefiniteMention(text: string, trigger: TriggerHit): boolean {
  if (!EVENT_NOUN.test(trigger.text)) return false;
  const before = text.slice(Math.max(0, trigger.start - 40), trigger.start);
  return DEFINITE_BEFORE.test(before) && !NOT_SAME_EVENT.test(before);
}

// A trigger in a pluperfect relative clause describes what a participant had done before the event ("an army
// position that had been shelling civilian areas", "the gunmen, who had attacked the village"): background.
// The passive "who had been kidnapped" stays: it tells what was done to a victim, often the event itself (a body
// found after an abduction is coded from it).
const BACKGROUND_RELATIVE = /\b(?:that|which|who)\s+had\s+(?:\w+ly\s+)?(been\s+)?$/i;

function backgroundRelative(text: string, hit: TriggerHit): boolean {
  const m = BACKGROUND_RELATIVE.exec(text.slice(Math.max(0, hit.start - 40), hit.start));
  return m !== null && (!m[1] || /^\w+ing\b/i.test(hit.text));
}

// The event another one answers: "shelled army posts in retaliation for the morning air strike on Jisr al-Shughur",
// "in response to Tuesday's attack", "to avenge the killing of". It is told elsewhere, or not at all; here it is the
// reason, and coding it would give the answer the other event's type and place.
const ANSWER_CUE = String.raw`(?:(?:retaliation|revenge|reprisal|response|reply)\s+(?:for|to|against)|to\s+avenge|avenging)`;
const ANSWERED_BEFORE = new RegExp(
  String.raw`\b(?:in\s+)?${ANSWER_CUE}\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\p{L}\d’'-]+\s+){0,3}$`,
  'iu',
);

function answeredEvent(text: string, hit: TriggerHit): boolean {
  return ANSWERED_BEFORE.test(text.slice(Math.max(0, hit.start - 70), hit.start));
}

// A party's own account of an event the report has already told: "Syrian state media said the army had targeted
// 'terrorist positions' in the countryside" after the lede's air strike on civilians. A generic verb (targeted,
// struck, hit) in reported speech, back-shifted after "said", names no new event; told first, it stays the news.
const PARTY_ACCOUNT_BEFORE =
  /\b(?:said|says|claimed|claims|stated|announced|reported)\s+(?:that\s+)?(?:[\p{L}'’-]+\s+){1,5}had\s+(?:\w+ly\s+)?$/iu;
const GENERIC_VERB = /^(?:targeted|struck|hit|attacked)$/i;

/** `firstHitEnd`: where the text's first trigger ends; the account must follow a sentence that holds one. */
function partyAccount(text: string, hit: TriggerHit, firstHitEnd: number, sentences: readonly Sentence[]): boolean {
  return (
    GENERIC_VERB.test(hit.text) &&
    PARTY_ACCOUNT_BEFORE.test(text.slice(Math.max(0, hit.start - 80), hit.start)) &&
    firstHitEnd <= sentenceStart(sentences, hit.start)
  );
}

/**
 * The answered event's own words, from the cue to the next comma or sentence end: its places and parties are not
 * the answer's ("in retaliation for a Ukrainian drone strike on Belgorod": neither Belgorod nor Ukraine's forces).
 */
const ANSWERED_SPAN = new RegExp(String.raw`\b${ANSWER_CUE}\b[^,.;!?\n]*`, 'giu');

function answeredSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ANSWERED_SPAN)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Whether `x` begins inside one of `spans` (a count's span may run on past the clause's last word). */
const insideAny = (spans: readonly Span[], x: Span) => spans.some((a) => x.start >= a.start && x.start < a.end);

function withoutAnswered(input: AssemblyInput, spans: readonly Span[]): AssemblyInput {
  if (spans.length === 0) return input;
  return {
    ...input,
    decisions: input.decisions.filter((d) => !insideAny(spans, d.mention)),
    actors: input.actors.filter((a) => !insideAny(spans, a)),
  };
}

// "Commandos, backed by air strikes, cleared 3 villages", "an attack supported by artillery fire": fire that
// supports a ground operation is part of that fight (ACLED codes the armed clash), when the sentence has other
// triggers to code it from.
const SUPPORT_BEFORE =
  /(?:backed|supported|covered|accompanied|assisted) by (?:[\w-]+ ){0,4}$|with (?:the )?(?:support|backing|cover) of (?:[\w-]+ ){0,3}$/i;
const SUPPORT_FEATURES = new Set(['air', 'shelling']);

function withoutSupportingFire(text: string, hits: TriggerHit[]): TriggerHit[] {
  const supporting = (h: TriggerHit) =>
    SUPPORT_FEATURES.has(h.entry.feature) && SUPPORT_BEFORE.test(text.slice(Math.max(0, h.start - 50), h.start));
  if (!hits.some(supporting)) return hits;
  const rest = hits.filter((h) => !supporting(h) && !SUPPORT_FEATURES.has(h.entry.feature));
  return rest.length ? hits.filter((h) => !supporting(h)) : hits;
}

const MUTUAL_FIRE = /both directions|exchang\w* (?:of )?fire|fire (?:was )?exchanged/i;

// Words that make an arrest political whatever crime came before it.
const POLITICAL_CUE =
  /\b(?:protest\w*|demonstrat\w*|activists?|opposition|journalists?|rebels?|militants?|insurgents?|terror\w*|separatists?|dissidents?|party|election\w*|critics?|blasphemy|sedition|treason)\b/i;

/** A first line without final punctuation, followed by a blank line: a title. */
function isHeadline(text: string, s: Sentence): boolean {
  return !/[.!?"”'’)]$/.test(s.text) && /^\r?\n\s*\n/.test(text.slice(s.end, s.end + 4)) && s.text.length < 200;
}

const RANK_OF = { reported: 1, claimed: 2, unconfirmed: 3, denied: 4 } as const;

/** The opening of an ACLED note: an optional label ("Looting:"), then the date clause. */
const NOTE_OPENING =
  /^(?:[A-Z][\w /-]{2,40}:\s*)?(?:On|Around|As reported on|As of|Between|During the week of|In the week of|Since|Over the weekend of)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})/;
const OTHER_ENTRY = {
  feature: 'note-fallback',
  eventType: 'Strategic developments',
  subEventType: 'Other',
  weight: 0.2,
  pattern: '',
  file: 'events.ts',
  line: 0,
} as const;

const CLAUSE_SPLIT =
  /;\s+|,?\s+while\s+(?!(?:they|he|she|we|it)\s+(?:were|was)\s+\w+ing\b)|,\s+whereas\s+|,\s+meanwhile,?\s+|\.\s+Meanwhile,?\s+|,\s+(?:and|as)\s+(?=(?:the\s+|a\s+|an\s+)?[A-Z][\w-]+\s+(?:forces|militants|troops|army|police|rebels|fighters|gunmen|jets|warplanes|aircraft|drones?)\b)/g;
const STRONG_FEATURES = new Set([
  'air',
  'shelling',
  'ied',
  'suicide',
  'grenade',
  'chemical',
  'clash',
  'regain',
  'overtake',
  'abduct',
  'sexual',
  'protest',
  'mob',
  'crowd-violence',
  'looting',
  'disrupted',
  'hq',
  'transfer',
]);
/** Features that, in a sentence after an event, only describe its outcome (casualties, the police response). */
const OUTCOME_FEATURES = new Set([
  'kill',
  'response',
  'intervention',
  'arrest',
  'excessive',
  'crowd-violence',
  'other-sd',
  'change',
  'looting',
]);

function clauses(sentence: Sentence): Span[] {
  const out: Span[] = [];
  let last = sentence.start;
  for (const m of execAll(CLAUSE_SPLIT, sentence.text)) {
    const at = sentence.start + m.index;
    if (at - last > 15) {
      out.push({ start: last, end: at });
      last = at + m[0].length;
    }
  }
  out.push({ start: last, end: sentence.end });
  return out;
}

const within = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;

/** A sentence telling that the victim (a pronoun or "the victim") had been taken before. */
const VICTIM_TAKEN_BEFORE =
  /^(?:She|He|They|The victims?|The (?:wo)?man|The (?:boy|girl))\s+(?:had\s+)?(?:been|was|were)\s+(?:\w+\s+)?(?:abducted|kidnapped|taken hostage|seized)\b/;

/** The victim's criminal record or membership, told in the clause or the sentence after it. */
const VICTIM_RECORD =
  /\b(?:victims?|deceased|dead man|man|officer|(?:he|she) had)\b[^.]{0,30}?\b(?:charges?|criminal records?|convicted|accused|under investigation|wanted)\b[^.]{0,60}?\b(?:drug trafficking|drug dealing|hitman|a gang|a cartel)\b|\b(?:alleged|suspected|known|an?)\s+(?:male |female |local )?(?:drug (?:dealer|trafficker)s?|gang members?|hitm[ae]n|sicarios?|cartel members?)\s+(?:was|were)\s+(?:shot|killed|stabbed|murdered|found|gunned|executed)\b/i;
/** "a CV member was stabbed": an acronym-named group's member as the victim (case-sensitive). */
const ACRONYM_MEMBER_VICTIM =
  /\b[A-Z][A-Z0-9-]{1,5} (?:gang )?members? (?:was|were) (?:shot|killed|stabbed|murdered|gunned|executed)\b/;

function armedGroupVictim(clause: string, next: string): boolean {
  return (
    VICTIM_RECORD.test(clause) ||
    ACRONYM_MEMBER_VICTIM.test(clause) ||
    (next.length > 0 && /^(?:The|This|That|He|She)\b/.test(next) && VICTIM_RECORD.test(next))
  );
}

/** "… in Omdurman, where …, and in Bahri, where …": one verb, two places, each with its own account. */
const PLACE_PAIR =
  /\bin\s+[A-Z][^,;:.]{1,60}?,\s+where\s[^;:]{3,200}?,\s+and\s+(?:also\s+)?(in\s+[A-Z][^,;:.]{1,60}?,\s+where\s)/;

/**
 * Two events in one sentence told place by place ("Smaller marches took place in Omdurman, where they passed off
 * peacefully, and in Khartoum North, where security forces used tear gas"): each place with what its "where"
 * clause says is a clause of its own, and the event word before the first place (the marches) is shared by both.
 * Only when the first part has an event word of its own.
 */
function placePair(
  sentence: Sentence,
  hits: TriggerHit[],
): { span: Span; hits: TriggerHit[]; pair?: boolean }[] | null {
  if (hits.length === 0 || !sentence.text.includes(', where ')) return null;
  const m = PLACE_PAIR.exec(sentence.text);
  if (!m) return null;
  const second = sentence.start + m.index + m[0].length - (m[1] as string).length;
  const first: Span = { start: sentence.start, end: second };
  const rest: Span = { start: second, end: sentence.end };
  const firstHits = hits.filter((h) => within(h, first));
  if (!firstHits.some((h) => STRONG_FEATURES.has(h.entry.feature))) return null;
  const ownHits = hits.filter((h) => within(h, rest));
  const shared = ownHits.some((h) => STRONG_FEATURES.has(h.entry.feature))
    ? []
    : firstHits.filter((h) => STRONG_FEATURES.has(h.entry.feature) && h.end <= sentence.start + m.index);
  return [
    { span: first, hits: firstHits, pair: true },
    { span: rest, hits: [...shared, ...ownHits], pair: true },
  ];
}

/** Start of the sentence holding offset `at` (sentences in order), or `at` when none holds it. */
function sentenceStart(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s.start;
  }
  return at;
}

/**
 * The items inside each sentence (`within`), in their original order: one binary search per item instead of a
 * filter over all items per sentence (a long report has hundreds of sentences and of actor mentions). Sentences
 * out of order or overlapping (never from `splitSentences`) take the filter.
 */
function bySentence<T extends Span>(sentences: Sentence[], items: readonly T[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  for (let k = 1; k < sentences.length; k++) {
    if ((sentences[k - 1] as Sentence).end >= (sentences[k] as Sentence).start)
      return sentences.map((s) => items.filter((x) => within(x, s)));
  }
  for (const x of items) {
    let lo = 0;
    let hi = sentences.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sentences[mid] as Sentence).start <= x.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0 && x.end <= (sentences[at] as Sentence).end) (out[at] as T[]).push(x);
  }
  return out;
}

/** The hit with the highest weight, the earliest on ties: the first of a stable sort by that order, without one. */
function strongest(hits: TriggerHit[]): TriggerHit {
  let best = hits[0] as TriggerHit;
  for (const h of hits) {
    if (h.entry.weight > best.entry.weight || (h.entry.weight === best.entry.weight && h.start < best.start)) best = h;
  }
  return best;
}

/** Features of a later sentence that tell how a demonstration went. */
const RESPONSE_FEATURES = new Set(['intervention', 'excessive', 'crowd-violence', 'response']);
const FORCE_CLAIM =
  /\b(?:(?:the\s+)?(?:police|authorities|security forces|interior ministry|army)\s+(?:said|says|claimed|claims|alleged|accused)|according to (?:the\s+)?(?:police|authorities))\b/i;

/** Relative clauses set off by commas (", where …,", ", which …,"): asides about something else. */
function relativeClauses(sentence: Sentence): Span[] {
  const out: Span[] = [];
  for (const m of execAll(RELATIVE_ASIDE, sentence.text))
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  return out;
}
const RELATIVE_ASIDE = /,\s+(?:where|when|which|who|whose)\b[^,;:]{3,160},/gi;

/** "Fighters of the Al-Qassam Brigades": a role word followed by "of" and a named actor is that actor, not another. */
function withoutHeadWords(text: string, actors: ActorMention[]): ActorMention[] {
  return actors.filter(
    (a) =>
      a.entry.source !== 'generic' ||
      // "of" comes after a space: one character test per role word before a slice and a test per pair of actors.
      !SPACE_AT.test(text.charAt(a.end)) ||
      !actors.some(
        (b) =>
          b.entry.source !== 'generic' &&
          b.start > a.end &&
          // "a joint patrol by Turkish and Russian forces", "a convoy of the Turkish army": the unit is theirs.
          (/^\s+of\s+(?:the\s+)?$/i.test(text.slice(a.end, b.start)) ||
            (UNIT_WORD.test(a.text) && /^\s+(?:by|of)\s+(?:the\s+)?$/i.test(text.slice(a.end, b.start)))),
      ),
  );
}

const SPACE_AT = /^\s$/;
/** Generic words for a unit on the move, whose owner a following "by"/"of" names. */
const UNIT_WORD = /\b(?:patrols?|convoys?|columns?)$/i;

/** Agent and patient relative to the trigger: "between X and Y", passive "… by X", else before/after the verb. */
function roles(
  text: string,
  clause: Span,
  actors: ActorMention[],
  trigger: TriggerHit,
): { agent: ActorMention | null; patient: ActorMention | null; reason: string } {
  const inClause = actors.filter((a) => within(a, clause));
  const between = /\bbetween\b/i.exec(text.slice(clause.start, clause.end));
  if (between) {
    const at = clause.start + between.index;
    const after = inClause.filter((a) => a.start > at);
    if (after.length >= 2) return { agent: after[0] ?? null, patient: after[1] ?? null, reason: 'between-x-and-y' };
  }
  const before = inClause.filter((a) => a.end <= trigger.start).reverse();
  // A coordinated subject ("tribal fighters and army units repelled…"): its first member leads.
  // An actor right after a preposition ("a crackdown on Taliban militants") is an object, not the subject.
  const object = (a: ActorMention) =>
    /\b(?:on|against|with|of|from|for|to|at|into|towards|near|by|among)\s+(?:the\s+|a\s+|an\s+)?$/i.test(
      text.slice(Math.max(clause.start, a.start - 14), a.start),
    );
  // The subject: the first actor of the clause before the verb that is not an object, not a victim-only phrase
  // and not the source of a report ("Police said gunmen killed…": the gunmen act).
  // A speaker who claims its own action ("the army said it had killed 15 militants") is the agent all the same.
  const reporting = (a: ActorMention) => {
    const after = text.slice(a.end, a.end + 80);
    return (
      /^\s*(?:\w+\s+)?(?:said|says|told|reported|claimed|announced|stated|confirmed|denied|added)\b|^\s*(?:spokes(?:man|woman|person)|sources?|officials?|statement)\b[^.]{0,40}?\b(?:said|says|told|reported|stated)\b/i.test(
        after,
      ) &&
      !/^\s*(?:\w+\s+)?(?:said|says|claimed|announced|stated|confirmed)\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+)?(?:that\s+)?(?:it|they|its\s+(?:forces|troops|fighters|units|air\s+defen[cs]es?)|their\s+(?:forces|fighters|air\s+defen[cs]es?))\s+(?:had\s+|have\s+|has\s+)?(?:\w+ly\s+)?(?:killed|captured|destroyed|shot|seized|repelled|attacked|targeted|struck|shelled|bombed|downed|intercepted|arrested|detained|neutrali[sz]ed|liberated|took|recaptured)\b/i.test(
        after,
      )
    );
  };
  const leader = (list: ActorMention[]): ActorMention | null => {
    const inOrder = [...list].reverse();
    return (
      inOrder.find((a) => a.entry.role !== 'patient' && !object(a) && !reporting(a)) ??
      list.find((a) => a.entry.role !== 'patient' && !reporting(a)) ??
      null
    );
  };
  const after = inClause.filter((a) => a.start >= trigger.end);
  const tail = text.slice(trigger.end, Math.min(clause.end, trigger.end + 120));
  const byAgent = /^\s*(?:\w+\s+){0,4}?by\s+/i.exec(tail);
  // The auxiliary may be part of the trigger itself ("were pushed back").
  const passive =
    /^(?:was|were|been|being|is|are|got|have been|had been|has been)\s/i.test(trigger.text) ||
    /\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?$/i.test(
      text.slice(Math.max(clause.start, trigger.start - 30), trigger.start),
    );
  if (byAgent) {
    const agentAt = trigger.end + byAgent.index + byAgent[0].length;
    const agent = after.find((a) => a.start >= agentAt && a.start - agentAt < 40) ?? null;
    if (agent) {
      const patient =
        before.find((a) => a.entry.role !== 'agent') ??
        after.find((a) => a !== agent && a.entry.role !== 'agent') ??
        null;
      return { agent, patient, reason: 'passive-by' };
    }
  }
  if (passive) {
    const patient = before[0] ?? null;
    const agent = after.find((a) => a.entry.role !== 'patient') ?? null;
    return { agent, patient, reason: 'passive' };
  }
  // A crowd of ordinary people in subject position ("residents beat a thief") acts, though usually a victim.
  const crowdSubject = [...before]
    .reverse()
    .find(
      (a) =>
        a.entry.category === 'Civilians' &&
        !object(a) &&
        /^\s*(?:\w+\s+){0,2}$/.test(text.slice(a.end, trigger.start)) &&
        /(?:people|persons|residents|locals|villagers|inhabitants|citizens|traders|workers|employees|youths?|nationals|men|members|students)$/i.test(
          a.text,
        ),
    );
  const agent = leader(before) ?? crowdSubject ?? after.find((a) => a.entry.role === 'agent') ?? null;
  // "X and Y clashed", "1 soldier was hit by a Taliban sniper": the other side may stand before the verb too.
  const patient =
    after.find((a) => a !== agent && a.entry.role !== 'agent' && a.entry.name !== agent?.entry.name) ??
    before.find((a) => a !== agent && a.entry.role !== 'agent' && a.entry.name !== agent?.entry.name) ??
    null;
  return { agent, patient, reason: 'active' };
}

const STATE: ReadonlySet<ActorCategory> = new Set(['State forces', 'External/Other forces']);

/** Damage done to property (by rioters: the clause's event is already a riot). */
const PROPERTY_DAMAGE =
  /\b(?:vandali[sz]\w*|damag(?:ed|ing)|burn(?:ed|t|ing)|set (?:\w+ ){0,3}(?:on )?fire|set (?:\w+ )?ablaze|torch(?:ed|ing)|smash(?:ed|ing)|ransack\w*|loot(?:ed|ing)|pelted (?:stones|rocks) at|hurled (?:\w+ ){0,3}at|attacked)\b/i;
/** Property of private people, businesses and places of worship (not of the state). */
const CIVILIAN_PROPERTY =
  /\b(?:shops?|stores?|houses?|homes?|residences?|banks?|ATMs?|clinics?|hospitals?|church(?:es)?|mosques?|temples?|shrines?|restaurants?|hotels?|cars?|vehicles?|facades?|businesses|warehouses?|factor(?:y|ies))\b/i;
/** Words of a communal conflict: clans, tribes, families, cattle raids, village militias. */
const COMMUNAL =
  /\b(?:clans?|inter-?clan|sub-?clans?|clan-based|tribes?|tribal|inter-?tribal|communal|inter-?communal|ethnic|inter-?ethnic|famil(?:y|ies)|cattle (?:camps?|raids?|raiders|rustlers)|raiders|herders|herdsmen|pastoralists|armed youths?|local militia(?:men)?)\b/i;

/** Two crowds fighting each other, or a crowd that "clashed" with no one else named. */
const TWO_CROWDS =
  /\b(?:each other|one another|among themselves|two (?:\w+ ){0,3}(?:groups|mobs|factions|families|communities|villages|sides|gangs of youths))\b|\b(?:groups?|mobs?|people|residents|villagers|supporters|workers|youths|drivers)\s+clashed\b(?!\s+with)/i;

/** Civilian buildings and infrastructure a planted bomb may target. */
const CIVILIAN_TARGET =
  /\b(?:shops?|stores?|markets?|houses?|homes?|residences?|banks?|clinics?|hospitals?|church(?:es)?|mosques?|temples?|shrines?|imambargahs?|places? of worship|restaurants?|hotels?|cafes?|schools?|dormitor(?:y|ies)|universit(?:y|ies)|factor(?:y|ies)|warehouses?|railway|rail(?:road)? tracks?|buses|bus|trains?|pipelines?|power (?:lines?|pylons?|stations?)|pylons?)\b/i;
/** Who an event's casualty counts hurt: nobody counted, only armed men ("2 soldiers were killed"), or people. */
type Casualties = 'none' | 'armed' | 'people';
/** A casualty count naming members of an armed force or group. */
const ARMED_VICTIMS =
  /\b(?:soldiers?|troops?|servicem[ae]n|police(?:m[ae]n| officers?)?|officers?|guards?|fighters?|militants?|rebels?|insurgents?|gunm[ae]n|militiam[ae]n|combatants?|attackers?|assailants?|personnel|commanders?|jihadists?|terrorists?|members)\b/i;
// A second crowd against the first: "a counter-protest", "counter-demonstrators", "supporters opposing the strike
// rallied across the street".
const COUNTER_PROTEST =
  /\bcounter[- ]?(?:protest|demonstrat|rall|march)\w*|\b(?:protesters|demonstrators|people|supporters)\s+opposing\s+[^.;]{1,60}?\s+(?:gathered|rallied|assembled)/i;

const CROWD: ReadonlySet<ActorCategory> = new Set(['Protesters', 'Rioters', 'Civilians']);

/**
 * The two actors as ACLED codes them for the sub-event type: a protest's first actor is always "Protesters (X)"
 * and its second the state force that intervened; violence against civilians always has civilians as its
 * second actor; remote violence names civilians only when they were hurt; a battle has two armed sides, the
 * front's default belligerents standing in when the text names none.
 */
function codeActors(
  res: AssemblyResources,
  input: AssemblyInput,
  head: Candidate,
  eventCountry: string | null,
  countryName: string | null,
  stateResponse: boolean,
  casualties: Casualties,
): { a1: EventActor | null; a2: EventActor | null; reasons: FieldReason[] } {
  const reasons: FieldReason[] = [];
  const countries = res.actors.countries;
  const c = countryName ? ` (${countryName})` : '';
  const of = countryName ? ` of ${countryName}` : '';
  const sub = head.cls.subEventType;
  const type = head.cls.eventType;
  const text = input.text;
  const cat = (m: ActorMention) => categoryIn(m.entry, eventCountry);
  const from = (m: ActorMention | null | undefined, field: string, why: string): EventActor | null => {
    if (!m) return null;
    reasons.push({ field, reason: `${why}:${m.reason}`, span: { start: m.start, end: m.end } });
    return { name: actorName(m.entry, countries, eventCountry), category: cat(m), text: m.text };
  };
  const fixed = (
    name: string,
    category: ActorCategory,
    field: string,
    why: string,
    m?: ActorMention | null,
  ): EventActor => {
    reasons.push({ field, reason: why, span: m ? { start: m.start, end: m.end } : null });
    return { name, category, text: m?.text ?? '' };
  };
  const agent = head.agent;
  const patient = head.patient;
  const clauseActors = head.actors;
  // A government (a governor, a ministry) speaks about violence; it is not a fighting side.
  const armed = (m: ActorMention | null | undefined): boolean =>
    !!m && isArmed(cat(m)) && !m.entry.name.startsWith('Government of');
  const state = (m: ActorMention | null | undefined): boolean => !!m && STATE.has(cat(m));
  const crowd = [agent, patient, ...clauseActors].find((m) => m && CROWD.has(m.entry.category)) ?? null;
  const anyState =
    [agent, patient, ...clauseActors].find((m) => state(m)) ?? (stateResponse ? head.contextState : null);
  const unidentified = (field: string) =>
    fixed(`Unidentified Armed Group${c}`, 'Political militia', field, 'default-unidentified');
  const belligerents = defaultBelligerents(res, input, eventCountry);

  if (sub === 'Peaceful protest') {
    const a1 = fixed(`Protesters${c}`, 'Protesters', 'actor1', 'acled-protest-actor', crowd);
    // A counter-protest met the protest: ACLED codes the two crowds against each other (9 of the 11 ACLED dev notes
    // naming a counter-protest beside a peaceful one are coded Protesters against Protesters).
    const counter = COUNTER_PROTEST.exec(input.text);
    if (!counter) return { a1, a2: null, reasons };
    reasons.push({
      field: 'actor2',
      reason: 'counter-protest',
      span: { start: counter.index, end: counter.index + counter[0].length },
    });
    return { a1, a2: { name: `Protesters${c}`, category: 'Protesters', text: counter[0] }, reasons };
  }
  if (sub === 'Protest with intervention' || sub === 'Excessive force against protesters') {
    const a1 = fixed(`Protesters${c}`, 'Protesters', 'actor1', 'acled-protest-actor', crowd);
    const a2 =
      from(anyState, 'actor2', 'intervening-force') ??
      fixed(`Police Forces${of}`, 'State forces', 'actor2', 'default-police');
    return { a1, a2, reasons };
  }
  if (type === 'Riots') {
    const a1 = fixed(`Rioters${c}`, 'Rioters', 'actor1', 'acled-riot-actor', crowd);
    // A government or governor a crowd's demand is addressed to ("in rejection of the new governor") is no force
    // that answered the riot.
    const gov = (m: ActorMention | null | undefined) => !!m && m.entry.name.startsWith('Government of');
    const context = stateResponse && !gov(head.contextState) ? head.contextState : null;
    const force = [agent, patient, ...clauseActors].find((m) => state(m) && !gov(m)) ?? context;
    if (force && (stateResponse || sub === 'Mob violence'))
      return { a1, a2: from(force, 'actor2', 'state-response'), reasons };
    if (sub === 'Violent demonstration') {
      // Rioters who wreck a shop, a bank, a clinic or a church hurt its civilian owners: ACLED's second actor.
      const clause = text.slice(head.clause.start, head.clause.end);
      if (PROPERTY_DAMAGE.test(clause) && CIVILIAN_PROPERTY.test(clause))
        return { a1, a2: fixed(`Civilians${c}`, 'Civilians', 'actor2', 'civilian-property'), reasons };
      return { a1, a2: null, reasons };
    }
    const clauseText = text.slice(head.clause.start, head.clause.end);
    const between = /\bbetween\b/i.test(clauseText);
    if (between) return { a1, a2: fixed(`Rioters${c}`, 'Rioters', 'actor2', 'between-two-groups'), reasons };
    // A named party militia brawling with a crowd ("Imbonerakure and opposition supporters fought with machetes")
    // is the rioters' other side.
    const militia = clauseActors.find(
      (m) => cat(m) === 'Political militia' && m.entry.source === 'dictionary' && m !== patient,
    );
    // "Two mobs clashed with each other", "a group of people clashed over food": two crowds, no victim.
    if (sub === 'Mob violence' && !patient && !militia && TWO_CROWDS.test(clauseText))
      return { a1, a2: fixed(`Rioters${c}`, 'Rioters', 'actor2', 'two-crowds'), reasons };
    const victim =
      patient && !STATE.has(cat(patient)) && cat(patient) !== 'Rioters' && cat(patient) !== 'Protesters'
        ? patient
        : (militia ?? null);
    return {
      a1,
      a2: victim
        ? from(victim, 'actor2', 'patient')
        : fixed(`Civilians${c}`, 'Civilians', 'actor2', 'default-civilians'),
      reasons,
    };
  }
  if (type === 'Violence against civilians') {
    const perpetrator =
      armed(agent) || agent?.entry.category === 'Rioters' ? agent : clauseActors.find((m) => armed(m) && m !== patient);
    const a1 = from(perpetrator, 'actor1', 'agent') ?? unidentified('actor1');
    const victim = patient && cat(patient) === 'Civilians' ? patient : clauseActors.find((m) => cat(m) === 'Civilians');
    const a2 = victim
      ? { ...(from(victim, 'actor2', 'victim') as EventActor) }
      : fixed(`Civilians${c}`, 'Civilians', 'actor2', 'default-civilians');
    return { a1, a2, reasons };
  }
  if (sub === 'Arrests') {
    const a1 =
      from(state(agent) ? agent : anyState, 'actor1', 'arresting-force') ??
      fixed(`Police Forces${of}`, 'State forces', 'actor1', 'default-police');
    const held = patient && !state(patient) && cat(patient) !== 'Protesters' ? patient : null;
    const a2 = from(held, 'actor2', 'arrested') ?? fixed(`Civilians${c}`, 'Civilians', 'actor2', 'default-civilians');
    return { a1, a2, reasons };
  }
  if (sub === 'Looting/property destruction') {
    const a1 =
      from(
        armed(agent) || agent?.entry.category === 'Rioters' ? agent : clauseActors.find((m) => armed(m)),
        'actor1',
        'agent',
      ) ?? unidentified('actor1');
    // Drugs, a laboratory or contraband seized by the state belong to a gang: ACLED's second actor is that gang,
    // an unidentified one when the report names none.
    if (head.cls.trigger.entry.feature === 'seizure') {
      const gang = patient && armed(patient) && !state(patient) ? patient : null;
      const a2 =
        from(gang, 'actor2', 'owner') ?? fixed(`Unidentified Gang${c}`, 'Political militia', 'actor2', 'default-gang');
      return { a1, a2, reasons };
    }
    const a2 =
      from(patient && !armed(patient) ? patient : null, 'actor2', 'patient') ??
      fixed(`Civilians${c}`, 'Civilians', 'actor2', 'default-civilians');
    return { a1, a2, reasons };
  }
  // Battles and remote violence: armed sides.
  const first = armed(agent) ? agent : (clauseActors.find((m) => armed(m)) ?? null);
  // Two mentions of one actor ("a Syrian army checkpoint … three soldiers") are one side, by their coded names.
  const named = (m: ActorMention) => actorName(m.entry, countries, eventCountry);
  const other = (m: ActorMention) => m !== first && (!first || named(m) !== named(first));
  // A battle between two units of one force (a mutiny, police against police) keeps both when nobody else is named.
  const sameForce = (m: ActorMention) => m !== first && m.entry.name !== first?.entry.name;
  const second =
    (patient && armed(patient) && other(patient) ? patient : null) ??
    clauseActors.find((m) => armed(m) && other(m)) ??
    (type === 'Battles'
      ? ((patient && armed(patient) && sameForce(patient) ? patient : null) ??
        clauseActors.find((m) => armed(m) && sameForce(m)) ??
        null)
      : null);
  if (type === 'Battles') {
    // A fight whose sentence names no side ("A gunfight followed") is fought by the force the sentence before sent
    // in ("Police raided the slum").
    const sideA = first ?? head.priorState;
    const a1 =
      from(sideA, 'actor1', first ? 'side-a' : 'force-sent-in') ??
      (belligerents ? fixed(belligerents[0], 'State forces', 'actor1', 'front-default') : unidentified('actor1'));
    let a2 = from(second, 'actor2', 'side-b');
    if (!a2 && belligerents) {
      const other = belligerents.find((b) => b !== a1.name);
      if (other) a2 = fixed(other, categoryOfName(res, other, eventCountry), 'actor2', 'front-default');
    }
    if (!a2 && sub === 'Armed clash') a2 = unidentified('actor2');
    // "Inter-clan clashes", "raiders attacked a cattle camp and clashed with local militiamen", "a fight between two
    // families": when neither side has a name, a communal cue makes both sides communal militias (ACLED's identity
    // militias), not unidentified political groups.
    const nameless = (x: EventActor | null) => !!x && x.name.startsWith('Unidentified Armed Group');
    if (nameless(a1) && nameless(a2) && COMMUNAL.test(text.slice(head.clause.start, head.clause.end))) {
      const communal = (x: EventActor, field: string): EventActor => {
        reasons.push({ field, reason: 'communal-cue', span: null });
        return { ...x, name: `Communal Militia${c}`, category: 'Identity militia' };
      };
      return { a1: communal(a1 as EventActor, 'actor1'), a2: communal(a2 as EventActor, 'actor2'), reasons };
    }
    return { a1, a2, reasons };
  }
  if (type === 'Explosions/Remote violence') {
    // "An IED exploded near an army checkpoint": with no armed actor doing it, the one named is the target.
    const planted = sub === 'Remote explosive/landmine/IED' || sub === 'Grenade' || sub === 'Suicide bomb';
    if (planted && first && !armed(agent) && !second && !named(first).startsWith('Unidentified')) {
      // "… The device was likely planted by JNIM militants", "Al-Shabaab claimed responsibility for the attack": the
      // sentence after the blast names who set it.
      const setter = claimedBy(input, head, first);
      if (setter) return { a1: from(setter, 'actor1', 'claimed-by'), a2: from(first, 'actor2', 'target'), reasons };
      return { a1: unidentified('actor1'), a2: from(first, 'actor2', 'target') as EventActor, reasons };
    }
    let a1 = from(first, 'actor1', 'perpetrator');
    if (!a1 && belligerents && sub === 'Shelling/artillery/missile attack') {
      // Fire nobody claims that fell near a place one side holds came from the other side (ACLED's front coding).
      const holder = frontHolder(res, input, eventCountry, text.slice(head.clause.start, head.clause.end));
      const shooter = holder ? belligerents.find((b) => b !== holder) : undefined;
      a1 = shooter
        ? fixed(shooter, categoryOfName(res, shooter, eventCountry), 'actor1', 'front-control')
        : fixed(belligerents[0], categoryOfName(res, belligerents[0], eventCountry), 'actor1', 'front-default');
    }
    if (!a1 && sub !== 'Air/drone strike' && sub !== 'Shelling/artillery/missile attack') a1 = unidentified('actor1');
    let a2 = from(second, 'actor2', 'target');
    // Civilians are a side of remote violence only when they were hurt (ACLED codes no victim otherwise): those
    // named in the clause, else the people a count names when it names no armed men ("1 person was killed").
    // A bomb planted at a civilian building ("a remote explosive attack targeting a student dormitory", "an
    // explosion at a place of worship") is aimed at civilians, hurt or not (ACLED's second actor).
    if (!a2 && planted && !second && CIVILIAN_TARGET.test(text.slice(head.clause.start, head.clause.end)))
      a2 = fixed(`Civilians${c}`, 'Civilians', 'actor2', 'civilian-target');
    if (!a2 && casualties !== 'none') {
      const victim =
        patient && cat(patient) === 'Civilians' ? patient : clauseActors.find((m) => cat(m) === 'Civilians');
      if (victim) a2 = from(victim, 'actor2', 'civilian-victims');
      else if (casualties === 'people') a2 = fixed(`Civilians${c}`, 'Civilians', 'actor2', 'counted-victims');
    }
    return { a1, a2, reasons };
  }
  // Strategic developments: the actor that acted, and a second party only when one is named.
  // The second party is compared with the actor actually coded first, so one actor is never both sides.
  const actor = agent ?? clauseActors[0] ?? null;
  const a1 = from(actor, 'actor1', 'agent');
  const otherParty =
    patient &&
    patient !== actor &&
    actorName(patient.entry, countries, eventCountry) !==
      (actor ? actorName(actor.entry, countries, eventCountry) : null) &&
    (armed(patient) || sub === 'Agreement') &&
    // A group's own change (reinforcements, a defection, a deployment) is coded with that group alone: the forces
    // it joins, leaves or faces are context (ACLED dev notes: 9 of 11 such second parties were not coded).
    sub !== 'Change to group/activity'
      ? patient
      : null;
  const a2 = from(otherParty, 'actor2', 'party');
  return { a1, a2, reasons };
}

/** A claim or an attribution of a bomb ("planted by", "claimed responsibility") in the clause or the next sentence. */
const CLAIMED_BY =
  /\b(?:planted by|laid by|set by|claimed (?:responsibility|the attack|the bombing|the blast)|claimed to have (?:killed|attacked|carried out|targeted)|(?:was|were) (?:blamed on|attributed to)|(?:suspected|believed) to be behind)\b/i;

/** The non-state armed actor a claim or attribution near the event names as the bomb's setter. */
function claimedBy(input: AssemblyInput, head: Candidate, target: ActorMention): ActorMention | null {
  const next = input.sentences[head.sentence.index + 1];
  const spans: Span[] = [head.clause, ...(next ? [{ start: next.start, end: next.end }] : [])];
  for (const span of spans) {
    const words = input.text.slice(span.start, span.end);
    if (!CLAIMED_BY.test(words)) continue;
    const setter = input.actors.find(
      (m) =>
        within(m, span) &&
        m !== target &&
        m.entry.source === 'dictionary' &&
        (m.entry.category === 'Rebel group' ||
          m.entry.category === 'Political militia' ||
          m.entry.category === 'Identity militia'),
    );
    if (setter) return setter;
  }
  return null;
}

function defaultBelligerents(
  res: AssemblyResources,
  input: AssemblyInput,
  country: string | null,
): [string, string] | null {
  if (!country) return null;
  const day = input.referenceDate ?? '';
  for (const b of res.belligerents) {
    if (b.country !== country || !inForce(b, day)) continue;
    return [b.sideA, b.sideB];
  }
  return null;
}

/** The side holding the places a clause names, when all of them are held by one side of the front. */
function frontHolder(
  res: AssemblyResources,
  input: AssemblyInput,
  country: string | null,
  clause: string,
): string | null {
  const day = input.referenceDate ?? '';
  let holder: string | null = null;
  for (const f of res.frontControl) {
    if (f.country !== country || !inForce(f, day) || !f.places.test(clause)) continue;
    if (holder && holder !== f.holder) return null;
    holder = f.holder;
  }
  return holder;
}

/** Whether a dated row (from/to, YYYY-MM-DD or null) holds on `day` ('' when unknown: every row holds). */
function inForce(row: { from: string | null; to: string | null }, day: string): boolean {
  return !day || ((!row.from || day >= row.from) && (!row.to || day <= row.to));
}

function categoryOfName(res: AssemblyResources, name: string, country: string | null): ActorCategory {
  const entry = res.actors.entries.find((e) => e.name === name);
  return entry ? categoryIn(entry, country) : 'State forces';
}

/** The global twin of a lexicon expression, made once (a `new RegExp` per report is compiled per report). */
const globalCopies = new WeakMap<RegExp, RegExp>();
function globalCopy(re: RegExp): RegExp {
  let g = globalCopies.get(re);
  if (!g) {
    g = new RegExp(re.source, 'gi');
    globalCopies.set(re, g);
  }
  return g;
}

export function assembleEvents(res: AssemblyResources, rawInput: AssemblyInput): ExtractedEvent[] {
  const answered = answeredSpans(rawInput.text);
  const input = withoutAnswered(rawInput, answered);
  // Counts inside an answered event's words are its casualties ("to avenge the killing of two officers").
  const countsOf = (t: string, at: number) => {
    const found = findCounts(res.counts, t, at);
    return answered.length ? found.filter((c) => !insideAny(answered, c)) : found;
  };
  const { text, sentences } = input;
  const trace = input.trace;
  const countries = res.actors.countries;
  const candidates: Candidate[] = [];
  // One scan of the whole text; hits are then shared out to their sentences.
  const local = input.language ? res.localTriggers.get(input.language) : undefined;
  const allHits = local
    ? [...res.triggers.find(text, 0), ...local.find(text, 0)].sort((a, b) => a.start - b.start)
    : res.triggers.find(text, 0);
  const firstHitEnd = allHits.reduce((min, h) => Math.min(min, h.end), Number.POSITIVE_INFINITY);
  const sentenceHits = bySentence(
    sentences,
    allHits.filter(
      (h) => !backgroundRelative(text, h) && !answeredEvent(text, h) && !partyAccount(text, h, firstHitEnd, sentences),
    ),
  ).map((hits) => withoutSupportingFire(text, hits));
  const sentenceActors = bySentence(sentences, input.actors);
  const sentenceDates = bySentence(sentences, input.dates);
  const places = input.decisions;
  const locatedPlaces = places.filter(locating);
  const postOf = (s: Span): number | null => {
    const i = input.embeddedPosts.findIndex((p) => s.start >= p.span.start && s.start < p.span.end);
    return i < 0 ? null : i;
  };
  let lastDate: Candidate['date'] = null;
  // A sports report (three or more sport words) reads every "attack", "strike" and "protest" as the game's.
  const sportCue = res.nonEvents.find((n) => n.cls === 'sport');
  // Read on the first clause that is classified: a report without triggers never needs the whole-text scan.
  let sportReport: boolean | undefined;
  const isSportReport = (): boolean => {
    sportReport ??= sportCue ? (text.match(globalCopy(sportCue.re))?.length ?? 0) >= 3 : false;
    return sportReport;
  };
  // Whether sentence k may tell how an earlier event went: no background date, no word of the past (computed once).
  const aboutNowCache: (boolean | undefined)[] = [];
  const aboutNow = (k: number): boolean => {
    let v = aboutNowCache[k];
    if (v === undefined) {
      const s = sentences[k] as Sentence;
      v =
        !(sentenceDates[k] ?? []).some((d) => d.background) &&
        !/\b(?:previous|earlier|last (?:week|month)|in recent|since)\b/i.test(s.text);
      aboutNowCache[k] = v;
    }
    return v;
  };
  /** The first state force named in sentences from..to-1 (clipped to the text). */
  const stateIn = (from: number, to: number): ActorMention | null => {
    for (let k = Math.max(0, from); k < to && k < sentences.length; k++)
      for (const a of sentenceActors[(sentences[k] as Sentence).index] ?? [])
        if (a.entry.category === 'State forces') return a;
    return null;
  };
  let order = 0;
  // The last sentence told as ordinary crime (a crime non-event and no event of its own).
  let crimeBefore = -2;
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si] as Sentence;
    const hits = sentenceHits[si] ?? [];
    const sentDates = sentenceDates[si] ?? [];
    // A sentence without dates or triggers has nothing to set aside (most sentences of a long report).
    if (!hits.length && !sentDates.length) continue;
    // "In Kursk, where Ukrainian troops launched an incursion on Aug. 6, Moscow said it repelled attacks": the date
    // and the triggers of a relative clause are background to the main clause when it has triggers of its own.
    const asides = relativeClauses(sentence);
    const aside = (x: Span) => asides.some((r) => within(x, r));
    const current =
      sentDates.find((d) => !d.background && !aside(d)) ??
      (hits.some((h) => !aside(h)) ? undefined : sentDates.find((d) => !d.background));
    if (current)
      lastDate = { date: current.date, reason: current.reason, span: { start: current.start, end: current.end } };
    if (!hits.length) continue;
    // A headline repeats the lead (the event is coded from the body, which has the date and the detail).
    if (si === 0 && sentences.length > 1 && isHeadline(text, sentence)) {
      trace?.push({ stage: 'events', reason: 'skip-headline', span: sentence });
      continue;
    }
    // History ("in 2014", "last year") dates the whole sentence; "since 2012" only measures a duration, and an
    // unresolved weekday ("on Tuesday" without a publication date) still marks the sentence as news.
    const historical = sentDates.some(
      (d) =>
        d.background &&
        (d.reason !== 'since-year' || !/\bfirst\b[^.]{0,30}$/i.test(text.slice(sentence.start, d.start))),
    );
    const newsWord =
      /\b(?:today|yesterday|tonight|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|this (?:week|morning)|last night)\b/i.test(
        sentence.text,
      );
    if (!current && historical && !newsWord) {
      trace?.push({ stage: 'events', reason: 'skip-background', span: sentence, detail: sentDates.map((d) => d.text) });
      continue;
    }
    // The next two sentences may say how a demonstration went ("Police dispersed them"); sentences about the
    // past ("in the previous week", "since March") and noun uses ("looted funds") are not about this event.
    const context: TriggerHit[] = [];
    for (let k = si + 1; k < si + 3 && k < sentences.length; k++) {
      if (!aboutNow(k)) continue;
      const next = sentences[k] as Sentence;
      // "The police said protesters had attacked officers": crowd violence in the force's own account is its side
      // of the story, not what the outlet reports of the demonstration.
      const forceClaim = FORCE_CLAIM.test(next.text);
      for (const h of sentenceHits[next.index] ?? [])
        if (RESPONSE_FEATURES.has(h.entry.feature) && !(forceClaim && h.entry.feature === 'crowd-violence'))
          context.push(h);
    }
    const parts = clauses(sentence);
    const mainHits = hits.some((h) => !aside(h)) ? hits.filter((h) => !aside(h)) : hits;
    const partHits = parts.map((p) => mainHits.filter((h) => within(h, p)));
    const strongParts = partHits.filter((h) => h.some((x) => STRONG_FEATURES.has(x.entry.feature))).length;
    const units =
      strongParts >= 2
        ? parts.map((p, k) => ({ span: p, hits: partHits[k] ?? [] }))
        : (placePair(sentence, mainHits) ?? [{ span: { start: sentence.start, end: sentence.end }, hits: mainHits }]);
    for (const unit of units) {
      if (!unit.hits.length) continue;
      const unitText = text.slice(unit.span.start, unit.span.end);
      const actors = withoutHeadWords(
        text,
        (sentenceActors[si] ?? []).filter((a) => within(a, unit.span)),
      );
      const main = strongest(unit.hits);
      const r = roles(text, unit.span, actors, main);
      const eventCountry = countryFor(input, unit.span, actors);
      // (One alternation of all seven cues as a first test was faster in isolation but cost ~200 ms more per pass
      // over the bench mix inside the pipeline, about one compilation of it per clause. Not used.)
      const nonEvent = res.nonEvents.filter((n) => n.re.test(unitText)).map((n) => n.cls);
      if (isSportReport() && !nonEvent.includes('sport')) nonEvent.push('sport');
      const armedWeapon =
        /\b(?:gun|guns|firearms?|rifles?|pistols?|machetes?|knives|knife|explosives?|bombs?|shot|shooting|gunfire|bullets?)\b/i.test(
          unitText,
        );
      const armed =
        actors.some((a) => isArmed(a.entry.category) && a.entry.source !== 'generic') ||
        actors.some(
          (a) => a.entry.category === 'State forces' && /military|army|troops|soldiers|forces/i.test(a.text),
        ) ||
        armedWeapon ||
        actors.some((a) => a.entry.category === 'Political militia' || a.entry.category === 'Rebel group');
      let cls = classify({
        hits: unit.hits,
        context,
        agentCategory: r.agent ? categoryIn(r.agent.entry, eventCountry) : null,
        patientCategory: r.patient ? categoryIn(r.patient.entry, eventCountry) : null,
        armed,
        nonEvent,
        text: unitText,
        offset: unit.span.start,
      });
      trace?.push({
        stage: 'classify',
        reason: cls ? cls.reason : 'no-event',
        span: unit.span,
        detail: { features: unit.hits.map((h) => `${h.entry.feature}:${h.text}`), nonEvent, roles: r.reason },
      });
      if (cls && cls.subEventType === 'Arrests' && crimeBefore === si - 1 && !armed && !POLITICAL_CUE.test(unitText)) {
        // "Thieves stole two kilometres of cable. Police arrested three suspects…": arrests after ordinary crime
        // told in the sentence before are police work, not a political event.
        trace?.push({ stage: 'events', reason: 'crime-arrest', span: unit.span });
        continue;
      }
      if (!cls && nonEvent.includes('crime')) crimeBefore = si;
      if (!cls) continue;
      // A victim told as a member of a gang or a trafficker ("the victim had charges for drug trafficking", "a CV
      // member was stabbed") was a party to a fight between armed groups: ACLED codes an armed clash, not violence
      // against civilians.
      if (cls.subEventType === 'Attack' && armedGroupVictim(unitText, sentences[si + 1]?.text ?? '')) {
        cls = { ...cls, eventType: 'Battles', subEventType: 'Armed clash', reason: 'victim-in-armed-group' };
        trace?.push({ stage: 'classify', reason: 'victim-in-armed-group', span: unit.span });
      }
      const chosen = choosePlace(
        text,
        places,
        locatedPlaces,
        unit.span,
        sentence,
        eventCountry,
        input.datelineSpan ?? null,
      );
      // A place of a place-by-place sentence is its own event's (consolidation never merges it away).
      const place =
        chosen && 'pair' in unit && unit.pair ? { ...chosen, reason: `${chosen.reason}${PLACE_PAIR_REASON}` } : chosen;
      const counts = countsOf(unitText, unit.span.start);
      const certainty = assessCertainty(res.certainty, unitText, unit.span.start);
      const post = postOf(sentence);
      candidates.push({
        sentence,
        clause: unit.span,
        cls,
        hits: unit.hits,
        actors,
        agent: r.agent,
        patient: r.patient,
        date: lastDate,
        place,
        counts,
        certainty,
        post,
        country: eventCountry ?? place?.decision.mention.country ?? null,
        order: order++,
        contextState: stateIn(si + 1, si + 3),
        priorState: stateIn(si - 1, si),
      });
    }
  }

  // An ACLED-style note ("On 3 March 2024, …", "Around 2 March 2024 (as reported), …") is an event record by
  // construction: when no rule fired, it still yields its most likely event, at low confidence.
  if (!candidates.length && sentences.length && NOTE_OPENING.test(text)) {
    const first = sentences[0] as Sentence;
    const hits = sentenceHits.flat();
    const best = [...hits].sort((a, b) => b.entry.weight - a.entry.weight)[0];
    const actors = sentenceActors[0] ?? [];
    const fallbackTrigger: TriggerHit = best ?? { start: first.start, end: first.start, text: '', entry: OTHER_ENTRY };
    const r = roles(text, first, actors, fallbackTrigger);
    const date = input.dates.find((d) => !d.background && within(d, first));
    const country = countryFor(input, first, actors);
    candidates.push({
      sentence: first,
      clause: { start: first.start, end: first.end },
      cls: {
        eventType: fallbackTrigger.entry.eventType,
        subEventType: fallbackTrigger.entry.subEventType,
        trigger: fallbackTrigger,
        weight: best ? best.entry.weight * 0.5 : 0.2,
        reason: best ? `note-fallback:${best.entry.feature}` : 'note-fallback:other',
      },
      hits: best ? [best] : [],
      actors,
      agent: r.agent,
      patient: r.patient,
      date: date ? { date: date.date, reason: date.reason, span: { start: date.start, end: date.end } } : null,
      place: choosePlace(text, places, locatedPlaces, first, first, country, input.datelineSpan ?? null),
      counts: countsOf(first.text, first.start),
      certainty: assessCertainty(res.certainty, first.text, first.start),
      post: null,
      contextState: null,
      priorState: null,
      country,
      order: order++,
    });
    trace?.push({ stage: 'classify', reason: candidates[0]?.cls.reason ?? 'note-fallback', span: first });
  }

  // Sentences without triggers that carry counts or ACLED coding remarks add them to the event before them. Read
  // only for the sentences that follow an event: a report without events, or a long one, never reads the rest.
  const orphanCache: (CountMention[] | undefined)[] = [];
  const orphanCounts = (si: number): CountMention[] => {
    let c = orphanCache[si];
    if (c === undefined) {
      const s = sentences[si] as Sentence;
      c = (sentenceHits[si] ?? []).length ? [] : countsOf(s.text, s.start);
      orphanCache[si] = c;
    }
    return c;
  };

  // A negated trigger ("'No pupil … was abducted,' the statement said") restates, as a denial or a null outcome, an
  // event of its type the text tells elsewhere: no second event. Alone, it stays the denied event it describes.
  const negated = (c: Candidate) => isNegated(text.slice(c.clause.start, c.clause.end), c.clause.start, c.cls.trigger);
  const told = candidates.filter((c) => !negated(c));
  const kept =
    told.length === candidates.length
      ? candidates
      : candidates.filter((c) => told.includes(c) || !told.some((o) => o.cls.eventType === c.cls.eventType));
  for (const c of candidates)
    if (!kept.includes(c)) trace?.push({ stage: 'events', reason: 'negated-restatement', span: c.clause });

  // Merge: a later candidate that only reports outcomes, or repeats the type, joins the event before it.
  const groups: Candidate[][] = [];
  for (const c of kept) {
    // "The clashes centred on…": a definite event noun refers back to the last event of its type told before.
    if (isDefiniteMention(text, c.cls.trigger)) {
      // A generic word for violence ("the shooting", "the violence") may name an event of another violent type.
      const generic = GENERIC_VIOLENCE.test(c.cls.trigger.text) && VIOLENT_TYPES.has(c.cls.eventType);
      const earlier = groups.findLast(
        (g) =>
          (g[0]?.cls.eventType === c.cls.eventType || (generic && VIOLENT_TYPES.has(g[0]?.cls.eventType ?? ''))) &&
          g[0]?.post === c.post &&
          g[0]?.sentence !== c.sentence,
      );
      if (earlier) {
        earlier.push(c);
        continue;
      }
    }
    const prev = groups[groups.length - 1];
    const head = prev?.[0];
    if (prev && head) {
      const features = new Set(c.hits.map((h) => h.entry.feature));
      const onlyOutcome = [...features].every((f) => OUTCOME_FEATURES.has(f));
      const sameType = c.cls.subEventType === head.cls.subEventType;
      const near = c.sentence.index - (prev[prev.length - 1] as Candidate).sentence.index <= 2;
      const samePlace = !c.place || !head.place || c.place.decision.mention.name === head.place.decision.mention.name;
      const sameDate = !c.date || !head.date || c.date.date.start === head.date.date.start;
      const sameClause = c.sentence === head.sentence;
      // A demonstration told over several sentences ("…demonstrated. Police dispersed them.") is one event.
      const crowdFamily = (t: string) => t === 'Protests' || t === 'Riots';
      const sameDemonstration = crowdFamily(c.cls.eventType) && crowdFamily(head.cls.eventType);
      const sameCertainty = c.certainty.certainty === head.certainty.certainty;
      // "The body of a woman was found … She was abducted on 1 May": the victim's earlier abduction, told after
      // her killing, is how the killing came about; ACLED codes the killing alone.
      if (
        near &&
        c.post === head.post &&
        head.cls.subEventType === 'Attack' &&
        c.cls.subEventType === 'Abduction/forced disappearance' &&
        c.sentence !== head.sentence &&
        VICTIM_TAKEN_BEFORE.test(c.sentence.text)
      ) {
        prev.push(c);
        continue;
      }
      // "X fired mortars at Y's positions near Z. … fire in both directions across the line near Z": the
      // one-sided shelling was one side of an exchange of fire, which ACLED codes as an armed clash.
      if (
        !sameClause &&
        near &&
        samePlace &&
        sameDate &&
        head.cls.subEventType === 'Shelling/artillery/missile attack' &&
        c.cls.eventType === 'Battles' &&
        c.hits.some((h) => h.entry.feature === 'clash' && MUTUAL_FIRE.test(h.text)) &&
        c.post === head.post
      ) {
        prev.unshift(c);
        continue;
      }
      if (
        !sameClause &&
        near &&
        samePlace &&
        sameDate &&
        sameCertainty &&
        (onlyOutcome || sameType || sameDemonstration) &&
        c.post === head.post
      ) {
        prev.push(c);
        continue;
      }
    }
    groups.push([c]);
  }

  const events: ExtractedEvent[] = [];
  // Where earlier events of the text happened, with the end of the last sentence that tells them.
  const anchors: Anchor[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi] as Candidate[];
    const head = group[0] as Candidate;
    const reasons: FieldReason[] = [];
    const eventCountry = head.country;
    const countryName = eventCountry ? (countries.get(eventCountry)?.name ?? null) : null;
    const stateResponse =
      group.some((g) => g.hits.some((h) => h.entry.feature === 'intervention')) ||
      group.some((g) => g.actors.some((a) => a.entry.category === 'State forces')) ||
      head.contextState !== null;
    reasons.push({
      field: 'event_type',
      reason: head.cls.reason,
      span: { start: head.cls.trigger.start, end: head.cls.trigger.end },
    });
    let casualties: Casualties = 'none';
    for (const g of group)
      for (const c of g.counts) {
        if ((c.category !== 'killed' && c.category !== 'injured') || c.range.low <= 0) continue;
        if (!ARMED_VICTIMS.test(input.text.slice(c.start, c.end))) casualties = 'people';
        else if (casualties === 'none') casualties = 'armed';
      }
    const coded = codeActors(res, input, head, eventCountry, countryName, stateResponse, casualties);
    const a1 = coded.a1;
    const a2 = coded.a2;
    reasons.push(...coded.reasons);

    // Counts: the largest mention per category across the group's clauses, plus coding remarks that follow.
    const lastIndex = (group[group.length - 1] as Candidate).sentence.index;
    const mentions: CountMention[] = [];
    for (const g of group) mentions.push(...g.counts);
    const nextHead = groups[gi + 1]?.[0];
    for (let si = 0; si < sentences.length; si++) {
      if (si > head.sentence.index && (!nextHead || si < nextHead.sentence.index) && si - lastIndex <= 3)
        mentions.push(...orphanCounts(si));
    }
    const count = (category: 'killed' | 'injured' | 'captured'): CountRange | null => {
      const m = pickCount(mentions, category);
      if (!m) return null;
      // "30 rebels died. The toll is divided between 2 events.": ACLED's remark after a stated figure.
      const share =
        category === 'killed' && !m.reason.startsWith('acled-') && m.range.high === m.range.low
          ? splitShare(res.counts, input.text.slice(m.end), m.range.low)
          : null;
      if (share) {
        reasons.push({
          field: 'fatalities',
          reason: `${m.reason}${share.reason}`,
          span: { start: m.start, end: m.end },
        });
        return { low: share.value, high: share.value };
      }
      reasons.push({
        field: category === 'killed' ? 'fatalities' : category,
        reason: m.reason,
        span: { start: m.start, end: m.end },
      });
      return m.range;
    };
    const location = head.place
      ? toLocation(head.place.decision, head.place.precision)
      : fallbackLocation(input, group, anchors);
    const ownPlace = head.place ?? group.find((g) => g.place)?.place;
    if (ownPlace && location) anchors.push({ at: (group[group.length - 1] as Candidate).sentence.end, location });
    if (head.place)
      reasons.push({
        field: 'location',
        reason: head.place.reason,
        span: { start: head.place.decision.mention.start, end: head.place.decision.mention.end },
      });
    if (head.date) reasons.push({ field: 'date', reason: head.date.reason, span: head.date.span });
    let date = head.date?.date ?? null;
    if (!date && input.published) {
      date = input.published;
      reasons.push({ field: 'date', reason: 'published-default', span: null });
    }
    let certainty = head.certainty.certainty;
    let attribution = head.certainty.attribution;
    // "The report could not be independently verified." right after the event qualifies it.
    const nextSentence = sentences[(group[group.length - 1] as Candidate).sentence.index + 1];
    if (nextSentence && !(sentenceHits[nextSentence.index] ?? []).length) {
      const hedge = assessCertainty(res.certainty, nextSentence.text, nextSentence.start);
      if (
        (hedge.certainty === 'unconfirmed' || hedge.certainty === 'denied') &&
        RANK_OF[hedge.certainty] > RANK_OF[certainty]
      ) {
        certainty = hedge.certainty;
        attribution = hedge.attribution ?? attribution;
        reasons.push({ field: 'certainty', reason: `next-sentence:${hedge.reason}`, span: hedge.span });
      }
    }
    if (head.post !== null) {
      const post = input.embeddedPosts[head.post];
      certainty = certainty === 'denied' || certainty === 'unconfirmed' ? certainty : 'claimed';
      attribution = post?.author ?? (post?.handle ? `@${post.handle}` : attribution);
      reasons.push({ field: 'certainty', reason: 'embedded-post', span: post ? post.span : null });
    } else {
      reasons.push({ field: 'certainty', reason: head.certainty.reason, span: head.certainty.span });
    }
    const evidence: Evidence[] = [];
    for (const g of group) {
      if (!evidence.some((e) => e.start === g.clause.start))
        evidence.push({ start: g.clause.start, end: g.clause.end, text: text.slice(g.clause.start, g.clause.end) });
    }
    // Confidence: the trigger's weight, earlier sentences first (the lead states the main event), a little more
    // for every field the text supports.
    const position = Math.max(0.6, 1 - 0.04 * head.sentence.index - 0.01 * head.order);
    let confidence = head.cls.weight * position;
    if (head.agent) confidence += 0.04;
    if (head.patient) confidence += 0.02;
    if (head.place) confidence += 0.03;
    if (head.date) confidence += 0.02;
    if (certainty !== 'reported') confidence -= 0.05;
    events.push({
      event_type: head.cls.eventType,
      sub_event_type: head.cls.subEventType,
      actor1: a1,
      actor2: a2,
      date,
      location,
      fatalities: count('killed'),
      injured: count('injured'),
      captured: count('captured'),
      certainty,
      attribution,
      evidence,
      confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 1000) / 1000,
      reasons,
      embeddedPost: head.post,
    });
    // "Marches were held in Omdurman, Wad Madani and Port Sudan": ACLED codes one event per place. The other places
    // of the list are events of their own, with the same evidence; a total count is not split between them.
    if (head.place) {
      const first = events[events.length - 1] as ExtractedEvent;
      const others = coordinatedPlaces(text, input.decisions, head.place.decision, head.clause);
      if (others.length) first.reasons?.push({ field: 'split', reason: 'coordinated-place', span: null });
      for (const other of others) {
        events.push({
          ...first,
          location: toLocation(other, other.precision),
          fatalities: null,
          injured: null,
          captured: null,
          evidence: first.evidence.map((e) => ({ ...e })),
          confidence: Math.round((first.confidence - 0.05) * 1000) / 1000,
          reasons: [
            ...reasons.filter((r) => !['location', 'fatalities', 'injured', 'captured'].includes(r.field)),
            {
              field: 'location',
              reason: 'coordinated-place',
              span: { start: other.mention.start, end: other.mention.end },
            },
          ],
        });
      }
    }
  }
  return dedupe(events);
}

/** "A, B and C", "A or B": the separators of a list of places (a comma alone is "town, province"). */
const LIST_COMMA = /^\s*,\s*$/;
const LIST_END = /^\s*(?:,\s*)?(?:and|or)\s+(?:in\s+|the\s+)?$/i;

/**
 * The other members of a coordinated list of places the event's place belongs to: populated places of the same
 * country joined by commas with a final "and"/"or", outside parentheses and not after "between" or "from".
 */
function coordinatedPlaces(
  text: string,
  decisions: PlaceDecision[],
  place: PlaceDecision,
  clause: Span,
): PlaceDecision[] {
  const usable = (d: PlaceDecision) =>
    locating(d) &&
    (d.precision === 'exact' || d.precision === 'near') &&
    d.mention.country === place.mention.country &&
    d.mention.start >= clause.start &&
    d.mention.end <= clause.end;
  if (!usable(place)) return [];
  const inClause = decisions.filter(usable).sort((a, b) => a.mention.start - b.mention.start);
  const at = inClause.indexOf(place);
  if (at < 0) return [];
  // Grow the run of places joined by list separators around the event's place.
  let lo = at;
  let hi = at;
  const gap = (a: PlaceDecision, b: PlaceDecision) => text.slice(a.mention.end, b.mention.start);
  const joined = (a: PlaceDecision, b: PlaceDecision) => LIST_COMMA.test(gap(a, b)) || LIST_END.test(gap(a, b));
  while (lo > 0 && joined(inClause[lo - 1] as PlaceDecision, inClause[lo] as PlaceDecision)) lo--;
  while (hi < inClause.length - 1 && joined(inClause[hi] as PlaceDecision, inClause[hi + 1] as PlaceDecision)) hi++;
  if (hi === lo) return [];
  const run = inClause.slice(lo, hi + 1);
  // A list ends with "and"/"or"; "Tal Tamr, Hasakah" (a town and its province) is no list.
  if (!LIST_END.test(gap(run[run.length - 2] as PlaceDecision, run[run.length - 1] as PlaceDecision))) return [];
  const before = text.slice(
    Math.max(clause.start, (run[0] as PlaceDecision).mention.start - 25),
    (run[0] as PlaceDecision).mention.start,
  );
  if (/\b(?:between|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$/i.test(before) || /\([^()]*$/.test(before)) return [];
  const names = new Set([place.mention.name]);
  return run.filter((d) => {
    if (names.has(d.mention.name)) return false;
    names.add(d.mention.name);
    return true;
  });
}

/** Repeated mentions of one event (same type, actors, place and date) are one event with several evidence spans. */
function dedupe(events: ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const e of events) {
    // Each place of a place-by-place sentence ("in Omdurman, where …, and in Bahri, where …") stays its own event.
    const same = out.find(
      (o) =>
        !isPlacePairPart(o) &&
        !isPlacePairPart(e) &&
        o.sub_event_type === e.sub_event_type &&
        o.actor1?.name === e.actor1?.name &&
        o.actor2?.name === e.actor2?.name &&
        (o.location?.name ?? null) === (e.location?.name ?? null) &&
        (o.date?.start ?? null) === (e.date?.start ?? null) &&
        o.certainty === e.certainty,
    );
    if (!same) {
      out.push(e);
      continue;
    }
    same.evidence.push(...e.evidence);
    for (const k of ['fatalities', 'injured', 'captured'] as const) {
      const a = same[k];
      const b = e[k];
      if (b && (!a || b.low > a.low)) same[k] = b;
    }
    same.confidence = Math.max(same.confidence, e.confidence);
  }
  return out;
}

/**
 * The country the event happens in: a country of a place in the event's clause that is also the home of an actor
 * it names (regime forces + a Syrian village → Syria, even when the geoparser also found a homonym abroad); else
 * the focus country when an actor calls it home; else the chosen place's country when it agrees with the focus;
 * else the focus country, the place's country, an actor's home.
 */
function countryFor(
  input: AssemblyInput,
  span: Span,
  actors: ActorMention[],
  placeCountry: string | null = null,
): string | null {
  const homes = new Set(
    actors
      .filter((a) => a.entry.source !== 'generic' && a.entry.country && a.entry.category !== 'External/Other forces')
      .map((a) => a.entry.country as string),
  );
  const clausePlaces = input.decisions.filter(
    (d) => d.mention.start >= span.start && d.mention.end <= span.end && d.mention.country,
  );
  const agreeing = clausePlaces.find((d) => homes.has(d.mention.country as string));
  if (agreeing) return agreeing.mention.country;
  // "In Colombia, … a military base in the department of Cauca": a country named outright in the clause, with a
  // place of its own there, moves the event out of the report's focus country.
  const named = clausePlaces.find(
    (d) =>
      d.precision === 'country' &&
      !d.reason.includes('demonym') &&
      d.role !== 'attribute' &&
      clausePlaces.some((o) => o !== d && o.precision !== 'country' && o.mention.country === d.mention.country),
  );
  if (named) return named.mention.country;
  if (input.focusCountry && homes.has(input.focusCountry)) return input.focusCountry;
  if (placeCountry && (!input.focusCountry || placeCountry === input.focusCountry)) return placeCountry;
  if (input.focusCountry) return input.focusCountry;
  if (placeCountry) return placeCountry;
  const docAgreeing = input.decisions.find((d) => d.mention.country && homes.has(d.mention.country));
  if (docAgreeing) return docAgreeing.mention.country;
  const homeOf = actors.find(
    (a: ActorMention) =>
      a.entry.country && a.entry.source === 'dictionary' && a.entry.category !== 'External/Other forces',
  );
  return (homeOf?.entry as ActorEntry | undefined)?.country ?? null;
}

const PREP_BEFORE =
  /\b(?:in|near|at|around|outside|inside|of|from|on|into|towards?|across|between|and|to)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north|south|east|west|downtown|greater|rural)\s+)?(?:(?:village|town|city|area|district|locality|province|region|governorate|municipality|neighbou?rhood|outskirts|suburbs?|countryside|vicinity|camp|road|state|county|township|commune|department)\s+(?:of\s+)?)?$/i;
const NEAR_BEFORE =
  /\b(?:near|outside|around|close to|on the outskirts of|in the vicinity of|west of|east of|north of|south of|northwest of|northeast of|southwest of|southeast of|kilometers from|km from|between)\s+(?:the\s+)?(?:\w+\s+)?$/i;

/**
 * Between a place and a later name that contains it: "Bara in Idleb", "X in the countryside of Y in Z province",
 * "Gazipur city (Gazipur, Dhaka)", "Qaniyah front (Mahliyah, Marib)". The later name is the container, the earlier
 * the more precise place (ACLED codes the village or town, not its district or governorate).
 */
const CONTAINED_GAP =
  /^(?:\s+(?:area|town|village|city|district|locality|neighbou?rhood|suburb|front(?:line)?|municipality|sub-?district))?(?:\s*,\s*|\s*\(\s*|\s*\([^()]*,\s*|\s+in\s+(?:the\s+)?(?:rural\s+)?)$/i;
/**
 * Extra cost of a place that contains an earlier place of the clause (more than one precision rank). With the
 * kind words and "in" also for homonyms abroad, ACLED dev notes: place@25km 64.8 → 65.5% (25 notes nearer, 2 farther).
 */
const CONTAINER_COST = 3;
/** What every CONTAINED_GAP starts with: a kind word, a comma, a parenthesis or "in". */
const CONTAINED_START =
  /\s*(?:[,(]|(?:area|town|village|city|district|locality|neighbou?rhood|suburb|front|municipality|sub-?district|in)\b)/iy;
function followsContainerStart(text: string, at: number): boolean {
  CONTAINED_START.lastIndex = at;
  return CONTAINED_START.test(text);
}
/** Admin level of a gazetteer feature, coarse: country 4, admin-1 3, admin-2 2, seat of an area 1, other places 0. */
function level(feature: string): number {
  if (feature.startsWith('PCL')) return 4;
  if (feature === 'ADM1') return 3;
  if (feature === 'ADM2') return 2;
  return feature === 'PPLC' || feature === 'PPLA' ? 1 : 0;
}
/**
 * Whether `outer` is named as the container of `inner` (CONTAINED_GAP between them). Joined by "in", the container
 * must be at least as coarse ("Bara in Idleb"): "a convoy heading to a region through one of its districts" or "the
 * road to a city in a small area" name a larger place first.
 */
function contains(text: string, inner: PlaceDecision, outer: PlaceDecision): boolean {
  if (outer.mention.start - inner.mention.end >= 48) return false;
  const gap = text.slice(inner.mention.end, outer.mention.start);
  if (!CONTAINED_GAP.test(gap)) return false;
  return !/\bin\s/i.test(gap) || level(outer.mention.feature) >= level(inner.mention.feature);
}

/** ACLED's location remark right before a place: "[coded to X]", "coded as X district". */
const CODED_TO_BEFORE = /\bcoded\s+(?:to|as)\s+(?:the\s+)?$/i;
const CODED_TO_BONUS = 6;
/**
 * Prepositions of origin, direction or belonging right before a place ("residents of X", "workers from X"): one
 * point behind "in"/"at"/"near" (ACLED dev notes: place@25km 66.6 → 66.9%, 8 nearer, none farther).
 */
const WEAK_PREP_BEFORE = /\b(?:of|from|to)\s+(?:the\s+)?$/i;
/** ... unless after a word for an area: "the village of X", "the outskirts of X" say where. */
const AREA_OF_BEFORE =
  /\b(?:villages?|towns?|city|cities|areas?|zones?|districts?|locality|provinces?|regions?|governorates?|municipalit(?:y|ies)|neighbou?rhoods?|outskirts|suburbs?|countryside|vicinity|count(?:y|ies)|townships?|communes?|departments?|states?|centre|center|heart|parts?|streets)\s+of\s+(?:the\s+)?$/i;

const DIRECTION_BEFORE =
  /\b(?:(?:road|route|highway|way|heading|headed|fled|fleeing|running|ran|moving|moved|returned|returning)\s+(?:\w+\s+){0,2}(?:to|towards?|for|from)|towards?)\s+(?:the\s+)?$/i;

/** Words after a name that make it a district's (the gazetteer often knows only the town of the same name). */
const DISTRICT_AFTER =
  /^\s+(?:local government area|local government|lgas?|l\.g\.a\.?|sub-?county|county|municipality|raion|rayon|tehsil|taluka|woreda|district)\b/i;
const PLACE_RANK: Record<string, number> = { exact: 0, near: 1, admin2: 2, admin1: 3, country: 4 };

/**
 * The event's place: a place mention in the clause that follows "in"/"near"/"at", the most specific first.
 * `located`: the decisions that may locate an event (`locating`), in their order, filtered once per report.
 */
function choosePlace(
  text: string,
  decisions: PlaceDecision[],
  located: PlaceDecision[],
  clause: Span,
  sentence: Sentence,
  country: string | null,
  dateline: Span | null,
): Candidate['place'] {
  const rank = (d: PlaceDecision) => PLACE_RANK[d.precision] ?? 5;
  const pick = (span: Span, reason: string): Candidate['place'] => {
    // A demonym ("the Ugandan UPDF", "Syrian civilians") or a country describing an actor ("Turkish-backed") is
    // never where the event happened.
    const inside = located.filter((d) => d.mention.start >= span.start && d.mention.end <= span.end);
    if (!inside.length) return null;
    const scored = inside.map((d) => {
      const before = text.slice(Math.max(span.start, d.mention.start - 50), d.mention.start);
      // "running towards the road to Goma", "fled from Sake": a direction, not where it happened.
      const prep = PREP_BEFORE.test(before) && !DIRECTION_BEFORE.test(before);
      // "residents of Vikasnagar protested in Lucknow": of/from/to name where people or things come from or go.
      const weak = prep && WEAK_PREP_BEFORE.test(before) && !AREA_OF_BEFORE.test(before);
      const near = NEAR_BEFORE.test(before);
      // Parenthesised admin context "(Nihm, Sanaa)" names the district of the place before it, not the place.
      const inParens = /\([^()]*$/.test(text.slice(Math.max(span.start, d.mention.start - 40), d.mention.start));
      // "Savar (Ashulia, Dhaka)" read as Sävar, Sweden, "the village of Kafr X in Idlib province" as a namesake in Europe:
      // the container right after a place names its country; a place resolved to another country than its own
      // container is a homonym abroad, and the container stands in.
      const context = !followsContainerStart(text, d.mention.end)
        ? []
        : decisions.filter(
            (c) => c !== d && c.mention.country && c.mention.start > d.mention.end && contains(text, d, c),
          );
      const abroad = context.length > 0 && context.every((c) => c.mention.country !== d.mention.country);
      const container = inside.some((c) => c !== d && c.mention.end <= d.mention.start && contains(text, c, d));
      return {
        d,
        near,
        score:
          (prep ? (weak ? 1 : 0) : 3) -
          // "in a suburb [coded to the city]", "a village, coded as its district": ACLED's own remark
          // names the place the event is coded to.
          (CODED_TO_BEFORE.test(before) ? CODED_TO_BONUS : 0) +
          rank(d) +
          (inParens ? 4 : 0) +
          (d.mention.country ? 0 : 2) +
          (country && d.mention.country !== country ? 6 : 0) +
          (abroad ? 20 : 0) +
          (container ? CONTAINER_COST : 0) +
          (facility(text, d) ? FACILITY_COST : 0) +
          // "BEIRUT (Wire) — … clashed in border villages": the dateline is where the report was filed.
          (dateline && d.mention.start >= dateline.start && d.mention.end <= dateline.end ? 3 : 0),
      };
    });
    scored.sort((a, b) => a.score - b.score || a.d.mention.start - b.d.mention.start);
    const best = scored[0];
    if (!best) return null;
    const town = best.d.precision === 'exact' || best.d.precision === 'near';
    // "the Danko-Wasagu local government area": a town's name followed by a district word names the district
    // around it, so the event lies somewhere in that area, not at the town.
    if (town && DISTRICT_AFTER.test(text.slice(best.d.mention.end, best.d.mention.end + 30)))
      return { decision: best.d, precision: 'admin2', reason: `${reason}:${best.d.reason};district-word` };
    const precision: Precision = best.near && town ? 'near' : best.d.precision;
    return { decision: best.d, precision, reason: `${reason}:${best.d.reason}` };
  };
  return pick(clause, 'clause-place') ?? pick(sentence, 'sentence-place');
}

function toLocation(d: PlaceDecision, precision: Precision): EventLocation {
  return locationOf(d.mention, precision);
}

const locating = (d: PlaceDecision) => d.role !== 'attribute' && !d.reason.includes('demonym');

interface Anchor {
  at: number;
  location: EventLocation;
}

/** "in X", "near X": a place named as where something is, not as a party ("condemnation from Damascus"). */
const LOCATIVE_BEFORE =
  /\b(?:in|near|at|around|outside|inside|across|throughout|close to|north of|south of|east of|west of)\s+(?:the\s+)?(?:(?:\w+\s+){0,2}(?:village|town|city|area|district|province|region|governorate|outskirts|countryside)\s+of\s+)?$/i;

/**
 * No place in the event's sentences. A follow-up sentence ("41 protesters were injured", "the prisoners were
 * beaten") usually tells more of the event before it, so the last earlier event's place stands in, unless a place
 * was named as a location ("In Pokrovsk, …") after that event; then, and when no earlier event has a place, the
 * nearest place mentioned before, else the first in the text. A capital named as a party ("condemnation from
 * Damascus", "talks between Moscow and Ankara") is the government speaking, not a location.
 */
function fallbackLocation(input: AssemblyInput, group: Candidate[], anchors: Anchor[]): EventLocation | null {
  const head = group[0] as Candidate;
  const later = group.find((g) => g.place)?.place;
  if (later) return toLocation(later.decision, later.precision);
  // Places in the event's country first: a homonym abroad must not move the event.
  const located = input.decisions.filter(locating);
  const pool = located.length ? located : input.decisions.filter((d) => d.role !== 'attribute');
  const all = pool.filter((d) => d.precision !== 'country' || pool.every((x) => x.precision === 'country'));
  const inCountry = head.country ? all.filter((d) => d.mention.country === head.country) : all;
  const usable = inCountry.length ? inCountry : all;
  const before = usable.filter((d) => d.mention.end <= head.clause.start);
  const locative = (d: PlaceDecision) =>
    LOCATIVE_BEFORE.test(input.text.slice(Math.max(0, d.mention.start - 40), d.mention.start));
  const anchor = [...anchors]
    .reverse()
    .find((a) => a.at <= head.clause.start && (!head.country || a.location.country === head.country));
  if (anchor && !before.some((d) => d.mention.start >= anchor.at && locative(d))) return anchor.location;
  const named = before.filter((d) => d.mention.feature !== 'PPLC' || locative(d));
  let d = named[named.length - 1] ?? before[before.length - 1] ?? usable[0];
  // "In Petrolina, Pernambuco, police raided a lab in Vila Nova neighborhood. A man was arrested.": the nearest
  // earlier place is a neighbourhood (often a namesake far away in the gazetteer) or the container of the place
  // before it; the town it belongs to stands in (ACLED dev notes: place@25km 65.8 → 66.2%, 10 nearer, none farther).
  let at = d ? named.indexOf(d) : -1;
  while (at > 0 && d) {
    const prev = named[at - 1] as PlaceDecision;
    if (!neighbourhood(input.text, d) && !contains(input.text, prev, d)) break;
    d = prev;
    at--;
  }
  return d ? toLocation(d, d.precision) : null;
}

/**
 * "Kohat road", "the Khulna-Jessore highway", "Al Thawrah Hospital", "the City Council", "Tabas Coal Mine Company":
 * a place named in the name of a road, a building or an organisation. The road or building is usually elsewhere
 * ("a sit-in outside a TV office on Kohat road in Peshawar city"): another place of the clause is the better event
 * place.
 */
const FACILITY_AFTER =
  /(?:\s*-\s*\p{Lu}[\p{L}\p{M}'’]*)?\s+(?:\p{Lu}[\p{L}\p{M}'’]*\s+){0,2}(?:road|highway|motorway|expressway|street|avenue|bridge|intersection|roundabout|square|hospital|clinic|mosque|church|office|building|council|company|factory|press\s+club|school|college|university)\b/iuy;
/** ACLED dev notes: place@25km 66.2 → 66.6% (9 event places nearer, none farther). */
const FACILITY_COST = 4;
function facility(text: string, d: PlaceDecision): boolean {
  FACILITY_AFTER.lastIndex = d.mention.end;
  return FACILITY_AFTER.test(text);
}

/** "Jacarezinho neighborhood", "Colonia Los Pinos", "the Nima community of Accra": a part of a town. */
const NEIGHBOURHOOD_AFTER = /\s+(?:neighbou?rhoods?|communit(?:y|ies)|colon(?:y|ies)|barrios?|suburbs?)\b/iy;
const NEIGHBOURHOOD_BEFORE =
  /\b(?:colonia|barrio|bairro|fraccionamiento|favela|(?:neighbou?rhood|community|suburb)\s+of)\s+(?:de\s+|the\s+)?$/i;
function neighbourhood(text: string, d: PlaceDecision): boolean {
  NEIGHBOURHOOD_AFTER.lastIndex = d.mention.end;
  return (
    NEIGHBOURHOOD_AFTER.test(text) ||
    NEIGHBOURHOOD_BEFORE.test(text.slice(Math.max(0, d.mention.start - 30), d.mention.start))
  );
}
