/**
 * Actor recognition: named actors from the dictionary (data/actors/actors.txt, with date bounds), state forces
 * named by a country or demonym ("Pakistani troops", "the Turkish army"), and generic role phrases
 * (data/actors/generic.txt: "police", "unidentified gunmen", "protesters", "civilians"). Each mention keeps its
 * span, the entry it came from and a reason. A state's forces acting outside their home country are
 * External/Other forces (ACLED's inter code 8).
 */

import { ACTOR_CATEGORIES, type ActorCategory } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { firstCharCodes } from '../text/first-chars.js';
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
}

export function countryTable(world: WorldCountry[]): Map<string, CountryInfo> {
  const map = new Map<string, CountryInfo>();
  for (const c of world) {
    const demonyms = new Set<string>();
    if (c.demonyms?.eng?.m) demonyms.add(c.demonyms.eng.m);
    if (c.demonyms?.eng?.f) demonyms.add(c.demonyms.eng.f);
    const names = new Set<string>([c.name.common]);
    map.set(c.cca2, { code: c.cca2, name: c.name.common, names: [...names], demonyms: [...demonyms] });
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
  const covered = new Set(named.filter((e) => e.category === 'State forces' && e.country).map((e) => e.country));
  const byWord = new Map<string, { military: ActorEntry | null; police: ActorEntry }>();
  for (const c of countries.values()) {
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
      military: covered.has(c.code) ? null : entry(`Military Forces of ${c.name}`, `${c.demonyms[0] ?? c.name} forces`),
      police: entry(`Police Forces of ${c.name}`, `${c.demonyms[0] ?? c.name} police`),
    };
    for (const w of [...c.demonyms, ...c.names])
      if (w.length > 2 && !byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), pair);
  }
  // The force noun anchors the match; the up to four words before it are looked up in the country table
  // (longest first). Scanning for ~30 force nouns is far cheaper than an alternation of ~500 country words.
  const re =
    /((?:[A-Za-z\u00C0-\u024F'’.-]+ ){1,4}?)(?:(armed forces|army|forces|troops|military|soldiers|warplanes|jets|air ?force|navy|marines|border guards|security forces|artillery|drones?)|(police|gendarmerie|gendarmes))(?![\w])/gi;
  return { re, byWord };
}

/** The force nouns of the demonym expression, each after the space that ends the word before it. */
const FORCE_NOUN =
  / (?:armed forces|army|forces|troops|military|soldiers|warplanes|jets|air ?force|navy|marines|border guards|security forces|artillery|drones?|police|gendarmerie|gendarmes)(?![\w])/gi;
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
  /** All aliases of the group as one non-capturing alternation, tried only at word starts. */
  re: RegExp;
  /** Each alias alone, sticky, to tell which entry a match of `re` came from; `first`: its possible first
   * characters (lower-case char codes, null = any; read on first use, not at start-up: 40–90 ms CPU for all lexicons),
   * so aliases that cannot start the match are not run. */
  aliases: { entry: ActorEntry; re: RegExp; contextual: boolean; first?: Set<number> | null }[];
  /** Matched text (lower-cased) → entry, for matches of aliases that do not look at the following context. */
  cache: Map<string, ActorEntry>;
}

/**
 * One alternation per source: one scan of the text per source. It has no capture groups, because V8 builds a
 * match array as long as the number of groups (hundreds here) for every match; the entry is found afterwards by
 * re-testing the aliases, sticky, at the match position (a few matches per sentence).
 */
function compileGroup(entries: ActorEntry[]): CompiledGroup {
  const parts: string[] = [];
  const aliases: CompiledGroup['aliases'] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      let re: RegExp;
      try {
        re = new RegExp(`(?:${alias})(?![\\w])`, 'iy');
      } catch (error) {
        throw new Error(`${entry.file}:${entry.line}: invalid alias pattern '${alias}': ${(error as Error).message}`);
      }
      parts.push(`(?:${alias})(?![\\w])`);
      aliases.push({ entry, re, contextual: alias.includes('(?=') || alias.includes('(?!') });
    }
  }
  // Without the 'u' flag: V8's case-insensitive Unicode matching is several times slower; aliases are ASCII.
  return { re: new RegExp(`(?<![\\w-])(?:${parts.join('|')})`, 'gi'), aliases, cache: new Map() };
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
  return {
    entries,
    countries,
    find(text: string, offset = 0, date: string | null = null): ActorMention[] {
      const found: ActorMention[] = [];
      const overlapping = (start: number, end: number) => found.some((f) => f.start < end && start < f.end);
      const scan = (group: CompiledGroup) => {
        group.re.lastIndex = 0;
        for (const m of execAll(group.re, text)) {
          if (!m[0]) continue;
          // The alternation took the first alias that matches here; find it (same order, same length).
          const key = m[0].toLowerCase();
          let entry: ActorEntry | undefined = group.cache.get(key);
          if (!entry) {
            const end0 = m.index + m[0].length;
            // Skipping aliases that cannot begin with the match's first character: contextual matches are never
            // cached, and re-testing up to 413 aliases for each was ~8% of the CPU time on ACLED-style notes.
            const c0 = m[0].charCodeAt(0);
            const k0 = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0;
            for (const a of group.aliases) {
              if (a.first === undefined) a.first = firstCharCodes(a.re.source, true);
              if (a.first !== null && !a.first.has(k0)) continue;
              a.re.lastIndex = m.index;
              if (a.re.test(text) && a.re.lastIndex === end0) {
                entry = a.entry;
                // Matches of context-free aliases can be remembered (a few thousand distinct phrases at most).
                if (!a.contextual && group.cache.size < 20_000) group.cache.set(key, entry);
                break;
              }
            }
          }
          if (!entry) continue;
          // An alias shared by two entries with date bounds: the one valid at the event date wins.
          if (!validAt(entry, date)) {
            const base = entry.name.split(' (')[0];
            const alt = group.aliases.find(
              (a) => a.entry !== entry && a.entry.name.split(' (')[0] === base && validAt(a.entry, date),
            );
            if (alt) entry = alt.entry;
          }
          const start = offset + m.index;
          const end = start + m[0].length;
          // Earlier groups (dictionary, then demonyms) win over generic phrases on overlap.
          if (overlapping(start, end)) continue;
          found.push({ start, end, text: m[0], entry, reason: `${entry.source}:${entry.file}:${entry.line}` });
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
      return resolveHeadNouns(merged);
    },
  };
}

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
