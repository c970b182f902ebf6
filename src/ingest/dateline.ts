/**
 * Datelines: the place (and sometimes country, date, local time, agency) that opens a news report, e.g.
 * `BEIRUT, LEBANON (4:20 P.M.) –`, `KYIV, Ukraine, March 3 (Reuters) -`, `ALEPPO —`, `BEYROUTH, 4 mars (Reuters) -`,
 * `MADRID, 3 mar (EFE).-`. The words (months, dashes, headings that are not places) are in data/ingest/datelines.txt,
 * read once on first use; otherwise pure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alternatives, defaultDataDir, parseLexicon } from '../extract/lexicon-file.js';
import type { Dateline } from '../model/report.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { isoDate, MONTH_NAME, monthNumber } from './dates.js';

/** Only the first lines can hold a dateline: a title line may come before it. */
const MAX_LINES = 3;
/** Longest line prefix inspected, in characters. */
const MAX_PREFIX = 160;

// A place in capitals (wire style): BEIRUT, TAL TAMR, RAS AL-AIN, N'DJAMENA, ST. PETERSBURG.
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}'’.\\-]*(?: \\p{Lu}[\\p{Lu}'’.\\-]*){0,3}";
// A place in title case (Kyiv, Tal Tamr, Ras al-Ain): accepted only with stronger evidence after it.
const TITLE_PLACE = "\\p{Lu}[\\p{Ll}'’\\-]+(?: (?:al-|el-|de |)?\\p{Lu}[\\p{Ll}'’\\-]+){0,3}";
const REGION = "\\p{L}[\\p{L}'’.\\-]*(?: \\p{L}[\\p{L}'’.\\-]*){0,3}";
const PAREN = '\\(([^()\\n]{1,40})\\)';
const TIME_RE = /^\d{1,2}(?:[:.]\d{2})? ?(?:[AaPp]\.? ?[Mm]\.?)?(?: ?(?:local time|GMT|UTC|[A-Z]{2,4}T))?$/;

/** The words of data/ingest/datelines.txt, compiled into the dateline's shape. */
export interface DatelineWords {
  notPlaces: Set<string>;
  /** Month names of the file (lower case) → month number; English months come from dates.ts. */
  months: Map<string, number>;
  caps: RegExp;
  title: RegExp;
  monthDay: RegExp;
  dayMonth: RegExp;
}

/** The dateline words of `file` (default data/ingest/datelines.txt), compiled. */
export function loadDatelineWords(file = path.join(defaultDataDir(), 'ingest', 'datelines.txt')): DatelineWords {
  return compileDatelineWords(readFileSync(file, 'utf8'), file);
}

/** Compiles a datelines file; throws naming the file and line of a bad row. */
export function compileDatelineWords(text: string, file: string): DatelineWords {
  const notPlaces = new Set<string>();
  const months = new Map<string, number>();
  const dashes: string[] = [];
  for (const row of parseLexicon(text, file, 2)) {
    const [kind, values, ...rest] = row.fields as [string, string, ...string[]];
    const where = `${file}:${row.line}`;
    if (kind === 'not-place') for (const w of alternatives(values)) notPlaces.add(w.toUpperCase());
    else if (kind === 'dash') dashes.push(...alternatives(values));
    else if (kind === 'month') {
      const [names, number] = rest;
      const n = Number(number);
      if (!names || !Number.isInteger(n) || n < 1 || n > 12)
        throw new Error(`${where}: expected month | lang | names | 1-12`);
      for (const name of alternatives(names)) {
        const known = months.get(name.toLowerCase());
        if (known !== undefined && known !== n) throw new Error(`${where}: '${name}' is already month ${known}`);
        months.set(name.toLowerCase(), n);
      }
    } else throw new Error(`${where}: unknown kind '${kind}'`);
  }
  if (dashes.length === 0) throw new Error(`${file}: no dash row`);
  // Dashes go in unescaped (escapeRegExp leaves '-'): outside a class, an escaped '-' is a Unicode-mode syntax error.
  const byLength = (a: string, b: string) => b.length - a.length;
  // Month names as written (lower case in French and Spanish datelines) and capitalised; English ones from dates.ts.
  const names = [...months.keys()].flatMap((m) => [m, m.charAt(0).toUpperCase() + m.slice(1)]).sort(byLength);
  const month = `(?:${MONTH_NAME}|${names.map(escapeRegExp).join('|')})`;
  const date = `(?:${month}\\.? \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}(?:er)? (?:de )?${month}\\.?(?:,? (?:de )?\\d{4})?)`;
  const dash = `(?:${dashes.sort(byLength).map(escapeRegExp).join('|')})`;
  const tail = `(?:, ?(${REGION}))?(?:, ?(${date}))?(?: ?${PAREN})?`;
  return {
    notPlaces,
    months,
    caps: new RegExp(`^(${CAPS_PLACE})${tail} ?${dash} ?`, 'u'),
    title: new RegExp(`^(${TITLE_PLACE})${tail} ?${dash} ?`, 'u'),
    monthDay: new RegExp(`^(${month})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`, 'iu'),
    dayMonth: new RegExp(`^(\\d{1,2})(?:er)? (?:de )?(${month})\\.?(?:,? (?:de )?(\\d{4}))?$`, 'iu'),
  };
}

