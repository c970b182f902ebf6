/**
 * Can two events describe the same incident? Four tests, each with a reason: type family, actors (either order),
 * place (a distance that depends on both precisions), dates (intervals that overlap or touch). A score ranks the
 * incidents an event could join.
 */
import type { SubEventType } from '../model/extraction.js';
import type { ActorFeature, EventFeature } from './features.js';

export type Verdict = { ok: true; score: number } | { ok: false; reason: string };

/**
 * Type groups: sub-event types that different outlets (and the coder) use for one incident. Battles, remote
 * violence and violence against civilians are one group: the same attack is "Armed clash" for one outlet and
 * "Attack" or "Shelling" for another. Protests and riots are another. Strategic developments are each their own
 * group (a hand-over or an agreement is another event, linked with "follows" instead).
 */
export const VIOLENT = new Set<string>([
  'Armed clash',
  'Government regains territory',
  'Non-state actor overtakes territory',
  'Chemical weapon',
  'Air/drone strike',
  'Suicide bomb',
  'Shelling/artillery/missile attack',
  'Remote explosive/landmine/IED',
  'Grenade',
  'Sexual violence',
  'Attack',
  'Abduction/forced disappearance',
]);
export const DEMONSTRATION = new Set<string>([
  'Peaceful protest',
  'Protest with intervention',
  'Excessive force against protesters',
  'Violent demonstration',
  'Mob violence',
]);
/** Pairs across groups that reports of one incident do mix (sorted pair keys). */
export const BRIDGES = new Set<string>(
  [
    ['Arrests', 'Abduction/forced disappearance'],
    ['Arrests', 'Protest with intervention'],
    ['Excessive force against protesters', 'Attack'],
    ['Mob violence', 'Attack'],
    ['Looting/property destruction', 'Violent demonstration'],
    ['Looting/property destruction', 'Mob violence'],
    ['Non-violent transfer of territory', 'Government regains territory'],
    ['Non-violent transfer of territory', 'Non-state actor overtakes territory'],
  ].map(([a, b]) => pairKey(a!, b!)),
);

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function typeGroup(sub: SubEventType): string {
  if (VIOLENT.has(sub)) return 'violent';
  if (DEMONSTRATION.has(sub)) return 'demonstration';
  return `strategic:${sub}`;
}

/** 2 same sub-type, 1 same group, 0.5 a bridge pair, null incompatible. */
export function typeScore(a: EventFeature, b: EventFeature): number | null {
  const sa = a.event.sub_event_type;
  const sb = b.event.sub_event_type;
  if (sa === sb) return 2;
  if (typeGroup(sa) === typeGroup(sb)) return a.event.event_type === b.event.event_type ? 1.5 : 1;
  if (BRIDGES.has(pairKey(sa, sb))) return 0.5;
  return null;
}

/** 2 same name (or one name inside the other), 1 same category, 0 unknown, -1 conflict. */
function actorMatch(a: ActorFeature | undefined, b: ActorFeature | undefined): number {
  if (!a || !b) return 0;
  if (a.name && b.name && (a.name === b.name || containsWords(a.name, b.name) || containsWords(b.name, a.name)))
    return 2;
  if (a.category === b.category) return 1;
  return -1;
}

function containsWords(outer: string, inner: string): boolean {
  return inner.length >= 3 && ` ${outer} `.includes(` ${inner} `);
}

/**
 * Actors agree when some order of the two (as given, or swapped: "A attacked B" and "B clashed with A") has an
 * agreeing actor. Outlets and the coder name sides differently ("Turkish-backed militants", "SNA"; victims as
 * civilians or as soldiers), so disagreement only lowers the score; it separates two events only when both name
 * two specific actors and no order agrees on either. Returns the best score, or null for that veto.
 */
export function actorScore(a: EventFeature, b: EventFeature): number | null {
  if (a.actorCount === 0 || b.actorCount === 0) return 0;
  const [a1, a2] = a.actors;
  const [b1, b2] = b.actors;
  let best = Number.NEGATIVE_INFINITY;
  let agreed = false;
  for (const pair of [
    [actorMatch(a1, b1), actorMatch(a2, b2)],
    [actorMatch(a1, b2), actorMatch(a2, b1)],
  ]) {
    if (pair.some((x) => x > 0)) agreed = true;
    const score = pair.reduce((s, x) => s + Math.max(x, -0.5), 0);
    if (score > best) best = score;
  }
  if (!agreed && a.actorCount === 2 && b.actorCount === 2) return null;
  return best;
}

