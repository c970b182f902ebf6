/**
 * Clustering events into incidents, incrementally.
 *
 * 1. Blocking: each event is indexed by week and by a 1° geographic cell (fine places) or by country (admin1 and
 *    country precision). Only events in neighbouring blocks are compared, which keeps the work near-linear.
 * 2. Components: compatible pairs (and analyst must-links) join connected components (union-find). Components only
 *    ever merge when events arrive, so adding events touches only the components they join.
 * 3. Inside a component, units (single events, or analyst must-sets) are taken in canonical order (finest place,
 *    narrowest date, key) and each joins the best-scoring incident it is compatible with as a whole (complete
 *    linkage: a town and its admin2 merge, two towns of that admin2 do not chain into one), else starts one.
 *    The result depends only on the set of events and decisions, never on input order, and an incremental update
 *    gives exactly what a rebuild would.
 * 4. Follow-ups (a strategic development such as a hand-over, or a retaliation) stay separate incidents and link
 *    to the incident they follow.
 */
import type {
  AnalystDecision,
  EventKey,
  Incident,
  IncidentEventInput,
  IncidentLink,
  IncidentReport,
} from '../model/incident.js';
import { assembleIncident } from './assemble.js';
import { actorScore, compatible, distanceKm, typeGroup } from './compatibility.js';
import { buildConstraints, type Constraints, pairKey } from './decisions.js';
import { compareCanonical, dayNumber, type EventFeature, eventFeature } from './features.js';
import { EMPTY_LEXICON, type IncidentLexicon } from './lexicon.js';

/** Blocking granularity: 7-day buckets and 1° cells (≥ 55 km of longitude up to 60° N/S, ≥ the 55 km admin2 radius). */
const WEEK_DAYS = 7;
const CELL_DEGREES = 1;
/** Added to the score of an incident holding another event of the same report (pair scores are about 1–7). */
const SAME_REPORT_BONUS = 3;
/** A follow-up (hand-over, retaliation) is linked to an incident that ended at most this many days before it. */
export const FOLLOW_WINDOW_DAYS = 14;
/** …and lies within this distance of it (or in the same admin1 when one of them is only placed by region). */
export const FOLLOW_DISTANCE_KM = 100;

export interface IncidentIndexOptions {
  lexicon?: IncidentLexicon;
  decisions?: readonly AnalystDecision[];
}

export interface UpdateResult {
  /** Incidents created or changed by the update (with their links recomputed). */
  changed: Incident[];
  /** Ids of incidents that no longer exist (merged into others or re-formed under another id). */
  removed: string[];
  /** Events ignored because an event with the same key was already indexed. */
  duplicates: EventKey[];
}

interface Stored {
  incident: Incident;
  members: number[];
  start: number | null;
  end: number | null;
  followUp: boolean;
}

export class IncidentIndex {
  private readonly lexicon: IncidentLexicon;
  private readonly reports = new Map<string, IncidentReport>();
  private readonly feats: EventFeature[] = [];
  private readonly byKey = new Map<EventKey, number>();
  private readonly parent: number[] = [];
  private readonly compMembers = new Map<number, number[]>();
  private readonly adj: number[][] = [];
  private readonly buckets = new Map<number, number[]>();
  /** Country code → small integer, for numeric bucket keys (string keys cost ~100 MB at 200,000 events). */
  private readonly countryNo = new Map<string, number>();
  private readonly incidentsOfRoot = new Map<number, string[]>();
  private readonly stored = new Map<string, Stored>();
  /** Incidents by `country|week` of their date, for follow-up links. */
  private readonly linkBuckets = new Map<string, Set<string>>();
  private decisions: AnalystDecision[] = [];
  private constraints: Constraints;
  private stamp: number[] = [];
  private stampNo = 0;

  constructor(options: IncidentIndexOptions = {}) {
    this.lexicon = options.lexicon ?? EMPTY_LEXICON;
    this.decisions = [...(options.decisions ?? [])];
    this.constraints = buildConstraints(this.decisions);
  }

  /** Registers (or updates) report metadata; call before adding the report's events. */
  addReports(reports: Iterable<IncidentReport>): void {
    for (const r of reports) this.reports.set(r.id, r);
  }

  get size(): number {
    return this.feats.length;
  }

