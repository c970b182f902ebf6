/**
 * Actor recognition: named actors from the dictionary (data/actors/actors.txt, with date bounds), state forces
 * named by a country or demonym ("Pakistani troops", "the Turkish army"), and generic role phrases
 * (data/actors/generic.txt: "police", "unidentified gunmen", "protesters", "civilians"). Each mention keeps its
 * span, the entry it came from and a reason. A state's forces acting outside their home country are
 * External/Other forces (ACLED's inter code 8).
 */
import type { Span } from '../model/report.js';
import { ACTOR_CATEGORIES, type ActorCategory } from '../model/extraction.js';
import { alternatives, type LexiconRow } from './lexicon-file.js';

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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** State forces named by a demonym or a country name, built from the country table (not hand-listed). */
function demonymEntries(countries: Map<string, CountryInfo>, named: ActorEntry[]): ActorEntry[] {
  const covered = new Set(named.filter((e) => e.category === 'State forces' && e.country).map((e) => e.country));
  const out: ActorEntry[] = [];
  for (const c of countries.values()) {
    const words = [...c.demonyms, ...c.names].filter((w) => w.length > 2).map(escape);
    if (!words.length) continue;
    const w = `(?:${words.join('|')})(?:'s)?`;
    const military = `${w} (?:armed forces|army|forces|troops|military|soldiers|warplanes|jets|air ?force|navy|marines|border guards|security forces|artillery|drones?)`;
    const police = `${w} (?:police|gendarmerie|gendarmes)`;
    if (!covered.has(c.code)) {
      out.push({ name: `Military Forces of ${c.name}`, category: 'State forces', country: c.code, from: null, to: null, aliases: [military], source: 'demonym', role: 'any', file: 'world-countries', line: 0 });
    }
    out.push({ name: `Police Forces of ${c.name}`, category: 'State forces', country: c.code, from: null, to: null, aliases: [police], source: 'demonym', role: 'any', file: 'world-countries', line: 0 });
  }
  return out;
}

interface CompiledGroup {
  re: RegExp;
  /** Capture-group number → entry. */
  entryByGroup: (ActorEntry | undefined)[];
}

/** One alternation per source, each alias its own capture group: one scan of the text per source. */
function compileGroup(entries: ActorEntry[]): CompiledGroup {
  const parts: string[] = [];
  const entryByGroup: (ActorEntry | undefined)[] = [undefined];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      try {
        new RegExp(alias, 'iu');
      } catch (error) {
        throw new Error(`${entry.file}:${entry.line}: invalid alias pattern '${alias}': ${(error as Error).message}`);
      }
      const groupsInside = new RegExp(`${alias}|`, 'u').exec('')?.length ?? 1;
      parts.push(`(?<![\\w-])(${alias})(?![\\w])`);
      entryByGroup.push(entry);
      // Capturing groups inside the alias shift the numbering; pad the table.
      for (let i = 1; i < groupsInside; i++) entryByGroup.push(undefined);
    }
  }
  return { re: new RegExp(parts.join('|'), 'giu'), entryByGroup };
}

function validAt(entry: ActorEntry, date: string | null | undefined): boolean {
  if (!date) return true;
  if (entry.from && date < entry.from) return false;
  if (entry.to && date > entry.to) return false;
  return true;
}

export function createActorMatcher(named: ActorEntry[], generic: ActorEntry[], countries: Map<string, CountryInfo>): ActorMatcher {
  const demonym = demonymEntries(countries, named);
  const groups = [compileGroup(named), compileGroup(demonym), compileGroup(generic)];
  const entries = [...named, ...demonym, ...generic];
  return {
    entries,
    countries,
    find(text: string, offset = 0, date: string | null = null): ActorMention[] {
      const found: ActorMention[] = [];
      for (const group of groups) {
        group.re.lastIndex = 0;
        for (const m of text.matchAll(group.re)) {
          if (!m[0]) continue;
          let entry: ActorEntry | undefined;
          for (let g = 1; g < m.length; g++) {
            if (m[g] !== undefined && group.entryByGroup[g]) {
              const candidate = group.entryByGroup[g] as ActorEntry;
              // An alias shared by two entries with date bounds: the one valid at the event date wins.
              if (!validAt(candidate, date)) {
                const alt = group.entryByGroup.find(
                  (e) => e && e !== candidate && e.name.split(' (')[0] === candidate.name.split(' (')[0] && validAt(e, date),
                );
                entry = alt ?? candidate;
              } else entry = candidate;
              break;
            }
          }
          if (!entry) continue;
          const start = offset + m.index;
          const end = start + m[0].length;
          // Earlier groups (dictionary, then demonyms) win over generic phrases on overlap; within a group the
          // regex already took the leftmost-longest alternative.
          if (found.some((f) => f.start < end && start < f.end)) continue;
          found.push({ start, end, text: m[0], entry, reason: `${entry.source}:${entry.file}:${entry.line}` });
        }
      }
      return found.sort((a, b) => a.start - b.start);
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
  return name ? entry.name.replace('{country}', name) : entry.name.replace(/ ?\(?\{country\}\)?/, '').replace(/ of$/, '');
}
