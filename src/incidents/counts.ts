/**
 * Counts as UCDP gives them: low, best, high over credible independent figures, plus ACLED's conservative figure.
 * best is the figure most independent sources support (a range supports every figure inside it), not the maximum;
 * a party's claim about its enemies' losses, an unconfirmed figure and a denied one are kept as claims and never
 * set the range.
 */
import type { CountRange } from '../model/extraction.js';
import type { CountClaim, CountSummary, IncidentCounts } from '../model/incident.js';
import type { EventFeature } from './features.js';
import { normalizeWords } from './lexicon.js';

export type CountKind = 'fatalities' | 'injured' | 'captured';

/**
 * True when the attribution names the event's perpetrator (actor1): a claim about the other side's losses, or an
 * admission. The actor must be named by its full name or by words of two or more tokens ("Hamza Division"), so a
 * bare "military" or "army" in "a military source" does not make the source a belligerent; attributions holding a
 * veto word (anonymous sourcing: "source", "activists") never do.
 */
export function claimByPerpetrator(f: EventFeature, vetoes: readonly string[] = []): boolean {
  const attribution = f.event.attribution;
  const actor = f.event.actor1;
  if (!attribution || !actor) return false;
  const att = ` ${normalizeWords(attribution)} `;
  if (vetoes.some((v) => att.includes(` ${normalizeWords(v)} `))) return false;
  for (const name of [actor.name, actor.text]) {
    const n = normalizeWords(name ?? '');
    if (n.includes(' ') || n === normalizeWords(actor.name)) {
      if (n.length >= 3 && att.includes(` ${n} `)) return true;
    }
  }
  return false;
}

/** Why a figure is not credible, or null when it is. */
export function discreditReason(f: EventFeature, vetoes: readonly string[] = []): string | null {
  switch (f.event.certainty) {
    case 'denied':
      return 'denied';
    case 'unconfirmed':
      return 'unconfirmed';
    case 'claimed':
      return claimByPerpetrator(f, vetoes) ? 'claim-about-enemy-losses' : null;
    default:
      return null;
  }
}

interface FamilyFigure {
  family: string;
  low: number;
  high: number | null;
  /** Latest publication day among the family's reports giving the figure. */
  published: number;
}

export function summarizeCount(
  kind: CountKind,
  members: EventFeature[],
  familyOf: Map<string, string>,
  vetoes: readonly string[] = [],
): CountSummary {
  const claims: CountClaim[] = [];
  const byFamily = new Map<string, FamilyFigure>();
  for (const m of members) {
    const range: CountRange | null = m.event[kind];
    if (!range || !Number.isFinite(range.low)) continue;
    const why = discreditReason(m, vetoes);
    if (why) {
      claims.push({ event: m.key, range, certainty: m.event.certainty, attribution: m.event.attribution, reason: why });
      continue;
    }
    const family = familyOf.get(m.key) ?? m.key;
    const prev = byFamily.get(family);
    const published = m.published ?? -1;
    // Within one source (a syndicated copy, two events of one report) the larger figure is its latest total. A
    // copy republished later repeats the original figure, so a figure dates from its first appearance.
    if (!prev || range.low > prev.low || (range.low === prev.low && (range.high ?? Infinity) > (prev.high ?? Infinity)))
      byFamily.set(family, { family, low: range.low, high: range.high, published });
    else if (range.low === prev.low && range.high === prev.high) prev.published = Math.min(prev.published, published);
  }
  claims.sort((a, b) => (a.event < b.event ? -1 : a.event > b.event ? 1 : 0));
  const figures = [...byFamily.values()];
  if (figures.length === 0)
    return { low: null, best: null, high: null, acled: null, reason: 'no-credible-figure', claims };
  const low = Math.min(...figures.map((f) => f.low));
  const high = Math.max(...figures.map((f) => f.high ?? f.low));
  let best = figures[0]!.low;
  let bestSupport = -1;
  let bestPublished = -1;
  const candidates = [
    ...new Set(figures.flatMap((f) => (f.high !== null && f.high !== f.low ? [f.low, f.high] : [f.low]))),
  ];
  for (const v of candidates.sort((a, b) => a - b)) {
    const supporters = figures.filter((f) => v >= f.low && v <= (f.high ?? Infinity));
    const support = supporters.length;
    const published = Math.max(...supporters.map((f) => f.published));
    // More independent support wins; then the more recent figure (later reports know more); then, candidates being
    // visited in ascending order, the larger (tolls are revised upwards far more often than down; the conservative
    // reading is kept in low and acled).
    if (support > bestSupport || (support === bestSupport && published >= bestPublished)) {
      best = v;
      bestSupport = support;
      bestPublished = published;
    }
  }
  const reason =
    figures.length === 1
      ? 'single-source'
      : bestSupport > 1
        ? `supported-by-${bestSupport}-sources`
        : 'most-recent-figure';
  return { low, best, high, acled: low, reason, claims };
}

export function summarizeCounts(
  members: EventFeature[],
  familyOf: Map<string, string>,
  vetoes: readonly string[] = [],
): IncidentCounts {
  return {
    killed: summarizeCount('fatalities', members, familyOf, vetoes),
    injured: summarizeCount('injured', members, familyOf, vetoes),
    captured: summarizeCount('captured', members, familyOf, vetoes),
  };
}