  /** Adds events and re-forms only the incidents of the components they touch. */
  add(events: Iterable<IncidentEventInput>): UpdateResult {
    const fresh: number[] = [];
    const duplicates: EventKey[] = [];
    for (const input of events) {
      const f = eventFeature(input, this.reports.get(input.report), this.lexicon);
      if (this.byKey.has(f.key)) {
        duplicates.push(f.key);
        continue;
      }
      const i = this.feats.length;
      this.feats.push(f);
      this.byKey.set(f.key, i);
      this.parent.push(i);
      this.compMembers.set(i, [i]);
      this.adj.push([]);
      this.stamp.push(0);
      fresh.push(i);
    }
    // Compare each new event with the indexed ones before indexing it, so every pair is tested once.
    for (const i of fresh) {
      for (const j of this.candidates(i)) {
        if (compatible(this.feats[i]!, this.feats[j]!).ok) {
          this.adj[i]!.push(j);
          this.adj[j]!.push(i);
          this.union(i, j);
        }
      }
      this.insert(i);
    }
    const roots = new Set<number>();
    for (const i of fresh) roots.add(this.find(i));
    for (const i of fresh) for (const r of this.linkMust(i)) roots.add(r);
    const result = this.recluster(roots);
    return { ...result, duplicates };
  }

  /** Replaces the analyst decisions and re-forms every incident they touch (before or after the change). */
  setDecisions(decisions: readonly AnalystDecision[]): UpdateResult {
    const before = this.constraints.touched;
    this.decisions = [...decisions];
    this.constraints = buildConstraints(this.decisions);
    const roots = new Set<number>();
    for (const k of new Set([...before, ...this.constraints.touched])) {
      const i = this.byKey.get(k);
      if (i === undefined) continue;
      for (const r of this.linkMust(i)) roots.add(r);
      roots.add(this.find(i));
    }
    return { ...this.recluster(roots), duplicates: [] };
  }

  /** Every incident, in a stable order (date, then id), with follow-up links. */
  incidents(): Incident[] {
    return [...this.stored.values()].map((s) => s.incident).sort(compareIncidents);
  }

  get(id: string): Incident | undefined {
    return this.stored.get(id)?.incident;
  }

  /** The incident an event belongs to. */
  incidentOf(key: EventKey): Incident | undefined {
    const i = this.byKey.get(key);
    if (i === undefined) return undefined;
    for (const id of this.incidentsOfRoot.get(this.find(i)) ?? []) {
      const s = this.stored.get(id)!;
      if (s.members.includes(i)) return s.incident;
    }
    return undefined;
  }

  // ── components ──────────────────────────────────────────────────────────────────────────────────────────────

