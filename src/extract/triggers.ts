/**
 * Trigger lexicon → features. Each line of data/lexicons/triggers.txt names a feature (clash, air, protest, …),
 * the ACLED sub-event type the feature alone implies, a weight and a pattern. All patterns of the lexicon are
 * compiled once into one alternation (one scan per sentence); every hit keeps its span.
 */

import { ACLED_TYPES, type EventType, type SubEventType } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { firstCharCodes } from '../text/first-chars.js';
import { compilePattern, type LexiconRow } from './lexicon-file.js';
import { execAll } from './regex.js';

export interface TriggerEntry {
  feature: string;
  eventType: EventType;
  subEventType: SubEventType;
  weight: number;
  pattern: string;
  file: string;
  line: number;
}

export interface TriggerHit extends Span {
  text: string;
  entry: TriggerEntry;
}

export interface NonEventEntry {
  cls: string;
  re: RegExp;
}

export interface TriggerMatcher {
  entries: TriggerEntry[];
  find(text: string, offset?: number): TriggerHit[];
}

export function parseTriggerRows(rows: LexiconRow[]): TriggerEntry[] {
  return rows.map((row) => {
    const [feature = '', typeSub = '', weight = '', ...rest] = row.fields;
    const slash = typeSub.indexOf(' / ');
    const eventType = typeSub.slice(0, slash) as EventType;
    const subEventType = typeSub.slice(slash + 3) as SubEventType;
    const subs = (ACLED_TYPES as Record<string, readonly string[]>)[eventType];
    if (slash < 0 || !subs || !subs.includes(subEventType)) {
      throw new Error(`${row.file}:${row.line}: '${typeSub}' is not an ACLED event type / sub-event type pair`);
    }
    const w = Number(weight);
    if (!(w > 0 && w <= 1)) throw new Error(`${row.file}:${row.line}: weight must be in (0, 1], got '${weight}'`);
    const pattern = rest.join('|');
    compilePattern(pattern, row);
    return { feature, eventType, subEventType, weight: w, pattern, file: row.file, line: row.line };
  });
}

/**
 * Features are scanned in three layers, each one alternation: the event layer (what happened), the qualifier
 * layer (how a demonstration went: intervention, excessive force, crowd violence, mob) and the strategic layer
 * (arrests, looting, weapons seized, agreements, movements). A phrase can carry one feature per layer ("police
 * arrested" is an intervention and an arrest); within a layer the first listed pattern wins, so the file's order
 * is its priority ("attacked positions" is a clash before it is an attack).
 */
const LAYER: Record<string, 'qualifier' | 'strategic'> = {
  intervention: 'qualifier',
  excessive: 'qualifier',
  'crowd-violence': 'qualifier',
  mob: 'qualifier',
  response: 'qualifier',
  arrest: 'strategic',
  looting: 'strategic',
  disrupted: 'strategic',
  hq: 'strategic',
  agreement: 'strategic',
  change: 'strategic',
  'other-sd': 'strategic',
  transfer: 'strategic',
};

interface Layer {
  re: RegExp;
  /** Each pattern alone, sticky, to tell which entry a match came from (no capture groups in `re`: see actors.ts);
   * `first`: its possible first characters (lower-case char codes, null = any; read on first use). */
  single: { entry: TriggerEntry; re: RegExp; contextual: boolean; first?: Set<number> | null }[];
  /** Matched words (lower-cased) → entry, for patterns without look-around. */
  cache: Map<string, TriggerEntry>;
}

function compileLayer(entries: TriggerEntry[]): Layer {
  const parts = entries.map((e) => `(?:${e.pattern})(?![\\w])`);
  // Without the 'u' flag: V8's case-insensitive Unicode matching is several times slower, and the lexicon is ASCII.
  return {
    re: new RegExp(`(?<![\\w-])(?:${parts.join('|')})`, 'gi'),
    single: entries.map((e) => ({
      entry: e,
      re: new RegExp(`(?:${e.pattern})(?![\\w])`, 'iy'),
      contextual: /\(\?[=!<]/.test(e.pattern),
    })),
    cache: new Map(),
  };
}

export function createTriggerMatcher(entries: TriggerEntry[]): TriggerMatcher {
  // Anchored label patterns (^…) only apply at the start of a text; they are compiled separately.
  const anchored = entries
    .filter((e) => e.pattern.startsWith('^'))
    .map((e) => ({ entry: e, re: new RegExp(e.pattern, 'i') }));
  const free = entries.filter((e) => !e.pattern.startsWith('^'));
  const layers = [
    compileLayer(free.filter((e) => !LAYER[e.feature])),
    compileLayer(free.filter((e) => LAYER[e.feature] === 'qualifier')),
    compileLayer(free.filter((e) => LAYER[e.feature] === 'strategic')),
  ];
  return {
    entries,
    find(text: string, offset = 0): TriggerHit[] {
      const hits: TriggerHit[] = [];
      for (const { entry, re } of anchored) {
        const m = re.exec(text);
        if (m) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], entry });
      }
      for (const layer of layers) {
        layer.re.lastIndex = 0;
        for (const m of execAll(layer.re, text)) {
          const end = m.index + m[0].length;
          const key = m[0].toLowerCase();
          let entry = layer.cache.get(key);
          if (!entry) {
            // Patterns that cannot begin with the match's first character are not run (see actors.ts).
            const c0 = m[0].charCodeAt(0);
            const k0 = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0;
            for (const single of layer.single) {
              if (single.first === undefined) single.first = firstCharCodes(single.re.source, true);
              if (single.first !== null && !single.first.has(k0)) continue;
              single.re.lastIndex = m.index;
              if (single.re.test(text) && single.re.lastIndex === end) {
                entry = single.entry;
                // Context-free patterns give the same entry for the same words: remember them (bounded).
                if (!single.contextual && layer.cache.size < 20_000) layer.cache.set(key, entry);
                break;
              }
            }
          }
          if (entry) hits.push({ start: offset + m.index, end: offset + end, text: m[0], entry });
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}

export function compileNonEvents(rows: LexiconRow[]): NonEventEntry[] {
  return rows.map((row) => ({ cls: row.fields[0] ?? '', re: compilePattern(row.fields.slice(1).join('|'), row, 'i') }));
}
