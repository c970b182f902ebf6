/**
 * Independent sources. Reports are one source when they are syndicated copies (the same syndication family from
 * ingest), carry the same wire story (the same agency in the dateline), or when an event's claim comes from an
 * embedded post: then the source is the post's author, whoever embedded it.
 */
import type { IncidentReport, SourceFamily, SourceReport } from '../model/incident.js';
import type { EventFeature } from './features.js';
import { normalizeWords } from './lexicon.js';

/** The raw source keys of one member: its report, its syndication family, its wire, or its post author. */
export function sourceKeys(f: EventFeature, report: IncidentReport | undefined): string[] {
  const post = f.event.embeddedPost;
  if (post !== null && post !== undefined && report?.embeddedPosts?.[post]) {
    const p = report.embeddedPosts[post]!;
    const who = normalizeWords(p.handle ?? p.author ?? '');
    if (who) return [`post:${who}`];
  }
  const keys = [`report:${f.report}`];
  if (report?.familyId) keys.push(`syndication:${report.familyId}`);
  if (report?.wire) {
    const wire = normalizeWords(report.wire);
    if (wire) keys.push(`wire:${wire}`);
  }
  return keys;
}

export interface FamilyAssignment {
  /** Family id per member key. */
  familyOf: Map<string, string>;
  families: SourceFamily[];
}

function sourceReport(id: string, r: IncidentReport | undefined): SourceReport {
  return {
    id,
    externalId: r?.externalId ?? null,
    ...(r?.externalIds && r.externalIds.length > 1 ? { externalIds: r.externalIds } : {}),
    outlet: r?.outlet ?? hostOf(r?.url) ?? null,
    published: r?.published ?? null,
  };
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Not a URL (a file path, a corpus locator): no outlet can be read from it.
    return null;
  }
}

/**
 * Groups the members' sources into independent families (union-find over shared keys). A family's id is its
 * smallest key, so it does not depend on input order.
 */
export function assignFamilies(members: EventFeature[], reports: Map<string, IncidentReport>): FamilyAssignment {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = k;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const keysOf = new Map<string, string[]>();
  for (const m of members) {
    const keys = sourceKeys(m, reports.get(m.report));
    keysOf.set(m.key, keys);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (let i = 1; i < keys.length; i++) union(keys[0]!, keys[i]!);
  }
  const familyOf = new Map<string, string>();
  const byFamily = new Map<string, { keys: Set<string>; reports: Map<string, SourceReport> }>();
  for (const m of members) {
    const keys = keysOf.get(m.key)!;
    const fam = find(keys[0]!);
    familyOf.set(m.key, fam);
    let entry = byFamily.get(fam);
    if (!entry) {
      entry = { keys: new Set(), reports: new Map() };
      byFamily.set(fam, entry);
    }
    for (const k of keys) entry.keys.add(k);
    entry.reports.set(m.report, sourceReport(m.report, reports.get(m.report)));
  }
  const families: SourceFamily[] = [];
  for (const [id, entry] of byFamily) {
    const list = [...entry.reports.values()].sort(compareSourceReports);
    const keys = [...entry.keys];
    const post = keys.find((k) => k.startsWith('post:'));
    const wire = keys.find((k) => k.startsWith('wire:'));
    const syndicated = keys.some((k) => k.startsWith('syndication:')) && list.length > 1;
    const kind: SourceFamily['kind'] = post
      ? 'post'
      : wire && list.length > 1
        ? 'wire'
        : syndicated
          ? 'syndication'
          : wire
            ? 'wire'
            : 'report';
    const label = post
      ? post.slice(5)
      : wire
        ? (reports.get(list[0]!.id)?.wire ?? wire.slice(5))
        : (list[0]?.outlet ?? null);
    families.push({ id, kind, label, reports: list });
  }
  families.sort((a, b) => compareSourceReports(a.reports[0]!, b.reports[0]!) || (a.id < b.id ? -1 : 1));
  return { familyOf, families };
}

/** Earliest published first (undated last), then by id. */
export function compareSourceReports(a: SourceReport, b: SourceReport): number {
  const pa = a.published ?? '9999';
  const pb = b.published ?? '9999';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