  private find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  private union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    const ma = this.compMembers.get(ra)!;
    const mb = this.compMembers.get(rb)!;
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    const big = this.compMembers.get(ra)!;
    for (const x of this.compMembers.get(rb)!) big.push(x);
    this.compMembers.delete(rb);
    // The absorbed component's incidents are re-formed with the new root.
    const old = this.incidentsOfRoot.get(rb);
    if (old) {
      const list = this.incidentsOfRoot.get(ra) ?? [];
      list.push(...old);
      this.incidentsOfRoot.set(ra, list);
      this.incidentsOfRoot.delete(rb);
    }
    return ra;
  }

  /** Unions an event with its must-set partners already indexed; returns the roots involved. */
  private linkMust(i: number): number[] {
    const set = this.constraints.mustSet.get(this.feats[i]!.key);
    if (!set) return [];
    for (const k of set) {
      const j = this.byKey.get(k);
      if (j !== undefined) this.union(i, j);
    }
    return [this.find(i)];
  }

  // ── blocking ────────────────────────────────────────────────────────────────────────────────────────────────

  private weeks(f: EventFeature): number[] {
    if (f.start === null || f.end === null) return [];
    const out: number[] = [];
    for (let w = Math.floor((f.start - 1) / WEEK_DAYS); w <= Math.floor((f.end + 1) / WEEK_DAYS); w++) out.push(w);
    return out;
  }

  private isFine(f: EventFeature): boolean {
    return f.precisionRank <= 2 && f.lat !== null && f.lon !== null;
  }

  private insert(i: number): void {
    const f = this.feats[i]!;
    if (!f.dateUsable || f.precisionRank >= 5) return;
    const country = this.countryKey(f.country);
    for (const w of this.weeks(f)) {
      if (this.isFine(f)) {
        this.push(cellKey(w, Math.floor(f.lat! / CELL_DEGREES), Math.floor(f.lon! / CELL_DEGREES)), i);
        this.push(countryBucket(w, country, FINE), i);
      } else {
        this.push(countryBucket(w, country, COARSE), i);
      }
    }
  }

  private countryKey(country: string | null): number {
    const code = country ?? '?';
    let n = this.countryNo.get(code);
    if (n === undefined) {
      n = this.countryNo.size;
      this.countryNo.set(code, n);
    }
    return n;
  }

  private push(key: number, i: number): void {
    const list = this.buckets.get(key);
    if (list) list.push(i);
    else this.buckets.set(key, [i]);
  }

  private candidates(i: number): number[] {
    const f = this.feats[i]!;
    if (!f.dateUsable || f.precisionRank >= 5) return [];
    const stamp = ++this.stampNo;
    this.stamp[i] = stamp;
    const out: number[] = [];
    const take = (key: number) => {
      const list = this.buckets.get(key);
      if (!list) return;
      for (const j of list) {
        if (this.stamp[j] === stamp) continue;
        this.stamp[j] = stamp;
        out.push(j);
      }
    };
    const country = this.countryKey(f.country);
    for (const w of this.weeks(f)) {
      if (this.isFine(f)) {
        const cy = Math.floor(f.lat! / CELL_DEGREES);
        const cx = Math.floor(f.lon! / CELL_DEGREES);
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) take(cellKey(w, cy + dy, cx + dx));
      } else {
        take(countryBucket(w, country, FINE));
      }
      take(countryBucket(w, country, COARSE));
    }
    return out;
  }

  // ── clustering inside components ────────────────────────────────────────────────────────────────────────────

  private recluster(roots: Set<number>): { changed: Incident[]; removed: string[] } {
    const removed = new Set<string>();
    const created: Stored[] = [];
    const finalRoots = new Set([...roots].map((r) => this.find(r)));
    for (const root of [...finalRoots].sort((a, b) => a - b)) {
      for (const id of this.incidentsOfRoot.get(root) ?? []) {
        const s = this.stored.get(id);
        if (!s) continue;
        this.unstore(s);
        removed.add(id);
      }
      const groups = this.clusterComponent(this.compMembers.get(root)!);
      const ids: string[] = [];
      for (const g of groups) {
        const s = this.buildStored(g);
        this.store(s);
        ids.push(s.incident.id);
        created.push(s);
        removed.delete(s.incident.id);
      }
      this.incidentsOfRoot.set(root, ids);
    }
    // Links: the new incidents, and every follow-up whose window could reach one of them (its antecedent may change).
    const toLink = new Map<string, Stored>();
    // Buckets (country, week) a follow-up of a new incident can sit in; each is scanned once, however many new
    // incidents share it (a bulk load touches every bucket once instead of once per incident).
    const reach = new Set<string>();
    for (const s of created) {
      toLink.set(s.incident.id, s);
      if (s.start === null || s.end === null) continue;
      const country = s.incident.location?.country ?? '?';
      for (let w = Math.floor(s.start / WEEK_DAYS); w <= Math.floor((s.end + FOLLOW_WINDOW_DAYS) / WEEK_DAYS); w++)
        reach.add(`${country}|${w}`);
    }
    for (const key of reach) {
      for (const id of this.linkBuckets.get(key) ?? []) {
        const other = this.stored.get(id)!;
        if (other.followUp) toLink.set(id, other);
      }
    }
    const changed = new Map<string, Incident>();
    for (const s of created) changed.set(s.incident.id, s.incident);
    for (const s of toLink.values()) {
      const before = JSON.stringify(s.incident.links);
      s.incident.links = this.computeLinks(s);
      if (before !== JSON.stringify(s.incident.links)) changed.set(s.incident.id, s.incident);
    }
    return { changed: [...changed.values()].sort(compareIncidents), removed: [...removed].sort() };
  }

  private clusterComponent(members: number[]): number[][] {
    const { mustSet, cannot } = this.constraints;
    // Units: analyst must-sets (restricted to indexed events) or single events; each led by its canonical first member.
    const unitOf = new Map<number, number[]>();
    const units: number[][] = [];
    for (const i of members) {
      if (unitOf.has(i)) continue;
      const set = mustSet.get(this.feats[i]!.key);
      let unit = [i];
      if (set) {
        unit = [];
        for (const k of set) {
          const j = this.byKey.get(k);
          if (j !== undefined) unit.push(j);
        }
      }
      unit.sort((a, b) => compareCanonical(this.feats[a]!, this.feats[b]!));
      for (const j of unit) unitOf.set(j, unit);
      units.push(unit);
    }
    units.sort((a, b) => compareCanonical(this.feats[a[0]!]!, this.feats[b[0]!]!));
    const groupOf = new Map<number, number>();
    const groups: number[][] = [];
    for (const unit of units) {
      const candidateGroups = new Set<number>();
      for (const i of unit)
        for (const j of this.adj[i]!) {
          const g = groupOf.get(j);
          if (g !== undefined) candidateGroups.add(g);
        }
      let best = -1;
      let bestScore = -Infinity;
      for (const g of [...candidateGroups].sort((a, b) => a - b)) {
        const score = this.unitScore(unit, groups[g]!, cannot);
        if (score !== null && score > bestScore) {
          best = g;
          bestScore = score;
        }
      }
      if (best < 0) {
        best = groups.length;
        groups.push([]);
      }
      for (const i of unit) {
        groups[best]!.push(i);
        groupOf.set(i, best);
      }
    }
    return groups;
  }

  /**
   * Mean pair score when every (unit, group) pair is compatible and not cannot-linked, else null. An incident that
   * already holds another event of the same type from the same report scores SAME_REPORT_BONUS more: a report's
   * vague headline event ("a drone attack in Russia") belongs with its own detailed one, not with another report's
   * incident that day (but an abduction does not follow its report's arrest story by this bonus).
   */
  private unitScore(unit: number[], group: number[], cannot: Set<string>): number | null {
    let total = 0;
    let n = 0;
    let sameReport = false;
    for (const i of unit) {
      const fi = this.feats[i]!;
      for (const j of group) {
        const fj = this.feats[j]!;
        if (cannot.size > 0 && cannot.has(pairKey(fi.key, fj.key))) return null;
        const v = compatible(fi, fj);
        if (!v.ok) return null;
        total += v.score;
        n++;
        if (fi.report === fj.report && fi.event.event_type === fj.event.event_type) sameReport = true;
      }
    }
    return n === 0 ? null : total / n + (sameReport ? SAME_REPORT_BONUS : 0);
  }

  private buildStored(members: number[]): Stored {
    const feats = members.map((i) => this.feats[i]!);
    const reasons = new Map<string, string>();
    const sorted = [...feats].sort(compareCanonical);
    for (const f of feats)
      reasons.set(f.key, this.constraints.reason.get(f.key) ?? (f === sorted[0] ? 'seed' : 'compatible'));
    const incident = assembleIncident(feats, reasons, this.reports, this.lexicon);
    const start = dayNumber(incident.date?.start);
    const end = dayNumber(incident.date?.end ?? incident.date?.start);
    // A strategic development (hand-over, agreement) or a retaliation may follow another incident.
    const followUp = typeGroup(incident.sub_event_type).startsWith('strategic') || feats.some((f) => f.retaliation);
    return { incident, members, start, end, followUp };
  }

  // ── follow-up links ─────────────────────────────────────────────────────────────────────────────────────────

  private linkKeys(s: Stored): string[] {
    if (s.start === null || s.end === null) return [];
    const country = s.incident.location?.country ?? '?';
    const keys: string[] = [];
    for (let w = Math.floor(s.start / WEEK_DAYS); w <= Math.floor(s.end / WEEK_DAYS); w++) keys.push(`${country}|${w}`);
    return keys;
  }

  private store(s: Stored): void {
    this.stored.set(s.incident.id, s);
    for (const k of this.linkKeys(s)) {
      const set = this.linkBuckets.get(k) ?? new Set<string>();
      set.add(s.incident.id);
      this.linkBuckets.set(k, set);
    }
  }

  private unstore(s: Stored): void {
    this.stored.delete(s.incident.id);
    for (const k of this.linkKeys(s)) this.linkBuckets.get(k)?.delete(s.incident.id);
  }

  /** Incidents in the same country dated from FOLLOW_WINDOW_DAYS before s to its end: candidate antecedents. */
  private linkNeighbours(s: Stored): Stored[] {
    if (s.start === null || s.end === null) return [];
    const country = s.incident.location?.country ?? '?';
    const from = s.start - FOLLOW_WINDOW_DAYS;
    const to = s.end;
    const seen = new Set<string>();
    const out: Stored[] = [];
    for (let w = Math.floor(from / WEEK_DAYS); w <= Math.floor(to / WEEK_DAYS); w++) {
      for (const id of this.linkBuckets.get(`${country}|${w}`) ?? []) {
        if (seen.has(id) || id === s.incident.id) continue;
        seen.add(id);
        out.push(this.stored.get(id)!);
      }
    }
    return out;
  }

  private computeLinks(b: Stored): IncidentLink[] {
    if (!b.followUp || b.start === null) return [];
    let best: { s: Stored; gap: number; dist: number; reason: string } | null = null;
    for (const a of this.linkNeighbours(b)) {
      if (a.followUp || a.start === null || a.end === null) continue;
      if (a.start > b.start!) continue;
      const gap = Math.max(0, b.start! - a.end);
      if (gap > FOLLOW_WINDOW_DAYS) continue;
      const dist = this.followDistance(a.incident, b.incident);
      if (dist === null) continue;
      const reason = this.followReason(a, b);
      if (!reason) continue;
      if (
        !best ||
        gap < best.gap ||
        (gap === best.gap && dist < best.dist) ||
        (gap === best.gap && dist === best.dist && a.incident.id < best.s.incident.id)
      )
        best = { s: a, gap, dist, reason };
    }
    return best ? [{ type: 'follows', incident: best.s.incident.id, reason: best.reason }] : [];
  }

  /** Distance for a follow-up link, 0 for the same admin1 when one is only placed by region; null when apart. */
  private followDistance(a: Incident, b: Incident): number | null {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb) return null;
    if (la.country && lb.country && la.country !== lb.country) return null;
    if (la.precision === 'country' || lb.precision === 'country') return null;
    if (la.precision === 'admin1' || lb.precision === 'admin1')
      return la.admin1 && lb.admin1 && la.admin1 === lb.admin1 ? FOLLOW_DISTANCE_KM : null;
    const d = distanceKm(la.lat, la.lon, lb.lat, lb.lon);
    return d <= FOLLOW_DISTANCE_KM ? d : null;
  }

  /** Why b follows a: they share a named actor (a hand-over of the captives), or b retaliates against a. */
  private followReason(a: Stored, b: Stored): string | null {
    const fa = a.members.map((i) => this.feats[i]!);
    const fb = b.members.map((i) => this.feats[i]!);
    const namesA = new Set(fa.flatMap((f) => f.actors.map((x) => x?.name ?? '')).filter(Boolean));
    const shared = fb.flatMap((f) => f.actors.map((x) => x?.name ?? '')).find((n) => n && namesA.has(n));
    const retaliation = fb.some((f) => f.retaliation);
    if (retaliation) {
      const agree = fb.some((x) => fa.some((y) => actorScore(x, y) !== null));
      if (agree || shared) return 'retaliation';
      return null;
    }
    if (shared) return `follow-up:${b.incident.sub_event_type}:shared-actor`;
    return null;
  }
}

