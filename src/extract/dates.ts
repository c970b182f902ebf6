/**
 * Date expressions → intervals with precision. Absolute dates ("9 May 2020", "May 9", "2020-05-09", "May 2020"),
 * dates relative to the publication date ("yesterday", "on Tuesday", "last night", "this week", "earlier this
 * month", "three days ago"), and background expressions ("since 2011", "last year", "in 2014") which are marked so
 * that they never date a new event. ACLED notes ("On 9 May 2020, …", "Around 2 March 2024 (as reported)") state their
 * own date: the first absolute date of a note is its event date.
 */

import type { DatePrecision, EventDate } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { execAll } from './regex.js';

export interface DateMention extends Span {
  text: string;
  date: EventDate;
  /** How the interval was derived: absolute-day, absolute-month, weekday, yesterday, this-week, … */
  reason: string;
  /** True for history and context ("since 2011", "last year"): never the date of a new event. */
  background: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const SMALL_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const MONTH_RE =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]+(${MONTH_RE})\\.?(?:[\\s,-]+(\\d{4}|\\d{2}(?!\\d)))?\\b`,
  'gi',
);
const MONTH_DAY = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const MONTH_YEAR = new RegExp(`\\b(${MONTH_RE})\\.?,?\\s+(\\d{4})\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const NUMERIC_DMY = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;
const YEAR_BACKGROUND =
  /\b(?:since|in|from|during|by|until|before|after|of)\s+(?:late |early |mid-?)?((?:19|20)\d{2})s?\b/gi;
