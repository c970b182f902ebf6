/**
 * Name folding: the one function that turns a place name, from the gazetteer or from a text, into its lookup key.
 * Both sides go through the same function, so variants meet in the middle:
 *   "Ra's al 'Ayn", "Ras al-Ain", "Ras Al-'Ayn"      → "ras al ain"
 *   "Tall Tamr", "Tell Tamer", "Tal Tamr"             → "tal tamr" / "tal tamer"
 *   "Al-Hasakah", "al-Hasaka", "Hasakah"              → "hasaka"
 *   "Serêkaniyê"                                      → "serekaniye"
 *   "حمص", "مدينة حمص"                                 → Arabic letters with hamza/alef/ta-marbuta variants unified
 * A single token ending in "." keeps the "." so abbreviations ("Kan.", "Wash.") do not collide with words.
 */

/** Arabic definite articles as transliterated before sun letters (ash-Sham, ar-Raqqah, ad-Dana…). */
const ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'il',
  'as',
  'ash',
  'ad',
  'adh',
  'ar',
  'at',
  'ath',
  'az',
  'an',
  'ad',
  'es',
  'ed',
  'er',
  'et',
  'ez',
  'en',
]);
/**
 * Articles written apart ("Ras al Ain", "Deir ez Zor", "Ras as Sukhnah") are normalized inside multi-word names;
 * these three also alone. Both sides of a lookup are folded alike, so "Binh An" still meets "Binh An".
 */
const FREE_ARTICLES = new Set(['al', 'el', 'ul']);
const TELL = new Set(['tal', 'tall', 'tel', 'tell']);

/** Marks that transliterations use for hamza and ayn, and apostrophes; removed without a trace. */
const MARKS = /['’‘ʼʻʾʿ`´ˈ]/g;

/** Folds one Arabic-script string: no vowel marks or tatweel, one alef, ta marbuta as ha, alef maqsura as ya. */
function foldArabic(s: string): string {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/(^|\s)ال/g, '$1');
}

const ARABIC = /[\u0600-\u06FF]/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Folds a name to its key. Returns '' when nothing is left (pure punctuation).
 * Cost: a few regex passes over a short string; names are folded once at build time and n-grams at parse time.
 */
export function foldName(name: string): string {
  let s: string;
  if (isAscii(name)) {
    // ASCII (99% of the words a text asks about): decomposition, the diacritic and letter replacements and the
    // Arabic folding change nothing; of the marks only ' and ` are ASCII. Same result, without seven passes.
    s = name.toLowerCase();
    if (s.includes("'") || s.includes('`')) s = s.replace(MARKS, '');
  } else {
    s = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (ARABIC.test(s)) s = foldArabic(s);
    s = s.replace(/ß/g, 'ss').replace(/[æ]/g, 'ae').replace(/[ø]/g, 'o').replace(/[ł]/g, 'l').replace(/ı/g, 'i');
    s = s.replace(MARKS, '');
  }
  // "U.S.", "W.Va.", "Kan.": one token of letters and dots ending in a dot is kept as it is ("u.s.", "w.va.",
  // "kan."), so "L.A." (Los Angeles) and "La." (Louisiana) stay apart and neither meets the word "la".
  const t = s.trim();
  if (/^[\p{L}.]+\.$/u.test(t) && /\p{L}/u.test(t)) return t;
  // Hyphen-attached articles ("as-Sukhnah", "el-Hawa") become "al"; hyphens and other separators become spaces.
  s = s.replace(/(^|[\s-])([a-z]{1,3})-/g, (m, pre: string, w: string) => (ARTICLES.has(w) ? `${pre}al ` : m));
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!s) return '';
  const words = s.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    // Position-independent on purpose: the recognizer grows names word by word and needs "Tell" to fold the same
    // alone as in "Tell Tamr".
    if (FREE_ARTICLES.has(w) || (ARTICLES.has(w) && words.length > 1)) w = 'al';
    else if (TELL.has(w)) w = 'tal';
    else if (w.length >= 3) {
      // Transliteration endings that vary freely: -ayn/-ain, -ah/-a ("Raqqah", "Hasakah"), -iyah/-iya.
      // (As w.replace(/ayn$/, 'ain').replace(/([aeiy])h$/, '$1'), on char codes.)
      if (w.endsWith('ayn')) w = `${w.slice(0, -3)}ain`;
      const n = w.length;
      if (w.charCodeAt(n - 1) === 104) {
        const c = w.charCodeAt(n - 2);
        if (c === 97 || c === 101 || c === 105 || c === 121) w = w.slice(0, -1);
      }
    }
    out.push(w);
  }
  // A leading article is dropped: "Al-Hasakah" and "Hasakah" are the same name. A lone "al" stays.
  while (out.length > 1 && out[0] === 'al') out.shift();
  return out.join(' ');
}
