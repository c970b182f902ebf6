/**
 * Actor recognition: named actors from the dictionary (data/actors/actors.txt, with date bounds), state forces
 * named by a country or demonym ("Pakistani troops", "the Turkish army"), and generic role phrases
 * (data/actors/generic.txt: "police", "unidentified gunmen", "protesters", "civilians"). Each mention keeps its
 * span, the entry it came from and a reason. A state's forces acting outside their home country are
 * External/Other forces (ACLED's inter code 8).
 */

import { ACTOR_CATEGORIES, type ActorCategory } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { type Alternative, WordStartAlternation } from './alternation.js';
import { alternatives, type LexiconRow } from './lexicon-file.js';
import { execAll } from './regex.js';

export interface ActorEntry {
  name: string;
  category: ActorCategory;
  /** Home country (ISO alpha-2) or null. */
  country: string | null;
  from: string | null;
  to: string | null;
  aliases: string[];
  source: 'dictionary' | 'generic' | 'demonym';
  /** For generic entries: agent, patient or any. */
  role: 'agent' | 'patient' | 'any';
  file: string;
  line: number;
}

export interface ActorMention extends Span {
  text: string;
  entry: ActorEntry;
  reason: string;
}

export interface CountryInfo {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  /** A UN member state: wins a demonym it shares with a territory ("French": France, not the Southern Lands). */
  unMember?: boolean;
}

export interface ActorMatcher {
  entries: ActorEntry[];
  countries: Map<string, CountryInfo>;
  find(text: string, offset?: number, date?: string | null): ActorMention[];
}

function category(value: string, row: LexiconRow): ActorCategory {
  if (!(ACTOR_CATEGORIES as readonly string[]).includes(value)) {
    throw new Error(`${row.file}:${row.line}: unknown actor category '${value}'`);
  }
  return value as ActorCategory;
}

export function parseActorRows(rows: LexiconRow[]): ActorEntry[] {
  return rows.map((row) => {
    const [name = '', cat = '', country = '-', from = '-', to = '-', aliasField = ''] = row.fields;
    return {
      name,
      category: category(cat, row),
      country: country === '-' ? null : country,
      from: from === '-' ? null : from,
      to: to === '-' ? null : to,
      aliases: alternatives(aliasField),
      source: 'dictionary' as const,
      role: 'any' as const,
      file: row.file,
      line: row.line,
    };
  });
}

export function parseGenericRows(rows: LexiconRow[]): ActorEntry[] {
  return rows.map((row) => {
    const [name = '', cat = '', role = 'any', aliasField = ''] = row.fields;
    if (!['agent', 'patient', 'any'].includes(role)) throw new Error(`${row.file}:${row.line}: unknown role '${role}'`);
    return {
      name,
      category: category(cat, row),
      country: null,
      from: null,
      to: null,
      aliases: alternatives(aliasField),
      source: 'generic' as const,
      role: role as ActorEntry['role'],
      file: row.file,
      line: row.line,
    };
  });
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  unMember?: boolean;
}

export function countryTable(world: WorldCountry[]): Map<string, CountryInfo> {
  const map = new Map<string, CountryInfo>();
  for (const c of world) {
    const demonyms = new Set<string>();
    if (c.demonyms?.eng?.m) demonyms.add(c.demonyms.eng.m);
    if (c.demonyms?.eng?.f) demonyms.add(c.demonyms.eng.f);
    const names = new Set<string>([c.name.common]);
    map.set(c.cca2, {
      code: c.cca2,
      name: c.name.common,
      names: [...names],
      demonyms: [...demonyms],
      unMember: c.unMember === true,
    });
  }
  return map;
}

/** State forces named by a demonym or a country name ("Pakistani troops", "Turkey's army"), built from the
 * country table rather than hand-listed; countries with a dictionary entry for their military keep that entry. */
interface DemonymMatcher {
  re: RegExp;
  byWord: Map<string, { military: ActorEntry | null; police: ActorEntry }>;
}

