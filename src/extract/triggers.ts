/**
 * Trigger lexicon → features. Each line of data/lexicons/triggers.txt names a feature (clash, air, protest, …),
 * the ACLED sub-event type the feature alone implies, a weight and a pattern. The patterns of each layer (below) are
 * compiled once into one alternation (alternation.ts); every hit keeps its span.
 */

import { ACLED_TYPES, type EventType, type SubEventType } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { WordStartAlternation } from './alternation.js';
import { compilePattern, type LexiconRow } from './lexicon-file.js';

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
  seizure: 'strategic',
  disrupted: 'strategic',
  hq: 'strategic',
  agreement: 'strategic',
  change: 'strategic',
  'other-sd': 'strategic',
  transfer: 'strategic',
};

interface Layer {
  /** The layer's patterns, in file order, as one word-start alternation (alternation.ts: one scan per text). */
  matcher: WordStartAlternation;
  entries: TriggerEntry[];
}

function compileLayer(entries: TriggerEntry[]): Layer {
  const matcher = new WordStartAlternation(
    entries.map((e) => e.pattern),
    (i) => `${entries[i]?.file}:${entries[i]?.line}: pattern`,
  );
  return { matcher, entries };
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
        for (const m of layer.matcher.matches(text)) {
          const entry = layer.entries[m.alt] as TriggerEntry;
          hits.push({ start: offset + m.index, end: offset + m.end, text: m.text, entry });
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}

export function compileNonEvents(rows: LexiconRow[]): NonEventEntry[] {
  return rows.map((row) => ({ cls: row.fields[0] ?? '', re: compilePattern(row.fields.slice(1).join('|'), row, 'i') }));
}
