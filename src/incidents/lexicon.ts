/**
 * The small word lists the incident stage reads: retaliation cues and official-source words. They live in
 * data/incidents/*.txt (commented, one entry a line); this module parses them, once, in an explicit loader.
 */
import { readFileSync } from 'node:fs';

export interface IncidentLexicon {
  /** Lower-cased phrases that mark an event as a retaliation (a follow-up, not the same incident). */
  retaliationCues: string[];
  /** Lower-cased words that mark an attribution as an official statement. */
  officialWords: string[];
  /** Words that veto it: anonymous or second-hand sourcing ("a military source"). */
  officialVetoes?: string[];
}

/** Parses one list file: `#` comments and blank lines dropped, entries lower-cased and trimmed. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) out.push(line.toLowerCase());
  }
  return out;
}

const dataUrl = (name: string): URL => new URL(`../../data/incidents/${name}`, import.meta.url);

/** Reads the lexicon from data/incidents (works from src/ under tsx and from dist/ after the build). */
export function loadIncidentLexicon(): IncidentLexicon {
  const official = parseWordList(readFileSync(dataUrl('official-sources.txt'), 'utf8'));
  return {
    retaliationCues: parseWordList(readFileSync(dataUrl('retaliation-cues.txt'), 'utf8')),
    officialWords: official.filter((w) => !w.startsWith('!')),
    officialVetoes: official.filter((w) => w.startsWith('!')).map((w) => w.slice(1)),
  };
}

/** A lexicon with no entries: no event is a retaliation, no attribution is official. */
export const EMPTY_LEXICON: IncidentLexicon = { retaliationCues: [], officialWords: [] };

/** True when the text contains one of the retaliation cues. */
export function hasRetaliationCue(text: string, lexicon: IncidentLexicon): boolean {
  const lower = text.toLowerCase();
  return lexicon.retaliationCues.some((cue) => lower.includes(cue));
}

/** True when the attribution names an official source (whole-word match, any script). */
export function isOfficialAttribution(attribution: string | null, lexicon: IncidentLexicon): boolean {
  if (!attribution) return false;
  const words = ` ${normalizeWords(attribution)} `;
  const has = (w: string) => words.includes(` ${normalizeWords(w)} `);
  if ((lexicon.officialVetoes ?? []).some(has)) return false;
  return lexicon.officialWords.some(has);
}

/** Lower case, diacritics kept (they matter outside Latin script), punctuation → spaces, single spaces. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