const EARTH_KM = 6371.0088;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Radius of uncertainty per precision, in km. Two places are one when their distance is at most the sum of the
 * two radii: exact–exact 10 km (Khartoum and Omdurman, 10.4 km apart, stay two places; two districts of one city
 * merge), exact–near 25 km ("near Tal Tamr" vs Tal al-Hawa, 21 km), near–near 40 km.
 */
export const PLACE_RADIUS_KM = { exact: 5, near: 20 } as const;
/** A town and the centroid of the admin2 it lies in: admin2 areas are rarely wider than 100 km. */
export const ADMIN2_RADIUS_KM = 55;
/** An admin1 named only by its centroid (no admin1 name on one side): a generous region radius. */
export const ADMIN1_RADIUS_KM = 250;

/** Place score in 0..2, or null when the places are apart. */
export function placeScore(a: EventFeature, b: EventFeature): number | null {
  if (a.precisionRank >= 5 || b.precisionRank >= 5) return null;
  if (a.country && b.country && a.country !== b.country) return null;
  const coarse = Math.max(a.precisionRank, b.precisionRank);
  const haveCoords = a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null;
  const d = haveCoords ? distanceKm(a.lat!, a.lon!, b.lat!, b.lon!) : null;
  if (coarse <= 1) {
    const limit =
      (a.precisionRank === 0 ? PLACE_RADIUS_KM.exact : PLACE_RADIUS_KM.near) +
      (b.precisionRank === 0 ? PLACE_RADIUS_KM.exact : PLACE_RADIUS_KM.near);
    if (d === null || d > limit) return null;
    return 1 + (1 - d / limit);
  }
  if (a.admin1 && b.admin1 && a.admin1 !== b.admin1) return null;
  if (coarse === 2) {
    if (a.admin2 && b.admin2) return a.admin2 === b.admin2 ? 1 : null;
    if (d === null || d > ADMIN2_RADIUS_KM) return null;
    return 0.8;
  }
  if (coarse === 3) {
    if (a.admin1 && b.admin1) return 0.5;
    if (d === null || d > ADMIN1_RADIUS_KM) return null;
    return 0.4;
  }
  // Country precision: the country must be known on both sides (checked equal above).
  if (!a.country || !b.country) return null;
  return 0.2;
}

/**
 * Days two intervals may be apart and still be one incident: 1 ("touch"), because an outlet publishing the next
 * morning often dates a night attack to the day after.
 */
export const DATE_TOUCH_DAYS = 1;

export function dateGap(a: EventFeature, b: EventFeature): number | null {
  if (!a.dateUsable || !b.dateUsable || a.start === null || a.end === null || b.start === null || b.end === null)
    return null;
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
}

/** The whole test, in the order cheapest first. */
export function compatible(a: EventFeature, b: EventFeature): Verdict {
  if ((a.background || b.background) && a.report !== b.report) return { ok: false, reason: 'background-mention' };
  const gap = dateGap(a, b);
  if (gap === null) return { ok: false, reason: 'date-unusable' };
  if (gap > DATE_TOUCH_DAYS) return { ok: false, reason: 'dates-apart' };
  const ts = typeScore(a, b);
  if (ts === null) return { ok: false, reason: 'type-family' };
  const ps = placeScore(a, b);
  if (ps === null) return { ok: false, reason: 'place-apart' };
  const as = actorScore(a, b);
  if (as === null) return { ok: false, reason: 'actors-conflict' };
  // A country-wide event (often a headline whose region the geoparser missed) fits any incident of that country and
  // day: it needs the same event type and actors that do not disagree.
  if ((a.precisionRank === 4 || b.precisionRank === 4) && (ts < 1.5 || as < 0))
    return { ok: false, reason: 'country-too-vague' };
  if (a.retaliation !== b.retaliation && isAnswer(a, b)) return { ok: false, reason: 'retaliation-follow-up' };
  return { ok: true, score: ts + ps + as + (gap === 0 ? 1 : 0) };
}

/**
 * One of the two is marked as a retaliation and answers the other: it starts after the other ends, or (same day) it
 * is not the same perpetrator's act. The same strike told with and without the word "retaliation" names the same
 * perpetrator and still merges; the attack it answers has another (or an unknown) perpetrator.
 */
function isAnswer(a: EventFeature, b: EventFeature): boolean {
  const [ret, other] = a.retaliation ? [a, b] : [b, a];
  if (ret.start !== null && other.end !== null && ret.start > other.end) return true;
  return actorMatch(ret.actors[0], other.actors[0]) !== 2;
}