/**
 * Numeric bucket keys: the low 2 bits say which index (cell, fine events of a country, coarse events of a country).
 * Weeks are offset by 10,000 (day 0 = 1970) and cells by 300/500 so every part is positive; all stay < 2^53.
 */
const CELL = 0;
const FINE = 1;
const COARSE = 2;
function cellKey(week: number, cy: number, cx: number): number {
  return (((week + 10_000) * 1000 + (cy + 300)) * 1000 + (cx + 500)) * 4 + CELL;
}
function countryBucket(week: number, country: number, tag: number): number {
  return ((week + 10_000) * 100_000 + country) * 4 + tag;
}

export function compareIncidents(a: Incident, b: Incident): number {
  const da = a.date?.start ?? '9999';
  const db = b.date?.start ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface ClusterInput {
  reports: Iterable<IncidentReport>;
  events: Iterable<IncidentEventInput>;
  decisions?: readonly AnalystDecision[];
}

/** The whole stage as one pure function: reports + events (+ analyst decisions) → incidents. */
export function clusterIncidents(input: ClusterInput, lexicon: IncidentLexicon = EMPTY_LEXICON): Incident[] {
  const index = new IncidentIndex({ lexicon, decisions: input.decisions ?? [] });
  index.addReports(input.reports);
  index.add(input.events);
  return index.incidents();
}