function demonymMatcher(countries: Map<string, CountryInfo>, named: ActorEntry[]): DemonymMatcher {
  // A country whose military the dictionary names (the entry "Turkish forces" or "Turkish army" resolves to) keeps
  // that entry for demonym matches the dictionary's aliases miss ("Turkish commandos"); others get a generated one.
  const dictionaryMilitary = new Map<string, ActorEntry>();
  for (const c of countries.values()) {
    const probes = c.demonyms.flatMap((d) => [`${d} forces`, `${d} army`]);
    const main = named.find(
      (e) =>
        e.category === 'State forces' &&
        e.country === c.code &&
        e.aliases.some((a) => probes.some((p) => new RegExp(`^(?:${a})$`, 'i').test(p))),
    );
    if (main) dictionaryMilitary.set(c.code, main);
  }
  const byWord = new Map<string, { military: ActorEntry | null; police: ActorEntry }>();
  const ordered = [...countries.values()].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  for (const c of ordered) {
    const entry = (name: string, alias: string): ActorEntry => ({
      name,
      category: 'State forces',
      country: c.code,
      from: null,
      to: null,
      aliases: [alias],
      source: 'demonym',
      role: 'any',
      file: 'world-countries',
      line: 0,
    });
    const pair = {
      military:
        dictionaryMilitary.get(c.code) ?? entry(`Military Forces of ${c.name}`, `${c.demonyms[0] ?? c.name} forces`),
      police: entry(`Police Forces of ${c.name}`, `${c.demonyms[0] ?? c.name} police`),
    };
    for (const w of [...c.demonyms, ...c.names])
      if (w.length > 2 && !byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), pair);
  }
  // The force noun anchors the match; the up to four words before it are looked up in the country table
  // (longest first). Scanning for ~30 force nouns is far cheaper than an alternation of ~500 country words.
  const re =
    /((?:[A-Za-z\u00C0-\u024F'’.-]+ ){1,4}?)(?:(armed forces|army|forces|troops|military|soldiers?|servicem[ae]n|commandos|paratroopers|warplanes|jets|helicopters|warships|tanks|air ?force|navy|marines|border guards|security forces|artillery|drones?|columns?|convoys?|patrols?)|(police|gendarmerie|gendarmes))(?![\w])/gi;
  return { re, byWord };
}

/** The force nouns of the demonym expression, each after the space that ends the word before it. */
const FORCE_NOUN =
  / (?:armed forces|army|forces|troops|military|soldiers?|servicem[ae]n|commandos|paratroopers|warplanes|jets|helicopters|warships|tanks|air ?force|navy|marines|border guards|security forces|artillery|drones?|columns?|convoys?|patrols?|police|gendarmerie|gendarmes)(?![\w])/gi;
/** One character of the demonym expression's words (same class, same flags). */
const WORD_CHAR = /[A-Za-z\u00C0-\u024F'’.-]/i;
const isWordChar = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45;
  return WORD_CHAR.test(text[i] as string);
};

/**
 * Every match of the demonym expression, exactly as a global scan gives them, but without trying it at every
 * character: the expression has no anchor of its own and its lazy word prefix made that scan ~15% of the extract
 * stage's CPU time on ACLED notes. A match is 1-4 "word " blocks and a force noun, so no match can start before
 * the fourth block left of the first force noun: the scan resumes there. (Blocks are maximal runs of word
 * characters, because a space is not one; a match reaching past that noun has fewer blocks before it.)
 */
export function demonymMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  while (from < text.length) {
    FORCE_NOUN.lastIndex = from;
    const noun = FORCE_NOUN.exec(text);
    if (!noun) break;
    let start = noun.index + 1;
    for (let k = 0; k < 4 && start > 0 && text.charCodeAt(start - 1) === 32; k++) {
      let j = start - 1;
      while (j > 0 && isWordChar(text, j - 1)) j--;
      if (j === start - 1) break;
      start = j;
    }
    re.lastIndex = Math.max(from, start);
    const m = re.exec(text);
    if (!m) break;
    out.push(m);
    from = m.index + m[0].length;
  }
  re.lastIndex = 0;
  FORCE_NOUN.lastIndex = 0;
  return out;
}

interface CompiledGroup {
  /** The group's aliases, in file order, as one word-start alternation (see alternation.ts). */
  matcher: WordStartAlternation;
  /** The entry of each alias of the matcher. */
  owners: ActorEntry[];
}

/** One alternation per source (the dictionary, the generic phrases); the alias that matched gives the entry. */
function compileGroup(entries: ActorEntry[]): CompiledGroup {
  const sources: string[] = [];
  const owners: ActorEntry[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      sources.push(alias);
      owners.push(entry);
    }
  }
  const matcher = new WordStartAlternation(sources, (i) => {
    const e = owners[i] as ActorEntry;
    return `${e.file}:${e.line}: alias`;
  });
  return { matcher, owners };
}