const RELATIVE =
  /\b(?:(today|this morning|this afternoon|this evening|tonight|earlier today)|(yesterday|last night|overnight|the previous day|the day before|on the eve)|(?:on |last |this past |early |late )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:'s)?(?: (?:morning|afternoon|evening|night))?|(this week|earlier this week|during the week|past week|over the week(?:end)?|(?:this|last|the) weekend)|(last week|the previous week|a week ago)|(earlier this month|this month|so far this month)|(last month|the previous month|a month ago)|((?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) days? ago)|(last year|the previous year|years? ago|in recent years|in the past(?! (?:few|several|two|three|four|five|\d+) (?:days|hours|weeks))(?! 24| 48| week| day)|previously|for years|for decades|(?:\w+ )?years earlier))\b/gi;

export function isoDay(d: Date): string {
  // Formatted by hand: toISOString() builds the whole timestamp first (~3% of extract CPU on ACLED notes).
  // Years outside 1000-9999 (and invalid dates, which throw) keep toISOString()'s own format.
  const y = d.getUTCFullYear();
  if (!(y >= 1000 && y <= 9999)) return d.toISOString().slice(0, 10);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}
function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}
function valid(y: number, m: number, d: number): boolean {
  const t = utc(y, m, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function monthKey(s: string): number | undefined {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? MONTHS[s.toLowerCase().slice(0, 3)];
}
function interval(start: Date, end: Date, precision: DatePrecision): EventDate {
  return { start: isoDay(start), end: isoDay(end), precision };
}
/** The one-day interval of y-mo-d. */
function day(y: number, mo: number, d: number): EventDate {
  const t = utc(y, mo, d);
  return interval(t, t, 'day');
}

/** Parses "YYYY-MM-DD" (or a longer ISO timestamp) into a UTC date, or null. */
export function parsePublished(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return valid(y, mo, d) ? utc(y, mo, d) : null;
}

/**
 * Finds every date expression in `text`. `published` anchors relative expressions and years left out ("on 9 May");
 * without it, relative expressions are skipped and a missing year takes the nearest absolute year in the text.
 */
export function findDates(text: string, published: Date | null): DateMention[] {
  const found: DateMention[] = [];
  const taken: Span[] = [];
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && t.start < e);
  const add = (m: DateMention) => {
    if (overlaps(m.start, m.end)) return;
    taken.push({ start: m.start, end: m.end });
    found.push(m);
  };
  const firstYear = /\b((?:19|20)\d{2})\b/.exec(text);
  const yearFor = (month: number, day: number): number | null => {
    if (published) {
      // A date without a year is the most recent such day not more than a week after publication.
      let y = published.getUTCFullYear();
      if (utc(y, month, day).getTime() > published.getTime() + 7 * 86_400_000) y -= 1;
      return y;
    }
    return firstYear ? Number(firstYear[1]) : null;
  };
  const background = (y: number, m: number | null): boolean => {
    if (!published) return false;
    // More than ~1 year before publication is context, not news of a new event.
    const pubY = published.getUTCFullYear();
    if (y < pubY - 1) return true;
    if (y === pubY - 1 && m !== null && pubY * 12 + published.getUTCMonth() + 1 - (y * 12 + m) > 6) return true;
    return false;
  };
  /** Records the whole match `m` as a date mention. */
  const addMatch = (m: RegExpExecArray, date: EventDate, reason: string, isBackground: boolean) =>
    add({ start: m.index, end: m.index + m[0].length, text: m[0], date, reason, background: isBackground });

  for (const m of execAll(ISO, text)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d)) continue;
    addMatch(m, day(y, mo, d), 'absolute-iso', background(y, mo));
  }
  for (const m of execAll(DAY_MONTH, text)) {
    const d = Number(m[1]);
    const mo = monthKey(m[2] ?? '');
    if (!mo) continue;
    let y: number | null = m[3] ? Number(m[3]) : null;
    if (y !== null && y < 100) y += 2000;
    y ??= yearFor(mo, d);
    if (y === null || !valid(y, mo, d)) continue;
    addMatch(m, day(y, mo, d), m[3] ? 'absolute-day' : 'absolute-day-no-year', background(y, mo));
  }
  for (const m of execAll(MONTH_DAY, text)) {
    const mo = monthKey(m[1] ?? '');
    const d = Number(m[2]);
    if (!mo || (m[1]?.toLowerCase() === 'may' && !m[3] && !/^[A-Z]/.test(m[1] ?? ''))) continue;
    const y = m[3] ? Number(m[3]) : yearFor(mo, d);
    if (y === null || !valid(y, mo, d)) continue;
    addMatch(m, day(y, mo, d), m[3] ? 'absolute-day' : 'absolute-day-no-year', background(y, mo));
  }
  for (const m of execAll(NUMERIC_DMY, text)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d)) continue;
    addMatch(m, day(y, mo, d), 'absolute-numeric', background(y, mo));
  }
  for (const m of execAll(MONTH_YEAR, text)) {
    const mo = monthKey(m[1] ?? '');
    const y = Number(m[2]);
    if (!mo) continue;
    const s = utc(y, mo, 1);
    const e = addDays(utc(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1), -1);
    addMatch(m, interval(s, e, 'month'), 'absolute-month', background(y, mo));
  }
  for (const m of execAll(YEAR_BACKGROUND, text)) {
    const y = Number(m[1]);
    const s = utc(y, 1, 1);
    const e = utc(y, 12, 31);
    const pubY = published?.getUTCFullYear() ?? null;
    const isBackground = /^since/i.test(m[0]) || (pubY !== null && y < pubY);
    addMatch(m, interval(s, e, 'year'), /^since/i.test(m[0]) ? 'since-year' : 'year', isBackground);
  }
  for (const m of execAll(RELATIVE, text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (m[9]) {
      add({
        start,
        end,
        text: m[0],
        date: published
          ? interval(addDays(published, -365), addDays(published, -1), 'year')
          : { start: '0000-01-01', end: '0000-01-01', precision: 'year' },
        reason: 'background-phrase',
        background: true,
      });
      continue;
    }
    if (!published) continue;
    const p = published;
    let date: EventDate | null = null;
    let reason = '';
    if (m[1]) [date, reason] = [interval(p, p, 'day'), 'today'];
    else if (m[2]) [date, reason] = [interval(addDays(p, -1), addDays(p, -1), 'day'), 'yesterday'];
    else if (m[3]) {
      const wd = WEEKDAYS[m[3].toLowerCase()] ?? 0;
      // The most recent such weekday on or before publication ("on Tuesday" in a Tuesday paper is that day).
      const back = (p.getUTCDay() - wd + 7) % 7;
      const t = addDays(p, -back);
      [date, reason] = [interval(t, t, 'day'), 'weekday'];
    } else if (m[4] && /weekend/i.test(m[4])) {
      // "over the weekend": the last Saturday–Sunday on or before publication (a Sunday report: that weekend).
      const dow = p.getUTCDay();
      const sunday = addDays(p, dow === 0 ? 0 : -dow);
      const saturday = addDays(sunday, -1);
      [date, reason] = [interval(dow === 6 ? p : saturday, dow === 6 ? p : sunday, 'week'), 'weekend'];
    } else if (m[4]) [date, reason] = [interval(addDays(p, -6), p, 'week'), 'this-week'];
    else if (m[5]) [date, reason] = [interval(addDays(p, -13), addDays(p, -7), 'week'), 'last-week'];
    else if (m[6])
      [date, reason] = [interval(utc(p.getUTCFullYear(), p.getUTCMonth() + 1, 1), p, 'month'), 'this-month'];
    else if (m[7]) {
      const y = p.getUTCMonth() === 0 ? p.getUTCFullYear() - 1 : p.getUTCFullYear();
      const mo = p.getUTCMonth() === 0 ? 12 : p.getUTCMonth();
      [date, reason] = [
        interval(utc(y, mo, 1), addDays(utc(p.getUTCFullYear(), p.getUTCMonth() + 1, 1), -1), 'month'),
        'last-month',
      ];
    } else if (m[8]) {
      const nWord = (m[8].split(/\s+/)[0] ?? '').toLowerCase();
      const n = Number.isFinite(Number(nWord)) ? Number(nWord) : (SMALL_NUMBERS[nWord] ?? 1);
      [date, reason] = [interval(addDays(p, -n), addDays(p, -n), 'day'), 'days-ago'];
    }
    if (date) add({ start, end, text: m[0], date, reason, background: false });
  }
  return found.sort((a, b) => a.start - b.start);
}
