/**
 * Trigger lexicon → features. Each line of data/lexicons/triggers.txt names a feature (clash, air, protest, …),
 * the ACLED sub-event type the feature alone implies, a weight and a pattern. All patterns of the lexicon are
 * compiled once into one alternation (one scan per sentence); every hit keeps its span.
 */
import type { Span } from '../model/report.js';
import { ACLED_TYPES, type EventType, type SubEventType } from '../model/extraction.js';
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

export function createTriggerMatcher(entries: TriggerEntry[]): TriggerMatcher {
  // Anchored label patterns (^…) only apply at the start of a text; they are compiled separately.
  const anchored = entries.filter((e) => e.pattern.startsWith('^'));
  const free = entries.filter((e) => !e.pattern.startsWith('^'));
  const parts = free.map((e) => `(${boundary(e.pattern)})`);
  const groupEntry: (TriggerEntry | undefined)[] = [undefined];
  for (const e of free) {
    groupEntry.push(e);
    const inner = (new RegExp(`${e.pattern}|`, 'u').exec('')?.length ?? 1) - 1;
    for (let i = 0; i < inner; i++) groupEntry.push(undefined);
  }
  const re = new RegExp(parts.join('|'), 'giu');
  const anchoredRes = anchored.map((e) => ({ entry: e, re: new RegExp(e.pattern, 'iu') }));
  const single = new Map(free.map((e) => [e, new RegExp(boundary(e.pattern), 'giu')]));
  const cached = (e: TriggerEntry) => single.get(e) as RegExp;
  return {
    entries,
    find(text: string, offset = 0): TriggerHit[] {
      const hits: TriggerHit[] = [];
      for (const { entry, re: a } of anchoredRes) {
        const m = a.exec(text);
        if (m) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], entry });
      }
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (!m[0]) {
          re.lastIndex++;
          continue;
        }
        for (let g = 1; g < m.length; g++) {
          if (m[g] !== undefined && groupEntry[g]) {
            const entry = groupEntry[g] as TriggerEntry;
            hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], entry });
            break;
          }
        }
      }
      // A phrase can carry several features ("opened fire on protesters" is both kill and excessive): re-test
      // each hit's text against the other features so that overlapping cues are not lost to the alternation.
      const extra: TriggerHit[] = [];
      for (const h of hits) {
        for (const e of free) {
          if (e === h.entry || hits.some((x) => x.entry === e && x.start === h.start)) continue;
          const r = cached(e);
          r.lastIndex = 0;
          const local = text.slice(Math.max(0, h.start - offset - 40), Math.min(text.length, h.end - offset + 60));
          const m = r.exec(local);
          if (m) {
            const s = Math.max(0, h.start - offset - 40) + m.index;
            if (s <= h.end - offset && s + m[0].length >= h.start - offset) {
              extra.push({ start: offset + s, end: offset + s + m[0].length, text: m[0], entry: e });
            }
          }
        }
      }
      const all = [...hits, ...extra];
      const seen = new Set<string>();
      return all
        .filter((h) => {
          const k = `${h.entry.feature}:${h.start}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .sort((a, b) => a.start - b.start);
    },
  };
}

function boundary(pattern: string): string {
  return `(?<![\\w-])(?:${pattern})(?![\\w])`;
}

export function compileNonEvents(rows: LexiconRow[]): NonEventEntry[] {
  return rows.map((row) => ({ cls: row.fields[0] ?? '', re: compilePattern(row.fields.slice(1).join('|'), row, 'iu') }));
}
