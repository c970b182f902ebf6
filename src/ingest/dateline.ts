/**
 * Datelines: the place (and sometimes country, date, local time, agency) that opens a news report, e.g.
 * `BEIRUT, LEBANON (4:20 P.M.) –`, `KYIV, Ukraine, March 3 (Reuters) -`, `ALEPPO —`.
 * Pure: no I/O, no state.
 */
import type { Dateline } from '../model/report.js';
import { isoDate, MONTH_NAME, monthNumber } from './dates.js';

/** Only the first lines can hold a dateline: a title line may come before it. */
const MAX_LINES = 3;
/** Longest line prefix inspected, in characters. */
const MAX_PREFIX = 160;

// Words that open a text in capitals followed by a dash but are not places.
const NOT_PLACES = new Set([
  'BREAKING',
  'UPDATE',
  'UPDATED',
  'EXCLUSIVE',
  'WATCH',
  'VIDEO',
  'PHOTOS',
  'ANALYSIS',
  'OPINION',
  'LIVE',
  'EDITORIAL',
  'CORRECTION',
  'URGENT',
  'FLASH',
  'DEVELOPING',
  'NOTE',
  'SUMMARY',
  'COMMENT',
  'REVIEW',
]);

// A place in capitals (wire style): BEIRUT, TAL TAMR, RAS AL-AIN, N'DJAMENA, ST. PETERSBURG.
const CAPS_PLACE = "\\p{Lu}[\\p{Lu}'’.\\-]*(?: \\p{Lu}[\\p{Lu}'’.\\-]*){0,3}";
// A place in title case (Kyiv, Tal Tamr, Ras al-Ain): accepted only with stronger evidence after it.
const TITLE_PLACE = "\\p{Lu}[\\p{Ll}'’\\-]+(?: (?:al-|el-|de |)?\\p{Lu}[\\p{Ll}'’\\-]+){0,3}";
const REGION = "\\p{L}[\\p{L}'’.\\-]*(?: \\p{L}[\\p{L}'’.\\-]*){0,3}";
const DATE = `(?:${MONTH_NAME}\\.? \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2} ${MONTH_NAME}\\.?(?:,? \\d{4})?)`;
const PAREN = '\\(([^()\\n]{1,40})\\)';
const DASH = '(?:--|[-–—])';

const TAIL = `(?:, ?(${REGION}))?(?:, ?(${DATE}))?(?: ?${PAREN})?`;
const CAPS_RE = new RegExp(`^(${CAPS_PLACE})${TAIL} ?${DASH} ?`, 'u');
const TITLE_RE = new RegExp(`^(${TITLE_PLACE})${TAIL} ?${DASH} ?`, 'u');
const TIME_RE = /^\d{1,2}(?:[:.]\d{2})? ?(?:[AaPp]\.? ?[Mm]\.?)?(?: ?(?:local time|GMT|UTC|[A-Z]{2,4}T))?$/;

export interface DatelineOptions {
  /** The report's publication date (YYYY-MM-DD): gives a dateline date without a year its year. */
  published?: string | null;
}

/** The dateline opening `text`, or null. Offsets are into `text` as given. */
export function parseDateline(text: string, options: DatelineOptions = {}): Dateline | null {
  let lineStart = 0;
  for (let line = 0; line < MAX_LINES && lineStart < text.length; line++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const prefix = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_PREFIX));
    const found = matchLine(prefix, options);
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

function matchLine(line: string, options: DatelineOptions): Dateline | null {
  let m = CAPS_RE.exec(line);
  let titleCase = false;
  if (!m) {
    m = TITLE_RE.exec(line);
    titleCase = true;
  }
  if (!m) return null;
  const [whole, rawPlace, rawRegion, rawDate, rawParen] = m;
  const place = rawPlace!.trim();
  if (NOT_PLACES.has(place.toUpperCase())) return null;
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
    date: dateText ? resolveDate(dateText, options.published ?? null) : null,
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
function resolveDate(dateText: string, published: string | null): string | null {
  const m = new RegExp(`^(${MONTH_NAME})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`, 'i').exec(dateText) ?? null;
  let month: number | null;
  let day: number;
  let year: number | null;
  if (m) {
    month = monthNumber(m[1]!);
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : null;
  } else {
    const m2 = new RegExp(`^(\\d{1,2}) (${MONTH_NAME})\\.?(?:,? (\\d{4}))?$`, 'i').exec(dateText);
    if (!m2) return null;
    month = monthNumber(m2[2]!);
    day = Number(m2[1]);
    year = m2[3] ? Number(m2[3]) : null;
  }
  if (month === null) return null;
  if (year === null) {
    if (!published) return null;
    year = Number(published.slice(0, 4));
    const candidate = isoDate(year, month, day);
    if (candidate && candidate > published) year -= 1;
  }
  return isoDate(year, month, day);
}
