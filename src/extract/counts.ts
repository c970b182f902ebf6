/**
 * Casualty counts: killed, injured and captured (abducted, arrested, detained) as ranges, each with the span it
 * rests on. Numbers in digits and words, qualifiers ("over 15" → low 16, "at least 20", "up to 30", "between two
 * and four"), vague quantities per ACLED's rules ("dozens" = 12, "several"/"tens" = 10), ACLED's own coding remarks
 * (a figure "coded as 0", "12 fatalities divided between 4 events"). A number counts people only when it is
 * attached to a person noun or directly to a casualty word; counts of vehicles, weapons, years or attackers are
 * never casualty counts. Subsets ("including 2 women") are not added to the total.
 */

import type { CountRange } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { alternatives, compilePattern, type LexiconRow } from './lexicon-file.js';
import { execAll } from './regex.js';

export type CountCategory = 'killed' | 'injured' | 'captured';

export interface CountMention extends Span {
  category: CountCategory;
  range: CountRange;
  reason: string;
  /** The figure is a party's claim ("the group claimed 7 killed"), not stated by the outlet. */
  claimed?: boolean;
}

export interface CountLexicon {
  numbers: Map<string, number>;
  vague: Map<string, number>;
  casualty: { category: CountCategory; re: RegExp }[];
  thing: RegExp;
  person: RegExp;
  qty: RegExp;
  /** Any casualty word or ACLED fatality remark: a sentence without one has no count (a cheap first test). */
  any: RegExp;
}

