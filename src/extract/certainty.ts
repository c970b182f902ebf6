/**
 * Certainty and attribution of a sentence: reported (the outlet's own voice or an attributed report), claimed (a
 * party's own claim), unconfirmed (hedged: "allegedly", "could not be verified", "reports are surfacing") or denied
 * (a party denies it). The attributed source is the noun phrase next to the attribution verb ("X said",
 * "according to X"). Sentences inside an embedded post are the post author's claims.
 */

import type { Certainty } from '../model/extraction.js';
import type { Span } from '../model/report.js';
import { compilePattern, type LexiconRow } from './lexicon-file.js';
import { execAll } from './regex.js';

export interface CertaintyRule {
  certainty: Certainty;
  kind: 'hedge' | 'source-before' | 'source-after';
  re: RegExp;
}

export interface CertaintyDecision {
  certainty: Certainty;
  attribution: string | null;
  reason: string;
  span: Span | null;
}

export function compileCertaintyLexicon(rows: LexiconRow[]): CertaintyRule[] {
  return rows.map((row) => {
    const [certainty, kind, ...rest] = row.fields;
    if (!['reported', 'claimed', 'unconfirmed', 'denied'].includes(certainty ?? '')) {
      throw new Error(`${row.file}:${row.line}: unknown certainty '${certainty}'`);
    }
    if (!['hedge', 'source-before', 'source-after'].includes(kind ?? '')) {
      throw new Error(`${row.file}:${row.line}: unknown kind '${kind}'`);
    }
    return {
      certainty: certainty as Certainty,
      kind: kind as CertaintyRule['kind'],
      re: compilePattern(rest.join('|'), row),
    };
  });
}

// Rank when several cues meet in one sentence: a denial outweighs a hedge, a hedge outweighs a claim.
const RANK: Record<Certainty, number> = { denied: 4, unconfirmed: 3, claimed: 2, reported: 1 };

const SOURCE_NOUN =
  /^(?:spokesm[ae]n|spokesperson|officials?|sources?|police|army|ministry|military|residents?|witnesses|activists?|group|observatory|agency|media|monitor|statement|channel|authorities|commander|governor|militants?|rebels?|forces|outlets?|reports?|journalists?)$/;
const DETERMINER = /^(?:the|a|an|its|their|local|his|her)$/i;

/**
 * The source noun phrase right before an attribution verb ("… the district police said"): up to 6 words read
 * backwards, ending in a name or a source noun. A word scan, not a regular expression anchored at the end, which
 * would retry from every position of the sentence.
 */
function sourceBefore(text: string, at: number): string | null {
  const head = text.slice(Math.max(0, at - 90), at).replace(/[\s,]+$/, '');
  const words = head.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (!/^\p{Lu}/u.test(last) && !SOURCE_NOUN.test(last.toLowerCase())) return null;
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 6; i--) {
    const w = words[i] ?? '';
    if (!w || /[.;:!?]$/.test(w) || (kept.length > 0 && /,$/.test(w))) break;
    if (/^\p{Lu}/u.test(w) || SOURCE_NOUN.test(w.toLowerCase()) || DETERMINER.test(w) || /^[a-z]+(?:'s)?$/.test(w)) {
      kept.unshift(w);
      if (DETERMINER.test(w)) break;
    } else break;
  }
  // Trim leading lower-case words that are not part of the name ("… and the army" → "the army").
  while (
    kept.length > 1 &&
    /^[a-z]/.test(kept[0] ?? '') &&
    !DETERMINER.test(kept[0] ?? '') &&
    !SOURCE_NOUN.test(kept[0] ?? '')
  )
    kept.shift();
  return kept.length ? kept.join(' ') : null;
}
function sourceAfter(text: string, from: number): string | null {
  const m =
    /^\s*((?:the\s+|a\s+|an\s+)?(?:[\w'’.&-]+\s*){1,7}?)(?=[,.;:]|\s+(?:said|reported|that|which|who|on|in)\b|$)/u.exec(
      text.slice(from, from + 100),
    );
  return m?.[1]?.trim().replace(/[.,;:]+$/, '') || null;
}

/** Parties whose own statements about their actions are claims rather than reports. */
const PARTY =
  /\b(?:militants?|rebels?|group|army|military|forces|ministry of defen[cs]e|defen[cs]e ministry|spokesm[ae]n|commander|taliban|houthis?|shabaab|islamic state|amaq|hamas|hezbollah|idf|statement|telegram|channel|propaganda)\b/i;

const anyCue = new WeakMap<CertaintyRule[], RegExp>();

export function assessCertainty(rules: CertaintyRule[], sentence: string, offset = 0): CertaintyDecision {
  let best: CertaintyDecision = { certainty: 'reported', attribution: null, reason: 'outlet-voice', span: null };
  // One test for all cues first: most clauses have none.
  let any = anyCue.get(rules);
  if (!any) {
    any = new RegExp(rules.map((r) => r.re.source).join('|'), 'i');
    anyCue.set(rules, any);
  }
  if (!any.test(sentence)) return best;
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (const m of execAll(rule.re, sentence)) {
      let source: string | null = null;
      if (rule.kind === 'source-before') source = sourceBefore(sentence, m.index);
      else if (rule.kind === 'source-after') source = sourceAfter(sentence, m.index + m[0].length);
      let certainty = rule.certainty;
      // "The group said it had captured…" — a party speaking of its own action is a claim.
      if (certainty === 'reported' && source && PARTY.test(source) && rule.kind === 'source-before')
        certainty = 'claimed';
      const decision: CertaintyDecision = {
        certainty,
        attribution: source,
        reason: `${certainty}:${m[0].toLowerCase()}`,
        span: { start: offset + m.index, end: offset + m.index + m[0].length },
      };
      if (
        RANK[decision.certainty] > RANK[best.certainty] ||
        (decision.certainty === best.certainty && !best.attribution && decision.attribution)
      ) {
        // Keep a source found by a weaker cue when the stronger cue has none ("X said the reports are unverified").
        if (!decision.attribution && best.attribution) decision.attribution = best.attribution;
        best = decision;
      } else if (!best.attribution && source) best.attribution = source;
    }
  }
  return best;
}
