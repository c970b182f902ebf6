/**
 * Sentence splitting with offsets. Rule-based: a sentence ends at . ! ? (optionally followed by closing quotes or
 * brackets) when the next non-space character starts a new sentence (capital letter, digit, quote, bracket) and the
 * word before the period is not a known abbreviation or an initial. Newlines that separate paragraphs also end a
 * sentence. Offsets are JavaScript string offsets into the input text.
 */
import type { Span } from '../model/report.js';
import { MONTH_ABBREVIATIONS } from '../text/months.js';

export interface Sentence extends Span {
  index: number;
  text: string;
}

// Abbreviations common in conflict reporting (ranks, titles, months, places): a period after them does not end
// a sentence. Lower-cased, without the period.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'brig',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'rev',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'etc',
  'approx',
  ...MONTH_ABBREVIATIONS,
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'fig',
  'al',
  'jr',
  'sr',
  'km',
  'p.m',
  'a.m',
  'govt',
  'dist',
  'vol',
  'op',
]);

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A blank line or a line break after a line with no final punctuation ends a sentence (headlines, lists).
      const next = text.indexOf('\n', i + 1);
      const blank = next !== -1 && text.slice(i + 1, next).trim() === '';
      const prev = text.slice(start, i).trimEnd();
      if (blank || prev.length === 0 || !/[,;:a-z-]$/.test(prev)) {
        push(i + 1);
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && /["'”’)\]]/.test(text[j] ?? '')) j++;
    if (j < n && !/\s/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < n && /[ \t\r\n]/.test(text[k] ?? '')) k++;
    if (k >= n) {
      push(n);
      break;
    }
    const nextCh = text[k] ?? '';
    if (!/[A-Z0-9"'“‘([]|\p{Lu}/u.test(nextCh)) continue;
    if (ch === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i));
      const word = (before?.[1] ?? '').toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      // A single capital letter before the period is an initial ("J. Smith"), not a sentence end.
      if (/^\p{Lu}$/u.test(before?.[1] ?? '')) continue;
    }
    push(j);
  }
  if (start < n) push(n);
  return sentences;
}