let defaultWords: DatelineWords | null = null;

/** data/ingest/datelines.txt, read and compiled on first use (never at import). */
function defaultDatelineWords(): DatelineWords {
  defaultWords ??= loadDatelineWords();
  return defaultWords;
}

export interface DatelineOptions {
  /** The report's publication date (YYYY-MM-DD): gives a dateline date without a year its year. */
  published?: string | null;
  /** Dateline words; by default data/ingest/datelines.txt, read once on first use. */
  words?: DatelineWords;
}

/** The dateline opening `text`, or null. Offsets are into `text` as given. */
export function parseDateline(text: string, options: DatelineOptions = {}): Dateline | null {
  const words = options.words ?? defaultDatelineWords();
  let lineStart = 0;
  for (let line = 0; line < MAX_LINES && lineStart < text.length; line++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const prefix = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_PREFIX));
    const found = matchLine(prefix, options, words);
    if (found) {
      found.span = { start: lineStart + found.span.start, end: lineStart + found.span.end };
      return found;
    }
    if (prefix.trim().length > 0 && line > 0) break;
    lineStart = lineEnd + 1;
    // Skip blank lines between a title and the body.
    while (text[lineStart] === '\n') lineStart++;
  }
  return null;
}

function matchLine(line: string, options: DatelineOptions, words: DatelineWords): Dateline | null {
  let m = words.caps.exec(line);
  let titleCase = false;
  if (!m) {
    m = words.title.exec(line);
    titleCase = true;
  }
  if (!m) return null;
  const [whole, rawPlace, rawRegion, rawDate, rawParen] = m;
  const place = rawPlace!.trim();
  if (words.notPlaces.has(place.toUpperCase())) return null;
  // A title-case opening ("Kyiv, Ukraine —") is a dateline only with a date or a bracket after it, or a region;
  // "Russia - Ukraine war" style headings have none of these and stay out.
  if (titleCase && !rawDate && !rawParen && !rawRegion) return null;
  // A sentence that merely starts with a capitalised word and a dash needs at least a real word length.
  if (place.replace(/[^\p{L}]/gu, '').length < 2) return null;
  let localTime: string | null = null;
  let agency: string | null = null;
  if (rawParen) {
    const inner = rawParen.trim();
    if (TIME_RE.test(inner)) localTime = inner;
    else if (/^\p{Lu}[\p{L}.&' -]{0,30}$/u.test(inner)) agency = inner;
    else return null;
  }
  const dateText = rawDate?.trim() ?? null;
  return {
    span: { start: 0, end: whole.trimEnd().length },
    place: tidyName(place),
    country: rawRegion ? tidyName(rawRegion.trim()) : null,
    localTime,
    date: dateText ? resolveDate(dateText, options.published ?? null, words) : null,
    dateText,
    agency,
  };
}

/** "TAL TAMR" → "Tal Tamr", "RAS AL-AIN" → "Ras Al-Ain"; names already in mixed case are kept. */
function tidyName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "March 3" with published 2022-03-04 → 2022-03-03; a date after publication belongs to the year before. */
function resolveDate(dateText: string, published: string | null, words: DatelineWords): string | null {
  const m = words.monthDay.exec(dateText);
  const m2 = m ? null : words.dayMonth.exec(dateText);
  if (!m && !m2) return null;
  const name = m ? m[1]! : m2![2]!;
  const day = Number(m ? m[2] : m2![1]);
  const yearText = m ? m[3] : m2![3];
  const month = words.months.get(name.toLowerCase()) ?? monthNumber(name);
  if (month === null) return null;
  let year = yearText ? Number(yearText) : null;
  if (year === null) {
    if (!published) return null;
    year = Number(published.slice(0, 4));
    const candidate = isoDate(year, month, day);
    if (candidate && candidate > published) year -= 1;
  }
  return isoDate(year, month, day);
}