export function compileCountLexicon(rows: LexiconRow[]): CountLexicon {
  const numbers = new Map<string, number>();
  const vague = new Map<string, number>();
  const casualty: { category: CountCategory; re: RegExp }[] = [];
  const things: string[] = [];
  const persons: string[] = [];
  for (const row of rows) {
    const [kind, key = '', value = ''] = row.fields;
    if (kind === 'number') numbers.set(key.toLowerCase(), Number(value));
    else if (kind === 'vague') vague.set(key.toLowerCase(), Number(value));
    else if (kind === 'killed' || kind === 'injured' || kind === 'captured') {
      // The regular expression may contain ' | '-free alternations; join fields 2.. back in case.
      const source = row.fields.slice(1).join('|');
      casualty.push({ category: kind, re: compilePattern(source, row) });
    } else if (kind === 'thing') things.push(row.fields.slice(1).join('|'));
    else if (kind === 'person') persons.push(row.fields.slice(1).join('|'));
    else throw new Error(`${row.file}:${row.line}: unknown count kind '${kind}'`);
    void alternatives;
  }
  const wordNums = [...numbers.keys()]
    .filter((k) => !['a', 'an', 'no', 'none', 'both', 'single', 'lone', 'pair', 'couple'].includes(k))
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s+'));
  const vagueWords = [...vague.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+'));
  const num = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:${wordNums.join('|')})(?:[- ](?:${wordNums.join('|')}))?)`;
  const qty = new RegExp(
    `(?<![\\w-])(?:(at\\s+least|more\\s+than|over|up\\s+to|as\\s+many\\s+as|nearly|almost|about|around|approximately|roughly|some|an\\s+estimated|fewer\\s+than|less\\s+than|under|between|no\\s+fewer\\s+than|a\\s+total\\s+of|another|other|further|additional)\\s+)?(?:(${num})(?:\\s*(?:-|–|to|or|and)\\s*(${num}))?|(${vagueWords.join('|')})(?:\\s+of)?|(an?|one|no|the|both|two|his|her))(?![\\w-])`,
    'giu',
  );
  return {
    numbers,
    vague,
    casualty,
    thing: new RegExp(`^(?:${things.join('|')})$`, 'iu'),
    person: new RegExp(`^(?:${persons.join('|')})$`, 'iu'),
    qty,
    // Without the patterns' leading word-start look-behinds: a superset of their matches, so still a safe first
    // test, and one that scans the bench mix's sentences in two thirds of the time.
    any: new RegExp(
      `(?:${casualty.map((c) => withoutWordStart(c.re.source)).join('|')})|fatalit|casualt|no one|body`,
      'i',
    ),
  };
}

const WORD_START = '(?<![\\w-])';
const withoutWordStart = (source: string) => (source.startsWith(WORD_START) ? source.slice(WORD_START.length) : source);

function wordValue(lex: CountLexicon, s: string): number | null {
  const t = s.toLowerCase().replace(/,/g, '').replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(t)) return Number(t);
  const direct = lex.numbers.get(t);
  if (direct !== undefined) return direct;
  const parts = t.split(/[- ]/);
  if (parts.length === 2) {
    const a = lex.numbers.get(parts[0] ?? '');
    const b = lex.numbers.get(parts[1] ?? '');
    if (a !== undefined && b !== undefined) return b === 100 ? a * 100 : a + b;
  }
  return null;
}

interface Quantity extends Span {
  range: CountRange;
  reason: string;
  /** The words after the number up to the noun it counts (for the person/thing test). */
  nounEnd: number;
  isPerson: boolean;
  isThing: boolean;
  isArticle: boolean;
  /** End of the counted noun when it is neither a known person nor a thing ("14 smugglers"), for the span. */
  headEnd: number;
}

/** Replaces parenthesised asides with spaces so "(including 1 journalist)" is not read as a separate count. */
/** Parentheses, brackets and dates ("May 27", "27 May", "27/05") hold no casualty figure: blanked, offsets kept. */
function maskParentheses(s: string): string {
  return s.replace(DATE_OR_ASIDE, (m) => ' '.repeat(m.length));
}
const DATE_OR_ASIDE =
  /\([^()]*\)|\[[^\]]*\]|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}(?:,? \d{4})?\b|\b\d{1,2} (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:,? \d{4})?\b/g;

const WORD = /[\p{L}\d%][\p{L}\d'’.&%-]*/gu;

/** The first `n` words of `text`, as `execAll(WORD, text).slice(0, n)` without reading the rest (WORD is never empty). */
function firstWords(text: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  WORD.lastIndex = 0;
  while (out.length < n) {
    const m = WORD.exec(text);
    if (m === null) break;
    out.push(m);
  }
  return out;
}

function findQuantities(lex: CountLexicon, text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of execAll(lex.qty, text)) {
    const qual = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    let low: number | null = null;
    let high: number | null = null;
    let reason = 'number';
    let isArticle = false;
    if (m[2]) {
      low = wordValue(lex, m[2]);
      high = low;
      if (m[3]) {
        high = wordValue(lex, m[3]);
        reason = 'range';
      }
    } else if (m[4]) {
      low = lex.vague.get(m[4].toLowerCase().replace(/\s+/g, ' ')) ?? null;
      high = null;
      reason = `vague:${m[4].toLowerCase()}`;
    } else if (m[5]) {
      const w = m[5].toLowerCase();
      if (w === 'the') continue;
      // "her son" is one person; "her two sons" is counted by its number.
      if (
        (w === 'his' || w === 'her') &&
        /^\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|few)\b)/i.test(
          text.slice(m.index + m[0].length),
        )
      )
        continue;
      low = w === 'no' ? 0 : w === 'both' || w === 'two' ? 2 : 1;
      high = low;
      isArticle = w !== 'two';
      reason = w === 'no' ? 'none' : 'article';
    }
    if (low === null || Number.isNaN(low)) continue;
    if (qual === 'more than' || qual === 'over') {
      low += 1;
      high = null;
      reason = `more-than`;
    } else if (qual === 'at least' || qual === 'no fewer than') {
      high = null;
      reason = 'at-least';
    } else if (qual === 'up to' || qual === 'as many as') {
      high = low;
      reason = 'up-to';
    } else if (qual === 'fewer than' || qual === 'less than' || qual === 'under') {
      high = Math.max(0, low - 1);
      low = high;
      reason = 'fewer-than';
    } else if (qual === 'between' && m[3]) reason = 'between';
    else if (qual) reason = `${reason}:${qual}`;
    if (high !== null && high < low) [low, high] = [high, low];
    // The noun the number counts: up to 5 following words; the first person or thing noun decides.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const words = firstWords(after, 6);
    let isPerson = false;
    let isThing = false;
    let nounEnd = m.index + m[0].length;
    let gap = after.length;
    let headEnd = m.index + m[0].length;
    const firstWord = words[0];
    if (
      firstWord &&
      !/[.;:!?()]/.test(after.slice(0, firstWord.index)) &&
      /^[a-z]+s$/i.test(firstWord[0]) &&
      !lex.thing.test(firstWord[0])
    ) {
      headEnd = m.index + m[0].length + firstWord.index + firstWord[0].length;
    }
    for (const w of words) {
      const between = after.slice(0, w.index);
      if (/[.;:!?()]/.test(between)) break;
      const word = w[0].replace(/[.’']s?$/, '');
      if (lex.person.test(word)) {
        isPerson = true;
        nounEnd = m.index + m[0].length + w.index + w[0].length;
        break;
      }
      if (lex.thing.test(word)) {
        isThing = true;
        break;
      }
      if (
        // An all-capital word is a name ("2 IS militants", "3 AS fighters"), never a verb or a preposition.
        !/^[A-Z]{2,}$/.test(word) &&
        /^(?:killed|dead|died|injured|wounded|hurt|captured|abducted|kidnapped|arrested|detained|were|was|have|had|are|is|and|who|in|on|at|of|by|from|with|as)$/i.test(
          word,
        )
      ) {
        gap = w.index;
        break;
      }
    }
    // A year or a calibre ("2019", "82mm") is never a head count.
    const value = low;
    // "20 May": a day of the month.
    if (m[2] && MONTH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (m[2] && /^\d{4}$/.test(m[2]) && value >= 1900 && value <= 2100) {
      if (!isPerson) continue;
      // "On 20 May 2024, armed bandits abducted 23 people": a year after a month or a preposition, or closed by a
      // comma, is a date even when a person noun follows.
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const afterNumber = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      if (YEAR_CONTEXT_BEFORE.test(before) || /^\s*[,)]/.test(afterNumber)) continue;
    }
    if (isArticle && !isPerson) continue;
    void gap;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      range: { low, high },
      reason,
      nounEnd,
      isPerson,
      isThing,
      isArticle,
      headEnd: isPerson ? nounEnd : headEnd,
    });
  }
  return out;
}

const MONTH_AFTER =
  /^\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?|\b(?:in|since|of|until|by|during|from|to)\s+)$/i;

const CLAIM_BEFORE =
  /\bclaim(?:ed|s|ing)?\s+(?:(?:that|to\s+have|it\s+had|they\s+had|its\s+fighters\s+had)\s+)?(?:\w+\s+){0,2}$/i;

const AUX =
  /^[\s,]*(?:(?:were|was|have been|had been|has been|are|is|being|got|reportedly|also|allegedly|later|all|each|subsequently|likewise|who|had|have|found|left|confirmed|feared|shot|\w+ly)\s*)*$/i;
// "three guards were shot and killed": a passive verb joined to the killing (never the active "2 gunmen shot and
// killed a man", whose number counts the killers).
const PASSIVE_AND =
  /^[\s,]*(?:were|was|have been|had been|has been)\s+(?:\w+ly\s+)?(?:shot|stabbed|beaten|tortured|abducted|kidnapped|attacked|hit)\s+and\s*$/i;
// "two members of the UPDF were shot dead": a short of-phrase after the person noun belongs to the noun phrase.
const OF_PHRASE = /^\s*(?:of|from)\s+(?:[\p{L}\d'’-]+\s+){1,4}?(?=(?:were|was|have been|had been|has been)\s|\s*$)/iu;
const JOIN = /^\s*(?:,\s*)?(?:and|as well as|plus|,|along with)\s*$/i;

/**
 * Finds killed/injured/captured counts in one sentence. Offsets are relative to `text`; pass `offset` to shift
 * them into the document.
 */
export function findCounts(lex: CountLexicon, text: string, offset = 0): CountMention[] {
  if (!lex.any.test(text)) return [];
  const masked = maskParentheses(text);
  const out: CountMention[] = [];
  // 1. ACLED coding remarks state the coded figure outright.
  const coded =
    /(?:(?:unknown|unclear|unspecified|reported)\s+)?fatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?coded\s+as\s+(\d+)|(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+fatalit(?:y|ies)\b/giu;
  for (const m of execAll(coded, text)) {
    const base = m[1] !== undefined ? Number(m[1]) : (wordValue(lex, m[2] ?? '') ?? 0);
    const share = splitShare(lex, text.slice(m.index), base);
    const value = share ? share.value : base;
    const reason = (m[1] !== undefined ? 'acled-coded' : 'acled-fatalities') + (share ? share.reason : '');
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      category: 'killed',
      range: { low: value, high: value },
      reason,
    });
  }
  if (out.length) return out;
  // "No fatalities/casualties (reported)" states zero.
  const none =
    /\bno (?:(?:reported |known )?(?:fatalities|deaths|casualties)|one was (?:killed|hurt|injured)|injuries)\b|\bneither (?:injuries|fatalities) nor (?:injuries|fatalities)\b|\bwithout (?:causing )?(?:casualties|fatalities)\b/i.exec(
      text,
    );
  const quantities = findQuantities(lex, masked);
  for (const { category, re } of lex.casualty) {
    re.lastIndex = 0;
    for (const c of execAll(re, masked)) {
      const cStart = c.index;
      const cEnd = c.index + c[0].length;
      // Left: "[at least 4 people and 2 policemen] were killed", "leaving 3 dead".
      const left: Quantity[] = [];
      let cursor = cStart;
      for (let i = quantities.length - 1; i >= 0; i--) {
        const q = quantities[i];
        if (!q || q.end > cursor) continue;
        if (q.isThing) break;
        let between = masked.slice(q.isPerson ? q.nounEnd : q.end, cursor);
        const glue = left.length === 0 ? AUX : JOIN;
        if (q.isPerson && left.length === 0) between = between.replace(OF_PHRASE, '');
        if (
          !glue.test(between) &&
          !(left.length === 0 && PASSIVE_AND.test(between)) &&
          !(left.length > 0 && /^[\s,]*(?:and|as well as)\s*$/i.test(between.replace(/\b(?:were|was)\b/g, '')))
        )
          break;
        if (
          !q.isPerson &&
          left.length === 0 &&
          between.trim() !== '' &&
          !/^\s*(?:were|was|are|people)?\s*$/i.test(between)
        )
          break;
        if (/including\s*$|among them\s*$|of whom\s*$/i.test(masked.slice(Math.max(0, q.start - 14), q.start))) break;
        left.push(q);
        cursor = q.start;
      }
      // Right: "killing at least 12 people", "injured two soldiers and a civilian".
      const right: Quantity[] = [];
      if (
        !left.length &&
        /^(?:kill|injur|wound|abduct|kidnap|arrest|detain|captur|apprehend|seiz|execut|murder|behead|lynch|massacr|gunned|shot|bodies|corpses)/i.test(
          c[0],
        )
      ) {
        let pos = cEnd;
        for (const q of quantities) {
          if (q.start < pos) continue;
          const between = masked.slice(pos, q.start);
          const glue = right.length === 0 ? /^\s*(?:\w+\s+)?$/ : JOIN;
          if (!glue.test(between) || /[.;]/.test(between)) break;
          if (
            right.length === 0 &&
            between.trim() &&
            !/^\s*(?:at|also|another|nearly|about|around|his|her|their)\s*$/i.test(between) &&
            // "the killing of 1 militant", unless a demonstration is about that killing.
            !(/^\s*of\s*$/i.test(between) && !PROTEST_CAUSE.test(masked.slice(0, cStart)))
          )
            break;
          if (!q.isPerson && (q.isThing || q.isArticle)) break;
          if (/including\s*$/i.test(masked.slice(Math.max(0, q.start - 12), q.start))) break;
          right.push(q);
          pos = q.nounEnd;
        }
      }
      const parts = left.length ? left : right;
      if (!parts.length) continue;
      let low = 0;
      let high: number | null = 0;
      for (const q of parts) {
        low += q.range.low;
        high = high === null || q.range.high === null ? null : high + q.range.high;
      }
      const spanStart = Math.min(cStart, ...parts.map((q) => q.start));
      const spanEnd = Math.max(cEnd, ...parts.map((q) => q.headEnd));
      out.push({
        start: offset + spanStart,
        end: offset + spanEnd,
        category,
        range: { low, high },
        reason: parts.length > 1 ? `sum:${parts.map((p) => p.reason).join('+')}` : (parts[0]?.reason ?? 'number'),
      });
    }
  }
  // A death a demonstration is about ("marched after 12 inmates died in a riot", "a vigil for a youth
  // who was killed") is no casualty of the demonstration: a killed figure in the cause clause (no comma, semicolon
  // or force between the cause word and the figure) is dropped.
  const cause = PROTEST_CAUSE.exec(masked);
  const causeEnd = cause ? cause.index + cause[0].length : Number.POSITIVE_INFINITY;
  if (cause) {
    for (let i = out.length - 1; i >= 0; i--) {
      const o = out[i] as CountMention;
      if (o.category !== 'killed' || o.start - offset < causeEnd) continue;
      if (!CAUSE_BREAK.test(masked.slice(causeEnd, o.start - offset))) out.splice(i, 1);
    }
  }
  // "five fighters were killed, injured or captured" (a ministry's "neutralised"): how many died is not said, so no
  // killed figure (ACLED codes 0; 3 Turkish operation notes in the ACLED dev set).
  for (let i = out.length - 1; i >= 0; i--) {
    const o = out[i] as CountMention;
    if (o.category === 'killed' && EITHER_OR_AFTER.test(masked.slice(o.end - offset, o.end - offset + 40)))
      out.splice(i, 1);
  }
  // 2. One victim named by an article or a pronoun ("a judge was shot dead", "killing the driver", "killed him"):
  // only when no number gave the killed figure. Of the ACLED dev notes coded with 1 fatality, 93 of 183 fatality
  // misses were such single victims.
  if (!out.some((o) => o.category === 'killed')) {
    const one = singleVictim(lex, masked, causeEnd);
    if (one)
      out.push({
        start: offset + one.start,
        end: offset + one.end,
        category: 'killed',
        range: { low: 1, high: 1 },
        reason: one.reason,
      });
  }
  if (none && !out.some((o) => o.category === 'killed')) {
    out.push({
      start: offset + none.index,
      end: offset + none.index + none[0].length,
      category: 'killed',
      range: { low: 0, high: 0 },
      reason: 'none-reported',
    });
  }
  // A figure right after a claim verb in its clause is the claimant's ("…; ISWAP claimed 7 killed").
  for (const m of out) {
    // The claim verb sits at the clause's end: a short window suffices (no slice of the whole text per figure).
    const before = text.slice(Math.max(0, m.start - offset - 120), m.start - offset);
    const clause = before.slice(
      Math.max(before.lastIndexOf(';'), before.lastIndexOf(','), before.lastIndexOf('.')) + 1,
    );
    if (CLAIM_BEFORE.test(clause)) m.claimed = true;
  }
  // Overlapping mentions of one category: keep the widest (a sum beats its parts).
  return out
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter(
      (m, i, all) =>
        !all.some(
          (o, j) =>
            j !== i &&
            o.category === m.category &&
            o.start <= m.start &&
            o.end >= m.end &&
            (o.end - o.start > m.end - m.start || j < i),
        ),
    );
}

// Verbs that kill a person outright ("stabbed to death" reaches the lexicon's killed words too).
const KILL_VERB =
  '(?:killed|killing|shot\\s+dead|shot\\s+and\\s+killed|murdered|murdering|executed|executing|assassinated|assassinating|beheaded|beheading|lynched|lynching|slain|(?:shot|stabbed|beaten|stoned|tortured|burn(?:ed|t)|hacked|clubbed|bludgeoned|strangled|hanged)\\s+to\\s+death|found\\s+dead|pronounced\\s+dead|shot\\s+and\\s+died)';
/** "a/an/one <up to 6 words> [who …,] was/has been/had been [adverb] <kill verb>": the noun phrase is one victim. */
const SINGLE_PASSIVE = new RegExp(
  `(?<![\\w-])(an?|one|the)\\s+((?:[\\p{L}\\d'’-]+\\s+){0,6}?)(?:who\\s[^.;]{0,100}?,?\\s+)?(?:was|has\\s+been|had\\s+been)\\s+(?:\\w+ly\\s+|later\\s+)?(?:(?:shot|stabbed|beaten|attacked|tortured|abducted|kidnapped|stoned)\\s+and\\s+)?${KILL_VERB}(?![\\w-])`,
  'giu',
);
/** "<kill verb> him/her/the driver/an engineer": the object is one victim ("killed her two sons" is no pronoun). */
const SINGLE_OBJECT = new RegExp(
  `(?<![\\w-])${KILL_VERB}\\s+(?:(him|her)|(?:the|an?)\\s+((?:[\\p{L}\\d'’-]+\\s+){0,4}?[\\p{L}'’-]+))(?=\\s*(?:[,.;:]|$|\\s(?:in|at|on|near|from|of|who|while|after|before|during|with|and|as|inside|outside|by|when|to)\\b))`,
  'giu',
);
/** "the soldier later died", "he died": one person noun (singular) or a pronoun as the subject of "died". */
const SINGLE_SUBJECT =
  /(?<![\w-])(?:(?:the|an?)\s+((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)|(he|she))\s+(?:later\s+|subsequently\s+|reportedly\s+|also\s+)?died(?![\w-])/giu;
/** The body of one person: "the body of a man", "a woman's body". */
const SINGLE_BODY =
  /(?<![\w-])(?:(?:the\s+)?body\s+of\s+(?:an?|one)\s+([\p{L}'’-]+)|(?:an?)\s+((?:[\p{L}'’-]+\s+){0,2}?[\p{L}-]+)['’]s\s+body)(?![\w-])/iu;
// Collectives and non-persons that an article can name after a killing verb ("killed the family": how many?).
const NOT_ONE_PERSON =
  /^(?:police|army|military|family|families|crew|group|community|village|population|people|staff|personnel|youth|public|enemy|number|total|couple|pair|few|dozen|lot|day|week|month|year|night|hour|while|time)$/i;

// A demonstration's cause ("marched after a policeman shot a taxi driver dead", "demanding justice for a youth who
// was killed"): that death is no casualty of the demonstration (2 of the 53 ACLED notes the rule first changed).
const PROTEST_CAUSE =
  /\b(?:protest|demonstrat|rall(?:y|ied)|vigil|dharna|sit-in|march(?:ed|es)?\b)[^.;]*?\b(?:after|over|following|against|for|demand|condemn|denounc|justice|commemorat|honou?r|mourn)/i;

const EITHER_OR_AFTER =
  /^\s*,?\s*(?:(?:injured|wounded|captured|arrested|detained)\s*,?\s*)?or\s+(?:injured|wounded|captured|arrested|detained|surrendered)\b/i;
// Between a demonstration's cause word and a killed figure: a clause boundary or a force acting in the event.
const CAUSE_BREAK = /[,;]|\b(?:police|security forces|troops|soldiers|gendarmes|army|opened fire|fired|shot at)\b/i;

/** `causeEnd`: where a demonstration's cause clause ends in `text` (deaths from there on are its cause's). */
function singleVictim(
  lex: CountLexicon,
  text: string,
  causeEnd: number,
): { start: number; end: number; reason: string } | null {
  // The head part of the noun phrase: "a judge of a district court" is a judge, whatever the court is.
  const words = (np: string) =>
    np
      .toLowerCase()
      // …and "a man driving a motorcycle" is a man.
      .split(/\s+(?:of|from|in|at|with|for|on)\s+|\s+\w+ing\b/)[0]
      ?.split(/\s+/)
      .filter(Boolean) ?? [];
  // A noun phrase names one person when none of its head words is a thing and its noun is no collective ("a
  // military police officer" is one officer).
  const onePerson = (np: string) => {
    const ws = words(np);
    return ws.every((w) => !lex.thing.test(w)) && !NOT_ONE_PERSON.test(ws[ws.length - 1] ?? '');
  };
  for (const m of execAll(SINGLE_PASSIVE, text)) {
    if (m.index >= causeEnd) break;
    const np = m[2] ?? '';
    // "the driver was killed": after "the", only a singular person noun.
    const noun = words(np).pop() ?? '';
    if (m[1]?.toLowerCase() === 'the' && !(lex.person.test(noun) && !/s$/i.test(noun))) continue;
    if (onePerson(np)) return { start: m.index, end: m.index + m[0].length, reason: 'single-victim' };
  }
  for (const m of execAll(SINGLE_OBJECT, text)) {
    if (m.index >= causeEnd) break;
    const np = m[2];
    // "killed a man and a woman": more than one, how many is for the number rules.
    if (
      /^\s*,?\s*(?:and|as well as|along with)\s+(?:an?|one|two|his|her|their|the|\d)/i.test(
        text.slice(m.index + m[0].length),
      )
    )
      continue;
    if (m[1] || (np && onePerson(np) && !/s$/i.test(np)))
      return { start: m.index, end: m.index + m[0].length, reason: 'single-victim-object' };
  }
  for (const m of execAll(SINGLE_SUBJECT, text)) {
    if (m.index >= causeEnd) break;
    const head = m[1]?.split(/\s+/).pop() ?? '';
    if (m[2] || (lex.person.test(head) && !/s$/i.test(head) && onePerson(m[1] ?? '')))
      return { start: m.index, end: m.index + m[0].length, reason: 'single-victim-died' };
  }
  const b = SINGLE_BODY.exec(text);
  if (b && b.index < causeEnd && onePerson(b[1] ?? b[2] ?? ''))
    return { start: b.index, end: b.index + b[0].length, reason: 'single-body' };
  return null;
}

// ACLED's remark that one figure covers several events ("a toll of 9 divided among 3 events", "deaths spread over 4
// events (1)": the number in brackets is this event's share).
const SPLIT_REMARK =
  /(?:split|spread|divided|distributed)\s+(?:up\s+|equally\s+|evenly\s+)?(?:between|among|across|over)\s+(?:the\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:events?|days|locations|incidents|attacks|clashes))?(?:\s*\((\d+)\))?/i;

/** This event's share of `total` by the split remark in `text`, or null when there is none. */
export function splitShare(lex: CountLexicon, text: string, total: number): { value: number; reason: string } | null {
  const split = SPLIT_REMARK.exec(text);
  if (!split) return null;
  if (split[2] !== undefined) return { value: Number(split[2]), reason: '-split-share' };
  const n = wordValue(lex, split[1] ?? '1') ?? 1;
  return n > 1 ? { value: Math.round(total / n), reason: `-split-${n}` } : null;
}

/** The count of one category for an event from the mentions in its sentences: the largest mention (never a sum of
 * repeated mentions of the same victims across sentences). */
export function pickCount(mentions: CountMention[], category: CountCategory): CountMention | null {
  let best: CountMention | null = null;
  for (const m of mentions) {
    if (m.category !== category) continue;
    if (m.reason.startsWith('acled-')) return m;
    // A party's own figure ("ISWAP claimed 7 killed") yields to a figure the outlet states (ACLED codes the most
    // conservative figure; a claim is not a fact).
    if (best && !!best.claimed !== !!m.claimed) {
      if (m.claimed) continue;
      best = m;
      continue;
    }
    if (!best || m.range.low > best.range.low) best = m;
  }
  return best;
}
