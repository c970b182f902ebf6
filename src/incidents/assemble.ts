/**
 * Turns a group of member events into an Incident: the best type, actors, date and place, counts, sources and grade.
 * Every choice is deterministic in the member set (ties are broken by member key).
 */
import { createHash } from 'node:crypto';
import type { EventActor, EventDate, EventLocation } from '../model/extraction.js';
import type { Incident, IncidentMember, IncidentReport } from '../model/incident.js';
import { summarizeCounts } from './counts.js';
import { compareCanonical, type EventFeature } from './features.js';
import { gradeIncident } from './grade.js';
import type { IncidentLexicon } from './lexicon.js';
import { assignFamilies, compareSourceReports } from './sources.js';

/** Stable id of an incident: derived from its smallest member key, so it does not depend on input order. */
export function incidentId(memberKeys: string[]): string {
  // Keys are strings: the smallest in code-unit order.
  const min = [...memberKeys].sort()[0] ?? '';
  return `inc-${createHash('sha1').update(min).digest('hex').slice(0, 12)}`;
}

const CERTAINTY_WEIGHT = { reported: 3, claimed: 2, unconfirmed: 1, denied: 0 } as const;

/** The member that speaks for the incident: the most certain, best placed, best dated, most confident. */
function representative(members: EventFeature[]): EventFeature {
  return [...members].sort(
    (a, b) =>
      CERTAINTY_WEIGHT[b.event.certainty] - CERTAINTY_WEIGHT[a.event.certainty] ||
      b.actors.length - a.actors.length ||
      compareCanonical(a, b),
  )[0]!;
}

/** The value most independent families give; ties to the value of the earliest member in canonical order. */
function vote<T>(
  members: EventFeature[],
  familyOf: Map<string, string>,
  get: (m: EventFeature) => T | null,
  id: (v: T) => string,
): T | null {
  const tally = new Map<string, { value: T; families: Set<string>; first: EventFeature }>();
  for (const m of [...members].sort(compareCanonical)) {
    const v = get(m);
    if (v === null) continue;
    const k = id(v);
    let t = tally.get(k);
    if (!t) {
      t = { value: v, families: new Set(), first: m };
      tally.set(k, t);
    }
    t.families.add(familyOf.get(m.key) ?? m.key);
  }
  let best: { value: T; families: Set<string>; first: EventFeature } | null = null;
  for (const t of tally.values()) {
    if (
      !best ||
      t.families.size > best.families.size ||
      (t.families.size === best.families.size && compareCanonical(t.first, best.first) < 0)
    )
      best = t;
  }
  return best?.value ?? null;
}

function bestDate(members: EventFeature[], familyOf: Map<string, string>): EventDate | null {
  const dated = members.filter((m) => m.event.date);
  if (dated.length === 0) return null;
  const order = ['day', 'week', 'month', 'year'];
  const finest = Math.min(...dated.map((m) => order.indexOf(m.event.date!.precision)));
  return vote(
    dated.filter((m) => order.indexOf(m.event.date!.precision) === finest),
    familyOf,
    (m) => m.event.date,
    (d) => `${d.start}/${d.end}/${d.precision}`,
  );
}

function bestLocation(members: EventFeature[], familyOf: Map<string, string>): EventLocation | null {
  const placed = members.filter((m) => m.event.location);
  if (placed.length === 0) return null;
  const finest = Math.min(...placed.map((m) => m.precisionRank));
  return vote(
    placed.filter((m) => m.precisionRank === finest),
    familyOf,
    (m) => m.event.location,
    (l) => `${l.geonameid ?? ''}/${l.name}/${l.lat.toFixed(3)}/${l.lon.toFixed(3)}`,
  );
}

/** Actors of the representative; an empty slot is filled from the first member whose actor is not already named. */
function bestActors(
  rep: EventFeature,
  members: EventFeature[],
): { actor1: EventActor | null; actor2: EventActor | null } {
  let actor1 = rep.event.actor1;
  let actor2 = rep.event.actor2;
  const same = (a: EventActor | null, b: EventActor | null) => Boolean(a && b && a.name === b.name);
  for (const m of [...members].sort(compareCanonical)) {
    for (const a of [m.event.actor1, m.event.actor2]) {
      if (!a || same(a, actor1) || same(a, actor2)) continue;
      if (!actor1) actor1 = a;
      else if (!actor2) actor2 = a;
    }
  }
  return { actor1, actor2 };
}

export function assembleIncident(
  members: EventFeature[],
  reasons: Map<string, string>,
  reports: Map<string, IncidentReport>,
  lexicon: IncidentLexicon,
): Incident {
  const { familyOf, families } = assignFamilies(members, reports);
  const rep = representative(members);
  const type =
    vote(
      members,
      familyOf,
      (m) => m.event.sub_event_type,
      (s) => s,
    ) ?? rep.event.sub_event_type;
  const typed = members.find((m) => m.event.sub_event_type === type) ?? rep;
  const { grade, reason } = gradeIncident(members, familyOf, lexicon, type);
  const sortedMembers = [...members].sort((a, b) => {
    const pa = reports.get(a.report)?.published ?? '9999';
    const pb = reports.get(b.report)?.published ?? '9999';
    return pa < pb ? -1 : pa > pb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  const memberList: IncidentMember[] = sortedMembers.map((m) => ({
    key: m.key,
    report: m.report,
    externalId: reports.get(m.report)?.externalId ?? null,
    index: m.index,
    event_type: m.event.event_type,
    sub_event_type: m.event.sub_event_type,
    certainty: m.event.certainty,
    attribution: m.event.attribution,
    date: m.event.date,
    location: m.event.location,
    evidence: m.event.evidence,
    family: familyOf.get(m.key) ?? m.key,
    reason: reasons.get(m.key) ?? 'compatible',
  }));
  const allReports = families.flatMap((f) => f.reports).sort(compareSourceReports);
  const dated = allReports.filter((r) => r.published);
  return {
    id: incidentId(members.map((m) => m.key)),
    event_type: typed.event.event_type,
    sub_event_type: type,
    actors: bestActors(rep, members),
    date: bestDate(members, familyOf),
    location: bestLocation(members, familyOf),
    counts: summarizeCounts(members, familyOf, lexicon.officialVetoes ?? []),
    grade,
    grade_reason: reason,
    sources: families,
    members: memberList,
    firstReport: allReports[0] ?? null,
    latestReport: dated.length > 0 ? dated[dated.length - 1]! : (allReports[allReports.length - 1] ?? null),
    links: [],
  };
}