function validAt(entry: ActorEntry, date: string | null | undefined): boolean {
  if (!date) return true;
  if (entry.from && date < entry.from) return false;
  if (entry.to && date > entry.to) return false;
  return true;
}

export function createActorMatcher(
  named: ActorEntry[],
  generic: ActorEntry[],
  countries: Map<string, CountryInfo>,
): ActorMatcher {
  const demonym = demonymMatcher(countries, named);
  const groups = [compileGroup(named), compileGroup(generic)];
  const entries = [...named, ...generic];
  // Entries that list many clans or ethnic groups ("{group} Clan Militia (Somalia)") are named after the group the
  // text names, so that two clans in one clash stay two sides (ACLED: "Hawadle Clan Militia (Somalia)").
  const grouped = new Map<string, ActorEntry>();
  const byGroup = (entry: ActorEntry, words: string): ActorEntry => {
    const group = words
      .replace(GROUP_TAIL, '')
      .split(/\s+/)
      .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
      .join(' ');
    const name = entry.name.replace('{group}', group);
    let e = grouped.get(name);
    if (!e) {
      e = { ...entry, name };
      if (grouped.size < 10_000) grouped.set(name, e);
    }
    return e;
  };
  const countryByWord = new Map<string, CountryInfo>();
  for (const c of [...countries.values()].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false)))
    for (const w of [...c.names, ...c.demonyms])
      if (!countryByWord.has(w.toLowerCase())) countryByWord.set(w.toLowerCase(), c);
  return {
    entries,
    countries,
    find(text: string, offset = 0, date: string | null = null): ActorMention[] {
      const mentions = basic(text, offset, date);
      const resolve = (phrase: string) => resolvePhrase(phrase, date);
      const forcesOf = (word: string, noun: string) => {
        // "India forces" is not English; "Indian forces" is: try the country's demonyms first.
        const c = countryByWord.get(word.toLowerCase());
        for (const w of [...(c?.demonyms ?? []), word]) {
          const e = resolve(`${w} ${noun}`);
          if (e && (e.category === 'State forces' || e.category === 'External/Other forces')) return e;
        }
        return null;
      };
      return resolveHeadNouns(coordinated(text, offset, mentions, resolve, forcesOf));
    },
  };

  /** The one mention that covers all of `phrase` ("Turkish forces", "Tiv ethnic militias"), if any. */
  function resolvePhrase(phrase: string, date: string | null): ActorEntry | null {
    const found = basic(phrase, 0, date);
    return found.length === 1 && found[0]?.start === 0 && found[0].end === phrase.length ? found[0].entry : null;
  }

  /** Dictionary, demonym and generic mentions of `text`, before the rules over several mentions. */
  function basic(text: string, offset: number, date: string | null): ActorMention[] {
    const found: ActorMention[] = [];
    const overlapping = (start: number, end: number) => found.some((f) => f.start < end && start < f.end);
    const scan = (group: CompiledGroup) => {
      for (const m of group.matcher.matches(text)) {
        if (m.end === m.index) continue;
        let entry = group.owners[m.alt] as ActorEntry;
        // Words that two entries with date bounds match ("RSF" before and after April 2023, "ATMIS" after
        // AMISOM): another alias matching the same words and valid at the event date wins; else an entry of the
        // same actor valid then.
        if (!validAt(entry, date)) {
          const base = entry.name.split(' (')[0];
          const { alternatives } = group.matcher;
          let other = -1;
          for (let i = 0; i < alternatives.length && other < 0; i++) {
            const owner = group.owners[i] as ActorEntry;
            if (owner === entry || !validAt(owner, date)) continue;
            const re = (alternatives[i] as Alternative).re;
            re.lastIndex = m.index;
            if (re.test(text) && re.lastIndex === m.end) other = i;
          }
          const alt =
            group.owners[other] ??
            group.owners.find((e) => e !== entry && e.name.split(' (')[0] === base && validAt(e, date));
          if (alt) entry = alt;
        }
        if (entry.name.includes('{group}')) entry = byGroup(entry, m.text);
        const start = offset + m.index;
        const end = offset + m.end;
        // Earlier groups (dictionary, then demonyms) win over generic phrases on overlap.
        if (overlapping(start, end)) continue;
        found.push({ start, end, text: m.text, entry, reason: `${entry.source}:${entry.file}:${entry.line}` });
      }
    };
    // Dictionary first, then demonym-named forces, then generic phrases: earlier sources win on overlap.
    scan(groups[0] as CompiledGroup);
    for (const m of demonymMatches(demonym.re, text)) {
      // The country words must end right before the force noun ("Syrian army", "Turkey's forces").
      const words = (m[1] ?? '')
        .trim()
        .replace(/['’]s$/i, '')
        .split(' ');
      let pair: ReturnType<typeof demonym.byWord.get>;
      let used = 0;
      for (let k = Math.min(4, words.length); k >= 1 && !pair; k--) {
        pair = demonym.byWord.get(words.slice(-k).join(' ').toLowerCase());
        if (pair) used = words.slice(-k).join(' ').length;
      }
      if (!pair) continue;
      const base = (m[1] ?? '').trimEnd().replace(/['’]s$/i, '');
      const start = offset + m.index + base.length - used;
      const entry = m[3] ? pair?.police : pair?.military;
      const end = offset + m.index + m[0].length;
      if (!entry || overlapping(start, end)) continue;
      found.push({
        start,
        end,
        text: text.slice(start - offset, end - offset),
        entry,
        reason: `demonym:${m[1]?.trim()}`,
      });
    }
    scan(groups[1] as CompiledGroup);
    // "PKK militants", "Taliban sniper", "IS fighters": a generic noun right after a named actor is that actor.
    const sorted = found.sort((a, b) => a.start - b.start);
    const merged: ActorMention[] = [];
    for (const m of sorted) {
      const prev = merged[merged.length - 1];
      if (
        prev &&
        m.entry.source === 'generic' &&
        prev.entry.source !== 'generic' &&
        m.start - prev.end <= 1 &&
        m.start >= prev.end
      ) {
        merged[merged.length - 1] = { ...prev, end: m.end, text: text.slice(prev.start - offset, m.end - offset) };
        continue;
      }
      merged.push(m);
    }
    return merged;
  }
}

/** The head words after a group's name in a clan or ethnic militia phrase ("Sacad clan militiamen" → "Sacad"). */
const GROUP_TAIL =
  /\s+(?:ethnic|communal|tribal|clan|sub-clans?|clans|militia\w*|gunmen|youths?|armed|fighters|members|forces|raiders|cattle|attackers|groups?|insurgents|militants|miscreants|village|volunteers|herders|tribesmen|hunters|vigilantes|special)\b.*$/i;

/** The category an actor has in an event in `eventCountry`: foreign state forces are External/Other forces. */
export function categoryIn(entry: ActorEntry, eventCountry: string | null): ActorCategory {
  if (entry.category === 'State forces' && entry.country && eventCountry && entry.country !== eventCountry) {
    return 'External/Other forces';
  }
  return entry.category;
}

/** The actor's display name, with {country} filled from the event country. */
export function actorName(entry: ActorEntry, countries: Map<string, CountryInfo>, eventCountry: string | null): string {
  if (!entry.name.includes('{country}')) return entry.name;
  const name = eventCountry ? (countries.get(eventCountry)?.name ?? eventCountry) : null;
  return name
    ? entry.name.replace('{country}', name)
    : entry.name.replace(/ ?\(?\{country\}\)?/, '').replace(/ of$/, '');
}

/** An identity militia the text names by its clan, tribe, family or community ("the Hawadle clan"). */
function namedIdentityMilitia(name: string, kind: string): ActorEntry {
  return {
    name: `${name} ${kind} ({country})`,
    category: 'Identity militia',
    country: null,
    from: null,
    to: null,
    aliases: [],
    source: 'generic',
    role: 'any',
    file: 'rule',
    line: 0,
  };
}

const KIND_OF_HEAD: Record<string, string> = {
  families: 'Clan Militia',
  family: 'Clan Militia',
  clans: 'Clan Militia',
  clan: 'Clan Militia',
  'sub-clans': 'Clan Militia',
  'sub-clan': 'Clan Militia',
  subclans: 'Clan Militia',
  subclan: 'Clan Militia',
  tribes: 'Tribal Militia',
  tribe: 'Tribal Militia',
  communities: 'Communal Militia',
  community: 'Communal Militia',
  'ethnic group': 'Ethnic Militia',
  ethnic: 'Ethnic Militia',
  communal: 'Communal Militia',
  tribal: 'Tribal Militia',
};

/** One to three capitalised words: a proper name (case-sensitive on purpose: "the Al Khalil" vs "the army"). */
const NAME = "(?:[A-Z][\\w'’-]*\\s){0,2}[A-Z][\\w'’-]*";
/** "the Al Khalil and Al Masri families", "Fellata and Rizeigat communal militias": two groups under one plural head. */
const IDENTITY_PAIR = new RegExp(
  `\\b(${NAME}) and (?:the )?(${NAME}) (?:([Ee]thnic|[Cc]ommunal|[Tt]ribal|[Cc]lan) )?([Mm]ilitias|[Ff]amilies|[Cc]lans|[Ss]ub-clans|[Ss]ubclans|[Tt]ribes|[Cc]ommunities)\\b`,
  'g',
);
/** "Turkish and Russian forces", "Indian and Pakistani troops": two states' forces under one head noun. */
const STATE_PAIR = new RegExp(
  `\\b(${NAME}) and (${NAME}) (forces|troops|soldiers|armies|militaries|police|warplanes|jets|drones)\\b`,
  'g',
);
/** "military forces of India and Pakistan", "the security forces of Mali". */
const FORCES_OF = new RegExp(
  `\\b(?:[Tt]he )?([Mm]ilitary|[Aa]rmed|[Ss]ecurity|[Dd]efen[cs]e|[Gg]overnment|[Pp]olice) [Ff]orces of (?:the )?(${NAME})(?: and (?:of )?(?:the )?(${NAME}))?`,
  'g',
);
/** "gunmen from the Habar Gidir sub-clan", "armed youth of a county", "militias from two villages". */
const FROM_GROUP =
  /^ (?:from|of|belonging to|hailing from) (?:the |a |an )?((?:[A-Z][\w'’-]*\s?){1,3}?)\s?(clan|sub-clan|subclan|tribe|community|ethnic group|village|villages|county|payam|area)\b/;
const FROM_PLACE =
  /^ (?:from|of) (?:the )?((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})(?: and (?:the )?((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2}))?/;
const MILITIA_HEAD = /(?:militias?|militiam[ae]n|armed youths?|youths?|gunmen|fighters|armed men|attackers|raiders)$/i;

/**
 * Rules over the mentions of one text that the dictionary alone cannot express: two actors coordinated under one
 * head noun, "forces of <country>", and unnamed militias that the text ties to a clan, tribe or community (ACLED
 * codes those as identity militias, named after the group: "Hawadle Clan Militia (Somalia)").
 */
function coordinated(
  text: string,
  offset: number,
  mentions: ActorMention[],
  resolve: (phrase: string) => ActorEntry | null,
  forcesOf: (word: string, noun: string) => ActorEntry | null,
): ActorMention[] {
  let out = mentions;
  const replace = (start: number, end: number, add: ActorMention[]) => {
    out = [...out.filter((m) => m.end <= start || m.start >= end), ...add].sort((a, b) => a.start - b.start);
  };
  const mention = (start: number, end: number, entry: ActorEntry, reason: string): ActorMention => ({
    start: offset + start,
    end: offset + end,
    text: text.slice(start, end),
    entry,
    reason,
  });
  // "Fellata and Rizeigat communal militias": each name is its own identity militia.
  for (const m of execAll(IDENTITY_PAIR, text)) {
    const [all0, a0 = '', b0 = '', adjectiveText, headText = ''] = m;
    const head = headText.toLowerCase();
    // A capitalised adjective belongs to the head, not to the second name ("Ichen Ethnic Militias").
    const tail = /\s(\w+)$/.exec(b0);
    const tailAdjective = !adjectiveText && tail && /^(?:ethnic|communal|tribal|clan)$/i.test(tail[1] ?? '');
    const b = tailAdjective && tail ? b0.slice(0, tail.index) : b0;
    const adjective = (tailAdjective ? tail?.[1] : adjectiveText)?.toLowerCase();
    // A capitalised sentence opener is no part of the name ("The Al Khalil and …").
    const lead = /^(?:(?:The|On|In|At|An?|Armed|Rival)\s)+/.exec(a0)?.[0] ?? '';
    const a = a0.slice(lead.length);
    const start = m.index + lead.length;
    const end = m.index + all0.length;
    if (!a || (head === 'militias' && !adjective)) continue;
    // Named actors ("Houthi and Hadi forces") are not clans; a dictionary identity militia may be one side.
    const other = out.some(
      (x) =>
        x.entry.source !== 'generic' &&
        x.entry.category !== 'Identity militia' &&
        x.start < offset + end &&
        offset + start < x.end,
    );
    if (other) continue;
    const kind = KIND_OF_HEAD[adjective ?? head] ?? 'Communal Militia';
    const bStart = end - (b0.length + 1 + (adjectiveText ? adjectiveText.length + 1 : 0) + head.length);
    replace(offset + start, offset + end, [
      mention(start, start + a.length, namedIdentityMilitia(a, kind), `coordination:${head}`),
      mention(bStart, end, namedIdentityMilitia(b, kind), `coordination:${head}`),
    ]);
  }
  // "Turkish and Russian forces": each demonym with the head noun.
  for (const m of execAll(STATE_PAIR, text)) {
    const [all, a0 = '', b = '', noun = ''] = m;
    // The longest ending of the first name that names a state ("The Turkish" → "Turkish").
    const words = a0.split(/\s/);
    let a = '';
    let ea: ActorEntry | null = null;
    for (let k = 0; k < words.length && !ea; k++) {
      a = words.slice(k).join(' ');
      ea = forcesOf(a, noun);
    }
    const eb = forcesOf(b, noun);
    if (!ea || !eb) continue;
    const end = m.index + all.length;
    const start = m.index + a0.length - a.length;
    replace(offset + start, offset + end, [
      mention(start, start + a.length, ea, `coordination:${a} ${noun}`),
      mention(end - b.length - noun.length - 1, end, eb, `coordination:${b} ${noun}`),
    ]);
  }
  // "military forces of India and Pakistan".
  for (const m of execAll(FORCES_OF, text)) {
    const [all, kind = '', a = '', b] = m;
    const noun = kind.toLowerCase() === 'police' ? 'police' : 'forces';
    const ea = forcesOf(a, noun);
    if (!ea) continue;
    const eb = b ? forcesOf(b, noun) : null;
    const start = m.index;
    const end = start + all.length;
    const aEnd = text.indexOf(a, start + all.indexOf(' of ')) + a.length;
    const add = [mention(start, aEnd, ea, `forces-of:${a}`)];
    if (b && eb) add.push(mention(end - b.length, end, eb, `forces-of:${b}`));
    replace(offset + start, offset + (eb ? end : aEnd), add);
  }
  // "gunmen from the Habar Gidir sub-clan": the militia is that clan's; "militias from Kele and Tali": two militias.
  const second: ActorMention[] = [];
  out = out.map((m) => {
    if (m.entry.source !== 'generic' || m.entry.file === 'rule') return m;
    if (m.entry.category !== 'Political militia' && m.entry.category !== 'Identity militia') return m;
    if (!MILITIA_HEAD.test(m.text)) return m;
    const after = text.slice(m.end - offset, m.end - offset + 80);
    const group = FROM_GROUP.exec(after);
    if (group) {
      const name = (group[1] ?? '').trim();
      const kind = KIND_OF_HEAD[group[2] ?? ''] ?? 'Communal Militia';
      if (name && !resolve(name))
        return { ...m, entry: namedIdentityMilitia(name, kind), reason: `from-group:${name}` };
      return m;
    }
    // A bare place after "militia(s) from": the militia of that community ("militias from Umumbo").
    if (!/militia/i.test(m.text)) return m;
    const place = FROM_PLACE.exec(after);
    const name = place?.[1];
    if (!name || resolve(name) || forcesOf(name, 'forces')) return m;
    const other = place?.[2];
    // Two sides only with a reciprocal predicate ("… from Umumbo and Omor clashed"); a coalition that attacks
    // someone else stays one actor.
    const rest = text.slice(m.end - offset + (place?.[0].length ?? 0), m.end - offset + (place?.[0].length ?? 0) + 80);
    const reciprocal = /^[^.]{0,60}?\b(?:clash|fought|fight|exchang|battl|skirmish)/i.test(rest);
    if (other && reciprocal && !resolve(other) && !forcesOf(other, 'forces')) {
      const at = m.end - offset + (place?.[0].length ?? 0) - other.length;
      second.push(
        mention(at, at + other.length, namedIdentityMilitia(other, 'Communal Militia'), `from-place:${other}`),
      );
    }
    return { ...m, entry: namedIdentityMilitia(name, 'Communal Militia'), reason: `from-place:${name}` };
  });
  for (const m of second) replace(m.start, m.end, [m]);
  return out;
}

const HEAD_NOUN =
  /(?:^|\s)(militants|fighters|rebels|gunmen|insurgents|troops|soldiers|forces|militiamen|jihadists|separatists)$/i;

/**
 * Coreference by head noun: "the militants" after "Turkish-backed militants" are those militants. A generic mention
 * whose head noun ends a named mention earlier in the text takes that named actor (reason `head-noun-of:…`).
 */
function resolveHeadNouns(mentions: ActorMention[]): ActorMention[] {
  const named: ActorMention[] = [];
  return mentions.map((m) => {
    if (m.entry.source !== 'generic') {
      named.push(m);
      return m;
    }
    const head = HEAD_NOUN.exec(m.text)?.[1]?.toLowerCase();
    if (!head || !/^(?:the |these |those )?\w+$/i.test(m.text.trim())) return m;
    for (let i = named.length - 1; i >= 0; i--) {
      const n = named[i] as ActorMention;
      if (n.text.toLowerCase().endsWith(head)) return { ...m, entry: n.entry, reason: `head-noun-of:${n.start}` };
    }
    return m;
  });
}
